import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AppConfig } from 'src/config/app-config';
import { JobQueue } from 'src/modules/jobs';
import { PublishedAnswersService } from './published-answers.service';

export const PUBLICATION_QUEUE = 'published-answers.sweep';

/** Every minute: a decided answer is public about a minute after the notice. */
export const PUBLICATION_CRON = '* * * * *';

/**
 * Publication runs as a job, not in the notice's transaction: the requests module stays unaware of
 * published answers (they depend on it, not the other way round), a publication that fails never
 * holds back or rolls back the notice to the requester, and the same sweep catches later decisions
 * (after an objection reopens a request), withdrawals and documents handed over after the notice.
 * Under NODE_ENV=test the schedule is not applied: specs run the sweep themselves.
 */
@Injectable()
export class PublicationJobs implements OnModuleInit {
  private readonly logger = new Logger('PublishedAnswers');

  constructor(
    private readonly jobs: JobQueue,
    private readonly answers: PublishedAnswersService,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.work(PUBLICATION_QUEUE, () => this.run(), { retryLimit: 2, expireInSeconds: 30 * 60 });
    if (this.config.nodeEnv !== 'test') void this.applySchedule();
  }

  async applySchedule(): Promise<void> {
    await this.jobs.schedule(PUBLICATION_QUEUE, PUBLICATION_CRON, {}, { tz: this.config.provinceTimeZone });
  }

  private async run(): Promise<void> {
    const r = await this.answers.sweep(new Date());
    if (r.published + r.updated + r.withdrawn > 0) this.logger.log({ msg: 'published answers swept', ...r });
  }
}
