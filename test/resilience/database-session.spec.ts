import request from 'supertest';
import { DatabaseService } from 'src/database/database.service';
import { createUser, TEST_PASSWORD, utamaUnitOf } from 'test/support/auth-helpers';
import { requestPayload } from 'test/support/request-factory';
import { onPostgres, startTestApp, TestApp } from 'test/support/test-app';

/**
 * A failed query, from any client of the shared pool, must not break the queries after it. On
 * the embedded database there is one session behind one connection, so this is where it bites.
 */
describe('database session after failed queries', () => {
  let t: TestApp;
  let db: DatabaseService;
  let unitId: number;
  let officerEmail: string;

  beforeAll(async () => {
    t = await startTestApp({ INTAKE_LIMIT_PER_IP_HOUR: '1000' });
    db = t.app.get(DatabaseService);
    unitId = (await utamaUnitOf(t.app, '35.78')).id;
    officerEmail = (await createUser(t.app, { role: 'officer', unitId })).email;
  });
  afterAll(() => t.close());

  /** Sign-in (rate limits: named statements), intake (a transaction) and health all answer. */
  async function expectServing(): Promise<void> {
    const token = await request(t.app.getHttpServer()).post('/api/v1/auth/token').send({ email: officerEmail, password: TEST_PASSWORD });
    expect(token.status).toBe(201);
    const created = await request(t.app.getHttpServer()).post('/api/v1/requests').send(requestPayload(unitId));
    expect(created.status).toBe(201);
    const tracked = await request(t.app.getHttpServer())
      .get(`/api/v1/requests/${created.body.registrationNumber}`)
      .set('X-Tracking-Code', created.body.trackingCode);
    expect(tracked.status).toBe(200);
    const health = await request(t.app.getHttpServer()).get('/health');
    expect(health.status).toBe(200);
  }

  it('should keep serving when a pool query fails after named statements were prepared', async () => {
    await expectServing();
    await expect(db.pool.query('SELECT $1::text AS v', ['a\u0000b'])).rejects.toThrow();
    await expect(db.pool.query('SELECT 1 / 0')).rejects.toThrow();
    await expectServing();
  });

  it('should roll back and keep serving when a query fails inside a transaction', async () => {
    const before = Number((await db.pool.query('SELECT count(*) AS n FROM requests')).rows[0].n);
    await expect(
      db.transaction(async (m) => {
        await m.query(`UPDATE requests SET information = information || ' x' WHERE id = (SELECT min(id) FROM requests)`);
        await m.query('SELECT 1 / 0');
      }),
    ).rejects.toThrow();
    await expectServing();
    const after = Number((await db.pool.query('SELECT count(*) AS n FROM requests')).rows[0].n);
    expect(after).toBe(before + 1);
    const touched = await db.pool.query(`SELECT count(*) AS n FROM requests WHERE information LIKE '% x'`);
    expect(Number(touched.rows[0].n)).toBe(0);
  });

  it('should leave no transaction open when a script fails midway', async () => {
    await expect(db.pool.query('BEGIN; SELECT 1 / 0; COMMIT;')).rejects.toThrow();
    const status = await db.pool.query('SELECT now() = statement_timestamp() AS outside');
    expect(status.rows[0].outside).toBe(true);
    await expectServing();
  });

  it('should give a new connection a clean session when the old one was lost mid-transaction', async () => {
    const client = await db.pool.connect();
    await client.query('BEGIN');
    // What an earlier connection of the same embedded session may leave behind.
    await client.query(`PREPARE "rlflx-get" (text) AS SELECT $1`);
    client.release(new Error('connection lost'));
    await expectServing();
  });

  // One session behind one connection: only the embedded database can hold a statement the pool's client does not know.
  if (!onPostgres) it('should report an unusable session on /health and recover from it', async () => {
    const client = await db.pool.connect();
    await client.query('SELECT 1');
    // The client forgets a statement its session still holds: the state a new connection met before.
    const internals = client as unknown as { connection: { parsedStatements: Record<string, string> } };
    delete internals.connection.parsedStatements['kip-health'];
    client.release();
    const broken = await request(t.app.getHttpServer()).get('/health');
    expect(broken.status).toBe(503);
    const recovered = await request(t.app.getHttpServer()).get('/health');
    expect(recovered.status).toBe(200);
    await expectServing();
  });
});
