import fc from 'fast-check';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearerToken, createPelaksanaUnit, createUser } from 'test/support/auth-helpers';
import { startTestApp, TestApp } from 'test/support/test-app';

interface QueuePageBody {
  items: { state: string | null; requesterName: string }[];
  counts: { aman: number; segera: number; terlambat: number; answered: number; total: number };
  nextCursor: string | null;
  today: string;
}

const STATUSES = ['received', 'in_process', 'awaiting_approval', 'answered'] as const;
const NAMES = ['Siti Rahayu', 'Budi Santoso', 'Dewi Lestari', 'Agus Wijaya', 'Sri Handayani'] as const;

/**
 * The queue's state counts are computed apart from the rows (grouped by status and due date in
 * SQL, then put in their states); the rows' states come from the deadline rule in TypeScript.
 * Whatever the unit holds and whatever is searched, the counts must be those of the rows listed.
 */
describe('queue state counts', () => {
  let t: TestApp;
  let unit: { id: number; bodyId: number; code: string };
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    unit = await createPelaksanaUnit(t.app, '35.78');
    const officer = await createUser(t.app, { role: 'officer', unitId: unit.id });
    token = await bearerToken(t.app, officer.email);
  });

  afterAll(async () => {
    await t.close();
  });

  it('should count each state as many times as the listed rows have it, with or without a search', async () => {
    const db = t.app.get(DataSource);
    const row = fc.record({
      status: fc.constantFrom(...STATUSES),
      dueOffset: fc.integer({ min: -25, max: 25 }),
      name: fc.constantFrom(...NAMES),
      closed: fc.boolean(),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 40 }), fc.constantFrom(undefined, 'Siti', 'san', 'Dewi L'), async (rows, q) => {
        run += 1;
        await db.query('DELETE FROM requests WHERE unit_id = $1', [unit.id]);
        let seq = 0;
        for (const r of rows) {
          seq += 1;
          await db.query(
            `INSERT INTO requests (registration_number, receiving_unit_id, registration_year, registration_seq, unit_id, body_id, channel, status,
                                   requester_type, requester_name, requester_address, information, purpose, obtain_method, received_at,
                                   effective_receipt_date, due_date, due_provisional, version, closed_at)
             VALUES ($1, $2, $3, $4, $2, $5, 'online', $6, 'individual', $7, '\\x00'::bytea, 'Informasi', 'Penelitian', 'view', now(),
                     current_date, current_date + $8::int, false, 1, CASE WHEN $9 THEN now() END)`,
            [`3578-${unit.code}-${1000 + run}-${String(seq).padStart(5, '0')}`, unit.id, 1000 + run, seq, unit.bodyId, r.status, r.name, r.dueOffset, r.closed],
          );
        }
        const res = await request(t.app.getHttpServer())
          .get('/api/v1/queue')
          .query({ unitId: unit.id, limit: 200, ...(q ? { q } : {}) })
          .set('Authorization', `Bearer ${token}`);
        expect(res.status).toBe(200);
        const page = res.body as QueuePageBody;
        expect(page.nextCursor).toBeNull();
        const listed = (state: string | null) => page.items.filter((i) => i.state === state).length;
        expect(page.counts).toEqual({
          aman: listed('aman'),
          segera: listed('segera'),
          terlambat: listed('terlambat'),
          answered: listed(null),
          total: page.items.length,
        });
        const expected = rows.filter((r) => !r.closed && (!q || r.name.toLowerCase().includes(q.toLowerCase()))).length;
        expect(page.items).toHaveLength(expected);
      }),
      { numRuns: 30 },
    );
  });

  it('should keep request_queue_counts equal to the open rows grouped, whatever inserts, updates and deletes do', async () => {
    const db = t.app.get(DataSource);
    const op = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), status: fc.constantFrom(...STATUSES), dueOffset: fc.integer({ min: -5, max: 5 }), closed: fc.boolean() }),
      fc.record({ kind: fc.constant('status' as const), pick: fc.nat(), status: fc.constantFrom(...STATUSES) }),
      fc.record({ kind: fc.constant('due' as const), pick: fc.nat(), dueOffset: fc.integer({ min: -5, max: 5 }) }),
      fc.record({ kind: fc.constant('close' as const), pick: fc.nat(), closed: fc.boolean() }),
      fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('all' as const), status: fc.constantFrom(...STATUSES) }),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 30 }), async (ops) => {
        run += 1;
        await db.query('DELETE FROM requests WHERE unit_id = $1', [unit.id]);
        let seq = 0;
        const ids = async (): Promise<string[]> =>
          ((await db.query('SELECT id::text AS id FROM requests WHERE unit_id = $1 ORDER BY id', [unit.id])) as { id: string }[]).map((r) => r.id);
        for (const o of ops) {
          const existing = await ids();
          const target = 'pick' in o && existing.length > 0 ? existing[o.pick % existing.length] : null;
          if (o.kind === 'insert') {
            seq += 1;
            await db.query(
              `INSERT INTO requests (registration_number, receiving_unit_id, registration_year, registration_seq, unit_id, body_id, channel, status,
                                     requester_type, requester_name, requester_address, information, purpose, obtain_method, received_at,
                                     effective_receipt_date, due_date, due_provisional, version, closed_at)
               VALUES ($1, $2, $3, $4, $2, $5, 'online', $6, 'individual', 'Siti Rahayu', '\\x00'::bytea, 'Informasi', 'Penelitian', 'view', now(),
                       current_date, current_date + $7::int, false, 1, CASE WHEN $8 THEN now() END)`,
              [`3578-${unit.code}-${2000 + run}-${String(seq).padStart(5, '0')}`, unit.id, 2000 + run, seq, unit.bodyId, o.status, o.dueOffset, o.closed],
            );
          } else if (o.kind === 'status' && target) await db.query('UPDATE requests SET status = $2 WHERE id = $1', [target, o.status]);
          else if (o.kind === 'due' && target) await db.query('UPDATE requests SET due_date = current_date + $2::int WHERE id = $1', [target, o.dueOffset]);
          else if (o.kind === 'close' && target) await db.query('UPDATE requests SET closed_at = CASE WHEN $2 THEN now() END WHERE id = $1', [target, o.closed]);
          else if (o.kind === 'delete' && target) await db.query('DELETE FROM requests WHERE id = $1', [target]);
          else if (o.kind === 'all') await db.query('UPDATE requests SET status = $2 WHERE unit_id = $1', [unit.id, o.status]);
        }
        const kept = (await db.query(
          `SELECT status, to_char(due_date, 'YYYY-MM-DD') AS due, n FROM request_queue_counts WHERE unit_id = $1 ORDER BY status, due_date`,
          [unit.id],
        )) as { status: string; due: string; n: number }[];
        const grouped = (await db.query(
          `SELECT status, to_char(due_date, 'YYYY-MM-DD') AS due, count(*)::int AS n FROM requests
            WHERE unit_id = $1 AND closed_at IS NULL GROUP BY status, due_date ORDER BY status, due_date`,
          [unit.id],
        )) as { status: string; due: string; n: number }[];
        expect(kept).toEqual(grouped);
      }),
      { numRuns: 40 },
    );
  });
});
