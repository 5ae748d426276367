import { Injectable, OnModuleInit } from '@nestjs/common';
import { AppConfig } from 'src/config/app-config';
import { JobQueue } from 'src/modules/jobs';
import { BureauSummaryService } from './bureau-summary.service';

export const WEEKLY_SUMMARY_QUEUE = 'scorecards.weekly-summary';

/** Monday 07:00 in the province's zone, before the bureau's working week begins. */
export const WEEKLY_SUMMARY_CRON = '0 7 * * 1';

export interface WeeklySummaryJobData {
  /** An ISO instant to run at another clock than now. */
  asOf?: unknown;
}

/** A run that could not enqueue every mail: the job fails and is retried; what went is not repeated. */
export class WeeklySummaryIncomplete extends Error {
  constructor(failed: number) {
    super(`${WEEKLY_SUMMARY_QUEUE}: ${failed} summary mail(s) not enqueued`);
    this.name = 'WeeklySummaryIncomplete';
  }
}

export function summaryClockOf(data: WeeklySummaryJobData, now: Date): Date {
  if (data.asOf === undefined || data.asOf === null) return now;
  const asOf = typeof data.asOf === 'string' ? new Date(data.asOf) : null;
  if (!asOf || Number.isNaN(asOf.getTime())) throw new RangeError('weekly summary job: asOf must be an ISO date-time');
  return asOf;
}

/**
 * The weekly summary's queue and cron schedule. Under NODE_ENV=test the schedule is not applied;
 * specs send a job with their own `asOf`, or call applySchedule().
 */
@Injectable()
export class BureauSummaryJobs implements OnModuleInit {
  constructor(
    private readonly jobs: JobQueue,
    private readonly summaries: BureauSummaryService,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.work<WeeklySummaryJobData>(WEEKLY_SUMMARY_QUEUE, (data) => this.run(data), { retryLimit: 5, expireInSeconds: 30 * 60 });
    if (this.config.nodeEnv !== 'test') void this.applySchedule();
  }

  async applySchedule(): Promise<void> {
    await this.jobs.schedule(WEEKLY_SUMMARY_QUEUE, WEEKLY_SUMMARY_CRON, {}, { tz: this.config.provinceTimeZone });
  }

  private async run(data: WeeklySummaryJobData): Promise<void> {
    const result = await this.summaries.sendWeekly(summaryClockOf(data, new Date()));
    if (result.failed > 0) throw new WeeklySummaryIncomplete(result.failed);
  }
}
