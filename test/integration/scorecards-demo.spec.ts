import request from 'supertest';
import { DataSource } from 'typeorm';
import { localDateTimeOf } from 'src/common/time/local-time';
import { loadDemoDataOnStart } from 'src/demo/demo-on-start';
import { flat, keepPdf, pdfPages } from 'src/modules/documents';
import { startTestApp, TestApp } from 'test/support/test-app';

interface Row {
  bodyCode: string;
  receivedAt: Date;
  answeredAt: Date | null;
  withdrawnAt: Date | null;
  due: string;
  zone: string;
  decision: string | null;
  deliveredOn: string | null;
  closedAt: Date | null;
  extAt: Date | null;
  extOldDue: string | null;
}

interface Direct {
  received: number;
  decided: number;
  onTime: number;
  extended: number;
  answered: number;
  refused: number;
  grants: number;
  delivered: number;
}

/**
 * The grouped report statements against the same rules computed request by request in
 * TypeScript, on the demo data's year of simulated requests (every archetype of body).
 */
describe('scorecards on the demo data', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true', DEMO_DATA_REQUESTS: '600' });
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const started = await loadDemoDataOnStart(t.app, t.config);
      if (!started.loaded) throw new Error('the demo data was not loaded');
    } finally {
      spy.mockRestore();
    }
    db = t.app.get(DataSource);
  }, 180_000);

  afterAll(async () => {
    await t?.close();
  });

  it('should agree with a request-by-request computation for every body', async () => {
    const zone = t.config.provinceTimeZone;
    const today = localDateTimeOf(new Date(), zone).date;
    const from = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
    const rows = (await db.query(
      `SELECT r.code AS "bodyCode", q.received_at AS "receivedAt", q.answered_at AS "answeredAt", q.withdrawn_at AS "withdrawnAt",
              to_char(q.due_date, 'YYYY-MM-DD') AS due, u.time_zone AS zone, q.decision, to_char(q.delivered_on, 'YYYY-MM-DD') AS "deliveredOn",
              q.closed_at AS "closedAt",
              (SELECT e.occurred_at FROM request_events e WHERE e.request_id = q.id AND e.type = 'extended' ORDER BY e.id LIMIT 1) AS "extAt",
              (SELECT to_char(e.old_due_date, 'YYYY-MM-DD') FROM request_events e WHERE e.request_id = q.id AND e.type = 'extended' ORDER BY e.id LIMIT 1) AS "extOldDue"
         FROM requests q JOIN ppid_units u ON u.id = q.unit_id JOIN public_bodies b ON b.id = q.body_id JOIN regions r ON r.code = b.region_code`,
    )) as Row[];
    const direct = new Map<string, Direct>();
    for (const r of rows) {
      const receivedOn = localDateTimeOf(r.receivedAt, zone).date;
      if (receivedOn < from || receivedOn > today) continue;
      const d = direct.get(r.bodyCode) ?? { received: 0, decided: 0, onTime: 0, extended: 0, answered: 0, refused: 0, grants: 0, delivered: 0 };
      direct.set(r.bodyCode, d);
      d.received += 1;
      const noticeOn = r.answeredAt ? localDateTimeOf(r.answeredAt, r.zone).date : null;
      const withdrawnOn = r.withdrawnAt ? localDateTimeOf(r.withdrawnAt, r.zone).date : null;
      if (withdrawnOn !== null && !(noticeOn !== null && noticeOn <= withdrawnOn)) continue;
      const lateExtension = r.extAt !== null && r.extOldDue !== null && localDateTimeOf(r.extAt, r.zone).date > r.extOldDue;
      const due = lateExtension ? (r.extOldDue as string) : r.due;
      if (noticeOn !== null || due < today) d.decided += 1;
      if (noticeOn !== null && noticeOn <= due) d.onTime += 1;
      if (r.extAt !== null) d.extended += 1;
      if (noticeOn !== null) d.answered += 1;
      if (r.decision === 'refused') d.refused += 1;
      if (r.decision === 'granted' || r.decision === 'partially_granted') {
        d.grants += 1;
        if (r.deliveredOn !== null || r.closedAt !== null) d.delivered += 1;
      }
    }
    const res = await request(t.app.getHttpServer()).get(`/api/v1/scorecards?from=${from}&to=${today}`).expect(200);
    const bodies = res.body.bodies as { code: string; n: number; rank: number | null; score: number | null; metrics: Record<string, { k: number; n: number }> }[];
    expect(bodies.reduce((s, b) => s + b.n, 0)).toBe([...direct.values()].reduce((s, d) => s + d.received, 0));
    expect(bodies.reduce((s, b) => s + b.n, 0)).toBeGreaterThan(0);
    for (const b of bodies) {
      const d = direct.get(b.code) ?? { received: 0, decided: 0, onTime: 0, extended: 0, answered: 0, refused: 0, grants: 0, delivered: 0 };
      expect({ code: b.code, received: b.n, onTime: b.metrics.onTime, extended: b.metrics.extension.k, refusal: b.metrics.refusal, completion: b.metrics.completion }).toEqual({
        code: b.code,
        received: d.received,
        onTime: expect.objectContaining({ k: d.onTime, n: d.decided }),
        extended: d.extended,
        refusal: expect.objectContaining({ k: d.refused, n: d.answered }),
        completion: expect.objectContaining({ k: d.delivered, n: d.grants }),
      });
    }
    // Ranked bodies come first, in rank order.
    const ranks = bodies.map((b) => b.rank).filter((r): r is number => r !== null);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('should count the keberatan and sengketa of the demo year like a request-by-request reading, and judge the annual reports', async () => {
    const zone = t.config.provinceTimeZone;
    const today = localDateTimeOf(new Date(), zone).date;
    const from = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
    const rows = (await db.query(
      `SELECT r.code AS "bodyCode", q.received_at AS "receivedAt", q.id AS "requestId", o.status, to_char(o.due_date, 'YYYY-MM-DD') AS due,
              to_char(o.response_date, 'YYYY-MM-DD') AS "responseDate", (SELECT count(*)::int FROM disputes d WHERE d.objection_id = o.id) AS disputes
         FROM objections o JOIN requests q ON q.id = o.request_id JOIN public_bodies b ON b.id = q.body_id JOIN regions r ON r.code = b.region_code`,
    )) as { bodyCode: string; receivedAt: Date; requestId: string; status: string; due: string; responseDate: string | null; disputes: number }[];
    const direct = new Map<string, { n: number; requests: Set<string>; overturned: number; answered: number; onTime: number; late: number; disputes: number }>();
    for (const r of rows) {
      const receivedOn = localDateTimeOf(r.receivedAt, zone).date;
      if (receivedOn < from || receivedOn > today) continue;
      const d = direct.get(r.bodyCode) ?? { n: 0, requests: new Set<string>(), overturned: 0, answered: 0, onTime: 0, late: 0, disputes: 0 };
      direct.set(r.bodyCode, d);
      d.n += 1;
      d.requests.add(r.requestId);
      if (r.status === 'overturned' || r.status === 'partially_overturned') d.overturned += 1;
      if (r.responseDate !== null) d.answered += 1;
      if (r.responseDate !== null && r.responseDate <= r.due) d.onTime += 1;
      if (r.responseDate === null && r.due < today) d.late += 1;
      d.disputes += r.disputes;
    }
    expect([...direct.values()].reduce((s, d) => s + d.n, 0)).toBeGreaterThan(0);
    const res = await request(t.app.getHttpServer()).get(`/api/v1/scorecards?from=${from}&to=${today}`).expect(200);
    expect(res.body.notAvailable).toEqual([]);
    type K = { k: number; n: number };
    const bodies = res.body.bodies as { code: string; metrics: { objections: { objections: number; disputes: number; objectionRate: K; overturned: K; answeredOnTime: K } } }[];
    for (const b of bodies) {
      const d = direct.get(b.code) ?? { n: 0, requests: new Set<string>(), overturned: 0, answered: 0, onTime: 0, late: 0, disputes: 0 };
      expect({ code: b.code, ...b.metrics.objections }).toMatchObject({
        code: b.code,
        objections: d.n,
        disputes: d.disputes,
        objectionRate: { k: d.requests.size },
        overturned: { k: d.overturned, n: d.answered },
        answeredOnTime: { k: d.onTime, n: d.answered + d.late },
      });
    }
    const page = await request(t.app.getHttpServer()).get('/peringkat').expect(200);
    expect(page.text).toMatch(/(Ya|Tidak|Belum jatuh tempo) \(laporan \d{4}/);
  });

  it('should tell the demo bodies apart by their DIP: complete and fresh, stale, nearly empty', async () => {
    type K = { k: number; n: number; value: number | null };
    const res = await request(t.app.getHttpServer()).get('/api/v1/scorecards').expect(200);
    const dips = (res.body.bodies as { code: string; metrics: { publicInformation: { dipCompleteness: K; dipFreshness: K } } }[]).map((b) => b.metrics.publicInformation);
    expect(dips.every((d) => d.dipCompleteness.n === 2 && d.dipCompleteness.k <= 2)).toBe(true);
    expect(dips.some((d) => d.dipCompleteness.k === 2 && d.dipFreshness.value !== null && d.dipFreshness.value >= 0.9)).toBe(true);
    expect(dips.some((d) => d.dipFreshness.value !== null && d.dipFreshness.value <= 0.5)).toBe(true);
    expect(new Set(dips.map((d) => d.dipFreshness.value)).size).toBeGreaterThan(2);
  });

  it('should show the ranking page and a body page on the demo data', async () => {
    const page = await request(t.app.getHttpServer()).get('/peringkat').expect(200);
    expect(page.text).toContain('Indeks layanan portal');
    await request(t.app.getHttpServer()).get('/peringkat/35.78').expect(200);
  });

  it('should print the report for the Governor with one page per body and no requester on the demo data', async () => {
    const res = await request(t.app.getHttpServer())
      .get('/api/v1/scorecards?format=pdf')
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    await keepPdf('laporan-gubernur-demo.pdf', res.body as Buffer);
    const api = await request(t.app.getHttpServer()).get('/api/v1/scorecards').expect(200);
    const codes = (api.body.bodies as { code: string }[]).map((b) => b.code).sort();
    const [pages] = await pdfPages([res.body as Buffer]);
    const text = pages.map(flat);
    const first = text.length - codes.length;
    codes.forEach((code, i) => expect(text[first + i].startsWith(`${code} · `)).toBe(true));
    expect(text.slice(0, first).some((p) => codes.some((code) => p.startsWith(`${code} · `)))).toBe(false);
    const people = (await db.query(
      `SELECT DISTINCT requester_name AS name, requester_email AS email FROM requests WHERE requester_email IS NOT NULL LIMIT 200`,
    )) as { name: string; email: string }[];
    expect(people.length).toBeGreaterThan(0);
    const all = text.join(' ');
    for (const p of people) {
      expect(all).not.toContain(p.email);
      expect(all).not.toContain(p.name);
    }
  }, 120_000);
});
