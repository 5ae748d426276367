import { AppConfig } from 'src/config/app-config';

/** How the job queue polls, retries and keeps jobs. Queues may override the retry and expiry parts. */
export interface JobsSettings {
  /**
   * Whether this process runs jobs: its workers fetch them, its schedules fire, it maintains the
   * queue. False in a web process (PROCESS_ROLE=web), which only sends jobs for a worker process.
   */
  runJobs: boolean;
  /** How often an idle worker asks for work; pg-boss 10 refuses less than 0.5 s. */
  pollingIntervalSeconds: number;
  /** Failed attempts retried before a job is given up (state `failed`). */
  retryLimit: number;
  /** First retry delay; with backoff each next one doubles (with jitter), capped by pg-boss at 2^16 times. */
  retryDelaySeconds: number;
  retryBackoff: boolean;
  /** A job still active after this long is failed by maintenance and retried. */
  expireInSeconds: number;
  /** Jobs not started by then are dropped to the archive. */
  retentionDays: number;
  /** How often an instance looks whether a cron schedule is due (pg-boss: 1..45 s). */
  cronMonitorIntervalSeconds: number;
  /** How often a due schedule is turned into a job of its queue (pg-boss: 1..45 s). */
  cronWorkerIntervalSeconds: number;
  /** How long shutdown waits for running handlers before failing their jobs back to the queue. */
  shutdownTimeoutMs: number;
}

/** Injection token of the JobsSettings in force; override it in a testing module to tune a test. */
export const JOBS_SETTINGS = Symbol('JOBS_SETTINGS');

/**
 * Production: poll every 2 s; 20 retries from 2 s doubling with jitter, about a week in all, inside
 * the 14 days a job is kept. Tests (NODE_ENV=test): poll at pg-boss's minimum, retry from 1 s and
 * look at cron schedules every second, so a spec sees a retry or a scheduled job within seconds.
 */
export function jobsSettingsFor(config: AppConfig): JobsSettings {
  const test = config.nodeEnv === 'test';
  return {
    runJobs: config.runsJobs,
    pollingIntervalSeconds: test ? 0.5 : 2,
    retryLimit: 20,
    retryDelaySeconds: test ? 1 : 2,
    retryBackoff: true,
    expireInSeconds: 15 * 60,
    retentionDays: 14,
    cronMonitorIntervalSeconds: test ? 1 : 30,
    cronWorkerIntervalSeconds: test ? 1 : 5,
    shutdownTimeoutMs: test ? 5_000 : 20_000,
  };
}
