import fc from 'fast-check';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppConfig } from 'src/config/app-config';
import { COUNTED_METRICS, METRIC_KEYS } from 'src/modules/scorecards/scorecard-classification';
import { ScorecardRequestsRepository } from 'src/modules/scorecards/scorecard-requests.repository';
import { ScorecardsRepository } from 'src/modules/scorecards/scorecards.repository';
import { createUser, loginAgent } from 'test/support/auth-helpers';
import { startTestApp, TestApp } from 'test/support/test-app';

/** One request as a fixture: days counted from 1 January of the fixture's year (UTC+7 at 10.00). */
interface Fixture {
  receivedDay: number;
  dueAfter: number;
  noticeAfter: number | null;
  decision: 'granted' | 'partially_granted' | 'refused' | 'not_held';
  delivered: boolean;
  withdrawnAfter: number | null;
  extension: { atAfter: number; days: number } | null;
  justified: boolean;
}

const dayOf = (year: number, n: number): string => new Date(Date.UTC(year, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
const instantOf = (year: number, n: number): string => `${dayOf(year, n)}T03:00:00Z`;

let seq = 0;

async function insertRequest(db: DataSource, unitId: number, bodyId: number, year: number, f: Fixture): Promise<void> {
  seq += 1;
  const due = dayOf(year, f.receivedDay + f.dueAfter);
  const answered = f.noticeAfter === null ? null : instantOf(year, f.receivedDay + f.noticeAfter);
  const withdrawn = f.withdrawnAfter === null ? null : instantOf(year, f.receivedDay + f.withdrawnAfter);
  const delivered = answered && f.delivered ? dayOf(year, f.receivedDay + (f.noticeAfter as number)) : null;
  const [row] = (await db.query(
    `INSERT INTO requests (registration_number, receiving_unit_id, registration_year, registration_seq, unit_id, body_id, channel, status,
        decision, requester_type, requester_name, requester_address, information, purpose, obtain_method, received_at,
        effective_receipt_date, due_date, due_provisional, extended_days, version, answered_at, delivered_on, delivery_channel, withdrawn_at)
     VALUES ($1, $2, $3, $4, $2, $5, 'online', $6, $7, 'individual', 'Pemohon Rahasia', '\\x00', 'Informasi uji', 'Uji', 'copy_soft', $8,
        $9, $10, false, $11, 1, $12, $13, $14, $15) RETURNING id`,
    [
      `ANTRE-${seq}`,
      unitId,
      year,
      seq,
      bodyId,
      withdrawn ? 'withdrawn' : answered ? 'answered' : 'in_process',
      answered ? f.decision : null,
      instantOf(year, f.receivedDay),
      dayOf(year, f.receivedDay),
      f.extension ? dayOf(year, f.receivedDay + f.dueAfter + f.extension.days) : due,
      f.extension ? f.extension.days : null,
      answered,
      delivered,
      delivered ? 'email' : null,
      withdrawn,
    ],
  )) as { id: string }[];
  if (f.extension) {
    await db.query(
      `INSERT INTO request_events (request_id, type, actor_kind, occurred_at, old_due_date, new_due_date, public, data)
       VALUES ($1, 'extended', 'officer', $2, $3, $4, true, '{}')`,
      [row.id, instantOf(year, f.receivedDay + f.extension.atAfter), due, dayOf(year, f.receivedDay + f.dueAfter + f.extension.days)],
    );
  }
  if (answered && f.decision === 'refused') {
    const notice = f.justified
      ? { decision: 'refused', exemptionGround: 'h', consequenceTest: { date: dayOf(year, f.receivedDay), participants: ['PPID'], consequence: 'Merugikan' } }
      : { decision: 'refused', exemptionGround: null, consequenceTest: null };
    await db.query(`INSERT INTO request_events (request_id, type, actor_kind, occurred_at, public, data) VALUES ($1, 'refused', 'officer', $2, true, $3)`, [
      row.id,
      answered,
      JSON.stringify({ notice }),
    ]);
  }
}

const fixture: fc.Arbitrary<Fixture> = fc.record({
  // Mostly the first quarter, some in the December before (the backlog) and some after it.
  receivedDay: fc.integer({ min: -20, max: 100 }),
  dueAfter: fc.integer({ min: 1, max: 25 }),
  noticeAfter: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
  decision: fc.constantFrom('granted' as const, 'partially_granted' as const, 'refused' as const, 'not_held' as const),
  delivered: fc.boolean(),
  withdrawnAfter: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null, freq: 4 }),
  extension: fc.option(fc.record({ atAfter: fc.integer({ min: 0, max: 30 }), days: fc.integer({ min: 1, max: 7 }) }), { nil: null, freq: 3 }),
  justified: fc.boolean(),
});

describe('bureau queue: /biro/permohonan and the lists behind the figures', () => {
  let t: TestApp;
  let db: DataSource;
  let utama: { code: string; unitId: number; bodyId: number }[];

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    utama = (await db.query(
      `SELECT r.code, u.id AS "unitId", b.id AS "bodyId" FROM ppid_units u JOIN public_bodies b ON b.id = u.body_id
         JOIN regions r ON r.code = b.region_code WHERE u.level = 'utama' ORDER BY r.code`,
    )) as { code: string; unitId: number; bodyId: number }[];
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('should list exactly as many requests behind every figure as the figure counts, for random requests', async () => {
    const figures = t.app.get(ScorecardsRepository);
    const lists = t.app.get(ScorecardRequestsRepository);
    const zone = t.app.get(AppConfig).provinceTimeZone;
    let year = 2011;
    await fc.assert(
      fc.asyncProperty(fc.array(fixture, { minLength: 1, maxLength: 14 }), fc.nat({ max: 3 }), async (fixtures, bodyPick) => {
        year += 1; // a year of its own per run: runs never see each other's requests
        const body = utama[bodyPick];
        for (const f of fixtures) await insertRequest(db, body.unitId, body.bodyId, year, f);
        const from = `${year}-01-01`;
        const to = `${year}-03-31`;
        const today = `${year + 1}-01-10`;
        for (const end of [to, `${year}-02-15`]) {
          const counts = (await figures.countsByUnit(from, to, end, today, zone)).filter((c) => c.bodyId === body.bodyId);
          const filter = { from, to, end, today, provinceZone: zone, bodyId: body.bodyId, unitId: null, state: null };
          for (const metric of COUNTED_METRICS) {
            const figure = counts.reduce((s, c) => s + c[metric], 0);
            const listed = await lists.list({ ...filter, metric }, 1000, 0);
            expect({ metric, n: listed.length }).toEqual({ metric, n: figure });
            await expect(lists.count({ ...filter, metric })).resolves.toBe(figure);
          }
          const sum = (m: 'decided' | 'onTime') => counts.reduce((s, c) => s + c[m], 0);
          await expect(lists.count({ ...filter, metric: 'late' })).resolves.toBe(sum('decided') - sum('onTime'));
        }
      }),
      { numRuns: 8 },
    );
  }, 240_000);

  it('should lead from each figure of the desk to a list of as many requests, without the requester', async () => {
    // Requests received this quarter, answered or late, so the desk has figures to follow.
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const year = Number(today.slice(0, 4));
    const quarterStart = Date.UTC(year, Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3, 1);
    const start = Math.round((quarterStart - Date.UTC(year, 0, 1)) / 86_400_000);
    const [a, b] = utama;
    await insertRequest(db, a.unitId, a.bodyId, year, { receivedDay: start, dueAfter: 0, noticeAfter: 0, decision: 'granted', delivered: true, withdrawnAfter: null, extension: null, justified: false });
    await insertRequest(db, a.unitId, a.bodyId, year, { receivedDay: start, dueAfter: 0, noticeAfter: null, decision: 'granted', delivered: false, withdrawnAfter: null, extension: null, justified: false });
    await insertRequest(db, b.unitId, b.bodyId, year, { receivedDay: start, dueAfter: 0, noticeAfter: null, decision: 'granted', delivered: false, withdrawnAfter: null, extension: null, justified: false });

    const bureau = await createUser(t.app, { role: 'bureau' });
    const { agent } = await loginAgent(t.app, bureau.email);
    const desk = await agent.get('/biro').expect(200);
    const html = desk.text.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');
    const figureLinks = [...html.matchAll(/<a href="(\/biro\/permohonan\?[^"]+)" id="angka-[^"]+">(\d+)/g)];
    expect(figureLinks.map((m) => /metrik=(\w+)/.exec(m[1])?.[1])).toEqual(['received', 'onTime', 'decided', 'overdueAtEnd']);
    expect(Number(figureLinks[0][2])).toBeGreaterThanOrEqual(3);
    for (const [, href, figure] of figureLinks) {
      const list = await agent.get(href).expect(200);
      expect({ href, n: /<span id="jumlah-daftar">(\d+)<\/span>/.exec(list.text)?.[1] }).toEqual({ href, n: figure });
      expect(list.text).not.toContain('Pemohon Rahasia');
    }
    // Totals per body at the top, each a link to its list.
    const queue = await agent.get(`/biro/permohonan?badan=${a.code}`).expect(200);
    const row = new RegExp(`<tr id="jumlah-${a.code.replace('.', '\\.')}">([\\s\\S]*?)</tr>`).exec(queue.text)?.[1] ?? '';
    expect(row).toMatch(/<td data-label="Diterima"><a [^>]+>2<\/a><\/td>/);
    expect(row).toMatch(/<td data-label="Terlambat"><a [^>]+>1<\/a><\/td>/);
    expect(queue.text).toContain('<span id="jumlah-daftar">2</span>');
    expect(queue.text).not.toContain(`jumlah-${b.code}"`);
    const overdue = await agent.get(`/biro/permohonan?badan=${a.code}&status=overdue`).expect(200);
    expect(overdue.text).toContain('<span id="jumlah-daftar">1</span>');
    expect(overdue.text).toMatch(/\d+ hari kerja/);
  });

  it.each([
    ['badan=99.99', 'Badan publik tidak dikenal.'],
    ['tahun=20x5', 'Tahun harus empat angka'],
    ['tahun=2025&triwulan=9', 'Triwulan harus 1, 2, 3 atau 4.'],
    ['dari=2025-02-30&sampai=2025-03-01', 'Tanggal tidak valid'],
    ['status=hilang', 'Status tidak dikenal.'],
    ['metrik=DROP', 'Angka yang diminta tidak dikenal.'],
    ['halaman=0', 'Halaman harus bilangan'],
    ['halaman=abc', 'Halaman harus bilangan'],
    ['tahun=2025&tahun=2024', ''],
  ])('should answer ?%s with a 400 page naming the problem', async (query, message) => {
    const bureau = await createUser(t.app, { role: 'bureau' });
    const { agent } = await loginAgent(t.app, bureau.email);
    const res = await agent.get(`/biro/permohonan?${query}`).expect(400);
    expect(res.text).toContain(message);
  });

  it('should accept every figure name the classification knows', async () => {
    const admin = await createUser(t.app, { role: 'admin' });
    const { agent } = await loginAgent(t.app, admin.email);
    for (const metric of METRIC_KEYS) await agent.get(`/biro/permohonan?tahun=2025&metrik=${metric}`).expect(200);
  });

  it('should keep the queue from officers and from anyone not signed in', async () => {
    const officer = await createUser(t.app, { role: 'officer', unitId: utama[0].unitId });
    const { agent } = await loginAgent(t.app, officer.email);
    await agent.get('/biro/permohonan').expect(403);
    const anonymous = await request(t.app.getHttpServer()).get('/biro/permohonan');
    expect(anonymous.status).toBe(303);
  });
});
