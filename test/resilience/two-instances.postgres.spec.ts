import { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from 'src/app';
import { loadConfig } from 'src/config/app-config';
import { JobQueue } from 'src/modules/jobs/job-queue.service';
import { DUE_SOON_QUEUE } from 'src/modules/reminders/reminder-jobs';
import { createUser, TEST_PASSWORD, utamaUnitOf } from 'test/support/auth-helpers';
import { csrfTokenOf } from 'test/support/page-form';
import { requestPayload } from 'test/support/request-factory';
import { startTestApp, TEST_SECRETS, TestApp } from 'test/support/test-app';
import { waitFor } from 'test/support/wait-for';

const SUBMISSIONS = 500;
const LIMITS = { INTAKE_LIMIT_PER_IP_HOUR: '100000', INTAKE_LIMIT_PER_EMAIL_DAY: '100000' };

/** Two app instances behind a load balancer share one PostgreSQL and nothing else. */
describe('two instances on one PostgreSQL', () => {
  let a: TestApp;
  let b: NestExpressApplication;
  let bDataDir: string;

  beforeAll(async () => {
    a = await startTestApp(LIMITS);
    bDataDir = mkdtempSync(join(tmpdir(), 'portal-kip-second-'));
    b = await createApp(
      loadConfig({
        NODE_ENV: 'test',
        DATA_DIR: bDataDir,
        DEMO_DATA: 'false',
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
        DATABASE_URL: a.config.databaseUrl,
        ...TEST_SECRETS,
        ...LIMITS,
      }),
    );
    await b.init();
  }, 120_000);

  afterAll(async () => {
    await b?.close();
    rmSync(bDataDir, { recursive: true, force: true });
    await a?.close();
  });

  it('should number 500 concurrent submissions over both without a gap per unit', async () => {
    const units = [(await utamaUnitOf(a.app, '35.78')).id, (await utamaUnitOf(a.app, '35.07')).id, (await utamaUnitOf(a.app, '35.15')).id];
    const servers = [a.app.getHttpServer(), b.getHttpServer()];
    const answers = await Promise.all(
      Array.from({ length: SUBMISSIONS }, (_, i) => request(servers[i % 2]).post('/api/v1/requests').send(requestPayload(units[i % units.length]))),
    );
    expect(answers.filter((r) => r.status !== 201).map((r) => r.status)).toEqual([]);

    const rows = (await a.app.get(DataSource).query(
      `SELECT receiving_unit_id AS unit, registration_seq AS seq FROM requests WHERE receiving_unit_id = ANY($1) ORDER BY 1, 2`,
      [units],
    )) as { unit: number; seq: number }[];
    expect(rows).toHaveLength(SUBMISSIONS);
    for (const unit of units) {
      const seqs = rows.filter((r) => r.unit === unit).map((r) => Number(r.seq));
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    }
    const numbers = new Set(answers.map((r) => r.body.registrationNumber as string));
    expect(numbers.size).toBe(SUBMISSIONS);
  }, 300_000);

  it('should accept a session created on one instance on the other', async () => {
    const unitId = (await utamaUnitOf(a.app, '35.78')).id;
    const officer = await createUser(a.app, { role: 'officer', unitId });
    // Sign in on A by hand, keeping the cookies it sets, then present them to B.
    const jar = new Map<string, string>();
    const keep = (res: request.Response): void => {
      const set = res.headers['set-cookie'] as unknown as string[] | undefined;
      for (const c of set ?? []) {
        const [pair] = c.split(';');
        jar.set(pair.slice(0, pair.indexOf('=')), pair);
      }
    };
    const cookieHeader = (): string => [...jar.values()].join('; ');
    const page = await request(a.app.getHttpServer()).get('/masuk');
    keep(page);
    const signIn = await request(a.app.getHttpServer())
      .post('/masuk')
      .set('Cookie', cookieHeader())
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text), email: officer.email, password: TEST_PASSWORD });
    expect(signIn.status).toBe(303);
    keep(signIn);
    const cookie = cookieHeader();
    const onB = await request(b.getHttpServer()).get('/petugas').set('Cookie', cookie);
    expect(onB.status).toBe(200);
    expect(onB.text).toContain(officer.name);
    const anonymous = await request(b.getHttpServer()).get('/petugas');
    expect(anonymous.status).toBe(303);
  });

  it('should run a scheduled job once when both instances hold its schedule', async () => {
    const db = a.app.get(DataSource);
    // Both instances store the same schedule, every minute; each has a worker for the queue.
    const asOf = new Date('2027-03-10T02:00:00Z');
    await a.app.get(JobQueue).schedule(DUE_SOON_QUEUE, '* * * * *', { asOf: asOf.toISOString() }, { tz: a.config.provinceTimeZone });
    await b.get(JobQueue).schedule(DUE_SOON_QUEUE, '* * * * *', { asOf: asOf.toISOString() }, { tz: a.config.provinceTimeZone });
    const started = Date.now();
    const completed = async (): Promise<number> =>
      Number(
        ((await db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state = 'completed'`, [DUE_SOON_QUEUE])) as { n: number }[])[0].n,
      );
    await waitFor(async () => (await completed()) >= 1, 90_000, 500);
    // Until the next minute starts, no second run may appear.
    const nextMinute = Math.ceil(Date.now() / 60_000) * 60_000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, nextMinute - Date.now() - 3_000)));
    // One job of the queue per minute of the schedule, however many instances hold it, each run once.
    const perMinute = (await db.query(
      `SELECT date_trunc('minute', created_on) AS minute, count(*)::int AS n, max(retry_count)::int AS retries
         FROM pgboss.job WHERE name = $1 GROUP BY 1`,
      [DUE_SOON_QUEUE],
    )) as { minute: Date; n: number; retries: number }[];
    expect(perMinute.length).toBeGreaterThanOrEqual(1);
    expect(perMinute.map((m) => ({ n: m.n, retries: m.retries }))).toEqual(perMinute.map(() => ({ n: 1, retries: 0 })));
    expect(Date.now() - started).toBeLessThan(150_000);
    await a.app.get(JobQueue).unschedule(DUE_SOON_QUEUE);
  }, 180_000);
});
