import ExcelJS from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { localDateTimeOf } from 'src/common/time/local-time';
import { formatLocalDate } from 'src/common/views/view-helpers';
import { keepPdf } from 'src/modules/documents';
import { bearerToken, createUser, loginAgent, TestUser, utamaUnitOf } from 'test/support/auth-helpers';
import { binary } from 'test/support/binary';
import { pdfText } from 'test/support/pdf-text';
import { requestPayload, TINY_PDF } from 'test/support/request-factory';
import { startTestApp, TestApp } from 'test/support/test-app';

const NOVEMBER = 'from=2026-11-01&to=2026-11-30';

const refusal = {
  decision: 'refused',
  informationHeld: true,
  reason: 'Dokumen memuat riwayat kesehatan pegawai.',
  exemptionGround: 'h',
  consequenceTest: { date: '2026-11-20', participants: ['Sekretaris Daerah', 'PPID Utama'], consequence: 'Mengungkap rahasia pribadi.', information: 'Data pribadi pegawai dalam dokumen yang diminta.', publicInterest: 'Membukanya tidak menambah manfaat bagi publik yang sebanding.', legalBasis: 'Pasal 17 huruf h UU 14/2008' },
};

const UPHOLD_REASONS = 'Uji konsekuensi menunjukkan dokumen memuat data kesehatan pegawai yang dilindungi Pasal 17 huruf h.';

describe('register keberatan', () => {
  let t: TestApp;
  let utama: { id: number; bodyId: number };
  let officer: TestUser;
  let atasan: TestUser;
  let bureau: TestUser;
  let stranger: TestUser;
  let token: string;
  const filed = { a: { request: '', objection: '', objectionId: '', requestId: '', response: '' }, b: { request: '', objection: '', objectionId: '', requestId: '' } };
  const http = () => request(t.app.getHttpServer());
  const auth = (tok: string) => ({ Authorization: `Bearer ${tok}` });
  const db = () => t.app.get(DataSource);
  const today = () => localDateTimeOf(new Date(), 'Asia/Jakarta').date;

  async function refusedRequest(overrides: Record<string, unknown>): Promise<{ id: string; number: string; code: string }> {
    const res = await http().post('/api/v1/requests').send(requestPayload(utama.id, overrides));
    expect(res.status).toBe(201);
    const [row] = (await db().query('SELECT id FROM requests WHERE registration_number = $1', [res.body.registrationNumber])) as { id: string }[];
    expect((await http().post(`/api/v1/requests/${row.id}/notice`).set(auth(token)).send(refusal)).status).toBe(201);
    return { id: String(row.id), number: res.body.registrationNumber as string, code: res.body.trackingCode as string };
  }

  async function download(path: string, tok: string): Promise<{ status: number; type: string; body: Buffer; disposition: string }> {
    const res = await http().get(path).set(auth(tok)).buffer(true).parse(binary);
    return { status: res.status, type: String(res.headers['content-type']), body: res.body as Buffer, disposition: String(res.headers['content-disposition']) };
  }

  beforeAll(async () => {
    t = await startTestApp({ INTAKE_LIMIT_PER_IP_HOUR: '10000' });
    utama = await utamaUnitOf(t.app, '35.78');
    const malang = await utamaUnitOf(t.app, '35.73');
    officer = await createUser(t.app, { role: 'officer', unitId: utama.id });
    atasan = await createUser(t.app, { role: 'supervisor', bodyId: utama.bodyId, name: 'Bambang Sekda' });
    bureau = await createUser(t.app, { role: 'bureau' });
    stranger = await createUser(t.app, { role: 'officer', unitId: malang.id });
    token = await bearerToken(t.app, officer.email);
    const atasanToken = await bearerToken(t.app, atasan.email);

    // A: refused, objected by a kuasa on grounds a and d, upheld by the atasan, then a dispute the KI rejected.
    const a = await refusedRequest({ information: 'Rekam medis pegawai dinas', purpose: 'Liputan' });
    const objA = await http()
      .post(`/api/v1/requests/${a.number}/objections`)
      .set('X-Tracking-Code', a.code)
      .field('grounds', 'a,d')
      .field('reasons', 'Informasi anggaran bukan rahasia pribadi dan wajib dibuka untuk publik.')
      .field('proxyName', 'Lembaga Bantuan Hukum Surabaya')
      .field('proxyAddress', 'Jl. Kidal No. 6, Surabaya')
      .attach('proxyDocument', TINY_PDF, 'kuasa.pdf');
    expect([objA.status, objA.body.errors]).toEqual([201, undefined]);
    const [rowA] = (await db().query('SELECT id FROM objections WHERE number = $1', [objA.body.objectionNumber])) as { id: string }[];
    const decided = await http()
      .post(`/api/v1/objections/${rowA.id}/decision`)
      .set(auth(atasanToken))
      .send({ decision: 'uphold', reasons: UPHOLD_REASONS, position: 'Sekretaris Daerah' });
    expect(decided.status).toBe(201);
    const dispute = await http()
      .post(`/api/v1/requests/${a.number}/objections/${objA.body.objectionNumber}/dispute`)
      .set('X-Tracking-Code', a.code)
      .send({ filedOn: today(), caseNumber: '012/KIP-JATIM/XI/2026' });
    expect(dispute.status).toBe(201);
    expect((await http().post(`/api/v1/disputes/${dispute.body.dispute.id}/stage`).set(auth(token)).send({ stage: 'putusan', on: today(), outcome: 'rejected' })).status).toBe(201);

    // B: refused, objected by the requester on ground a, still waiting for the atasan.
    const b = await refusedRequest({
      requester: { name: 'Budi Santoso', address: 'Jl. Darmo 5', phone: '0315550000', email: 'budi@contoh.id', occupation: 'Wartawan' },
      information: 'Daftar hadir pegawai',
      purpose: 'Penelitian',
    });
    const objB = await http().post(`/api/v1/requests/${b.number}/objections`).set('X-Tracking-Code', b.code).send({ grounds: ['a'], reasons: 'Daftar hadir bukan informasi yang dikecualikan.' });
    expect(objB.status).toBe(201);
    const [rowB] = (await db().query('SELECT id FROM objections WHERE number = $1', [objB.body.objectionNumber])) as { id: string }[];

    // The workflow stamps today's clock; the data set needs fixed dates.
    await db().query(`UPDATE objections SET received_at = '2026-11-02T10:00:00+07:00', due_date = '2026-12-14', response_date = '2026-11-20' WHERE id = $1`, [rowA.id]);
    await db().query(`UPDATE disputes SET filed_on = '2026-11-25', outcome_on = '2026-11-30' WHERE objection_id = $1`, [rowA.id]);
    await db().query(`UPDATE objections SET received_at = '2026-11-05T09:00:00+07:00', due_date = '2026-12-17' WHERE id = $1`, [rowB.id]);
    const [{ response_number: response }] = (await db().query('SELECT response_number FROM objections WHERE id = $1', [rowA.id])) as { response_number: string }[];
    filed.a = { request: a.number, objection: objA.body.objectionNumber, objectionId: String(rowA.id), requestId: a.id, response };
    filed.b = { request: b.number, objection: objB.body.objectionNumber, objectionId: String(rowB.id), requestId: b.id };
  });

  afterAll(async () => {
    await t.close();
  });

  it('should list every objection of the body in the period with every register column', async () => {
    const res = await http().get(`/api/v1/registers/objections?${NOVEMBER}`).set(auth(token));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: '2026-11-01', to: '2026-11-30', total: 2, page: 1, pageCount: 1, body: { id: utama.bodyId }, unit: null });
    const [a, b] = res.body.items as Record<string, unknown>[];
    expect(a).toEqual({
      id: filed.a.objectionId,
      objectionNumber: filed.a.objection,
      bodyId: utama.bodyId,
      unitId: utama.id,
      unitName: expect.any(String),
      receivingUnitId: utama.id,
      receivedDate: '2026-11-02',
      personalShown: true,
      requesterName: 'Dyah Ayu Pitaloka',
      proxyName: 'Lembaga Bantuan Hukum Surabaya',
      objectorAddress: 'Jl. Kidal No. 6, Surabaya',
      requestId: filed.a.requestId,
      requestRegistrationNumber: filed.a.request,
      information: 'Rekam medis pegawai dinas',
      purpose: 'Liputan',
      grounds: ['a', 'd'],
      dueDate: '2026-12-14',
      status: 'upheld',
      decisionReasons: UPHOLD_REASONS,
      instruction: null,
      responseDate: '2026-11-20',
      responseNumber: filed.a.response,
      atasanName: 'Bambang Sekda',
      atasanPosition: 'Sekretaris Daerah',
      answeredInTime: true,
      disputes: [{ caseNumber: '012/KIP-JATIM/XI/2026', filedOn: '2026-11-25', stage: 'putusan', outcome: 'rejected', outcomeOn: '2026-11-30' }],
    });
    expect(filed.a.response).toEqual(expect.stringMatching(/\S/));
    expect(b).toMatchObject({
      objectionNumber: filed.b.objection,
      receivedDate: '2026-11-05',
      requesterName: 'Budi Santoso',
      proxyName: null,
      objectorAddress: 'Jl. Darmo 5',
      requestRegistrationNumber: filed.b.request,
      information: 'Daftar hadir pegawai',
      purpose: 'Penelitian',
      grounds: ['a'],
      dueDate: '2026-12-17',
      status: 'pending',
      decisionReasons: null,
      responseDate: null,
      responseNumber: null,
      atasanName: null,
      atasanPosition: null,
      answeredInTime: null,
      disputes: [],
    });
    const viewed = (await db().query(`SELECT details FROM audit_log WHERE action = 'objection_register.viewed' AND actor_user_id = $1`, [officer.id])) as {
      details: Record<string, unknown>;
    }[];
    expect(viewed.at(-1)?.details).toMatchObject({ rows: 2, personalRows: 2, format: null });
  });

  it('should filter by the atasan decision, a search and the period', async () => {
    const pending = await http().get(`/api/v1/registers/objections?${NOVEMBER}&status=pending`).set(auth(token));
    expect(pending.body.items.map((i: { objectionNumber: string }) => i.objectionNumber)).toEqual([filed.b.objection]);
    const byRequest = await http().get(`/api/v1/registers/objections?${NOVEMBER}&q=${encodeURIComponent(filed.a.request)}`).set(auth(token));
    expect(byRequest.body.items.map((i: { objectionNumber: string }) => i.objectionNumber)).toEqual([filed.a.objection]);
    const byKuasa = await http().get(`/api/v1/registers/objections?${NOVEMBER}&q=bantuan`).set(auth(token));
    expect(byKuasa.body.total).toBe(1);
    const october = await http().get('/api/v1/registers/objections?from=2026-10-01&to=2026-10-31').set(auth(token));
    expect(october.body).toMatchObject({ total: 0, items: [] });
    const unit = await http().get(`/api/v1/registers/objections?${NOVEMBER}&unitId=${utama.id}`).set(auth(token));
    expect(unit.body).toMatchObject({ total: 2, unit: { id: utama.id } });
  });

  it('should mask names and addresses for those who do not work the request', async () => {
    const bur = await http().get(`/api/v1/registers/objections?${NOVEMBER}&bodyId=${utama.bodyId}`).set(auth(await bearerToken(t.app, bureau.email)));
    expect(bur.status).toBe(200);
    const [a, b] = bur.body.items as Record<string, unknown>[];
    expect(a).toMatchObject({ personalShown: false, requesterName: 'D*** A*** P***', proxyName: 'L*** B*** H*** S***', objectorAddress: null, atasanName: 'Bambang Sekda' });
    expect(b).toMatchObject({ personalShown: false, requesterName: 'B*** S***', objectorAddress: null });
    expect(JSON.stringify(bur.body)).not.toMatch(/Pitaloka|Kidal|Darmo|Santoso|Lembaga/);
    const sup = await http().get(`/api/v1/registers/objections?${NOVEMBER}`).set(auth(await bearerToken(t.app, atasan.email)));
    expect((sup.body.items as { personalShown: boolean }[]).map((i) => i.personalShown)).toEqual([true, true]);
    const masked = (await db().query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'objection_register.viewed' AND actor_user_id = $1`, [bureau.id])) as {
      n: number;
    }[];
    expect(masked).toEqual([{ n: 0 }]);
  });

  it('should refuse citizens, other bodies and bad filters', async () => {
    expect((await http().get(`/api/v1/registers/objections?${NOVEMBER}`)).status).toBe(401);
    expect((await http().get('/petugas/register/keberatan')).status).toBe(303);
    const strangerToken = await bearerToken(t.app, stranger.email);
    expect((await http().get(`/api/v1/registers/objections?${NOVEMBER}&bodyId=${utama.bodyId}`).set(auth(strangerToken))).status).toBe(404);
    expect((await http().get(`/api/v1/registers/objections?${NOVEMBER}&unitId=${utama.id}`).set(auth(strangerToken))).status).toBe(404);
    const bad = await http().get('/api/v1/registers/objections?from=2026-02-30&to=kemarin&status=DROP%20TABLE&page=0&format=doc').set(auth(token));
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['format', 'from', 'page', 'status', 'to']);
    expect((await http().get('/api/v1/registers/objections').set(auth(await bearerToken(t.app, bureau.email)))).status).toBe(400);
    const agent = await loginAgent(t.app, officer.email);
    expect((await agent.agent.get('/petugas/register/keberatan.doc')).status).toBe(404);
    const page = await agent.agent.get('/petugas/register/keberatan?dari=31-11-2026');
    expect(page.status).toBe(400);
    expect(page.text).toContain('Tanggal awal harus berbentuk TTTT-BB-HH');
  });

  it('should write a CSV and an XLSX that read back with every column', async () => {
    const csv = await download(`/api/v1/registers/objections?${NOVEMBER}&format=csv`, token);
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    expect(csv.disposition).toContain(`register-keberatan-${utama.bodyId}-2026-11-01-2026-11-30.csv`);
    const lines = csv.body.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe(
      'Nomor keberatan,Tanggal diterima,Unit,Nama pemohon,Kuasa pemohon,Alamat pemohon/kuasa,Nomor pendaftaran permohonan,Informasi yang diminta,Tujuan penggunaan,Alasan keberatan (Pasal 35 ayat (1)),Batas waktu tanggapan,Keputusan atasan PPID,Alasan keputusan,Tanggal tanggapan,Nomor surat tanggapan,Dalam 30 hari kerja,Nama atasan PPID,Jabatan atasan PPID,Tanggapan pemohon,Tahap dan putusan sengketa',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`${filed.a.objection},2026-11-02,`);
    expect(lines[1]).toContain(
      `Dyah Ayu Pitaloka,Lembaga Bantuan Hukum Surabaya,"Jl. Kidal No. 6, Surabaya",${filed.a.request},Rekam medis pegawai dinas,Liputan,"Huruf a, d",2026-12-14,Keputusan PPID dikuatkan,${UPHOLD_REASONS},2026-11-20,${filed.a.response},Ya,Bambang Sekda,Sekretaris Daerah,`,
    );
    expect(lines[1]).toContain('"Sengketa ke Komisi Informasi 25-11-2026, nomor 012/KIP-JATIM/XI/2026",');
    expect(lines[1]).toContain('Putusan: Permohonan sengketa ditolak (keputusan badan publik dikuatkan) (30-11-2026)');
    expect(lines[2]).toContain(`Budi Santoso,,Jl. Darmo 5,${filed.b.request},Daftar hadir pegawai,Penelitian,Huruf a,2026-12-17,Menunggu tanggapan Atasan PPID,,,,,,,,`);
    const trail = (await db().query(`SELECT target_id AS "targetId", details FROM audit_log WHERE action = 'objection_register.exported' AND actor_user_id = $1`, [officer.id])) as {
      targetId: string;
      details: Record<string, unknown>;
    }[];
    expect(trail.find((e) => e.details.format === 'csv')).toEqual({
      targetId: String(utama.bodyId),
      details: { unitId: null, from: '2026-11-01', to: '2026-11-30', status: null, searched: false, rows: 2, personalRows: 2, format: 'csv' },
    });

    const agent = await loginAgent(t.app, bureau.email);
    const file = await agent.agent.get(`/petugas/register/keberatan.xlsx?badan=${utama.bodyId}&dari=2026-11-01&sampai=2026-11-30`).buffer(true).parse(binary);
    expect(file.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as Parameters<typeof book.xlsx.load>[0]);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('Register keberatan');
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(1).getCell(1).value).toBe('Nomor keberatan');
    const first = sheet.getRow(2);
    expect([1, 2, 4, 5, 6, 7, 10, 12, 14, 16, 17].map((c) => first.getCell(c).value)).toEqual([
      filed.a.objection,
      '2026-11-02',
      'D*** A*** P***',
      'L*** B*** H*** S***',
      '(disamarkan)',
      filed.a.request,
      'Huruf a, d',
      'Keputusan PPID dikuatkan',
      '2026-11-20',
      'Ya',
      'Bambang Sekda',
    ]);
    expect(sheet.getRow(3).getCell(12).value).toBe('Menunggu tanggapan Atasan PPID');
  });

  it('should render the register keberatan as a landscape PDF with every objection', async () => {
    const pdf = await download(`/api/v1/registers/objections?${NOVEMBER}&format=pdf`, token);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    await keepPdf('register-keberatan.pdf', pdf.body);
    const text = await pdfText(pdf.body);
    expect(text).toContain('Register Keberatan Informasi Publik');
    expect(text).toContain('Periode penerimaan keberatan 1 November 2026 – 30 November 2026');
    const joined = text.replace(/\s+/g, '');
    for (const n of [filed.a.objection, filed.b.objection, filed.a.request, filed.b.request]) expect(joined).toContain(n);
    for (const cell of [
      'DyahAyuPitaloka',
      'LembagaBantuanHukumSurabaya',
      'Jl.KidalNo.6,Surabaya',
      'Hurufa,d',
      '02-11-2026',
      '14-12-2026',
      '20-11-2026',
      'KeputusanPPIDdikuatkan',
      'BambangSekda',
      'SekretarisDaerah',
      '012/KIP-JATIM/XI/2026',
      'Permohonansengketaditolak',
      'MenunggutanggapanAtasanPPID',
    ]) {
      expect(joined).toContain(cell);
    }
  });

  it('should show the officers page beside the register permohonan, with filters, rows and downloads', async () => {
    const agent = await loginAgent(t.app, officer.email);
    const page = await agent.agent.get('/petugas/register/keberatan?dari=2026-11-01&sampai=2026-11-30&status=upheld');
    expect(page.status).toBe(200);
    expect(page.text).toContain(filed.a.objection);
    expect(page.text).not.toContain(filed.b.objection);
    expect(page.text).toContain(`href="/petugas/keberatan/${filed.a.objectionId}"`);
    expect(page.text).toContain(`href="/petugas/permohonan/${filed.a.requestId}"`);
    expect(page.text).toContain('Dyah Ayu Pitaloka (kuasa: Lembaga Bantuan Hukum Surabaya)');
    expect(page.text).toContain('/petugas/register/keberatan.pdf?');
    expect(page.text).toContain('<option value="upheld" selected>');
    expect(page.text).toContain(`href="/petugas/register?dari&#x3D;2026-11-01&amp;sampai&#x3D;2026-11-30&amp;badan&#x3D;${utama.bodyId}"`);
    const requests = await agent.agent.get('/petugas/register?dari=2026-11-01&sampai=2026-11-30');
    expect(requests.text).toContain(`href="/petugas/register/keberatan?dari&#x3D;2026-11-01&amp;sampai&#x3D;2026-11-30&amp;badan&#x3D;${utama.bodyId}"`);
  });

  it("should link the officer's request page to the request's objections with their status and due date", async () => {
    const agent = await loginAgent(t.app, officer.email);
    const a = await agent.agent.get(`/petugas/permohonan/${filed.a.requestId}`);
    expect(a.status).toBe(200);
    expect(a.text).toContain('Keberatan atas permohonan ini');
    expect(a.text).toContain(`<a href="/petugas/keberatan/${filed.a.objectionId}">Keberatan ${filed.a.objection}</a>: Keputusan PPID dikuatkan`);
    expect(a.text).toContain(`Batas tanggapan Atasan PPID: ${formatLocalDate('2026-12-14')}`);
    expect(a.text).toContain('Sengketa 012/KIP-JATIM/XI/2026: Putusan');
    const b = await agent.agent.get(`/petugas/permohonan/${filed.b.requestId}`);
    expect(b.text).toContain(`<a href="/petugas/keberatan/${filed.b.objectionId}">Keberatan ${filed.b.objection}</a>: Menunggu tanggapan Atasan PPID`);
    expect(b.text).toContain(`Batas tanggapan Atasan PPID: ${formatLocalDate('2026-12-17')}`);
    expect(b.text).not.toContain(filed.a.objection);
    const plain = await http().post('/api/v1/requests').send(requestPayload(utama.id));
    const [row] = (await db().query('SELECT id FROM requests WHERE registration_number = $1', [plain.body.registrationNumber])) as { id: string }[];
    const none = await agent.agent.get(`/petugas/permohonan/${row.id}`);
    expect(none.status).toBe(200);
    expect(none.text).not.toContain('Keberatan atas permohonan ini');
  });
});
