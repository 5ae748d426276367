import ExcelJS from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { keepPdf } from 'src/modules/documents';
import { bearerToken, createPelaksanaUnit, createUser, loginAgent, TestUser, utamaUnitOf } from 'test/support/auth-helpers';
import { binary } from 'test/support/binary';
import { pdfText } from 'test/support/pdf-text';
import { requestPayload, TINY_PDF } from 'test/support/request-factory';
import { startTestApp, TestApp } from 'test/support/test-app';

/** The register's JSON line, as the API answers it. */
interface Item {
  registrationNumber: string;
  receivedDate: string;
  channel: string;
  unitName: string;
  personalShown: boolean;
  requesterName: string;
  requesterAddress: string | null;
  requesterContact: string | null;
  requesterOccupation: string | null;
  information: string;
  purpose: string;
  informationStatus: string | null;
  form: string | null;
  requestKind: string;
  decision: string | null;
  exemptionGround: string | null;
  refusalReason: string | null;
  noticeDate: string | null;
  deliveryDate: string | null;
  fee: number | null;
  paymentMethod: string | null;
  workingDaysTaken: number | null;
  status: string;
  forwardedTo: string | null;
}

const OCTOBER = 'from=2026-10-01&to=2026-10-31';

describe('register permohonan', () => {
  let t: TestApp;
  let utama: { id: number; bodyId: number };
  let pelaksana: { id: number; bodyId: number };
  let officer: TestUser;
  let pelaksanaOfficer: TestUser;
  let supervisor: TestUser;
  let bureau: TestUser;
  let stranger: TestUser;
  let token: string;
  const numbers: Record<'a' | 'b' | 'c' | 'd', string> = { a: '', b: '', c: '', d: '' };
  const http = () => request(t.app.getHttpServer());
  const auth = (tok: string) => ({ Authorization: `Bearer ${tok}` });

  async function record(tok: string, unitId: number, channel: string, receivedAt: string, overrides: Record<string, unknown>): Promise<{ id: string; number: string }> {
    const res = await http().post('/api/v1/offline-requests').set(auth(tok)).send({ ...requestPayload(unitId, overrides), channel, receivedAt });
    expect([res.status, res.body.errors]).toEqual([201, undefined]);
    const [row] = (await t.app.get(DataSource).query('SELECT id FROM requests WHERE registration_number = $1', [res.body.registrationNumber])) as { id: string }[];
    return { id: String(row.id), number: res.body.registrationNumber as string };
  }

  /** The notice went out at this instant (the workflow stamps the clock; the data set needs fixed dates). */
  async function answeredAt(id: string, at: string): Promise<void> {
    await t.app.get(DataSource).query('UPDATE requests SET answered_at = $2 WHERE id = $1', [id, at]);
  }

  async function download(path: string, tok: string): Promise<{ status: number; type: string; body: Buffer }> {
    const res = await http().get(path).set(auth(tok)).buffer(true).parse(binary);
    return { status: res.status, type: String(res.headers['content-type']), body: res.body as Buffer };
  }

  beforeAll(async () => {
    t = await startTestApp({ INTAKE_LIMIT_PER_IP_HOUR: '10000' });
    utama = await utamaUnitOf(t.app, '35.78');
    pelaksana = await createPelaksanaUnit(t.app, '35.78', { name: 'PPID Pelaksana Dinas Kesehatan' });
    const malang = await utamaUnitOf(t.app, '35.73');
    officer = await createUser(t.app, { role: 'officer', unitId: utama.id });
    pelaksanaOfficer = await createUser(t.app, { role: 'officer', unitId: pelaksana.id });
    supervisor = await createUser(t.app, { role: 'supervisor', bodyId: utama.bodyId });
    bureau = await createUser(t.app, { role: 'bureau' });
    stranger = await createUser(t.app, { role: 'officer', unitId: malang.id });
    token = await bearerToken(t.app, officer.email);
    const pelaksanaToken = await bearerToken(t.app, pelaksanaOfficer.email);
    const db = t.app.get(DataSource);

    // A: walk-in Monday 5 October 10:00 WIB, granted Friday 9 October, handed over Monday 12 October, closed.
    const a = await record(token, utama.id, 'walk_in', '2026-10-05T10:00:00+07:00', {
      requester: { name: 'Dyah Ayu Pitaloka', address: 'Jl. Pemuda No. 17, Surabaya', phone: '081234567890', email: 'dyah@contoh.id', occupation: 'Peneliti' },
      information: '=HYPERLINK("http://x","dokumen")',
      purpose: 'Penelitian',
      obtainMethod: 'copy_soft',
      copyDelivery: 'email',
    });
    numbers.a = a.number;
    expect((await http().post(`/api/v1/requests/${a.id}/notice`).set(auth(token)).send({
      decision: 'granted', informationHeld: true, material: 'DPA 2026', format: 'softcopy', delivery: 'email', fee: 0, paymentMethod: 'Tanpa biaya',
    })).status).toBe(201);
    await answeredAt(a.id, '2026-10-09T09:00:00+07:00');
    expect((await http().post(`/api/v1/requests/${a.id}/documents`).set(auth(token)).attach('files', TINY_PDF, 'dpa.pdf')).status).toBe(204);
    await db.query(`UPDATE request_events SET occurred_at = '2026-10-12T08:30:00+07:00' WHERE request_id = $1 AND type = 'documents_handed_over'`, [a.id]);
    expect((await http().post(`/api/v1/requests/${a.id}/close`).set(auth(token)).send({})).status).toBe(204);

    // B: by e-mail Tuesday 6 October, refused on ground h Tuesday 20 October (10 working days).
    const b = await record(token, utama.id, 'email', '2026-10-06T09:00:00+07:00', {
      requester: { name: 'Budi Santoso', address: 'Jl. Darmo 5', phone: '0315550000', email: 'budi@contoh.id', occupation: 'Wartawan' },
      information: 'Rekam medis pegawai',
      purpose: 'Liputan',
      obtainMethod: 'view',
      copyDelivery: undefined,
    });
    numbers.b = b.number;
    expect((await http().post(`/api/v1/requests/${b.id}/notice`).set(auth(token)).send({
      decision: 'refused', informationHeld: true, reason: 'Memuat riwayat kesehatan pegawai.', exemptionGround: 'h',
      consequenceTest: { date: '2026-10-19', participants: ['Sekretaris Daerah', 'PPID Utama'], consequence: 'Mengungkap rahasia pribadi.' },
    })).status).toBe(201);
    await answeredAt(b.id, '2026-10-20T10:00:00+07:00');

    // C: by letter Wednesday 7 October 16:30 (after hours: day 0 is the 8th), forwarded to the pelaksana, still open.
    const c = await record(token, utama.id, 'letter', '2026-10-07T16:30:00+07:00', {
      requester: { name: 'Citra Lestari', address: 'Jl. Tunjungan 1', phone: '0317770000', email: 'citra@contoh.id', occupation: 'Mahasiswa' },
      information: 'Data imunisasi 2025',
      purpose: 'Skripsi',
      obtainMethod: 'copy_hard',
      copyDelivery: 'pickup',
    });
    numbers.c = c.number;
    expect((await http().post(`/api/v1/requests/${c.id}/forward`).set(auth(token)).send({ unitId: pelaksana.id })).status).toBeLessThan(300);

    // D: by phone to the pelaksana Tuesday 20 October, not held, noticed Wednesday 21 October.
    const d = await record(pelaksanaToken, pelaksana.id, 'phone', '2026-10-20T11:00:00+07:00', {
      requester: { name: 'Dewi Anggraini', address: 'Jl. Kenjeran 9', phone: '0318880000', email: 'dewi@contoh.id', occupation: 'Guru' },
      information: 'Peta jalur evakuasi',
      purpose: 'Sekolah',
      obtainMethod: 'read',
      copyDelivery: undefined,
    });
    numbers.d = d.number;
    expect((await http().post(`/api/v1/requests/${d.id}/notice`).set(auth(pelaksanaToken)).send({ decision: 'not_held', informationHeld: false, holderBody: 'BPBD Provinsi' })).status).toBe(201);
    await answeredAt(d.id, '2026-10-21T14:00:00+07:00');

    // Outside the period and another body: never in this register.
    await record(token, utama.id, 'walk_in', '2026-11-02T10:00:00+07:00', { information: 'Rencana kerja bulan November' });
    await record(await bearerToken(t.app, stranger.email), malang.id, 'walk_in', '2026-10-05T10:00:00+07:00', { information: 'Rencana kerja Kota Malang' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('should list every request of the body in the period with every register column, closed and forwarded ones included', async () => {
    const res = await http().get(`/api/v1/registers/requests?${OCTOBER}`).set(auth(token));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ body: { id: utama.bodyId }, unit: null, from: '2026-10-01', to: '2026-10-31', total: 4, page: 1, pageCount: 1 });
    const items = res.body.items as Item[];
    expect(items.map((i) => i.registrationNumber)).toEqual([numbers.a, numbers.b, numbers.c, numbers.d]);
    const [a, b, c, d] = items;
    expect(a).toMatchObject({
      receivedDate: '2026-10-05', channel: 'walk_in', personalShown: true, requesterName: 'Dyah Ayu Pitaloka',
      requesterAddress: 'Jl. Pemuda No. 17, Surabaya', requesterContact: '081234567890 / dyah@contoh.id', requesterOccupation: 'Peneliti',
      information: '=HYPERLINK("http://x","dokumen")', purpose: 'Penelitian', informationStatus: 'held', form: 'softcopy', requestKind: 'copy',
      decision: 'granted', exemptionGround: null, refusalReason: null, noticeDate: '2026-10-09', deliveryDate: '2026-10-12', fee: 0,
      paymentMethod: 'Tanpa biaya', workingDaysTaken: 4, status: 'closed', forwardedTo: null,
    });
    expect(b).toMatchObject({
      receivedDate: '2026-10-06', channel: 'email', informationStatus: 'held', form: null, requestKind: 'inspect', decision: 'refused',
      exemptionGround: 'h', refusalReason: 'Memuat riwayat kesehatan pegawai.', noticeDate: '2026-10-20', deliveryDate: null, workingDaysTaken: 10, status: 'closed',
    });
    expect(c).toMatchObject({
      receivedDate: '2026-10-07', channel: 'letter', unitName: 'PPID Pelaksana Dinas Kesehatan', informationStatus: null, form: 'hardcopy',
      requestKind: 'copy', decision: null, noticeDate: null, workingDaysTaken: null, status: 'in_process', forwardedTo: 'PPID Pelaksana Dinas Kesehatan',
    });
    expect(d).toMatchObject({ receivedDate: '2026-10-20', channel: 'phone', informationStatus: 'not_held', decision: 'not_held', noticeDate: '2026-10-21', workingDaysTaken: 1, status: 'closed' });
  });

  it('should filter by unit, status and a search on number or name', async () => {
    const unit = await http().get(`/api/v1/registers/requests?${OCTOBER}&unitId=${pelaksana.id}`).set(auth(token));
    // The forwarded request stays with the unit that received it and joins its new unit's register.
    expect((unit.body.items as Item[]).map((i) => i.registrationNumber)).toEqual([numbers.c, numbers.d]);
    const closed = await http().get(`/api/v1/registers/requests?${OCTOBER}&status=closed`).set(auth(token));
    expect((closed.body.items as Item[]).map((i) => i.registrationNumber)).toEqual([numbers.a, numbers.b, numbers.d]);
    const byName = await http().get(`/api/v1/registers/requests?${OCTOBER}&q=budi`).set(auth(token));
    expect((byName.body.items as Item[]).map((i) => i.registrationNumber)).toEqual([numbers.b]);
    const byNumber = await http().get(`/api/v1/registers/requests?${OCTOBER}&q=${numbers.d}`).set(auth(token));
    expect((byNumber.body.items as Item[]).map((i) => i.registrationNumber)).toEqual([numbers.d]);
    const unknownStatus = await http().get(`/api/v1/registers/requests?${OCTOBER}&status=withdrawn`).set(auth(token));
    expect(unknownStatus.status).toBe(200);
    expect(unknownStatus.body.total).toBe(0);
  });

  it('should show personal data only to those who work the request, masked for others', async () => {
    const own = await http().get(`/api/v1/registers/requests?${OCTOBER}`).set(auth(await bearerToken(t.app, pelaksanaOfficer.email)));
    expect(own.status).toBe(200);
    const items = own.body.items as Item[];
    // The pelaksana sees its own unit's requests only, with their personal data.
    expect(items.map((i) => [i.registrationNumber, i.personalShown])).toEqual([[numbers.c, true], [numbers.d, true]]);
    const sup = await http().get(`/api/v1/registers/requests?${OCTOBER}`).set(auth(await bearerToken(t.app, supervisor.email)));
    expect((sup.body.items as Item[]).every((i) => i.personalShown)).toBe(true);
    const bur = await http().get(`/api/v1/registers/requests?${OCTOBER}&bodyId=${utama.bodyId}`).set(auth(await bearerToken(t.app, bureau.email)));
    expect(bur.status).toBe(200);
    const [a] = bur.body.items as Item[];
    expect(a).toMatchObject({ personalShown: false, requesterName: 'D*** A*** P***', requesterAddress: null, requesterContact: null, information: '=HYPERLINK("http://x","dokumen")' });
    expect(JSON.stringify(bur.body)).not.toMatch(/Pemuda|081234567890|dyah@contoh|Dyah/);
  });

  it('should refuse citizens, other bodies and bad filters', async () => {
    expect((await http().get(`/api/v1/registers/requests?${OCTOBER}`)).status).toBe(401);
    const page = await http().get('/petugas/register');
    expect(page.status).toBe(303);
    const strangerToken = await bearerToken(t.app, stranger.email);
    expect((await http().get(`/api/v1/registers/requests?${OCTOBER}&bodyId=${utama.bodyId}`).set(auth(strangerToken))).status).toBe(404);
    expect((await http().get(`/api/v1/registers/requests?${OCTOBER}&unitId=${pelaksana.id}`).set(auth(strangerToken))).status).toBe(404);
    const bad = await http().get('/api/v1/registers/requests?from=2026-02-30&to=kemarin&status=DROP%20TABLE&page=0&format=doc').set(auth(token));
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['format', 'from', 'page', 'status', 'to']);
    const reversed = await http().get('/api/v1/registers/requests?from=2026-10-31&to=2026-10-01').set(auth(token));
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors.to).toBe('Tanggal akhir tidak boleh sebelum tanggal awal.');
    expect((await http().get('/api/v1/registers/requests').set(auth(await bearerToken(t.app, bureau.email)))).status).toBe(400);
    // Hostile shapes are refused at the edge, never a 5xx.
    for (const query of ['status=closed&status=answered', 'q=%00x', 'bodyId=99999999999', 'page=-1', `q=${'x'.repeat(101)}`, 'from[a]=1']) {
      const res = await http().get(`/api/v1/registers/requests?${query}`).set(auth(token));
      expect([query, res.status]).toEqual([query, 400]);
    }
    const agent = await loginAgent(t.app, officer.email);
    for (const query of ['unit=abc', 'halaman=0', 'status=%3Cscript%3E']) {
      const res = await agent.agent.get(`/petugas/register?${query}`);
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.text).not.toContain('<script>');
    }
  });

  it('should write a CSV whose cells cannot run as formulas, and an XLSX that reads back', async () => {
    const csv = await download(`/api/v1/registers/requests?${OCTOBER}&format=csv`, token);
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    const text = csv.body.toString('utf8');
    const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe(
      'Nomor pendaftaran,Tanggal permohonan,Unit,Saluran,Nama pemohon,Alamat,Kontak,Pekerjaan,Informasi yang diminta,Tujuan penggunaan,Status informasi,Bentuk informasi,Jenis permohonan,Keputusan,Alasan penolakan,Tanggal pemberitahuan tertulis,Tanggal pemberian informasi,Biaya (Rp),Cara pembayaran,Waktu (hari kerja),Status permohonan',
    );
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"",""dokumen"")"`);
    expect(lines[1]).toContain('2026-10-09,2026-10-12,0,Tanpa biaya,4,Selesai');
    expect(lines[2]).toContain('Pasal 17 huruf h (mengungkap rahasia pribadi): Memuat riwayat kesehatan pegawai.');
    const trail = (await t.app.get(DataSource).query(
      `SELECT target_id AS "targetId", details FROM audit_log WHERE action = 'register.exported' AND actor_user_id = $1`,
      [officer.id],
    )) as { targetId: string; details: Record<string, unknown> }[];
    expect(trail.find((e) => e.details.format === 'csv')).toEqual({
      targetId: String(utama.bodyId),
      details: { unitId: null, from: '2026-10-01', to: '2026-10-31', status: null, searched: false, rows: 4, personalRows: 4, format: 'csv' },
    });

    const xlsx = await download(`/petugas/register.xlsx?dari=2026-10-01&sampai=2026-10-31`, token);
    expect(xlsx.status).toBe(303); // pages need a session, not a bearer token
    const agent = await loginAgent(t.app, bureau.email);
    const file = await agent.agent.get(`/petugas/register.xlsx?badan=${utama.bodyId}&dari=2026-10-01&sampai=2026-10-31`).buffer(true).parse(binary);
    expect(file.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as Parameters<typeof book.xlsx.load>[0]);
    const sheet = book.worksheets[0];
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(1).getCell(1).value).toBe('Nomor pendaftaran');
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe(numbers.a);
    expect(first.getCell(5).value).toBe('D*** A*** P***');
    expect(first.getCell(6).value).toBe('(disamarkan)');
    // Text stays text: a formula-like request is a string cell, not a formula.
    expect(first.getCell(9).value).toBe('=HYPERLINK("http://x","dokumen")');
    expect(first.getCell(20).value).toBe(4);
    expect(sheet.getRow(3).getCell(20).value).toBe(10);
  });

  it('should render the register as a landscape PDF with every request', async () => {
    const pdf = await download(`/api/v1/registers/requests?${OCTOBER}&format=pdf`, token);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    await keepPdf('register-permohonan.pdf', pdf.body);
    const text = await pdfText(pdf.body);
    expect(text).toContain('Register Permohonan Informasi Publik');
    expect(text).toContain('Periode penerimaan 1 Oktober 2026 – 31 Oktober 2026');
    // Narrow cells wrap long numbers and words: compare without the line breaks.
    const joined = text.replace(/\s+/g, '');
    for (const n of Object.values(numbers)) expect(joined).toContain(n);
    for (const cell of ['DyahAyuPitaloka', 'Jl.PemudaNo.17,Surabaya', 'Pasal17hurufh(mengungkaprahasiapribadi)', 'Tidakdikuasai', '09-10-2026', '12-10-2026', 'Tanpabiaya']) {
      expect(joined).toContain(cell);
    }
    expect(joined).toContain('Sedangdiproses;diteruskankePPIDPelaksanaDinasKesehatan');
  });

  it('should show the officers page with filters, rows and downloads, and re-render bad filters with messages', async () => {
    const agent = await loginAgent(t.app, officer.email);
    const page = await agent.agent.get('/petugas/register?dari=2026-10-01&sampai=2026-10-31&q=citra');
    expect(page.status).toBe(200);
    expect(page.text).toContain(numbers.c);
    expect(page.text).not.toContain(numbers.a);
    expect(page.text).toContain('Sedang diproses; diteruskan ke PPID Pelaksana Dinas Kesehatan');
    expect(page.text).toContain('/petugas/register.pdf?');
    const bad = await agent.agent.get('/petugas/register?dari=31-10-2026');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Tanggal awal harus berbentuk TTTT-BB-HH');
    expect(bad.text).toContain('ringkasan-galat');
  });

  it('should clamp a page past the end to the last one', async () => {
    const res = await http().get(`/api/v1/registers/requests?${OCTOBER}&page=9`).set(auth(token));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ page: 1, pageCount: 1, total: 4 });
    expect(res.body.items).toHaveLength(4);
  });

  it('should list a request in a status it does not know by its stored label', async () => {
    const r = await record(token, utama.id, 'walk_in', '2026-09-15T10:00:00+07:00', { information: 'Rencana kerja bulan September' });
    // A newer lifecycle state (another part of the portal), written as stored.
    await t.app.get(DataSource).query(`UPDATE requests SET status = 'archived' WHERE id = $1`, [r.id]);
    const agent = await loginAgent(t.app, officer.email);
    const page = await agent.agent.get('/petugas/register?dari=2026-09-01&sampai=2026-09-30&status=archived');
    expect(page.status).toBe(200);
    expect(page.text).toContain(r.number);
    expect(page.text).toContain('<td data-label="Status">archived</td>');
    expect(page.text).toContain('<option value="archived" selected>archived</option>');
  });
});
