import { DataSource } from 'typeorm';
import { DatabaseService } from 'src/database/database.service';
import { startTestApp, TestApp } from 'test/support/test-app';
import { waitFor } from 'test/support/wait-for';
import { JobContext, JobQueue } from './job-queue.service';
import { PoolSqlExecutor } from './pg-boss-db';

/** JobQueue on the whole app and its database (embedded, or PostgreSQL with TEST_DATABASE_URL). */
describe('JobQueue', () => {
  let t: TestApp;
  let jobs: JobQueue;
  const seen: { queue: string; data: object; job: JobContext }[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    jobs = t.app.get(JobQueue);
    await jobs.work<{ n: number }>('test.echo', async (data, job) => {
      seen.push({ queue: 'test.echo', data, job });
    });
    await jobs.work<{ failures: number }>('test.flaky', async (data, job) => {
      seen.push({ queue: 'test.flaky', data, job });
      if (job.retryCount < data.failures) throw new Error(`fails on purpose for siti@warga.test, attempt ${job.retryCount + 1}`);
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  const runsOf = (queue: string): typeof seen => seen.filter((s) => s.queue === queue);

  it('should run a job sent inside a transaction that commits, and none from one that rolls back', async () => {
    const db = t.app.get(DatabaseService);
    await db.transaction((m) => jobs.sendInTransaction(m, 'test.echo', { n: 1 }));
    await expect(
      db.transaction(async (m) => {
        await jobs.sendInTransaction(m, 'test.echo', { n: 2 });
        throw new Error('batal');
      }),
    ).rejects.toThrow('batal');
    await jobs.send('test.echo', { n: 3 });
    await waitFor(() => runsOf('test.echo').length >= 2, 10_000);
    expect(runsOf('test.echo').map((s) => s.data)).toEqual([{ n: 1 }, { n: 3 }]);
  });

  it('should retry a failing job with its attempt count and complete it once the handler succeeds', async () => {
    const id = await jobs.send('test.flaky', { failures: 1 });
    await waitFor(() => runsOf('test.flaky').length >= 2, 15_000);
    expect(runsOf('test.flaky').map((s) => s.job.retryCount)).toEqual([0, 1]);
    const state = await waitFor(async () => {
      const rows = (await t.app.get(DataSource).query('SELECT state::text AS state, output FROM pgboss.job WHERE id = $1', [id])) as {
        state: string;
        output: unknown;
      }[];
      return rows[0]?.state === 'completed' ? rows[0] : null;
    });
    expect(state.state).toBe('completed');
  });

  it('should keep personal data out of the failure it stores on the job', async () => {
    const id = await jobs.send('test.flaky', { failures: 50 });
    const row = await waitFor(async () => {
      const rows = (await t.app.get(DataSource).query(`SELECT output FROM pgboss.job WHERE id = $1 AND state = 'retry'`, [id])) as {
        output: { message: string };
      }[];
      return rows[0] ?? null;
    }, 10_000);
    expect(row.output.message).toContain('fails on purpose for [alamat]');
    expect(JSON.stringify(row.output)).not.toContain('siti@warga.test');
  });

  it('should run the job of a cron schedule when its time has come', async () => {
    const runs: object[] = [];
    await jobs.work<{ what: string }>('test.nightly', async (data) => {
      runs.push(data);
    });
    await jobs.schedule('test.nightly', '* * * * *', { what: 'rekap' }, { tz: 'Asia/Jakarta' });
    const schedules = (await t.app.get(DataSource).query('SELECT name, cron, timezone FROM pgboss.schedule')) as object[];
    expect(schedules).toContainEqual({ name: 'test.nightly', cron: '* * * * *', timezone: 'Asia/Jakarta' });
    await waitFor(() => runs.length > 0, 15_000);
    expect(runs).toEqual([{ what: 'rekap' }]);
    await jobs.unschedule('test.nightly');
  });

  it('should leave the shared connection usable after a failed statement or a failed BEGIN … COMMIT script', async () => {
    const db = t.app.get(DatabaseService);
    const executor = new PoolSqlExecutor(db.pool);
    await expect(executor.executeSql('SELECT 1 / $1::int', [0])).rejects.toThrow('division by zero');
    await expect(executor.executeSql('SELECT 1 AS one')).resolves.toMatchObject({ rows: [{ one: 1 }] });
    await expect(executor.executeSql('BEGIN; SELECT 1; SELECT 1 / 0; COMMIT;')).rejects.toThrow('division by zero');
    // Not left inside the aborted transaction: this would answer "current transaction is aborted".
    await expect(db.dataSource.query('SELECT 2 AS two')).resolves.toEqual([{ two: 2 }]);
  });

  it('should refuse a job outside a transaction, or for a queue nobody declared', async () => {
    await expect(jobs.sendInTransaction(t.app.get(DataSource).manager, 'test.echo', {})).rejects.toThrow('running transaction');
    await expect(t.app.get(DatabaseService).transaction((m) => jobs.sendInTransaction(m, 'test.nobody', {}))).rejects.toThrow(
      'not declared',
    );
  });
});
