import fc from 'fast-check';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearerToken, createPelaksanaUnit, createUser, TestUser, utamaUnitOf } from 'test/support/auth-helpers';
import { requestPayload } from 'test/support/request-factory';
import { startTestApp, TestApp } from 'test/support/test-app';

/**
 * Assignment decides who gets the reminders of a request: only an active officer or supervisor
 * who may work its unit can be assigned. Whatever id an officer sends, nobody else ends up there.
 */
describe('abuse: assigning a request to someone who may not work it', () => {
  let t: TestApp;
  let requestId: string;
  let token: string;
  let eligible: Set<number>;
  let pool: number[];

  beforeAll(async () => {
    t = await startTestApp({ INTAKE_LIMIT_PER_IP_HOUR: '1000' });
    const surabaya = await utamaUnitOf(t.app, '35.78');
    const malang = await utamaUnitOf(t.app, '35.73');
    const officer = await createUser(t.app, { role: 'officer', unitId: surabaya.id });
    const colleague = await createUser(t.app, { role: 'officer', unitId: surabaya.id });
    const supervisor = await createUser(t.app, { role: 'supervisor', bodyId: surabaya.bodyId });
    const others: TestUser[] = [
      await createUser(t.app, { role: 'officer', unitId: malang.id }),
      await createUser(t.app, { role: 'supervisor', bodyId: malang.bodyId }),
      await createUser(t.app, { role: 'officer', unitId: (await createPelaksanaUnit(t.app, '35.73')).id }),
      await createUser(t.app, { role: 'admin' }),
      await createUser(t.app, { role: 'bureau' }),
    ];
    const filed = await request(t.app.getHttpServer()).post('/api/v1/requests').send(requestPayload(surabaya.id));
    const [row] = (await t.app.get(DataSource).query('SELECT id FROM requests WHERE registration_number = $1', [filed.body.registrationNumber])) as {
      id: string;
    }[];
    requestId = String(row.id);
    token = await bearerToken(t.app, officer.email);
    eligible = new Set([officer.id, colleague.id, supervisor.id]);
    pool = [...eligible, ...others.map((u) => u.id)];
  });
  afterAll(() => t?.close());

  it('should assign only those who may work the unit, for any id sent', async () => {
    const db = t.app.get(DataSource);
    const assignee = async (): Promise<number | null> =>
      ((await db.query('SELECT assignee_id FROM requests WHERE id = $1', [requestId])) as { assignee_id: number | null }[])[0].assignee_id;
    const ids = fc.oneof(
      fc.constantFrom(...pool),
      fc.integer(),
      fc.double(),
      fc.constantFrom(2 ** 31, 2 ** 53, -1, 0, 1e10, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
      fc.string(),
      fc.constantFrom(' ', '\t', '\u00a0', ' 7 '),
      fc.constantFrom(...pool).map(String),
      fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 2 }),
      fc.record({ id: fc.constantFrom(...pool) }),
    );
    await fc.assert(
      fc.asyncProperty(ids, async (id) => {
        const before = await assignee();
        const res = await request(t.app.getHttpServer())
          .post(`/api/v1/requests/${requestId}/assignment`)
          .set('Authorization', `Bearer ${token}`)
          .send({ assigneeId: id });
        const after = await assignee();
        // What arrives is the JSON of it (NaN and infinities become null); forms send ids as
        // text, and an empty or blank value (spaces only), or null, clears the assignment.
        const sent = (JSON.parse(JSON.stringify({ assigneeId: id })) as { assigneeId: unknown }).assigneeId;
        const asId = typeof sent === 'number' ? sent : typeof sent === 'string' && /^\d{1,10}$/.test(sent.trim()) ? Number(sent.trim()) : undefined;
        if (sent === null || (typeof sent === 'string' && sent.trim() === '')) {
          expect(res.status).toBe(204);
          expect(after).toBeNull();
        } else if (asId !== undefined && eligible.has(asId)) {
          expect(res.status).toBe(204);
          expect(after).toBe(asId);
        } else {
          expect(res.status).toBe(400);
          expect(after).toBe(before);
        }
      }),
      { numRuns: 300 },
    );
  }, 180_000);
});
