import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleInit,
} from '@nestjs/common';
import PgBoss from 'pg-boss';
import { EntityManager } from 'typeorm';
import { DatabaseService } from 'src/database/database.service';
import { safeErrorSummary } from 'src/common/logging/error-summary';
import { JOBS_SETTINGS, JobsSettings } from './jobs-settings';
import { PoolSqlExecutor, transactionSqlExecutor } from './pg-boss-db';

/** What a handler learns about the job it runs. */
export interface JobContext {
  id: string;
  queue: string;
  /** 0 on the first attempt. */
  retryCount: number;
  retryLimit: number;
}

export type JobHandler<T extends object> = (data: T, job: JobContext) => Promise<void>;

/** Per-queue overrides of JobsSettings. */
export interface QueueOptions {
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  expireInSeconds?: number;
  retentionDays?: number;
}

export interface WorkOptions extends QueueOptions {
  /** Jobs of this queue run at once in this process (each worker fetches one job at a time). */
  concurrency?: number;
}

export interface SendOptions {
  /** Run no earlier than this instant, or this many seconds from now. */
  startAfter?: Date | number;
  /** At most one queued (not yet active) job per key and queue is kept; a duplicate is not enqueued. */
  singletonKey?: string;
  priority?: number;
}

export interface ScheduleOptions {
  /** Time zone of the cron expression (IANA name, e.g. the province's zone from AppConfig). */
  tz: string;
}

interface ScheduleRequest {
  name: string;
  cron: string;
  data: object;
  tz: string;
}

/** The PostgreSQL schema that holds pg-boss's tables. */
export const JOB_QUEUE_SCHEMA = 'pgboss';

/**
 * Jobs in PostgreSQL (pg-boss 10) on the app's one pool: retried with backoff, kept across restarts,
 * each job run by one worker across instances, cron schedules fired once across instances.
 * A job that follows a write is enqueued with sendInTransaction, in the writer's transaction.
 *
 * Lifecycle: pg-boss installs its schema and creates the declared queues in onModuleInit (so any
 * module may send from its own onApplicationBootstrap on); workers start in onApplicationBootstrap;
 * beforeApplicationShutdown stops fetching, waits for running handlers, then for pg-boss's last
 * queries, before the database closes in onApplicationShutdown.
 *
 * A web process (PROCESS_ROLE=web, JobsSettings.runJobs false) creates the queues and sends jobs
 * but starts no worker, applies no schedule and leaves pg-boss's maintenance to the worker processes.
 */
@Injectable()
export class JobQueue implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('JobQueue');
  private executor?: PoolSqlExecutor;
  private boss?: PgBoss;
  private readonly declared = new Map<string, QueueOptions>();
  private readonly created = new Set<string>();
  private readonly pendingSetup: Promise<void>[] = [];
  private readonly pendingWork: { queue: string; handler: JobHandler<object>; concurrency: number }[] = [];
  private readonly pendingSchedules: ScheduleRequest[] = [];
  private readonly loops: Promise<void>[] = [];
  private readonly running = new Map<string, string>();
  private readonly wakers = new Set<() => void>();
  private phase: 'new' | 'installed' | 'working' | 'stopping' | 'stopped' = 'new';

  constructor(
    // Exists once the pool is connected and migrated.
    private readonly db: DatabaseService,
    @Inject(JOBS_SETTINGS) private readonly settings: JobsSettings,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.db.dataSource.isInitialized) throw new Error('JobQueue started before the database');
    this.executor = new PoolSqlExecutor(this.db.pool);
    this.boss = new PgBoss({
      db: this.executor,
      schema: JOB_QUEUE_SCHEMA,
      pollingIntervalSeconds: this.settings.pollingIntervalSeconds,
      retryLimit: this.settings.retryLimit,
      retryDelay: this.settings.retryDelaySeconds,
      retryBackoff: this.settings.retryBackoff,
      expireInSeconds: this.settings.expireInSeconds,
      retentionDays: this.settings.retentionDays,
      cronMonitorIntervalSeconds: this.settings.cronMonitorIntervalSeconds,
      cronWorkerIntervalSeconds: this.settings.cronWorkerIntervalSeconds,
      // A process that runs no jobs neither maintains the queue nor turns schedules into jobs.
      supervise: this.settings.runJobs,
      schedule: this.settings.runJobs,
    });
    // pg-boss emits 'error' for failures of its own timers; an EventEmitter without a listener would throw.
    this.boss.on('error', (error: Error) => this.logger.warn({ msg: 'pg-boss', error: safeErrorSummary(error) }));
    await this.boss.start();
    this.phase = 'installed';
    for (const name of this.declared.keys()) await this.createQueue(name);
  }

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all(this.pendingSetup);
    for (const request of this.pendingSchedules.splice(0)) await this.applySchedule(request);
    this.phase = 'working';
    for (const w of this.pendingWork.splice(0)) this.startWorkers(w.queue, w.handler, w.concurrency);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.phase === 'stopped' || this.phase === 'stopping') return;
    this.phase = 'stopping';
    for (const wake of this.wakers) wake();
    const timeout = this.settings.shutdownTimeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      Promise.all(this.loops).then(() => true),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeout);
      }),
    ]);
    clearTimeout(timer);
    if (!finished && this.boss) {
      // Handlers still running: give their jobs back to the queue now rather than at expiry.
      for (const [id, queue] of this.running) {
        await this.boss.fail(queue, id, { message: 'shut down while active' }).catch(() => undefined);
      }
    }
    await this.boss?.stop({ graceful: true, wait: true, timeout: 1_000 });
    await this.executor?.drain(timeout);
    // A query left waiting for a connection (the pool was ended under it) fails now, so pg-boss's
    // own worker ends its loop before the process moves on.
    this.executor?.close();
    await new Promise((resolve) => setImmediate(resolve));
    this.phase = 'stopped';
  }

  /**
   * Makes sure a queue exists (pg-boss 10 needs it before send or work). Call in onModuleInit; the
   * promise resolves once the queue exists, or at once before the job queue has started.
   */
  declareQueue(name: string, options: QueueOptions = {}): Promise<void> {
    this.declared.set(name, { ...this.declared.get(name), ...options });
    if (this.phase === 'new') return Promise.resolve();
    const creating = this.createQueue(name);
    // Awaited (and so reported) on bootstrap; the catch keeps it from counting as unhandled meanwhile.
    creating.catch(() => undefined);
    this.pendingSetup.push(creating);
    return creating;
  }

  /**
   * Runs `handler` for each job of `queue`. A handler that throws fails the attempt; the job is
   * retried with backoff until the retry limit. Handlers must be idempotent: a job may run again
   * after a crash or an expiry. Call in onModuleInit (no need to await it there): workers start on
   * application bootstrap. Called later, the promise resolves once the workers run.
   */
  work<T extends object>(queue: string, handler: JobHandler<T>, options: WorkOptions = {}): Promise<void> {
    const { concurrency = 1, ...queueOptions } = options;
    const declared = this.declareQueue(queue, queueOptions);
    const untyped = handler as JobHandler<object>;
    if (this.phase !== 'working') {
      this.pendingWork.push({ queue, handler: untyped, concurrency });
      return declared;
    }
    const started = Promise.all(this.pendingSetup).then(() => this.startWorkers(queue, untyped, concurrency));
    started.catch((error: unknown) => this.logger.error({ msg: 'queue not created', queue, error: safeErrorSummary(error) }));
    return started;
  }

  /**
   * Enqueues a job inside the caller's transaction: it exists only if the transaction commits.
   * `manager` is the one DatabaseService.transaction hands to its callback.
   */
  async sendInTransaction(manager: EntityManager, queue: string, data: object, options: SendOptions = {}): Promise<string | null> {
    const db = transactionSqlExecutor(manager);
    return this.sendWith(queue, data, { ...this.sendOptions(options), db });
  }

  /**
   * Enqueues a job on its own, for work that follows no write. Never call it inside a transaction
   * on the embedded database: the pool has one connection, held by that transaction.
   */
  async send(queue: string, data: object, options: SendOptions = {}): Promise<string | null> {
    return this.sendWith(queue, data, this.sendOptions(options));
  }

  /**
   * Runs a job on `queue` at each cron time (5 fields; at most once a minute), once across all instances.
   * The schedule is stored in the database and replaced when scheduled again under the same name.
   * Before bootstrap it is applied on bootstrap (the promise resolves at once); later, at once.
   */
  async schedule(queue: string, cron: string, data: object, options: ScheduleOptions): Promise<void> {
    void this.declareQueue(queue);
    const request = { name: queue, cron, data, tz: options.tz };
    if (this.phase === 'working') {
      await Promise.all(this.pendingSetup);
      await this.applySchedule(request);
    } else {
      this.pendingSchedules.push(request);
    }
  }

  async unschedule(queue: string): Promise<void> {
    await this.started().unschedule(queue);
  }

  private started(): PgBoss {
    if (!this.boss || this.phase === 'new') throw new Error('the job queue is not started');
    return this.boss;
  }

  /** The job id; null only when a job with the same singletonKey was already queued. */
  private async sendWith(queue: string, data: object, options: PgBoss.SendOptions): Promise<string | null> {
    const boss = this.started();
    if (!this.created.has(queue)) {
      throw new Error(
        this.declared.has(queue)
          ? `queue ${queue} is not created yet: send from onApplicationBootstrap on`
          : `queue ${queue} is not declared: call JobQueue.work or declareQueue in onModuleInit`,
      );
    }
    const id = await boss.send(queue, data, options);
    if (id === null && options.singletonKey === undefined) throw new Error(`queue ${queue} refused the job`);
    return id;
  }

  private sendOptions(options: SendOptions): PgBoss.SendOptions {
    const out: PgBoss.SendOptions = {};
    if (options.startAfter instanceof Date) out.startAfter = options.startAfter;
    else if (typeof options.startAfter === 'number') out.startAfter = Math.max(1, Math.round(options.startAfter));
    if (options.singletonKey !== undefined) out.singletonKey = options.singletonKey;
    if (options.priority !== undefined) out.priority = options.priority;
    return out;
  }

  /**
   * One queue creation at a time: pg-boss 10 creates a queue's partition and indexes in one script,
   * and two of those at once deadlock on PostgreSQL.
   */
  private createQueue(name: string): Promise<void> {
    const next = this.creating.then(() => this.createQueueNow(name));
    this.creating = next.catch(() => undefined);
    return next;
  }

  private creating: Promise<unknown> = Promise.resolve();

  private async createQueueNow(name: string): Promise<void> {
    const boss = this.started();
    const o = { ...this.declared.get(name) };
    const options: PgBoss.Queue = {
      name,
      policy: 'standard',
      retryLimit: o.retryLimit ?? this.settings.retryLimit,
      retryDelay: o.retryDelaySeconds ?? this.settings.retryDelaySeconds,
      retryBackoff: o.retryBackoff ?? this.settings.retryBackoff,
      expireInSeconds: o.expireInSeconds ?? this.settings.expireInSeconds,
      retentionMinutes: (o.retentionDays ?? this.settings.retentionDays) * 24 * 60,
    };
    await boss.createQueue(name, options);
    // createQueue keeps an existing queue as it was; apply the options of this version of the code.
    await boss.updateQueue(name, options);
    this.created.add(name);
  }

  private async applySchedule(request: ScheduleRequest): Promise<void> {
    // The processes that run jobs keep the schedules; a web process leaves them as they are.
    if (!this.settings.runJobs) return;
    await this.started().schedule(request.name, request.cron, request.data, { tz: request.tz });
  }

  private startWorkers(queue: string, handler: JobHandler<object>, concurrency: number): void {
    if (this.phase !== 'working' || !this.settings.runJobs) return;
    for (let i = 0; i < Math.max(1, concurrency); i++) this.loops.push(this.workLoop(queue, handler));
  }

  /** One worker: fetch a job, run it, complete or fail it; sleep when the queue is empty. */
  private async workLoop(queue: string, handler: JobHandler<object>): Promise<void> {
    const boss = this.started();
    while (this.phase === 'working') {
      try {
        // pg-boss's fetch swallows database errors and answers [].
        const [job] = await boss.fetch<object>(queue, { batchSize: 1, includeMetadata: true });
        if (job) await this.runJob(boss, queue, job, handler);
        else await this.idle(this.settings.pollingIntervalSeconds * 1000);
      } catch (error) {
        this.logger.error({ msg: 'job worker', queue, error: safeErrorSummary(error) });
        await this.idle(this.settings.pollingIntervalSeconds * 1000);
      }
    }
  }

  private async runJob(boss: PgBoss, queue: string, job: PgBoss.JobWithMetadata<object>, handler: JobHandler<object>): Promise<void> {
    const context: JobContext = { id: job.id, queue, retryCount: job.retryCount, retryLimit: job.retryLimit };
    this.running.set(job.id, queue);
    let failure: unknown;
    try {
      await withTimeout(handler(job.data ?? {}, context), Number(job.expireInSeconds) * 1000);
    } catch (error) {
      failure = error ?? new Error('job handler failed');
    } finally {
      this.running.delete(job.id);
    }
    // Should completing or failing fail, the job stays active until it expires, then runs again.
    if (failure === undefined) {
      await boss.complete(queue, job.id).catch((error: unknown) => {
        this.logger.warn({ msg: 'job not marked completed', queue, jobId: job.id, error: safeErrorSummary(error) });
      });
      return;
    }
    const summary = safeErrorSummary(failure);
    const givenUp = job.retryCount >= job.retryLimit;
    const log = { msg: givenUp ? 'job failed, no retry left' : 'job failed, will retry', queue, jobId: job.id, attempt: job.retryCount + 1, error: summary };
    if (givenUp) this.logger.error(log);
    else this.logger.warn(log);
    await boss.fail(queue, job.id, { message: summary }).catch(() => undefined);
  }

  private idle(ms: number): Promise<void> {
    if (this.phase !== 'working') return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakers.add(wake);
    });
  }
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  if (!Number.isFinite(ms) || ms <= 0) return work;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`job handler still running after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
