import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from 'test/support/test-app';

/**
 * Keberatan, sengketa and annual reports in the scorecards, on a hand-computed fixture in 2025.
 *
 * Kota Surabaya (35.78): six requests received in the first quarter (WIB), five through its PPID
 * Utama and two through a PPID Pelaksana, one more at 00.30 WIB on 1 April (the second quarter,
 * though still 31 March in UTC). Every notice comes on time. Keberatan received Monday 17 February
 * 2025 are due Wednesday 9 April: 30 working days across cuti bersama Nyepi (28 March), Idul Fitri
 * (31 March–1 April) and its cuti bersama (2–7 April) and the weekends.
 *
 * | request | unit | keberatan | answered | outcome | sengketa |
 * | R1 | utama | O1 | 9 April, the due date: on time | overturned | |
 * | R2 | utama | O2 | 10 April, the next working day: late | upheld | D1 |
 * | R3 | utama | O3 | never: past due, late | pending | |
 * | R4 | pelaksana | O4, O5 | 2 April (a holiday, on time); O5 on time | partially overturned; upheld | D2 (on O5) |
 * | R5 | pelaksana | | | | |
 * | R6 (23.30 WIB 31 March) | utama | O6 | on time | upheld | |
 * | R7 (00.30 WIB 1 April, Q2) | utama | O7 | on time | overturned | D3 |
 *
 * Annual reports of 2024: Surabaya published at 23.30 WIB on 31 March 2025 (on time), Kabupaten
 * Malang (35.07) at 00.30 WIB on 1 April 2025 (late, though 31 March in UTC), Kota Batu (35.79) never.
 */
interface Req {
  unit: 'utama' | 'pelaksana';
  receivedAt?: string;
  effective?: string;
  due?: string;
  noticeAt?: string;
  decision?: 'granted' | 'refused';
}

interface Obj {
  receivedAt: string;
  status: 'pending' | 'upheld' | 'overturned' | 'partially_overturned';
  responseDate: string | null;
  disputeOn?: string;
}

const RECEIVED = '2025-02-03T03:00:00Z'; // Monday 3 February, 10.00 WIB
const NOTICE = '2025-02-05T03:00:00Z'; // two working days later, due 17 February
const OBJECTION_AT = '2025-02-17T03:00:00Z'; // Monday 17 February, 10.00 WIB
const OBJECTION_DUE = '2025-04-09';

describe('scorecards: keberatan, sengketa and annual reports', () => {
  let t: TestApp;
  let db: DataSource;
  let seq = 0;
  let objectionSeq = 0;
  let surabaya: { bodyId: number; utama: number; pelaksana: number };
  const dueDates = new Map<string, string>();

  const http = () => request(t.app.getHttpServer());

  async function unitOf(code: string): Promise<{ bodyId: number; unitId: number }> {
    const [row] = (await db.query(
      `SELECT b.id AS "bodyId", u.id AS "unitId" FROM public_bodies b JOIN ppid_units u ON u.body_id = b.id AND u.level = 'utama' WHERE b.region_code = $1`,
      [code],
    )) as { bodyId: number; unitId: number }[];
    return row;
  }

  /** The atasan's due date as the portal's calendar computes it (30 working days, Pasal 36(2)). */
  async function atasanDue(receivedAt: string, unitId: number): Promise<string> {
    const key = `${receivedAt}/${unitId}`;
    if (!dueDates.has(key)) {
      const res = await http().get(`/api/v1/calendar/due-date?receivedAt=${encodeURIComponent(receivedAt)}&workingDays=30&unitId=${unitId}`).expect(200);
      dueDates.set(key, res.body.dueDate as string);
    }
    return dueDates.get(key) as string;
  }

  async function insertRequest(bodyId: number, unitId: number, r: Req): Promise<string> {
    seq += 1;
    const decision = r.decision ?? 'granted';
    const noticeAt = r.noticeAt ?? NOTICE;
    const [row] = (await db.query(
      `INSERT INTO requests (registration_number, receiving_unit_id, registration_year, registration_seq, unit_id, body_id, channel, status,
          decision, requester_type, requester_name, requester_address, information, purpose, obtain_method, received_at,
          effective_receipt_date, due_date, due_provisional, version, answered_at, delivered_on, delivery_channel)
       VALUES ($1, $2, 2025, $3, $2, $4, 'online', 'answered', $5, 'individual', 'Pemohon Rahasia', '\\x00', 'Informasi uji', 'Uji', 'copy_soft', $6,
          $7, $8, false, 1, $9, $10, $11) RETURNING id`,
      [
        `KEB-UJI-${seq}`,
        unitId,
        seq,
        bodyId,
        decision,
        r.receivedAt ?? RECEIVED,
        r.effective ?? '2025-02-03',
        r.due ?? '2025-02-17',
        noticeAt,
        decision === 'granted' ? noticeAt.slice(0, 10) : null,
        decision === 'granted' ? 'email' : null,
      ],
    )) as { id: string }[];
    if (decision === 'refused') {
      const notice = { decision: 'refused', exemptionGround: 'h', consequenceTest: { date: '2025-02-04', participants: ['PPID'], consequence: 'Merugikan' } };
      await db.query(`INSERT INTO request_events (request_id, type, actor_kind, occurred_at, public, data) VALUES ($1, 'refused', 'officer', $2, true, $3)`, [
        row.id,
        noticeAt,
        JSON.stringify({ notice }),
      ]);
    }
    return row.id;
  }

  async function insertObjection(bodyId: number, unitId: number, requestId: string, o: Obj): Promise<void> {
    objectionSeq += 1;
    const due = await atasanDue(o.receivedAt, unitId);
    const decided = o.status === 'pending' ? null : `${o.responseDate}T03:00:00Z`;
    const [row] = (await db.query(
      `INSERT INTO objections (number, body_id, year, seq, request_id, grounds, grounds_arose, reasons, received_at, effective_receipt_date,
          due_date, due_provisional, status, decision_reasons, decided_at, response_date, version)
       VALUES ($1, $2, 2025, $3, $4, '{b}', '{}', 'Uji', $5, $6, $7, false, $8, $9, $10, $11, 1) RETURNING id`,
      [
        `UJI-KEB-2025-${objectionSeq}`,
        bodyId,
        objectionSeq,
        requestId,
        o.receivedAt,
        o.receivedAt.slice(0, 10),
        due,
        o.status,
        o.status === 'upheld' ? 'Alasan' : null,
        decided,
        o.responseDate,
      ],
    )) as { id: string }[];
    if (o.disputeOn) {
      await db.query(`INSERT INTO disputes (objection_id, request_id, filed_on, case_number, stage, recorded_by) VALUES ($1, $2, $3, $4, 'registered', 'requester')`, [
        row.id,
        requestId,
        o.disputeOn,
        `KI-UJI-${objectionSeq}`,
      ]);
    }
  }

  async function publishReport(bodyId: number, year: number, at: string): Promise<void> {
    await db.query(`INSERT INTO annual_reports (body_id, year, published_at, published_figures) VALUES ($1, $2, $3, '{}')`, [bodyId, year, at]);
  }

  beforeAll(async () => {
    t = await startTestApp({ SCORECARD_MIN_REQUESTS: '3' });
    db = t.app.get(DataSource);
    const sby = await unitOf('35.78');
    const [pelaksana] = (await db.query(
      `INSERT INTO ppid_units (body_id, parent_id, level, code, name) VALUES ($1, $2, 'pelaksana', 'DIKNAS', 'PPID Pelaksana Dinas Pendidikan') RETURNING id`,
      [sby.bodyId, sby.unitId],
    )) as { id: number }[];
    surabaya = { bodyId: sby.bodyId, utama: sby.unitId, pelaksana: pelaksana.id };
    const add = (r: Req): Promise<string> => insertRequest(surabaya.bodyId, r.unit === 'utama' ? surabaya.utama : surabaya.pelaksana, r);
    const object = (requestId: string, unit: 'utama' | 'pelaksana', o: Obj): Promise<void> =>
      insertObjection(surabaya.bodyId, unit === 'utama' ? surabaya.utama : surabaya.pelaksana, requestId, o);

    const r1 = await add({ unit: 'utama', decision: 'refused' });
    await object(r1, 'utama', { receivedAt: OBJECTION_AT, status: 'overturned', responseDate: OBJECTION_DUE });
    const r2 = await add({ unit: 'utama' });
    await object(r2, 'utama', { receivedAt: OBJECTION_AT, status: 'upheld', responseDate: '2025-04-10', disputeOn: '2025-04-21' });
    const r3 = await add({ unit: 'utama' });
    await object(r3, 'utama', { receivedAt: OBJECTION_AT, status: 'pending', responseDate: null });
    const r4 = await add({ unit: 'pelaksana', decision: 'refused' });
    await object(r4, 'pelaksana', { receivedAt: OBJECTION_AT, status: 'partially_overturned', responseDate: '2025-04-02' });
    await object(r4, 'pelaksana', { receivedAt: '2025-04-14T03:00:00Z', status: 'upheld', responseDate: '2025-04-15', disputeOn: '2025-04-28' });
    await add({ unit: 'pelaksana' });
    const late = { receivedAt: '2025-03-31T16:30:00Z', effective: '2025-04-08', due: '2025-04-22', noticeAt: '2025-04-09T03:00:00Z' };
    const r6 = await add({ unit: 'utama', ...late });
    await object(r6, 'utama', { receivedAt: '2025-04-14T03:00:00Z', status: 'upheld', responseDate: '2025-04-16' });
    const r7 = await add({ unit: 'utama', ...late, receivedAt: '2025-03-31T17:30:00Z' });
    await object(r7, 'utama', { receivedAt: '2025-04-14T03:00:00Z', status: 'overturned', responseDate: '2025-04-16', disputeOn: '2025-05-05' });

    const malang = await unitOf('35.07');
    for (let i = 0; i < 3; i += 1) await insertRequest(malang.bodyId, malang.unitId, { unit: 'utama' });
    await publishReport(surabaya.bodyId, 2024, '2025-03-31T16:30:00Z');
    await publishReport(malang.bodyId, 2024, '2025-03-31T17:30:00Z');
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  interface RateJson {
    k: number;
    n: number;
    low: number | null;
    high: number | null;
  }
  interface ObjectionJson {
    objections: number;
    disputes: number;
    objectionRate: RateJson;
    overturned: RateJson;
    answeredOnTime: RateJson;
    disputeRate: RateJson;
  }
  interface BodyJson {
    code: string;
    rank: number | null;
    score: number | null;
    category: string;
    n: number;
    metrics: { objections: ObjectionJson | null; annualReport: unknown };
  }

  async function ranking(query: string): Promise<{ body: { notAvailable: string[] }; byCode: Map<string, BodyJson> }> {
    const res = await http().get(`/api/v1/scorecards?${query}`).expect(200);
    return { body: res.body, byCode: new Map((res.body.bodies as BodyJson[]).map((b) => [b.code, b])) };
  }

  it('should use the due date the calendar gives: 30 working days from 17 February end on 9 April 2025', async () => {
    await expect(atasanDue(OBJECTION_AT, surabaya.utama)).resolves.toBe(OBJECTION_DUE);
  });

  it('should count the first quarter keberatan and sengketa of Surabaya on their own bases', async () => {
    const { body, byCode } = await ranking('year=2025&quarter=1');
    expect(body.notAvailable).toEqual([]);
    const o = byCode.get('35.78')?.metrics.objections as ObjectionJson;
    expect(o).toMatchObject({
      objections: 6,
      disputes: 2,
      objectionRate: { k: 5, n: 6 },
      overturned: { k: 2, n: 5 },
      answeredOnTime: { k: 4, n: 6 },
      disputeRate: { k: 2, n: 6 },
    });
    // Wilson 95% of 4/6.
    expect(o.answeredOnTime.low).toBeCloseTo(0.3, 3);
    expect(o.answeredOnTime.high).toBeCloseTo(0.9032, 3);
  });

  it('should count the request of 00.30 WIB on 1 April and its keberatan in the year, not in the first quarter', async () => {
    const { byCode } = await ranking('year=2025');
    expect(byCode.get('35.78')?.n).toBe(7);
    expect(byCode.get('35.78')?.metrics.objections).toMatchObject({
      objections: 7,
      disputes: 3,
      objectionRate: { k: 6, n: 7 },
      overturned: { k: 3, n: 6 },
      answeredOnTime: { k: 5, n: 7 },
      disputeRate: { k: 3, n: 7 },
    });
    const q2 = await ranking('year=2025&quarter=2');
    expect(q2.byCode.get('35.78')?.metrics.objections).toMatchObject({ objections: 1, disputes: 1, answeredOnTime: { k: 1, n: 1 } });
  });

  it('should judge the 2024 annual reports by 31 March 2025 in WIB', async () => {
    const { byCode } = await ranking('year=2025&quarter=1');
    expect(byCode.get('35.78')?.metrics.annualReport).toEqual({ reportYear: 2024, deadline: '2025-03-31', publishedOn: '2025-03-31', onTime: true });
    expect(byCode.get('35.07')?.metrics.annualReport).toEqual({ reportYear: 2024, deadline: '2025-03-31', publishedOn: '2025-04-01', onTime: false });
    expect(byCode.get('35.79')?.metrics.annualReport).toEqual({ reportYear: 2024, deadline: '2025-03-31', publishedOn: null, onTime: false });
  });

  it('should put keberatan answered on time and the annual report into the index', async () => {
    const { byCode } = await ranking('year=2025&quarter=1');
    // Surabaya: on time 100 (35), completion 100 (20), speed median 2 → 80 (10), justified refusals 100 (10),
    // backlog 100 (5), keberatan 4/6 → 66.67 (10), annual report 100 (10), no DIP: completeness 0 (5): 9466.7 / 105.
    expect(byCode.get('35.78')).toMatchObject({ rank: 1, score: 90.2, category: 'informatif', n: 6 });
    // Malang: no refusal and no keberatan (left out); the late report scores 0, no DIP 0: (3500 + 2000 + 800 + 500 + 0 + 0) / 85.
    expect(byCode.get('35.07')).toMatchObject({ rank: 2, score: 80, category: 'menuju_informatif', n: 3 });
    expect(byCode.get('35.07')?.metrics.objections).toMatchObject({ objections: 0, answeredOnTime: { k: 0, n: 0, low: null } });
  });

  it('should give each PPID unit its own keberatan figures', async () => {
    const res = await http().get('/api/v1/scorecards/35.78?year=2025&quarter=1').expect(200);
    const units = res.body.units as { level: string; metrics: { received: number; objections: ObjectionJson; annualReport: unknown } }[];
    const utama = units.find((u) => u.level === 'utama');
    const pelaksana = units.find((u) => u.level === 'pelaksana');
    expect(utama?.metrics).toMatchObject({ received: 4, annualReport: null });
    expect(utama?.metrics.objections).toMatchObject({ objections: 4, disputes: 1, objectionRate: { k: 4, n: 4 }, overturned: { k: 1, n: 3 }, answeredOnTime: { k: 2, n: 4 } });
    expect(pelaksana?.metrics.received).toBe(2);
    expect(pelaksana?.metrics.objections).toMatchObject({ objections: 2, disputes: 1, objectionRate: { k: 1, n: 2 }, overturned: { k: 1, n: 2 }, answeredOnTime: { k: 2, n: 2 } });
  });

  it('should show the figures with k of n and the interval on the ranking page and the body page, without requesters', async () => {
    const page = await http().get('/peringkat?tahun=2025&triwulan=1').expect(200);
    const row = /<tr id="kepatuhan-35.78">([\s\S]*?)<\/tr>/.exec(page.text)?.[1] ?? '';
    expect(row).toContain('4 dari 6; IK 95%: 30,0–90,3%');
    expect(row).toContain('5 dari 6;');
    expect(row).toContain('2 dari 5;');
    expect(row).toContain('Ya (laporan 2024 terbit 31 Maret 2025)');
    const malang = /<tr id="kepatuhan-35.07">([\s\S]*?)<\/tr>/.exec(page.text)?.[1] ?? '';
    expect(malang).toContain('Tidak (laporan 2024 terbit 1 April 2025)');
    const batu = /<tr id="kepatuhan-35.79">([\s\S]*?)<\/tr>/.exec(page.text)?.[1] ?? '';
    expect(batu).toContain('Tidak (laporan 2024 belum terbit)');
    expect(page.text).not.toContain('Pemohon Rahasia');
    expect(page.text).not.toContain('belum tersedia');

    const body = await http().get('/peringkat/35.78?tahun=2025&triwulan=1').expect(200);
    expect(body.text).toContain('6 keberatan, 2 sengketa');
    expect(body.text).toContain('PPID Pelaksana Dinas Pendidikan');
    expect(body.text).toMatch(/<td data-label="Keberatan tepat waktu">50,0%<br><span class="muted">2 dari 4; IK 95%/);
    expect(body.text).not.toContain('Pemohon Rahasia');
  });

  it('should write the figures into the CSV columns', async () => {
    const res = await http().get('/api/v1/scorecards?year=2025&quarter=1&format=csv').expect(200);
    const [header, ...lines] = res.text.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(','));
    const line = lines.find((l) => l[0] === '35.78') as string[];
    const cell = (name: string): string => line[header.indexOf(name)];
    expect([cell('keberatan'), cell('sengketa')]).toEqual(['6', '2']);
    expect(['k', 'n', 'ik95_bawah', 'ik95_atas'].map((x) => cell(`keberatan_tepat_waktu_${x}`))).toEqual(['4', '6', '30', '90.3']);
    expect([cell('keberatan_dikabulkan_k'), cell('keberatan_dikabulkan_n')]).toEqual(['2', '5']);
    expect([cell('laporan_tahunan_tepat_waktu'), cell('laporan_tahunan_terbit')]).toEqual(['ya', '2025-03-31']);
    const malang = lines.find((l) => l[0] === '35.07') as string[];
    expect(malang[header.indexOf('laporan_tahunan_tepat_waktu')]).toBe('tidak');
  });
});
