import ExcelJS from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createUser, loginAgent } from 'test/support/auth-helpers';
import { startTestApp, TestApp } from 'test/support/test-app';

/** The first day of the quarter running today in WIB, and of the quarter before. */
function quarterStarts(): { current: string; previous: string } {
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4));
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  const start = (y: number, qi: number): string => `${y}-${String(qi * 3 + 1).padStart(2, '0')}-01`;
  return { current: start(year, q), previous: q === 0 ? start(year - 1, 3) : start(year, q - 1) };
}

/**
 * A hand-computed fixture in the first quarter of 2025 (February has no holiday in 2025): requests
 * received Monday 3 February count from that day and are due Monday 17 February (10 working days).
 */
interface Fixture {
  receivedAt?: string;
  effective?: string;
  due?: string;
  noticeAt?: string | null;
  decision?: string | null;
  deliveredOn?: string | null;
  extension?: { at: string; oldDue: string; newDue: string };
  refusal?: { justified: boolean };
  withdrawnAt?: string;
}

const RECEIVED = '2025-02-03T03:00:00Z'; // 10.00 WIB
let seq = 0;

async function insertRequest(db: DataSource, unitId: number, bodyId: number, f: Fixture): Promise<void> {
  seq += 1;
  const due = f.extension && f.extension.at.slice(0, 10) <= f.extension.oldDue ? f.extension.newDue : (f.extension?.newDue ?? f.due ?? '2025-02-17');
  const answered = f.noticeAt ?? null;
  const decision = f.decision ?? (answered ? 'granted' : null);
  const [row] = (await db.query(
    `INSERT INTO requests (registration_number, receiving_unit_id, registration_year, registration_seq, unit_id, body_id, channel, status,
        decision, requester_type, requester_name, requester_address, information, purpose, obtain_method, received_at,
        effective_receipt_date, due_date, due_provisional, extended_days, version, answered_at, delivered_on, delivery_channel, withdrawn_at)
     VALUES ($1, $2, 2025, $3, $2, $4, 'online', $5, $6, 'individual', 'Pemohon Uji', '\\x00', 'Informasi uji', 'Uji', 'copy_soft', $7,
        $8, $9, false, $10, 1, $11, $12, $13, $14) RETURNING id`,
    [
      `UJI-${seq}`,
      unitId,
      seq,
      bodyId,
      f.withdrawnAt ? 'withdrawn' : answered ? 'answered' : 'in_process',
      decision,
      f.receivedAt ?? RECEIVED,
      f.effective ?? '2025-02-03',
      due,
      f.extension ? 7 : null,
      answered,
      f.deliveredOn ?? null,
      f.deliveredOn ? 'email' : null,
      f.withdrawnAt ?? null,
    ],
  )) as { id: string }[];
  if (f.extension) {
    await db.query(
      `INSERT INTO request_events (request_id, type, actor_kind, occurred_at, old_due_date, new_due_date, public, data)
       VALUES ($1, 'extended', 'officer', $2, $3, $4, true, '{}')`,
      [row.id, f.extension.at, f.extension.oldDue, f.extension.newDue],
    );
  }
  if (f.refusal) {
    const notice = f.refusal.justified
      ? { decision: 'refused', exemptionGround: 'h', consequenceTest: { date: '2025-02-04', participants: ['PPID'], consequence: 'Merugikan', exemptionUntil: null } }
      : { decision: 'refused', exemptionGround: null, consequenceTest: null };
    await db.query(
      `INSERT INTO request_events (request_id, type, actor_kind, occurred_at, public, data) VALUES ($1, 'refused', 'officer', $2, true, $3)`,
      [row.id, answered, JSON.stringify({ notice })],
    );
  }
}

/** A well-run body: 3 of 4 on time, working days 2, 2, 5, 12. */
const WELL_RUN: Fixture[] = [
  { noticeAt: '2025-02-05T03:00:00Z', deliveredOn: '2025-02-06' },
  { noticeAt: '2025-02-05T03:00:00Z' },
  { noticeAt: '2025-02-10T03:00:00Z', decision: 'refused', refusal: { justified: true } },
  { noticeAt: '2025-02-19T03:00:00Z', deliveredOn: '2025-02-20' },
];

describe('scorecards: /peringkat and GET /api/v1/scorecards', () => {
  let t: TestApp;
  let db: DataSource;
  let utama: Map<string, { unitId: number; bodyId: number }>;

  beforeAll(async () => {
    t = await startTestApp({ SCORECARD_MIN_REQUESTS: '3' });
    db = t.app.get(DataSource);
    const rows = (await db.query(
      `SELECT r.code, u.id AS "unitId", b.id AS "bodyId" FROM ppid_units u JOIN public_bodies b ON b.id = u.body_id
         JOIN regions r ON r.code = b.region_code WHERE u.level = 'utama'`,
    )) as { code: string; unitId: number; bodyId: number }[];
    utama = new Map(rows.map((r) => [r.code, r]));
    const add = async (code: string, fixtures: Fixture[]): Promise<void> => {
      const u = utama.get(code);
      if (!u) throw new Error(`no body ${code}`);
      for (const f of fixtures) await insertRequest(db, u.unitId, u.bodyId, f);
    };
    await add('35.78', WELL_RUN);
    await add('35.79', WELL_RUN);
    await add('35.07', [
      // Extended before the original due date: due 26 February, answered 24 February → on time.
      { noticeAt: '2025-02-24T03:00:00Z', extension: { at: '2025-02-14T03:00:00Z', oldDue: '2025-02-17', newDue: '2025-02-26' } },
      // Extended after the original due date had passed: still due 17 February → late.
      { noticeAt: '2025-02-24T03:00:00Z', extension: { at: '2025-02-19T03:00:00Z', oldDue: '2025-02-17', newDue: '2025-02-26' } },
      // Never answered: late, and overdue at the quarter's end.
      { noticeAt: null },
      // Refused without a ground or consequence test, on time.
      { noticeAt: '2025-02-05T03:00:00Z', decision: 'refused', refusal: { justified: false } },
      // Withdrawn before any notice: received, but in no other base, and not overdue.
      { noticeAt: null, withdrawnAt: '2025-02-04T03:00:00Z' },
    ]);
    await add('35.73', [
      { noticeAt: '2025-02-05T03:00:00Z', deliveredOn: '2025-02-05' },
      // 23.30 WIB on 31 March: in the first quarter.
      { receivedAt: '2025-03-31T16:30:00Z', effective: '2025-04-08', due: '2025-04-22', noticeAt: '2025-04-09T03:00:00Z' },
      // 00.30 WIB on 1 April: the second quarter, though still 31 March in UTC.
      { receivedAt: '2025-03-31T17:30:00Z', effective: '2025-04-08', due: '2025-04-22', noticeAt: '2025-04-09T03:00:00Z' },
    ]);
    // Kabupaten Lumajang: all on time last quarter, all late this quarter (due the day before).
    const { current, previous } = quarterStarts();
    const dayBefore = new Date(Date.parse(`${current}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const onTime: Fixture = { receivedAt: `${previous}T00:05:00+07:00`, effective: previous, due: '2099-01-01', noticeAt: `${previous}T00:10:00+07:00`, deliveredOn: previous };
    const late: Fixture = { receivedAt: `${current}T00:05:00+07:00`, effective: current, due: dayBefore, noticeAt: `${current}T00:10:00+07:00`, deliveredOn: current };
    await add('35.08', [onTime, onTime, onTime, late, late, late]);
    // Its annual reports of the two years before this one, published on time: 100 in both quarters.
    const lumajang = utama.get('35.08') as { bodyId: number };
    const thisYear = Number(current.slice(0, 4));
    for (const year of [thisYear - 2, thisYear - 1]) {
      await db.query(`INSERT INTO annual_reports (body_id, year, published_at, published_figures) VALUES ($1, $2, $3, '{}')`, [lumajang.bodyId, year, `${year + 1}-01-15T03:00:00Z`]);
    }
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  interface ApiBody {
    code: string;
    rank: number | null;
    score: number | null;
    category: string;
    n: number;
    previousScore: number | null;
    metrics: {
      onTime: { k: number; n: number; low: number; high: number };
      completion: { k: number; n: number };
      extension: { k: number; n: number };
      refusal: { k: number; n: number };
      justifiedRefusal: { k: number; n: number };
      daysToNotice: { n: number; median: number | null; p90: number | null };
      overdueAtEnd: number;
      objections: unknown;
      annualReport: unknown;
    };
  }

  it('should compute every figure of the fixture and rank with shared ties', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/v1/scorecards?year=2025&quarter=1').expect(200);
    expect(res.body).toMatchObject({ year: 2025, quarter: 1, from: '2025-01-01', to: '2025-03-31', asOf: '2025-03-31', minRequests: 3, notAvailable: [] });
    const byCode = new Map((res.body.bodies as ApiBody[]).map((b) => [b.code, b]));
    const surabaya = byCode.get('35.78') as ApiBody;
    // No annual report of 2024 by 31 March 2025 scores 0; no keberatan leaves that part out; no DIP:
    // completeness 0 of 2 scores 0, freshness (no berkala item) is left out:
    // (35·75 + 20·66.7 + 10·80 + 10·100 + 5·100 + 10·0 + 5·0) / 95 = 6258.3 / 95.
    expect(surabaya).toMatchObject({ rank: 1, score: 65.9, category: 'cukup_informatif', n: 4, previousScore: null });
    expect(surabaya.metrics).toMatchObject({
      onTime: { k: 3, n: 4 },
      completion: { k: 2, n: 3 },
      extension: { k: 0, n: 4 },
      refusal: { k: 1, n: 4 },
      justifiedRefusal: { k: 1, n: 1 },
      daysToNotice: { n: 4, median: 2, p90: 12 },
      overdueAtEnd: 0,
      objections: { objections: 0, disputes: 0, answeredOnTime: { k: 0, n: 0 } },
      annualReport: { reportYear: 2024, deadline: '2025-03-31', publishedOn: null, onTime: false },
    });
    // Wilson 95% of 3/4.
    expect(surabaya.metrics.onTime.low).toBeCloseTo(0.3006, 3);
    expect(surabaya.metrics.onTime.high).toBeCloseTo(0.9544, 3);
    expect(byCode.get('35.79')).toMatchObject({ rank: 1, score: 65.9 });

    const malang = byCode.get('35.07') as ApiBody;
    // (35·50 + 20·0 + 10·0 + 10·0 + 5·(100·(1 − 1/5)) + 10·0 + 5·0) / 95 = 2150 / 95 = 22.63
    expect(malang).toMatchObject({ rank: 3, score: 22.6, category: 'tidak_informatif', n: 5 });
    expect(malang.metrics).toMatchObject({
      onTime: { k: 2, n: 4 },
      completion: { k: 0, n: 2 },
      extension: { k: 2, n: 4 },
      refusal: { k: 1, n: 3 },
      justifiedRefusal: { k: 0, n: 1 },
      daysToNotice: { n: 3, median: 15, p90: 15 },
      overdueAtEnd: 1,
    });

    const kotaMalang = byCode.get('35.73') as ApiBody;
    expect(kotaMalang).toMatchObject({ rank: null, score: null, category: 'data_belum_cukup', n: 2 });
    expect(byCode.get('35')).toMatchObject({ rank: null, category: 'data_belum_cukup', n: 0 });
    expect((res.body.bodies as ApiBody[]).slice(0, 3).map((b) => b.code).sort()).toEqual(['35.07', '35.78', '35.79']);
    expect(res.body.provincialMedian.index).toBe(65.9);
  });

  it('should count the request of 00.30 WIB on 1 April in the second quarter', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/v1/scorecards?year=2025&quarter=2').expect(200);
    const kotaMalang = (res.body.bodies as ApiBody[]).find((b) => b.code === '35.73');
    expect(kotaMalang?.n).toBe(1);
  });

  it('should answer one body with its units, quarters and overdue requests, and 404 for an unknown code', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/v1/scorecards/35.07?year=2025&quarter=1').expect(200);
    expect(res.body.body).toMatchObject({ code: '35.07', rank: 3, score: 22.6, n: 5 });
    expect(res.body.bodies).toBeUndefined();
    const utamaUnit = (res.body.units as { level: string; metrics: { received: number } }[]).find((u) => u.level === 'utama');
    expect(utamaUnit?.metrics.received).toBe(5);
    expect(res.body.history).toEqual([{ year: 2025, quarter: 1, score: 22.6, n: 5 }, { year: 2025, quarter: 2, score: null, n: 0 }, { year: 2025, quarter: 3, score: null, n: 0 }, { year: 2025, quarter: 4, score: null, n: 0 }]);
    expect(res.body.overdue).toHaveLength(1);
    expect(Object.keys(res.body.overdue[0]).sort()).toEqual(['dueDate', 'registrationNumber', 'unitName', 'workingDaysOverdue']);
    expect(JSON.stringify(res.body)).not.toContain('Pemohon Uji');
    await request(t.app.getHttpServer()).get('/api/v1/scorecards/99.99').expect(404);
  });

  it('should answer the ranking as CSV', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/v1/scorecards?year=2025&quarter=1&format=csv').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0].split(',').slice(0, 5)).toEqual(['kode', 'badan_publik', 'peringkat', 'indeks_layanan_portal', 'kategori']);
    expect(lines.find((l) => l.startsWith('35.07,'))).toContain(',3,22.6,tidak_informatif,5,2,4,50,');
  });

  it('should answer the ranking as an Excel workbook with the same rows, linked from the page', async () => {
    const res = await request(t.app.getHttpServer())
      .get('/api/v1/scorecards?year=2025&quarter=1&format=xlsx')
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as Parameters<typeof book.xlsx.load>[0]);
    const rows = book.getWorksheet('Peringkat')?.getSheetValues().slice(2) as unknown[][];
    const malang = rows.find((r) => r[1] === '35.07');
    expect(malang?.slice(1, 6)).toEqual(['35.07', 'Pemerintah Kabupaten Malang', 3, 22.6, 'tidak_informatif']);
    const page = await request(t.app.getHttpServer()).get('/peringkat?tahun=2025&triwulan=1').expect(200);
    expect(page.text.replace(/&#x3D;/g, '=')).toContain('href="/api/v1/scorecards?year=2025&amp;quarter=1&amp;format=xlsx"');
  });

  it.each([
    ['/api/v1/scorecards?year=20x5', 'year'],
    ['/api/v1/scorecards?year=2025&quarter=7', 'quarter'],
    ['/api/v1/scorecards?from=2025-02-30&to=2025-03-01', 'from'],
    ['/api/v1/scorecards?format=docx', 'format'],
    ['/api/v1/scorecards?year=2025&year=2024', 'year'],
  ])('should answer %s with 400 naming %s', async (url, field) => {
    const res = await request(t.app.getHttpServer()).get(url).expect(400);
    expect(res.body.errors[field]).toMatch(/^(Tahun|Triwulan|Tanggal|Format|Isian)/);
  });

  it('should show the ranking page to anyone, with the index label, the chart and no requester', async () => {
    const res = await request(t.app.getHttpServer()).get('/peringkat?tahun=2025&triwulan=1').expect(200);
    expect(res.text).toContain('Indeks layanan portal');
    expect(res.text).toContain('Bukan hasil monev Komisi Informasi');
    expect(res.text).toMatch(/<svg role="img" aria-label="Indeks layanan portal per badan publik, Triwulan I 2025/);
    expect(res.text).toContain('<title>Indeks layanan portal per badan publik');
    expect(res.text).toContain('Data belum cukup');
    expect(res.text).toContain('65,9');
    expect(res.text).toContain('3 dari 4; IK 95%: 30,1–95,4%');
    expect(res.text).toContain('Keberatan dijawab tepat waktu');
    expect(res.text).not.toContain('Pemohon Uji');
    const surabaya = /<tr id="badan-35.78">([\s\S]*?)<\/tr>/.exec(res.text)?.[1] ?? '';
    expect(surabaya).toContain('<td data-label="Peringkat">1</td>');
    expect(surabaya).toContain('Cukup Informatif');
  });

  it('should show a body page with its units, quarters and oldest overdue requests, without names', async () => {
    const res = await request(t.app.getHttpServer()).get('/peringkat/35.07?tahun=2025&triwulan=1').expect(200);
    expect(res.text).toContain('PPID Utama');
    expect(res.text).toMatch(/<code>UJI-\d+<\/code>/);
    expect(res.text).toContain('TW I 2025');
    expect(res.text).toContain('22,6');
    expect(res.text).not.toContain('Pemohon Uji');
  });

  it('should answer a bad period on the page with a 400 page naming it, and an unknown body with 404', async () => {
    const bad = await request(t.app.getHttpServer()).get('/peringkat?tahun=abc').expect(400);
    expect(bad.text).toContain('Tahun harus empat angka, misalnya 2026.');
    const future = await request(t.app.getHttpServer()).get('/peringkat?tahun=2999').expect(400);
    expect(future.text).toContain('Tahun harus antara 2010 dan');
    await request(t.app.getHttpServer()).get('/peringkat/99.99').expect(404);
    const half = await request(t.app.getHttpServer()).get('/peringkat?dari=2025-02-01').expect(400);
    expect(half.text).toContain('Tanggal awal dan akhir rentang wajib diisi.');
  });

  it('should rank a date range chosen on the page', async () => {
    const res = await request(t.app.getHttpServer()).get('/peringkat?dari=2025-02-01&sampai=2025-02-28').expect(200);
    expect(res.text).toContain('1 Februari 2025 – 28 Februari 2025');
    const row = /<tr id="badan-35.07">([\s\S]*?)<\/tr>/.exec(res.text)?.[1] ?? '';
    expect(row).toContain('<td data-label="Permohonan">5</td>');
  });

  it('should land the bureau on its desk with the province at a glance and the bodies that slipped most', async () => {
    const bureau = await createUser(t.app, { role: 'bureau' });
    const signedIn = await loginAgent(t.app, bureau.email);
    const home = await signedIn.agent.get('/masuk').expect(303);
    expect(home.headers.location).toBe('/biro');
    const desk = await signedIn.agent.get('/biro').expect(200);
    expect(desk.text).toContain('Layanan informasi se-provinsi');
    const slipped = /<section class="panel" aria-labelledby="turun">([\s\S]*?)<\/section>/.exec(desk.text)?.[1] ?? '';
    expect(slipped).toContain('Pemerintah Kabupaten Lumajang');
    // Without a DIP (completeness 0, weight 5): (35·0 + 20·100 + 10·100 + 5·100 + 10·100 + 5·0) / 85 = 52.94
    // against (35·100 + … + 10·100 + 5·0) / 85 = 94.12.
    expect(slipped).toContain('<td data-label="Indeks">52,9</td>');
    expect(slipped).toContain('<td data-label="Sebelumnya">94,1</td>');
    expect(slipped).toContain('<td data-label="Perubahan">−41,2</td>');
  });

  it('should keep the desk from officers and from anyone not signed in', async () => {
    const unit = utama.get('35.78') as { unitId: number };
    const officer = await createUser(t.app, { role: 'officer', unitId: unit.unitId });
    const signedIn = await loginAgent(t.app, officer.email);
    await signedIn.agent.get('/biro').expect(403);
    const anonymous = await request(t.app.getHttpServer()).get('/biro');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/masuk/);
  });
});
