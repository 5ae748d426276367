import request from 'supertest';
import { DataSource } from 'typeorm';
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
});
