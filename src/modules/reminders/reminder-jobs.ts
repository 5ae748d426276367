import { Injectable, OnModuleInit } from '@nestjs/common';
import { AppConfig } from 'src/config/app-config';
import { DipExemptionsService } from 'src/modules/dip';
import { JobQueue } from 'src/modules/jobs';
import { DipReminders } from './dip-reminders';
import { clockOf, ReminderJobData } from './reminder-rules';
import { ReminderRun, RemindersService } from './reminders.service';

export const DUE_SOON_QUEUE = 'reminders.due-soon';
export const DIGEST_QUEUE = 'reminders.digest';
export const ESCALATION_QUEUE = 'reminders.escalation';
export const DIP_BERKALA_QUEUE = 'reminders.dip-berkala';
export const DIP_EXEMPTIONS_QUEUE = 'reminders.dip-exemptions';

/** When each reminder job runs, in WIB; pg-boss fires each cron time once across all instances. */
export const REMINDER_SCHEDULES: readonly { queue: string; cron: string }[] = [
  // Every hour of the working day, so a request turning segera is known within the hour.
  { queue: DUE_SOON_QUEUE, cron: '0 7-16 * * 1-5' },
  // After office hours, for the next morning.
  { queue: DIGEST_QUEUE, cron: '0 18 * * 1-5' },
  { queue: ESCALATION_QUEUE, cron: '0 8 * * 1-5' },
  // Berkala items of the DIP due within ten working days or stale: once a morning.
  { queue: DIP_BERKALA_QUEUE, cron: '30 7 * * 1-5' },
  // Exempted DIP items whose Pasal 20 end date has passed open on the day after it, every day of the week.
  { queue: DIP_EXEMPTIONS_QUEUE, cron: '5 0 * * *' },
];

/** A reminder run that could not enqueue everything: the job fails and is retried; what went is not repeated. */
export class RemindersIncomplete extends Error {
  constructor(queue: string, failed: number) {
    super(`${queue}: ${failed} reminder(s) not enqueued`);
    this.name = 'RemindersIncomplete';
  }
}

/**
 * The reminder queues and their cron schedules. A job's data may carry `asOf` (an ISO instant) to
 * run at another clock than now. Under NODE_ENV=test the schedules are not applied, so no spec
 * receives a reminder because of the wall clock; specs run the service with their own clock, or
 * call applySchedules().
 */
@Injectable()
export class ReminderJobs implements OnModuleInit {
  constructor(
    private readonly jobs: JobQueue,
    private readonly reminders: RemindersService,
    private readonly config: AppConfig,
    private readonly dip: DipReminders,
    private readonly exemptions: DipExemptionsService,
  ) {}

  async onModuleInit(): Promise<void> {
    const options = { retryLimit: 5, expireInSeconds: 30 * 60 };
    const handlers: Record<string, (asOf: Date) => Promise<ReminderRun>> = {
      [DUE_SOON_QUEUE]: (asOf) => this.reminders.sendDueSoonReminders(asOf),
      [DIGEST_QUEUE]: (asOf) => this.reminders.sendDigests(asOf),
      [ESCALATION_QUEUE]: (asOf) => this.reminders.sendEscalations(asOf),
      [DIP_BERKALA_QUEUE]: (asOf) => this.dip.send(asOf),
      [DIP_EXEMPTIONS_QUEUE]: async (asOf) => {
        const run = await this.exemptions.openExpired(asOf);
        return { asOf, enqueued: [], unrouted: 0, failed: run.failed };
      },
    };
    // One queue at a time: pg-boss 10 creating queues concurrently can deadlock on PostgreSQL.
    for (const [queue, handler] of Object.entries(handlers)) {
      await this.jobs.work<ReminderJobData>(queue, (data) => this.run(queue, data, handler), options);
    }
    if (this.config.nodeEnv !== 'test') void this.applySchedules();
  }

  /** Stores the cron schedules (replacing earlier ones of the same names). */
  async applySchedules(): Promise<void> {
    for (const s of REMINDER_SCHEDULES) await this.jobs.schedule(s.queue, s.cron, {}, { tz: this.config.provinceTimeZone });
  }

  private async run(queue: string, data: ReminderJobData, work: (asOf: Date) => Promise<ReminderRun>): Promise<void> {
    const result = await work(clockOf(data, new Date()));
    if (result.failed > 0) throw new RemindersIncomplete(queue, result.failed);
  }
}
