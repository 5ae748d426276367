import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearerToken, createUser, loginAgent, utamaUnitOf } from 'test/support/auth-helpers';
import { startTestApp, TestApp } from 'test/support/test-app';

/** Four requests per body in February 2025, `late` of them answered after the due date. */
async function seed(db: DataSource, app: TestApp['app'], plan: [string, number][]): Promise<void> {
  let seq = 0;
  for (const [code, late] of plan) {
    const unit = await utamaUnitOf(app, code);
    for (let j = 0; j < 4; j += 1) {
      seq += 1;
      await db.query(
        `INSERT INTO requests (registration_number, receiving_unit_id, registration_year, registration_seq, unit_id, body_id, channel, status,
            decision, requester_type, requester_name, requester_address, information, purpose, obtain_method, received_at,
            effective_receipt_date, due_date, due_provisional, version, answered_at)
         VALUES ($1, $2, 2025, $3, $2, $4, 'online', 'answered', 'granted', 'individual', 'Pemohon Uji', '\\x00', 'Informasi uji', 'Uji', 'copy_soft',
            '2025-02-03T03:00:00Z', '2025-02-03', '2025-02-17', false, 1, $5)`,
        [`MONEV-${seq}`, unit.id, seq, unit.bodyId, j < late ? '2025-02-20T03:00:00Z' : '2025-02-05T03:00:00Z'],
      );
    }
  }
}

const GOOD = [
  'tahun;kode;nama;nilai;kualifikasi',
  '2025;3578;Kota Surabaya;95,10;Informatif',
  '2025;35.79;Kota Batu;85.5;Menuju Informatif',
  '2025;3507;Kabupaten Malang;50;Kurang Informatif',
  '2025;3576;Kota Mojokerto;85;Informatif',
  '2025;9999;Tidak ada;70;Cukup Informatif',
].join('\r\n');

interface ImportReport {
  fileName: string;
  stored: { line: number; year: number; code: string; bodyName: string; score: number; qualification: string; replaced: { score: number } | null }[];
  rejected: { line: number; reason: string }[];
  years: number[];
}

describe('monev import: /biro/monev and POST /api/v1/monev/imports', () => {
  let t: TestApp;
  let db: DataSource;
  let bureauToken: string;

  const http = () => request(t.app.getHttpServer());
  const upload = (token: string, content: Buffer | string, name = 'monev.csv') =>
    http().post('/api/v1/monev/imports').set('Authorization', `Bearer ${token}`).attach('file', Buffer.from(content), name);
  const stored = async (): Promise<{ code: string; year: number; score: string; qualification: string }[]> =>
    (await db.query(
      `SELECT r.code, m.year, m.score::text AS score, m.qualification FROM monev_results m JOIN public_bodies b ON b.id = m.body_id
         JOIN regions r ON r.code = b.region_code ORDER BY m.year, r.code`,
    )) as { code: string; year: number; score: string; qualification: string }[];

  beforeAll(async () => {
    t = await startTestApp({ SCORECARD_MIN_REQUESTS: '3' });
    db = t.app.get(DataSource);
    await seed(db, t.app, [
      ['35.78', 0],
      ['35.79', 1],
      ['35.07', 3],
    ]);
    const bureau = await createUser(t.app, { role: 'bureau' });
    bureauToken = await bearerToken(t.app, bureau.email);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('should store the valid rows, report each rejected row with its line and reason, and audit the import', async () => {
    const res = await upload(bureauToken, GOOD).expect(201);
    const report = res.body as ImportReport;
    expect(report.years).toEqual([2025]);
    expect(report.stored.map((s) => [s.line, s.code, s.score, s.qualification, s.replaced])).toEqual([
      [2, '35.78', 95.1, 'informatif', null],
      [3, '35.79', 85.5, 'menuju_informatif', null],
      [4, '35.07', 50, 'kurang_informatif', null],
    ]);
    expect(report.rejected).toEqual([
      { line: 5, reason: 'Kualifikasi Informatif tidak sesuai dengan nilai 85,00: nilai itu termasuk Menuju Informatif (80–89,99).' },
      { line: 6, reason: expect.stringContaining('Kode badan publik "9999" tidak dikenal di provinsi ini') },
    ]);
    await expect(stored()).resolves.toEqual([
      { code: '35.07', year: 2025, score: '50.00', qualification: 'kurang_informatif' },
      { code: '35.78', year: 2025, score: '95.10', qualification: 'informatif' },
      { code: '35.79', year: 2025, score: '85.50', qualification: 'menuju_informatif' },
    ]);
    const audit = (await db.query(`SELECT actor_role AS "role", details FROM audit_log WHERE action = 'monev.imported' ORDER BY id`)) as { role: string; details: unknown }[];
    expect(audit).toEqual([{ role: 'bureau', details: { years: [2025], stored: 3, replaced: 0, rejected: 2 } }]);
  });

  it('should show the monev result beside the index in the API, the CSV and the page, with the correlation, never merged', async () => {
    const api = await http().get('/api/v1/scorecards?year=2025').expect(200);
    const byCode = new Map((api.body.bodies as { code: string; score: number | null; monev: unknown }[]).map((b) => [b.code, b]));
    expect(byCode.get('35.78')).toMatchObject({ monev: { year: 2025, score: 95.1, qualification: 'informatif' } });
    expect(byCode.get('35.78')?.score).not.toBe(95.1);
    expect(byCode.get('35.73')).toMatchObject({ monev: null });
    expect(api.body.monevYear).toBe(2025);
    expect(api.body.correlation.n).toBe(3);
    expect(api.body.correlation.spearman).toBeCloseTo(1, 9);
    expect(api.body.correlation.pearson).toBeGreaterThan(0.9);

    const csv = await http().get('/api/v1/scorecards?year=2025&format=csv').expect(200);
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0].endsWith(',monev_ki_tahun,monev_ki_nilai,monev_ki_kualifikasi')).toBe(true);
    expect(lines.find((l) => l.startsWith('35.79,'))?.endsWith(',2025,85.5,menuju_informatif')).toBe(true);

    const page = await http().get('/peringkat?tahun=2025').expect(200);
    expect(page.text).toContain('<th scope="col">Monev KI 2025</th>');
    const row = /<tr id="badan-35.78">([\s\S]*?)<\/tr>/.exec(page.text)?.[1] ?? '';
    expect(row).toContain('95,10<br><span class="muted">Informatif</span>');
    expect(page.text.replace(/&#x3D;/g, '=')).toContain('Hubungan kuat (Spearman ρ = 1,00');
    expect(page.text).toContain('href="/peringkat/metodologi"');

    const batu = await http().get('/peringkat/35.79?tahun=2025').expect(200);
    expect(batu.text).toContain('Hasil monev Komisi Informasi 2025</dt><dd>85,50 (Menuju Informatif)');
    const q1 = await http().get('/peringkat?tahun=2024').expect(200);
    expect(q1.text).toContain('Korelasi tidak ditampilkan: baru 0 badan publik');
  });

  it('should replace a year and body on re-import and say what it replaced', async () => {
    const res = await upload(bureauToken, 'kode,tahun,nilai,kualifikasi\n3578,2025,"89,99",Menuju Informatif\n3578,2024,91,informatif\n').expect(201);
    const report = res.body as ImportReport;
    expect(report.stored.map((s) => [s.code, s.year, s.score, s.replaced])).toEqual([
      ['35.78', 2025, 89.99, { score: 95.1, qualification: 'informatif' }],
      ['35.78', 2024, 91, null],
    ]);
    expect(report.years).toEqual([2024, 2025]);
    const rows = await stored();
    expect(rows.filter((r) => r.code === '35.78')).toEqual([
      { code: '35.78', year: 2024, score: '91.00', qualification: 'informatif' },
      { code: '35.78', year: 2025, score: '89.99', qualification: 'menuju_informatif' },
    ]);
    expect(rows).toHaveLength(4);
  });

  it.each([
    ['a wrong header', 'year,body,score\n2025,3578,90\n', 'monev.csv', /kolom kode tidak ada/],
    ['a binary file', '%PDF-1.4\0\0\0binary', 'monev.csv', /bukan berkas CSV/],
    ['a name that is not .csv', 'tahun,kode,nilai,kualifikasi\n2025,3578,90,Informatif\n', 'monev.xlsx', /nama berakhiran \.csv/],
    ['an empty file', '', 'monev.csv', /Pilih berkas CSV|Berkas kosong/],
  ])('should refuse %s with 400 and change nothing', async (_what, content, name, message) => {
    const before = await stored();
    const auditBefore = (await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'monev.imported'`)) as { n: number }[];
    const res = await upload(bureauToken, content, name).expect(400);
    expect(res.body.errors.file).toMatch(message);
    await expect(stored()).resolves.toEqual(before);
    await expect(db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'monev.imported'`)).resolves.toEqual(auditBefore);
  });

  it('should refuse a file over the limit with 413 and a request without a file with 400', async () => {
    const big = `tahun,kode,nilai,kualifikasi\n${'2025,3578,90,Informatif\n'.repeat(25_000)}`;
    const tooLarge = await upload(bureauToken, big).expect(413);
    expect(JSON.stringify(tooLarge.body)).toContain('512 KB');
    const none = await http().post('/api/v1/monev/imports').set('Authorization', `Bearer ${bureauToken}`).field('x', '1').expect(400);
    expect(none.body.errors.file).toBe('Pilih berkas CSV hasil monev.');
  });

  it('should not let officers, supervisors or anonymous callers import', async () => {
    const unit = await utamaUnitOf(t.app, '35.78');
    const officer = await createUser(t.app, { role: 'officer', unitId: unit.id });
    await upload(await bearerToken(t.app, officer.email), GOOD).expect(403);
    const supervisor = await createUser(t.app, { role: 'supervisor', unitId: unit.id });
    await upload(await bearerToken(t.app, supervisor.email), GOOD).expect(403);
    await http().post('/api/v1/monev/imports').attach('file', Buffer.from(GOOD), 'monev.csv').expect(401);
    const signedIn = await loginAgent(t.app, officer.email);
    await signedIn.agent.get('/biro/monev').expect(403);
    const anonymous = await http().get('/biro/monev').expect(303);
    expect(anonymous.headers.location).toMatch(/^\/masuk/);
  });

  it('should import through the page form with its CSRF token, show the report, and refuse the form without the token', async () => {
    const admin = await createUser(t.app, { role: 'admin' });
    const signedIn = await loginAgent(t.app, admin.email);
    const page = await signedIn.agent.get('/biro/monev').expect(200);
    expect(page.text).toContain('Impor hasil monev Komisi Informasi');
    expect(page.text.replace(/&#x3D;/g, '=')).toMatch(/<td data-label="Tahun"><a href="\/peringkat\?tahun=2025">2025<\/a><\/td><td data-label="Badan publik">3<\/td>/);
    const csv = 'tahun,kode,nilai,kualifikasi\n2025,35.73,"61,5",Cukup Informatif\n2025,3573,62,Cukup Informatif\n';
    await signedIn.agent.post('/biro/monev').attach('file', Buffer.from(csv), 'monev.csv').expect(403);
    const done = await signedIn.agent.post(`/biro/monev?_csrf=${encodeURIComponent(signedIn.csrfToken)}`).attach('file', Buffer.from(csv), 'monev.csv').expect(201);
    expect(done.text).toContain('1 baris disimpan; 1 baris ditolak.');
    expect(done.text).toContain('Tahun 2025 dan kode 35.73 sudah ada pada baris 2.');
    expect(done.text).toContain('<td data-label="Nilai">61,50</td>');
    const refused = await signedIn.agent.post(`/biro/monev?_csrf=${encodeURIComponent(signedIn.csrfToken)}`).attach('file', Buffer.from('a,b\n1,2\n'), 'monev.csv').expect(400);
    expect(refused.text).toContain('Baris judul harus memuat kolom tahun, kode, nilai dan kualifikasi');
    expect(refused.text).toContain('id="e-file"');
  });

  it('should serve the methodology page, not take it for a body code, with the weights as configured', async () => {
    const res = await http().get('/peringkat/metodologi').expect(200);
    expect(res.text).toContain('<h1>Metodologi peringkat layanan informasi</h1>');
    expect(res.text).toMatch(/<td data-label="Komponen">Pemberitahuan tepat waktu<\/td><td data-label="Bobot">35<\/td>/);
    expect(res.text).toContain('kurang dari 3 permohonan');
    expect(res.text).toContain('paling lambat 2 menit kemudian');
    expect(res.text).toMatch(/Ringkasan terakhir diperbarui pada <strong>[A-Z][a-z]+, \d{1,2} [A-Z][a-z]+ \d{4} pukul \d{2}\.\d{2}/);
    expect(res.text).toContain('tidak pernah digabung menjadi satu angka');
  });
});
