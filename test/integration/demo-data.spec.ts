import request from 'supertest';
import { DataSource } from 'typeorm';
import { FieldCipher, sealContext } from 'src/common/crypto/field-cipher';
import { CalendarService } from 'src/modules/calendar/calendar.service';
import { computeDueDate } from 'src/modules/calendar/working-day-calendar';
import { loadDemoDataOnStart } from 'src/demo/demo-on-start';
import { DemoCounts, DemoDataLoader, DemoLoadResult } from 'src/demo/demo-loader';
import { RequestStatus } from 'src/modules/requests/request-status';
import { nextStatus, RequestAction, TRANSITIONS } from 'src/modules/requests/workflow/request-transitions';
import { bearerToken, createUser, loginAgent, utamaUnitOf } from 'test/support/auth-helpers';
import { startTestApp, TestApp } from 'test/support/test-app';

const DEMO_REQUESTS = 800;
const FOLLOW_UP_EVENTS = new Set(['objection_filed', 'objection_decided', 'dispute_recorded', 'dispute_updated']);

type WriteFn = typeof process.stdout.write;

/** Captures what is written to stdout while `work` runs (the demo logins block goes there). */
async function capturingStdout<T>(work: () => Promise<T>): Promise<{ result: T; output: string }> {
  const chunks: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as WriteFn);
  try {
    return { result: await work(), output: chunks.join('') };
  } finally {
    spy.mockRestore();
  }
}

async function countsInDatabase(db: DataSource): Promise<DemoCounts> {
  const grouped = async (sql: string): Promise<Record<string, number>> =>
    Object.fromEntries(((await db.query(sql)) as { k: string; n: number }[]).map((r) => [r.k, r.n]));
  const [totals] = (await db.query(
    'SELECT (SELECT count(*) FROM requests)::int AS requests, (SELECT count(*) FROM request_events)::int AS events',
  )) as { requests: number; events: number }[];
  return {
    ...totals,
    byStatus: await grouped('SELECT status AS k, count(*)::int AS n FROM requests GROUP BY 1'),
    byDecision: await grouped(`SELECT coalesce(decision, 'none') AS k, count(*)::int AS n FROM requests GROUP BY 1`),
    byEventType: await grouped('SELECT type AS k, count(*)::int AS n FROM request_events GROUP BY 1'),
    objections: await grouped('SELECT status AS k, count(*)::int AS n FROM objections GROUP BY 1'),
    disputes: ((await db.query('SELECT count(*)::int AS n FROM disputes')) as { n: number }[])[0].n,
  };
}

describe('demo data on a new database (DEMO_DATA)', () => {
  let t: TestApp;
  let db: DataSource;
  let printed: string;
  let load: DemoLoadResult;

  beforeAll(async () => {
    // As main.ts does: the app is initialised, then the demo data goes in before it serves.
    t = await startTestApp({ DEMO_DATA: 'true', DEMO_DATA_REQUESTS: String(DEMO_REQUESTS) });
    const started = await capturingStdout(() => loadDemoDataOnStart(t.app, t.config));
    printed = started.output;
    db = t.app.get(DataSource);
    if (!started.result.loaded) throw new Error(`the demo data was not loaded on start: ${started.result.reason}`);
    load = started.result.result;
  }, 180_000);

  afterAll(async () => {
    await t?.close();
  });

  it('should load the requested number of requests and print the logins with the password once', async () => {
    const [row] = (await db.query('SELECT count(*)::int AS n FROM requests')) as { n: number }[];
    expect(row.n).toBe(DEMO_REQUESTS);
    expect(load.password).toMatch(/^Demo-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(printed.split(load.password as string)).toHaveLength(2);
    expect(printed).toContain('admin@demo.example.org');
    expect(printed).toContain('petugas.<code>@demo.example.org');
    const bodies = (await db.query('SELECT count(*)::int AS n FROM public_bodies')) as { n: number }[];
    const officers = (await db.query(
      `SELECT count(*)::int AS n FROM users u JOIN ppid_units p ON p.id = u.unit_id WHERE u.role = 'officer' AND p.level = 'utama' AND u.email LIKE 'petugas.%@demo.example.org'`,
    )) as { n: number }[];
    expect(officers[0].n).toBe(bodies[0].n);
  });

  it('should give every body two to four PPID Pelaksana with codes such as DIKNAS', async () => {
    const rows = (await db.query(
      `SELECT b.region_code, count(u.id)::int AS n, array_agg(u.code ORDER BY u.code) AS codes
         FROM public_bodies b LEFT JOIN ppid_units u ON u.body_id = b.id AND u.level = 'pelaksana' GROUP BY 1`,
    )) as { n: number; codes: string[] }[];
    for (const r of rows) {
      expect(r.n).toBeGreaterThanOrEqual(2);
      expect(r.n).toBeLessThanOrEqual(4);
    }
    expect(rows.flatMap((r) => r.codes)).toContain('DIKNAS');
  });

  it('should make bodies behave differently: on-time and refusal shares far apart', async () => {
    const rows = (await db.query(
      `SELECT body_id, count(*)::int AS answered,
              count(*) FILTER (WHERE (answered_at AT TIME ZONE 'Asia/Jakarta')::date <= due_date)::int AS on_time,
              count(*) FILTER (WHERE decision = 'refused')::int AS refused
         FROM requests WHERE answered_at IS NOT NULL GROUP BY body_id HAVING count(*) >= 5`,
    )) as { answered: number; on_time: number; refused: number }[];
    expect(rows.length).toBeGreaterThan(20);
    const onTime = rows.map((r) => r.on_time / r.answered);
    const refused = rows.map((r) => r.refused / r.answered);
    expect(Math.max(...onTime) - Math.min(...onTime)).toBeGreaterThan(0.4);
    expect(Math.max(...refused)).toBeGreaterThan(0.12);
    expect(Math.min(...refused)).toBeLessThan(0.05);
    expect(new Set(load.plans.map((p) => p.profile.archetype)).size).toBe(6);
  });

  it('should number requests per receiving unit and year 1..n without gaps, in order of receipt, with the counters set', async () => {
    const groups = (await db.query(
      `SELECT r.receiving_unit_id, r.registration_year, count(*)::int AS n, min(r.registration_seq) AS lo, max(r.registration_seq) AS hi,
              count(DISTINCT r.registration_seq)::int AS d, max(c.last_number) AS counter
         FROM requests r LEFT JOIN registration_counters c ON c.unit_id = r.receiving_unit_id AND c.year = r.registration_year
        GROUP BY 1, 2`,
    )) as { n: number; lo: number; hi: number; d: number; counter: number | null }[];
    expect(groups.length).toBeGreaterThan(39);
    for (const g of groups) expect(g).toMatchObject({ lo: 1, hi: g.n, d: g.n, counter: g.n });
    const [outOfOrder] = (await db.query(
      `SELECT count(*)::int AS n FROM (
         SELECT received_at < lag(received_at) OVER (PARTITION BY receiving_unit_id, registration_year ORDER BY registration_seq) AS back FROM requests
       ) x WHERE back`,
    )) as { n: number }[];
    expect(outOfOrder.n).toBe(0);
    const numbers = (await db.query('SELECT registration_number FROM requests LIMIT 50')) as { registration_number: string }[];
    for (const { registration_number } of numbers) expect(registration_number).toMatch(/^\d{2,4}-[A-Z0-9]{1,8}-\d{4}-\d{5}$/);
  });

  it('should write for every request a sequence of events the transition table allows, ending in its status', async () => {
    const actionOf = new Map(Object.entries(TRANSITIONS).map(([action, tr]) => [tr.event, action as RequestAction]));
    const requests = (await db.query('SELECT id, status, closed_at, answered_at FROM requests')) as {
      id: string;
      status: RequestStatus;
      closed_at: Date | null;
      answered_at: Date | null;
    }[];
    const events = (await db.query(
      'SELECT request_id, type, from_status, to_status, occurred_at FROM request_events ORDER BY request_id, id',
    )) as { request_id: string; type: string; from_status: RequestStatus | null; to_status: RequestStatus; occurred_at: Date }[];
    const byRequest = new Map<string, typeof events>();
    for (const e of events) byRequest.set(e.request_id, [...(byRequest.get(e.request_id) ?? []), e]);
    const problems: string[] = [];
    const now = Date.now();
    for (const r of requests) {
      const list = byRequest.get(r.id) ?? [];
      const [first, ...rest] = list;
      if (!first || !['registered', 'recorded_offline'].includes(first.type) || first.from_status !== null || first.to_status !== 'received') {
        problems.push(`${r.id}: starts with ${first?.type}`);
        continue;
      }
      let status: RequestStatus = 'received';
      let last = first.occurred_at.getTime();
      for (const e of rest) {
        const action = actionOf.get(e.type);
        // Keberatan and sengketa are noted on the request's timeline without moving its status.
        const followUp = FOLLOW_UP_EVENTS.has(e.type) && e.from_status === status && e.to_status === status;
        if (!followUp && (!action || e.from_status !== status || nextStatus(action, status) !== e.to_status)) {
          problems.push(`${r.id}: ${e.type} ${e.from_status}→${e.to_status} after ${status}`);
          break;
        }
        if (e.occurred_at.getTime() < last || e.occurred_at.getTime() > now) problems.push(`${r.id}: ${e.type} out of time order`);
        last = e.occurred_at.getTime();
        status = e.to_status;
      }
      if (status !== r.status) problems.push(`${r.id}: events end in ${status}, request is ${r.status}`);
      if ((r.status === 'closed') !== (r.closed_at !== null)) problems.push(`${r.id}: closed_at does not match ${r.status}`);
    }
    expect(problems).toEqual([]);
    const types = new Set(events.map((e) => e.type));
    for (const type of ['registered', 'recorded_offline', 'forwarded', 'extended', 'notice_issued', 'refused', 'not_held', 'documents_handed_over', 'closed', 'objection_filed', 'objection_decided', 'reopened']) {
      expect(types).toContain(type);
    }
  });

  it('should give keberatan to the atasan PPID, some overturned, some answered late, and a few sengketa', async () => {
    const [o] = (await db.query(
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE status IN ('overturned', 'partially_overturned'))::int AS overturned,
              count(*) FILTER (WHERE status = 'upheld')::int AS upheld,
              count(*) FILTER (WHERE response_date > due_date)::int AS late,
              count(*) FILTER (WHERE response_date <= due_date)::int AS "onTime",
              count(*) FILTER (WHERE 'a' = ANY(grounds))::int AS "afterRefusal",
              (SELECT count(*)::int FROM disputes) AS disputes,
              (SELECT count(*)::int FROM objections x JOIN requests q ON q.id = x.request_id WHERE x.body_id <> q.body_id) AS "otherBody"
         FROM objections`,
    )) as Record<string, number>[];
    expect(o.n).toBeGreaterThan(10);
    expect(o.overturned).toBeGreaterThan(0);
    expect(o.upheld).toBeGreaterThan(0);
    expect(o.late).toBeGreaterThan(0);
    expect(o.onTime).toBeGreaterThan(o.late);
    expect(o.afterRefusal).toBeGreaterThan(0);
    expect(o.disputes).toBeGreaterThan(0);
    expect(o.otherBody).toBe(0);
    // Numbered per body and year without gaps, the counters set for the next real one.
    const gaps = (await db.query(
      `SELECT o.body_id, o.year, count(*)::int AS n, max(o.seq) AS hi, c.last_number AS counter
         FROM objections o LEFT JOIN objection_counters c ON c.body_id = o.body_id AND c.year = o.year AND c.kind = 'objection'
        GROUP BY o.body_id, o.year, c.last_number`,
    )) as { n: number; hi: number; counter: number }[];
    for (const g of gaps) expect({ hi: g.hi, counter: g.counter }).toEqual({ hi: g.n, counter: g.n });
    // An overturned keberatan reopened its request.
    const [reopened] = (await db.query(
      `SELECT count(*)::int AS n FROM objections o JOIN requests q ON q.id = o.request_id
        WHERE o.status IN ('overturned', 'partially_overturned') AND q.reopened_at = o.decided_at`,
    )) as { n: number }[];
    expect(reopened.n).toBe(o.overturned);
  });

  it('should publish most annual reports of last year by 31 March, some later, some not at all', async () => {
    const wib = new Date(Date.now() + 7 * 3600_000);
    const year = wib.getUTCFullYear() - 1;
    const rows = (await db.query(
      `SELECT a.body_id, (a.published_at AT TIME ZONE 'Asia/Jakarta')::date <= make_date($1 + 1, 3, 31) AS "onTime"
         FROM annual_reports a WHERE a.year = $1 AND a.published_at IS NOT NULL`,
      [year],
    )) as { onTime: boolean }[];
    const onTime = rows.filter((r) => r.onTime).length;
    expect(load.annualReports).toEqual({ onTime, late: rows.length - onTime });
    // Each published by the officer of its body's PPID Utama (the access check of any publishing).
    const [publishers] = (await db.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE u.role = 'officer' AND p.level = 'utama' AND p.body_id = a.body_id)::int AS utama
         FROM annual_reports a JOIN users u ON u.id = a.published_by JOIN ppid_units p ON p.id = u.unit_id
        WHERE a.year = $1 AND a.published_at IS NOT NULL`,
      [year],
    )) as { n: number; utama: number }[];
    expect(publishers).toEqual({ n: rows.length, utama: rows.length });
    expect(onTime).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(39);
    // Once 31 March has passed, most bodies published by then.
    if (wib.getUTCMonth() >= 3) expect(onTime).toBeGreaterThan(rows.length - onTime);
    const page = await request(t.app.getHttpServer()).get(`/api/v1/scorecards?year=${year + 1}`).expect(200);
    const standings = (page.body.bodies as { metrics: { annualReport: { onTime: boolean | null } } }[]).map((b) => b.metrics.annualReport.onTime);
    expect(standings.filter((x) => x === true)).toHaveLength(onTime);
  });

  it('should give every body a Daftar Informasi Publik, complete or stale or nearly empty by how it behaves', async () => {
    const rows = (await db.query(
      `SELECT body_id AS "bodyId", count(*)::int AS n, count(DISTINCT category)::int AS categories,
              count(*) FILTER (WHERE category = 'berkala')::int AS berkala
         FROM dip_items WHERE status = 'active' GROUP BY body_id`,
    )) as { bodyId: number; n: number; categories: number; berkala: number }[];
    expect(rows).toHaveLength(39);
    expect(rows.reduce((s, r) => s + r.n, 0)).toBe(load.dipItems);
    expect(rows.some((r) => r.categories === 4)).toBe(true);
    expect(rows.some((r) => r.n <= 3)).toBe(true);
    const api = await request(t.app.getHttpServer()).get('/api/v1/dip/3578').expect(200);
    expect(api.body.items.length).toBeGreaterThan(0);
    // Stale berkala items in some bodies (well past the due date, whatever the holidays), none in others.
    const [rhythm] = (await db.query(
      `SELECT count(*) FILTER (WHERE stale > 0)::int AS "withStale", count(*) FILTER (WHERE stale = 0)::int AS "allFresh"
         FROM (SELECT body_id, count(*) FILTER (WHERE last_updated_on + make_interval(months => update_period_months) < current_date - 14) AS stale
                 FROM dip_items WHERE category = 'berkala' GROUP BY body_id) b`,
    )) as { withStale: number; allFresh: number }[];
    expect(rhythm.withStale).toBeGreaterThan(0);
    expect(rhythm.allFresh).toBeGreaterThan(0);
  });

  it('should publish the answers of granted demo requests whose requester consented, and only those', async () => {
    const [row] = (await db.query(
      `SELECT count(a.id)::int AS published,
              count(*) FILTER (WHERE r.publication_consent AND r.decision IN ('granted', 'partially_granted') AND r.withdrawn_at IS NULL)::int AS eligible,
              count(a.id) FILTER (WHERE NOT r.publication_consent OR r.decision NOT IN ('granted', 'partially_granted'))::int AS wrong
         FROM requests r LEFT JOIN published_answers a ON a.request_id = r.id`,
    )) as { published: number; eligible: number; wrong: number }[];
    expect(load.publishedAnswers).toBeGreaterThan(0);
    expect(row).toEqual({ published: load.publishedAnswers, eligible: load.publishedAnswers, wrong: 0 });
    const api = await request(t.app.getHttpServer()).get('/api/v1/published-answers').expect(200);
    expect(api.body.total).toBe(load.publishedAnswers);
  });

  it('should give the bodies consultations: answered, open, overdue and published as FAQ, numbered per body and year', async () => {
    const rows = (await db.query(
      `SELECT c.number, c.body_id, c.year, c.seq, c.status, c.faq_consent, c.faq_published_at IS NOT NULL AS faq,
              c.due_date::text AS due, (now() AT TIME ZONE u.time_zone)::date::text AS today, c.answered_at, c.received_at
         FROM consultations c JOIN ppid_units u ON u.id = c.unit_id ORDER BY c.body_id, c.year, c.seq`,
    )) as { number: string; body_id: number; year: number; seq: number; status: string; faq_consent: boolean; faq: boolean; due: string; today: string; answered_at: Date | null; received_at: Date }[];
    expect(load.consultations).toBe(rows.length);
    expect(new Set(rows.map((r) => r.body_id)).size).toBe(39);
    expect(rows.some((r) => r.status === 'answered')).toBe(true);
    expect(rows.some((r) => r.status === 'open' && r.due >= r.today)).toBe(true);
    expect(rows.some((r) => r.status === 'open' && r.due < r.today)).toBe(true);
    expect(rows.some((r) => r.faq)).toBe(true);
    for (const r of rows.filter((x) => x.faq)) expect(r.faq_consent && r.status === 'answered').toBe(true);
    for (const r of rows.filter((x) => x.answered_at)) expect(r.answered_at!.getTime()).toBeGreaterThanOrEqual(r.received_at.getTime());
    // Gapless per body and year, in order of receipt.
    const seqs = new Map<string, number[]>();
    for (const r of rows) seqs.set(`${r.body_id}:${r.year}`, [...(seqs.get(`${r.body_id}:${r.year}`) ?? []), r.seq]);
    for (const list of seqs.values()) expect(list).toEqual(list.map((_x, i) => i + 1));
    const faq = await request(t.app.getHttpServer()).get('/api/v1/consultations/faq?body=35.78').expect(200);
    expect(Array.isArray(faq.body.entries)).toBe(true);
  });

  it('should compute day 0 and due dates with the calendar, and record old and new due dates on extensions', async () => {
    const rows = (await db.query(
      `SELECT r.id, r.body_id, r.received_at, r.effective_receipt_date::text AS day0, r.due_date::text AS due, r.extended_days,
              reg.new_due_date::text AS first_due, ext.old_due_date::text AS ext_old, ext.new_due_date::text AS ext_new,
              u.time_zone, to_char(u.opens_at, 'HH24:MI') AS opens, to_char(u.closes_at, 'HH24:MI') AS closes, r.reopened_at
         FROM requests r
         JOIN ppid_units u ON u.id = r.receiving_unit_id
         JOIN request_events reg ON reg.request_id = r.id AND reg.type IN ('registered', 'recorded_offline')
         LEFT JOIN request_events ext ON ext.request_id = r.id AND ext.type = 'extended'`,
    )) as {
      body_id: number;
      received_at: Date;
      day0: string;
      due: string;
      extended_days: number | null;
      first_due: string;
      ext_old: string | null;
      ext_new: string | null;
      time_zone: string;
      opens: string;
      closes: string;
      reopened_at: Date | null;
    }[];
    const calendars = t.app.get(CalendarService);
    let extended = 0;
    let reopened = 0;
    for (const r of rows) {
      const hours = { timeZone: r.time_zone, opensAt: r.opens, closesAt: r.closes };
      const calendar = await calendars.calendarFor(r.body_id);
      const expected = computeDueDate(calendar, r.received_at, 10, hours);
      expect({ day0: r.day0, firstDue: r.first_due }).toEqual({ day0: expected.effectiveReceiptDate, firstDue: expected.dueDate });
      if (r.reopened_at !== null) {
        // Reopened after an overturned keberatan: 10 working days from the atasan's answer.
        reopened += 1;
        expect(r.due).toBe(computeDueDate(calendar, r.reopened_at, 10, hours).dueDate);
      } else if (r.extended_days === null) {
        expect(r.due).toBe(expected.dueDate);
      } else {
        extended += 1;
        expect({ old: r.ext_old, new: r.ext_new }).toEqual({ old: expected.dueDate, new: r.due });
      }
    }
    expect(extended).toBeGreaterThan(0);
    expect(reopened).toBeGreaterThan(0);
  });

  it('should leave open requests in all three deadline states', async () => {
    const token = await bearerToken(t.app, 'biro@demo.example.org', load.password as string);
    const res = await request(t.app.getHttpServer()).get('/api/v1/queue').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    const counts = (res.body as { counts: Record<'aman' | 'segera' | 'terlambat', number> }).counts;
    expect(counts.aman).toBeGreaterThan(0);
    expect(counts.segera).toBeGreaterThan(0);
    expect(counts.terlambat).toBeGreaterThan(0);
  });

  it('should let a demo officer sign in and see open requests in the queue, also in a PPID Pelaksana', async () => {
    const officers = load.accounts.filter((a) => a.listed && a.role === 'officer');
    const utama = officers.find((a) => /^petugas\.\d+@/.test(a.email));
    const pelaksana = officers.find((a) => /^petugas\.\d+\.[a-z]+@/.test(a.email));
    for (const account of [utama, pelaksana]) {
      if (!account) throw new Error('no listed demo officer');
      const password = load.password as string;
      const signedIn = await loginAgent(t.app, account.email, password);
      const page = await signedIn.agent.get('/petugas');
      expect(page.status).toBe(200);
      expect(page.text).toMatch(/\d{4}-[A-Z0-9]+-\d{4}-\d{5}/);
      const token = await bearerToken(t.app, account.email, password);
      const res = await request(t.app.getHttpServer()).get('/api/v1/queue').set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(200);
      expect((res.body as { items: unknown[] }).items.length).toBeGreaterThan(0);
    }
  });

  it('should encrypt personal fields and give working tracking codes', async () => {
    const cipher = t.app.get(FieldCipher);
    const rows = (await db.query(
      `SELECT registration_number, requester_nik, requester_nik_last4, requester_address, requester_phone FROM requests WHERE requester_nik IS NOT NULL LIMIT 20`,
    )) as { registration_number: string; requester_nik: Buffer; requester_nik_last4: string; requester_address: Buffer; requester_phone: Buffer }[];
    expect(rows.length).toBe(20);
    for (const r of rows) {
      const at = (column: string): string => sealContext('requests', column, r.registration_number);
      const nik = cipher.decryptText(r.requester_nik, at('requester_nik')) as string;
      expect(nik).toMatch(/^35\d{14}$/);
      expect(nik.endsWith(r.requester_nik_last4)).toBe(true);
      expect(cipher.decryptText(r.requester_address, at('requester_address'))).toContain('Kecamatan');
      expect(cipher.decryptText(r.requester_phone, at('requester_phone'))).toMatch(/^08\d{9,10}$/);
      // Bound to its row: the same ciphertext under another row's context does not open.
      expect(() => cipher.decrypt(r.requester_nik, sealContext('requests', 'requester_nik', 'another-row'))).toThrow();
    }
    const sample = load.sample;
    if (!sample) throw new Error('no sample request printed');
    const res = await request(t.app.getHttpServer())
      .get(`/api/v1/requests/${sample.registrationNumber}`)
      .set('X-Tracking-Code', sample.trackingCode);
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain(sample.registrationNumber);
  });

  it('should generate the same data from the same seed and clock, and other data from another seed', async () => {
    const loader = DemoDataLoader.fromApp(t.app);
    const [row] = (await db.query('SELECT seed, simulated_until FROM demo_data_loads')) as { seed: string; simulated_until: Date }[];
    const preview = await loader.preview({ now: row.simulated_until, seed: Number(row.seed), requests: DEMO_REQUESTS });
    await expect(countsInDatabase(db)).resolves.toEqual(preview);
    await expect(loader.preview({ now: row.simulated_until, seed: Number(row.seed), requests: DEMO_REQUESTS })).resolves.toEqual(preview);
    await expect(loader.preview({ now: row.simulated_until, seed: Number(row.seed) + 1, requests: DEMO_REQUESTS })).resolves.not.toEqual(preview);
  });

  it('should not load again when called again or on the next start', async () => {
    const before = await countsInDatabase(db);
    const again = await capturingStdout(() => loadDemoDataOnStart(t.app, t.config));
    expect(again.result).toEqual({ loaded: false, reason: 'already_loaded' });
    expect(again.output).toBe('');
    // The loader's own check, under the lock, says the same.
    await expect(DemoDataLoader.fromApp(t.app).loadIntoEmptyDatabase({ seed: 1, requests: 10, now: new Date() })).resolves.toEqual({
      loaded: false,
      reason: 'already_loaded',
    });
    await expect(countsInDatabase(db)).resolves.toEqual(before);
    const [loads] = (await db.query('SELECT count(*)::int AS n FROM demo_data_loads')) as { n: number }[];
    expect(loads.n).toBe(1);
  });
});

describe('demo data only into an empty database', () => {
  let t: TestApp;

  beforeAll(async () => {
    // DEMO_DATA on: the app alone loads nothing, only the start (main.ts) does.
    t = await startTestApp({ DEMO_DATA: 'true', DEMO_DATA_REQUESTS: '40', ADMIN_EMAIL: 'admin.pertama@uji.go.id', ADMIN_PASSWORD: 'kata-sandi-admin-123' });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('should skip a database with accounts other than admins, and load beside a bootstrap admin', async () => {
    const db = t.app.get(DataSource);
    await expect(db.query('SELECT count(*)::int AS n FROM demo_data_loads')).resolves.toEqual([{ n: 0 }]);
    const officer = await createUser(t.app, { role: 'officer', unitId: (await utamaUnitOf(t.app, '35.78')).id });
    const skipped = await capturingStdout(() => loadDemoDataOnStart(t.app, t.config));
    expect(skipped.result).toEqual({ loaded: false, reason: 'not_empty' });
    expect(skipped.output).toBe('');
    await expect(db.query('SELECT count(*)::int AS n FROM requests')).resolves.toEqual([{ n: 0 }]);

    await db.query('DELETE FROM users WHERE id = $1', [officer.id]);
    const loaded = await capturingStdout(() => loadDemoDataOnStart(t.app, t.config));
    expect(loaded.result.loaded).toBe(true);
    expect(loaded.output).toContain('biro@demo.example.org');
    await expect(db.query('SELECT count(*)::int AS n FROM requests')).resolves.toEqual([{ n: 40 }]);
    await expect(db.query(`SELECT count(*)::int AS n FROM users WHERE email = 'admin.pertama@uji.go.id' AND role = 'admin'`)).resolves.toEqual([
      { n: 1 },
    ]);
  });
});
