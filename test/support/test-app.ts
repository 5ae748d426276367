import { NestExpressApplication } from '@nestjs/platform-express';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import PgBoss from 'pg-boss';
import type { DestinationStream } from 'pino';
import { createApp } from 'src/app';
import { AppConfig, loadConfig } from 'src/config/app-config';
import { DataSource } from 'typeorm';
import { openToolContext } from 'src/tool-context';
import { JOB_QUEUE_SCHEMA } from 'src/modules/jobs/job-queue.service';
import { buildOnce, runDir, templateDatabase } from './test-template';

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  /** Base URL when started with `listen: true`. */
  url: string;
  close(): Promise<void>;
  /** Stops this app and starts another on the same database and DATA_DIR, with these settings changed. */
  restart(env: Record<string, string | undefined>): Promise<TestApp>;
}

/**
 * Fixed keys for tests on PostgreSQL, where they are required (every instance must share them).
 * Test values only: never use them anywhere else.
 */
export const TEST_SECRETS = {
  ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  SESSION_SECRET: 'test-session-secret-0123456789abcdef-portal-kip',
};

/** Which database the tests run on: embedded by default, PostgreSQL with TEST_DATABASE_URL. */
export const onPostgres = process.env.TEST_DATABASE_URL !== undefined && process.env.TEST_DATABASE_URL !== '';

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Settings every test app starts with, before the database and the file's own settings. PDFs are
 * rendered inline (PDF_THREADS=0) unless a file asks for threads or TEST_PDF_THREADS is set: a
 * thread start compiles the renderer again in the thread and parses the fonts, which most files
 * that render a PDF or two would pay for nothing; the thread path has specs of its own.
 */
function testSettings(dataDir: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DEMO_DATA: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PDF_THREADS: process.env.TEST_PDF_THREADS ?? '0',
  };
}

function databaseUrlOf(dbName: string): string {
  const u = new URL(process.env.TEST_DATABASE_URL as string);
  u.pathname = `/${dbName}`;
  return u.toString();
}

/**
 * Every migration, the reference data of the default province and the job queue's schema, as an
 * app start leaves them (the queues themselves and their schedules are left to the app).
 */
async function migrateAndSeed(settings: Record<string, string>): Promise<void> {
  const context = await openToolContext(loadConfig(settings), false);
  try {
    // pg-boss's schema too, so an app start in a test only checks it.
    await context.get(DataSource).query(PgBoss.getConstructionPlans(JOB_QUEUE_SCHEMA));
  } finally {
    await context.close();
  }
}

/**
 * The run's template, built by the first file that needs it: on PostgreSQL a database that the
 * others copy with CREATE DATABASE … TEMPLATE, embedded a data directory they copy into their DATA_DIR.
 */
async function ensureTemplate(): Promise<void> {
  if (onPostgres) {
    const name = templateDatabase as string;
    await buildOnce('postgres', async () => {
      await adminQuery(`DROP DATABASE IF EXISTS ${name}`);
      await adminQuery(`CREATE DATABASE ${name}`);
      await migrateAndSeed({ ...testSettings(join(runDir as string, 'postgres')), DATABASE_URL: databaseUrlOf(name), ...TEST_SECRETS });
    });
  } else {
    await buildOnce('embedded', async () => {
      const dir = join(runDir as string, 'embedded');
      rmSync(dir, { recursive: true, force: true });
      await migrateAndSeed(testSettings(dir));
    });
  }
}

/**
 * A fresh database for one test file: a new embedded database in a temporary DATA_DIR, or a new
 * database on the PostgreSQL server of TEST_DATABASE_URL, dropped again by close(). It starts as a
 * copy of the run's template (migrated and seeded once per run); `fresh: true`, another
 * PROVINCE_CODE or a run outside Jest migrate and seed an empty database instead.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  opts: { listen?: boolean; fresh?: boolean; logDestination?: DestinationStream } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-kip-test-'));
  const fromTemplate = !opts.fresh && env.PROVINCE_CODE === undefined && runDir !== undefined && templateDatabase !== undefined;
  if (fromTemplate) await ensureTemplate();
  let databaseUrl: string | undefined;
  let dbName: string | undefined;
  if (onPostgres) {
    dbName = `portal_test_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
    await adminQuery(`CREATE DATABASE ${dbName}${fromTemplate ? ` TEMPLATE ${templateDatabase}` : ''}`);
    databaseUrl = databaseUrlOf(dbName);
  } else if (fromTemplate) {
    cpSync(join(runDir as string, 'embedded', 'pgdata'), join(dataDir, 'pgdata'), { recursive: true });
  }
  const baseEnv: Record<string, string | undefined> = {
    ...testSettings(dataDir),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl, ...TEST_SECRETS } : {}),
    ...env,
  };
  const drop = async (): Promise<void> => {
    if (dbName) await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    rmSync(dataDir, { recursive: true, force: true });
  };
  const start = async (settings: Record<string, string | undefined>): Promise<TestApp> => {
    const config = loadConfig(settings);
    const app = await createApp(config, { logDestination: opts.logDestination });
    if (opts.listen) await app.listen(0, '127.0.0.1');
    else await app.init();
    const address = opts.listen ? app.getHttpServer().address() : null;
    const url = address && typeof address === 'object' ? `http://127.0.0.1:${address.port}` : '';
    return {
      app,
      config,
      url,
      async close() {
        await app.close();
        await drop();
      },
      async restart(changes) {
        await app.close();
        return start({ ...settings, ...changes });
      },
    };
  };
  return start(baseEnv);
}
