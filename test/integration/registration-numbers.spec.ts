import fc from 'fast-check';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DatabaseService } from 'src/database/database.service';
import { RequestsRepository } from 'src/modules/requests/requests.repository';
import { startTestApp, TestApp } from 'test/support/test-app';
import { requestPayload } from 'test/support/request-factory';

describe('registration numbers', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ INTAKE_LIMIT_PER_IP_HOUR: '100000' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('should give 200 concurrent submissions to one unit the numbers 1..200 with no gap and no duplicate', async () => {
    const bodies = (await request(t.app.getHttpServer()).get('/api/v1/bodies')).body as { code: string; units: { id: number }[] }[];
    const unitId = bodies.find((b) => b.code === '35.07')!.units[0].id;
    // Keep a single connection pool busy with real concurrency: all 200 posts in flight at once.
    const server = t.app.getHttpServer();
    const results = await Promise.all(
      Array.from({ length: 200 }, () => request(server).post('/api/v1/requests').send(requestPayload(unitId))),
    );
    expect(results.map((r) => r.status)).toEqual(Array(200).fill(201));
    const seqs = results
      .map((r) => Number((r.body as { registrationNumber: string }).registrationNumber.split('-').pop()))
      .sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    const [row] = (await t.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n, count(DISTINCT registration_number)::int AS d FROM requests WHERE receiving_unit_id = $1', [
        unitId,
      ])) as { n: number; d: number }[];
    expect(row).toEqual({ n: 200, d: 200 });
  });

  it('should give the committed transactions of each unit 1..n, whatever runs at once and whatever rolls back after taking a number', async () => {
    const db = t.app.get(DatabaseService);
    const repo = t.app.get(RequestsRepository, { strict: false });
    const bodies = (await request(t.app.getHttpServer()).get('/api/v1/bodies')).body as { units: { id: number }[] }[];
    const unitIds = bodies.slice(0, 3).map((b) => b.units[0].id);
    let year = 3000;
    class RolledBack extends Error {}
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({
            unit: fc.integer({ min: 0, max: unitIds.length - 1 }),
            rollback: fc.boolean(),
            // Some start while others hold a number, some after others committed or rolled back.
            startMs: fc.integer({ min: 0, max: 8 }),
            holdMs: fc.integer({ min: 0, max: 3 }),
          }),
          { minLength: 1, maxLength: 25 },
        ),
        async (takers) => {
          // A year of its own per run: every run starts from counters that do not exist yet.
          year += 1;
          const committed = unitIds.map(() => [] as number[]);
          const outcomes = await Promise.allSettled(
            takers.map(async (taker) => {
              await new Promise((resolve) => setTimeout(resolve, taker.startMs));
              return db.transaction(async (m) => {
                const seq = await repo.nextRegistrationSeq(m, unitIds[taker.unit], year);
                // Work after the number, as the intake does, while other takers wait for the unit.
                await new Promise((resolve) => setTimeout(resolve, taker.holdMs));
                if (taker.rollback) throw new RolledBack();
                return seq;
              });
            }),
          );
          outcomes.forEach((o, i) => {
            if (o.status === 'fulfilled') committed[takers[i].unit].push(o.value);
            else expect(o.reason).toBeInstanceOf(RolledBack);
          });
          const rows = (await db.dataSource.query('SELECT unit_id, last_number FROM registration_counters WHERE year = $1', [year])) as {
            unit_id: number;
            last_number: number;
          }[];
          unitIds.forEach((unitId, u) => {
            const n = committed[u].length;
            expect([...committed[u]].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
            expect(rows.find((r) => r.unit_id === unitId)?.last_number ?? 0).toBe(n);
          });
        },
      ),
      { numRuns: 30 },
    );
  });
});
