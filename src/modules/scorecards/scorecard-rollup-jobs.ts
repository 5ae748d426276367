import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AppConfig } from 'src/config/app-config';
import { JobQueue } from 'src/modules/jobs';
import { ScorecardRollupsService } from './scorecard-rollups.service';

export const ROLLUP_REFRESH_QUEUE = 'scorecards.rollups';

/** Every minute: the longest a change waits for the figures when no page view applied it first. */
export const ROLLUP_REFRESH_CRON = '* * * * *';

/** How long after a change the figures show it at the latest: the cron's minute and a refresh. */
export const ROLLUP_FRESHNESS_MINUTES = 2;

export interface RollupRefreshJobData {
  /** Build every rollup from scratch instead of applying the marks. */
  rebuild?: unknown;
}

/**
 * The rollups' refresh job and its schedule. On start the rollups are built when they never were
 * (or the zone or calendar setting changed). Under NODE_ENV=test the schedule is not applied:
 * page views apply the marks themselves, and specs may send a job or call applySchedule().
 */
@Injectable()
export class ScorecardRollupJobs implements OnModuleInit {
  private readonly logger = new Logger('ScorecardRollups');

  constructor(
    private readonly jobs: JobQueue,
    private readonly rollups: ScorecardRollupsService,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.rollups.ensureBuilt();
    await this.jobs.work<RollupRefreshJobData>(ROLLUP_REFRESH_QUEUE, (data) => this.run(data), { retryLimit: 3, expireInSeconds: 60 * 60 });
    if (this.config.nodeEnv !== 'test') void this.applySchedule();
  }

  async applySchedule(): Promise<void> {
    await this.jobs.schedule(ROLLUP_REFRESH_QUEUE, ROLLUP_REFRESH_CRON, {}, { tz: this.config.provinceTimeZone });
  }

  private async run(data: RollupRefreshJobData): Promise<void> {
    const result = data.rebuild === true ? await this.rollups.rebuild() : await this.rollups.refreshAll();
    if (result.keys > 0 || result.calendarChanges > 0) {
      this.logger.log({ msg: 'scorecard rollups refreshed', keys: result.keys, calendarChanges: result.calendarChanges });
    }
  }
}
