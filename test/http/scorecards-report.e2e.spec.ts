import request from 'supertest';
import { DataSource } from 'typeorm';
import { flat, keepPdf, pdfPages } from 'src/modules/documents';
import { createUser, loginAgent } from 'test/support/auth-helpers';
import { requestPayload } from 'test/support/request-factory';
import { startTestApp, TestApp } from 'test/support/test-app';

/** The requester every fixture row carries: none of it may reach the report. */
const REQUESTER = { name: 'Dyah Ayu Pitaloka', email: 'dyah.pitaloka@contoh.id', nikLast4: '0001' };
const API_NIK = '3578015503900001';
const LONG_UNIT = 'PPID Pelaksana Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu, Tenaga Kerja, Transmigrasi dan Perindustrian';
const LONG_BODY = 'Pemerintah Kota Batu (nama percobaan yang sangat panjang untuk memeriksa bahwa teks tetap di dalam kotaknya di sampul, tabel dan halaman)';

interface Fixture {
  noticeAt?: string | null;
  deliveredOn?: string | null;
  unitId?: number;
}

let seq = 0;

/** A request received Monday 3 February 2025 10.00 WIB, due 17 February (no holiday in between). */
async function insertRequest(db: DataSource, unitId: number, bodyId: number, f: Fixture): Promise<string> {
  seq += 1;
  const number = `LAP-${seq}`;
  const answered = f.noticeAt ?? null;
  await db.query(
    `INSERT INTO requests (registration_number, receiving_unit_id, registration_year, registration_seq, unit_id, body_id, channel, status,
        decision, requester_type, requester_name, requester_nik_last4, requester_email, requester_address, information, purpose, obtain_method,
        received_at, effective_receipt_date, due_date, due_provisional, version, answered_at, delivered_on, delivery_channel)
     VALUES ($1, $2, 2025, $3, $2, $4, 'online', $5, $6, 'individual', $7, $8, $9, '\\x00', 'Informasi uji', 'Uji', 'copy_soft',
        '2025-02-03T03:00:00Z', '2025-02-03', '2025-02-17', false, 1, $10, $11, $12)`,
    [number, unitId, seq, bodyId, answered ? 'answered' : 'in_process', answered ? 'granted' : null, REQUESTER.name, REQUESTER.nikLast4, REQUESTER.email, answered, f.deliveredOn ?? null, f.deliveredOn ? 'email' : null],
  );
  return number;
}

const ON_TIME: Fixture = { noticeAt: '2025-02-05T03:00:00Z', deliveredOn: '2025-02-06' };
const LATE: Fixture = { noticeAt: '2025-02-19T03:00:00Z' };
const UNANSWERED: Fixture = { noticeAt: null };

interface ApiBody {
  code: string;
  name: string;
  rank: number | null;
  score: number | null;
  n: number;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function indexText(score: number): string {
  return score.toLocaleString('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

function download(t: TestApp, url: string): request.Test {
  return request(t.app.getHttpServer())
    .get(url)
    .buffer(true)
    .parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
}

describe('scorecards report for the Governor: GET /api/v1/scorecards?format=pdf', () => {
  let t: TestApp;
  let db: DataSource;
  let overdueNumber: string;

  beforeAll(async () => {
    t = await startTestApp({ SCORECARD_MIN_REQUESTS: '3' });
    db = t.app.get(DataSource);
    const rows = (await db.query(
      `SELECT r.code, u.id AS "unitId", b.id AS "bodyId" FROM ppid_units u JOIN public_bodies b ON b.id = u.body_id
         JOIN regions r ON r.code = b.region_code WHERE u.level = 'utama'`,
    )) as { code: string; unitId: number; bodyId: number }[];
    const utama = new Map(rows.map((r) => [r.code, r]));
    const at = (code: string): { unitId: number; bodyId: number } => {
      const u = utama.get(code);
      if (!u) throw new Error(`no body ${code}`);
      return u;
    };
    const add = async (code: string, fixtures: Fixture[]): Promise<string[]> => {
      const u = at(code);
      const numbers: string[] = [];
      for (const f of fixtures) numbers.push(await insertRequest(db, f.unitId ?? u.unitId, u.bodyId, f));
      return numbers;
    };
    // Kota Surabaya: 25 PPID Pelaksana, more than one page holds; the busiest are listed first.
    const surabaya = at('35.78');
    const pelaksana: number[] = [];
    for (let i = 1; i <= 25; i++) {
      const [unit] = (await db.query(
        `INSERT INTO ppid_units (body_id, parent_id, level, code, name) VALUES ($1, $2, 'pelaksana', $3, $4) RETURNING id`,
        [surabaya.bodyId, surabaya.unitId, `P${i}`, `PPID Pelaksana Dinas Nomor ${i} Kota Surabaya`],
      )) as { id: number }[];
      pelaksana.push(unit.id);
    }
    const malang = at('35.07');
    await db.query(`INSERT INTO ppid_units (body_id, parent_id, level, code, name) VALUES ($1, $2, 'pelaksana', 'PANJANG', $3)`, [malang.bodyId, malang.unitId, LONG_UNIT]);
    await db.query(`UPDATE public_bodies SET name = $1 WHERE id = $2`, [LONG_BODY, at('35.79').bodyId]);

    await add('35.78', [ON_TIME, ON_TIME, ON_TIME, LATE, { ...ON_TIME, unitId: pelaksana[24] }]);
    await add('35.79', [ON_TIME, ON_TIME, LATE, LATE]);
    [overdueNumber] = await add('35.07', [UNANSWERED, ON_TIME, LATE, LATE]);
    await add('35.73', [ON_TIME, LATE]);
    // A request through the API too, so a real NIK, address and e-mail are stored (this year).
    await request(t.app.getHttpServer()).post('/api/v1/requests').send(requestPayload(surabaya.unitId)).expect(201);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('should give the report of a quarter: cover, method, ranking as the API ranks, charts and one page per body', async () => {
    const res = await download(t, '/api/v1/scorecards?year=2025&quarter=1&format=pdf').expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="laporan-indeks-layanan-portal-2025-tw1.pdf"');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await keepPdf('laporan-gubernur-2025-tw1.pdf', pdf);
    const api = await request(t.app.getHttpServer()).get('/api/v1/scorecards?year=2025&quarter=1').expect(200);
    const bodies = api.body.bodies as ApiBody[];
    const [pages] = await pdfPages([pdf]);
    const text = pages.map(flat);

    // Cover.
    expect(text[0]).toContain('PEMERINTAH PROVINSI JAWA TIMUR');
    expect(text[0]).toContain('INDEKS LAYANAN PORTAL');
    expect(text[0]).toContain('Triwulan I 2025 (1 Januari 2025 – 31 Maret 2025)');
    expect(text[0]).toMatch(/Dibuat \d{1,2} \w+ \d{4} pukul \d{2}\.\d{2} WIB/);
    expect(text[0]).toContain('bukan hasil monitoring dan evaluasi (monev) Komisi Informasi');
    // Method, with the weights of the setting and the minimum.
    expect(text[1]).toMatch(/^Metode/);
    expect(text[1]).toContain('Pemberitahuan tepat waktu 35 ya');
    expect(text[1]).toContain('kurang dari 3 permohonan');
    // Parts in order, each from a new page; then exactly one page per body, by code.
    const ranking = text.findIndex((p) => p.startsWith('Peringkat — Triwulan I 2025'));
    const charts = text.findIndex((p) => p.startsWith('Grafik — Triwulan I 2025'));
    const first = text.length - bodies.length;
    expect(ranking).toBe(2);
    expect(charts).toBeGreaterThan(ranking);
    expect(first).toBeGreaterThan(charts);
    const byCode = [...bodies].sort((a, b) => (a.code < b.code ? -1 : 1));
    byCode.forEach((b, i) => expect(text[first + i].startsWith(flat(`${b.code} · ${b.name}`))).toBe(true));
    for (let i = 0; i < first; i++) expect(bodies.some((b) => text[i].startsWith(`${b.code} · `))).toBe(false);
    text.forEach((p, i) => expect(p).toContain(`Halaman ${i + 1} dari ${text.length}`));

    // The ranking: the API's order and figures, the bodies without enough data apart.
    const table = text.slice(ranking, charts).join(' ');
    const apart = table.indexOf('Tidak diberi peringkat: data belum cukup');
    expect(apart).toBeGreaterThan(0);
    let last = -1;
    for (const b of bodies.filter((x) => x.rank !== null)) {
      const m = new RegExp(`${b.rank} ${escapeRegExp(flat(b.name))} ${escapeRegExp(indexText(b.score as number))} `).exec(table);
      expect(m?.index).toBeGreaterThan(last);
      expect(m?.index).toBeLessThan(apart);
      last = m?.index as number;
    }
    for (const b of bodies.filter((x) => x.rank === null)) {
      const at = table.indexOf(`${flat(b.name)} ${b.n} `, apart);
      expect(at).toBeGreaterThan(last);
      last = at;
    }
    expect(bodies.filter((b) => b.rank !== null).map((b) => b.code)).toEqual(['35.78', '35.79', '35.07']);

    // A body's page: figures with n and interval, the median, its quarters, units, overdue numbers.
    const malang = text[first + byCode.findIndex((b) => b.code === '35.07')];
    expect(malang).toContain('Pemberitahuan tepat waktu 25,0% 1 dari 4 4,6–69,9%');
    // No DIP at the quarter's end: no required category (95% Wilson 0–65.8%), no berkala item to be stale.
    expect(malang).toContain('Kelengkapan DIP 0,0% 0 dari 2 0,0–65,8%');
    expect(malang).toContain('Informasi berkala mutakhir — 0 dari 0 —');
    expect(malang).toContain('median provinsi');
    expect(malang).toContain('TW I: ');
    expect(malang).toContain(overdueNumber);
    expect(malang).toContain(flat(LONG_UNIT));
    const surabaya = text[first + byCode.findIndex((b) => b.code === '35.78')];
    expect(surabaya).toContain('PPID Pelaksana Dinas Nomor 25 Kota Surabaya');
    expect(surabaya).toMatch(/\d+ unit PPID lain \(dengan permohonan paling sedikit\) tidak muat di halaman ini/);

    // No personal data anywhere.
    const all = text.join(' ');
    for (const secret of [REQUESTER.name, REQUESTER.email, API_NIK, 'Jl. Pemuda', '@contoh.id']) expect(all).not.toContain(secret);
  }, 120_000);

  it('should give the year this far, with the request filed through the API and none of its requester', async () => {
    const year = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
    const res = await download(t, `/api/v1/scorecards?year=${year}&format=pdf`).expect(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="laporan-indeks-layanan-portal-${year}.pdf"`);
    const [pages] = await pdfPages([res.body as Buffer]);
    const all = flat(pages.join(' '));
    expect(all).toContain(`Tahun ${year}`);
    for (const secret of ['Dyah Ayu Pitaloka', API_NIK, 'Jl. Pemuda', '@contoh.id', '081234567890']) expect(all).not.toContain(secret);
  }, 120_000);

  it.each([
    ['/api/v1/scorecards?year=20x5&format=pdf', 'year'],
    ['/api/v1/scorecards?year=2025&quarter=7&format=pdf', 'quarter'],
    ['/api/v1/scorecards?year=2999&format=pdf', 'year'],
    ['/api/v1/scorecards?from=2025-02-30&to=2025-03-01&format=pdf', 'from'],
    ['/api/v1/scorecards?year=2025&format=docx', 'format'],
  ])('should answer %s with 400 naming %s', async (url, field) => {
    const res = await request(t.app.getHttpServer()).get(url).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body.errors[field]).toMatch(/^(Tahun|Triwulan|Tanggal|Format)/);
  });

  it('should link the report of the period shown from /peringkat and from the bureau desk', async () => {
    const page = await request(t.app.getHttpServer()).get('/peringkat?tahun=2025&triwulan=1').expect(200);
    expect(page.text.replace(/&#x3D;/g, '=')).toContain('<a href="/api/v1/scorecards?year=2025&amp;quarter=1&amp;format=pdf">Unduh laporan PDF</a>');
    const bureau = await createUser(t.app, { role: 'bureau' });
    const signedIn = await loginAgent(t.app, bureau.email);
    const desk = await signedIn.agent.get('/biro').expect(200);
    expect(desk.text.replace(/&#x3D;/g, '=')).toMatch(/href="\/api\/v1\/scorecards\?year=\d{4}&amp;quarter=[1-4]&amp;format=pdf">Unduh laporan PDF<\/a>/);
  });

  it('should document the PDF format in the OpenAPI document', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/docs/openapi.json');
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body.paths['/api/v1/scorecards'].get)).toContain('application/pdf');
  });
});

