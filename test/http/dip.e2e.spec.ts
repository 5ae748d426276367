import ExcelJS from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearerToken, createPelaksanaUnit, createUser, loginAgent, TestUser, utamaUnitOf } from 'test/support/auth-helpers';
import { binary } from 'test/support/binary';
import { pdfText } from 'test/support/pdf-text';
import { TINY_PDF } from 'test/support/request-factory';
import { keepPdf } from 'src/modules/documents';
import { DipReminders } from 'src/modules/reminders';
import { startTestApp, TestApp } from 'test/support/test-app';

/** A berkala item as the API takes it. */
function berkala(unitId: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    unitId,
    category: 'berkala',
    title: 'Laporan Realisasi Anggaran Semester I 2025',
    summary: 'Realisasi pendapatan dan belanja daerah sampai dengan 30 Juni 2025, per perangkat daerah.',
    responsibleOfficial: 'Kepala Bidang Akuntansi',
    madeWhen: 'Juli 2025',
    madeWhere: 'Badan Pengelolaan Keuangan Daerah, Surabaya',
    form: 'both',
    retention: '10 tahun',
    updatePeriodMonths: 6,
    lastUpdatedOn: '2025-07-15',
    links: ['https://jdih.example.org/lra-2025-s1'],
    ...extra,
  };
}

describe('Daftar Informasi Publik', () => {
  let t: TestApp;
  let utama: { id: number; bodyId: number };
  let pelaksana: { id: number; bodyId: number };
  let officer: TestUser;
  let pelaksanaOfficer: TestUser;
  let supervisor: TestUser;
  let stranger: TestUser;
  let token: string;
  const http = () => request(t.app.getHttpServer());
  const auth = (tok: string) => ({ Authorization: `Bearer ${tok}` });
  const db = () => t.app.get(DataSource);

  async function created(tok: string, body: Record<string, unknown>): Promise<number> {
    const res = await http().post('/api/v1/dip/items').set(auth(tok)).send(body);
    expect([res.status, res.body.errors]).toEqual([201, undefined]);
    return res.body.id as number;
  }

  beforeAll(async () => {
    t = await startTestApp();
    utama = await utamaUnitOf(t.app, '35.78');
    pelaksana = await createPelaksanaUnit(t.app, '35.78', { name: 'PPID Pelaksana Dinas Kesehatan Uji' });
    const malang = await utamaUnitOf(t.app, '35.73');
    officer = await createUser(t.app, { role: 'officer', unitId: utama.id });
    pelaksanaOfficer = await createUser(t.app, { role: 'officer', unitId: pelaksana.id });
    supervisor = await createUser(t.app, { role: 'supervisor', bodyId: utama.bodyId });
    stranger = await createUser(t.app, { role: 'officer', unitId: malang.id });
    token = await bearerToken(t.app, officer.email);
  }, 120_000);

  afterAll(async () => {
    await t.close();
  });

  it('should name every missing column with its Indonesian message', async () => {
    const res = await http().post('/api/v1/dip/items').set(auth(token)).send({});
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual({
      unitId: 'Unit PPID wajib diisi.',
      category: 'Kategori informasi wajib dipilih.',
      title: 'Judul informasi wajib diisi.',
      summary: 'Ringkasan isi informasi wajib diisi.',
      responsibleOfficial: 'Penanggung jawab wajib diisi.',
      madeWhen: 'Waktu pembuatan wajib diisi.',
      madeWhere: 'Tempat pembuatan wajib diisi.',
      form: 'Bentuk informasi wajib dipilih.',
      retention: 'Jangka waktu penyimpanan wajib diisi.',
    });
    await expect(db().query('SELECT count(*)::int AS n FROM dip_items')).resolves.toEqual([{ n: 0 }]);
  });

  it('should refuse an unknown category, a berkala item kept yearly, a link that is not http(s) and an exemption without its ground', async () => {
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [berkala(utama.id, { category: 'rahasia' }), { category: 'Kategori informasi tidak dikenal: pilih berkala, serta merta, tersedia setiap saat atau dikecualikan.' }],
      [berkala(utama.id, { updatePeriodMonths: 12 }), { updatePeriodMonths: 'Informasi berkala wajib diperbarui paling lambat setiap 6 bulan (Pasal 9 UU 14/2008): pilih 1, 3 atau 6 bulan.' }],
      [berkala(utama.id, { updatePeriodMonths: undefined, lastUpdatedOn: undefined }), {
        updatePeriodMonths: 'Jangka waktu pemutakhiran wajib diisi.',
        lastUpdatedOn: 'Tanggal pemutakhiran terakhir wajib diisi.',
      }],
      [berkala(utama.id, { links: ['javascript:alert(1)'] }), { links: 'Tautan "javascript:alert(1)" harus beralamat http:// atau https://.' }],
      [berkala(utama.id, { links: ['ftp://files.example.org/a.pdf'] }), { links: 'Tautan "ftp://files.example.org/a.pdf" harus beralamat http:// atau https://.' }],
      [berkala(utama.id, { lastUpdatedOn: '2999-01-01' }), { lastUpdatedOn: 'Tanggal pemutakhiran terakhir tidak boleh sesudah hari ini.' }],
      [berkala(utama.id, { category: 'dikecualikan', links: [] }), { exemptionGround: 'Alasan pengecualian (Pasal 17) wajib dipilih.' }],
      [berkala(utama.id, { category: 'dikecualikan', links: [], exemptionGround: 'a' }), { exemptionUntil: 'Tanggal akhir pengecualian wajib diisi.' }],
      [berkala(utama.id, { category: 'dikecualikan', exemptionGround: 'h' }), { links: 'Informasi yang dikecualikan tidak diberi tautan: hanya alasan pengecualiannya yang diumumkan.' }],
      [berkala(utama.id, { category: 'dikecualikan', links: [], exemptionGround: 'j' }), { exemptionLaw: 'Undang-undang yang menutup informasi wajib diisi.' }],
    ];
    for (const [body, errors] of cases) {
      const res = await http().post('/api/v1/dip/items').set(auth(token)).send(body);
      expect([res.status, res.body.errors]).toEqual([400, errors]);
    }
    await expect(db().query('SELECT count(*)::int AS n FROM dip_items')).resolves.toEqual([{ n: 0 }]);
  });

  it('should keep items of another body and other units out of reach: 404, 403, and nothing changes', async () => {
    const id = await created(token, berkala(pelaksana.id, { title: 'Profil Dinas Kesehatan' }));
    const before = await db().query('SELECT version, title FROM dip_items WHERE id = $1', [id]);
    const strangerToken = await bearerToken(t.app, stranger.email);
    expect((await http().put(`/api/v1/dip/items/${id}`).set(auth(strangerToken)).send(berkala(pelaksana.id, { title: 'Diubah' }))).status).toBe(404);
    expect((await http().post(`/api/v1/dip/items/${id}/withdrawal`).set(auth(strangerToken)).send({ reason: 'Tidak berlaku lagi.' })).status).toBe(404);
    const strangerAgent = await loginAgent(t.app, stranger.email);
    expect((await strangerAgent.agent.get(`/petugas/dip/${id}`)).status).toBe(404);
    expect((await strangerAgent.postForm(`/petugas/dip/${id}/tarik`, { reason: 'Tidak berlaku lagi.' })).status).toBe(404);
    // Another body's officer cannot file an item under this body's unit either.
    const foreign = await http().post('/api/v1/dip/items').set(auth(strangerToken)).send(berkala(utama.id));
    expect([foreign.status, foreign.body.errors]).toEqual([400, { unitId: 'Pilih unit PPID yang Anda kelola.' }]);
    // The atasan PPID reads, never edits; a PPID Pelaksana keeps its own unit only.
    expect((await http().put(`/api/v1/dip/items/${id}`).set(auth(await bearerToken(t.app, supervisor.email))).send(berkala(pelaksana.id))).status).toBe(403);
    const pelToken = await bearerToken(t.app, pelaksanaOfficer.email);
    const upward = await http().post('/api/v1/dip/items').set(auth(pelToken)).send(berkala(utama.id));
    expect([upward.status, upward.body.errors]).toEqual([400, { unitId: 'Pilih unit PPID yang Anda kelola.' }]);
    expect((await http().put(`/api/v1/dip/items/${id}`).set(auth(pelToken)).send(berkala(pelaksana.id, { title: 'Profil Dinas Kesehatan', retention: '5 tahun' }))).status).toBe(200);
    await expect(db().query('SELECT title FROM dip_items WHERE id = $1', [id])).resolves.toEqual([{ title: before[0].title }]);
    await expect(db().query("SELECT count(*)::int AS n FROM dip_item_history WHERE item_id = $1 AND action = 'updated'", [id])).resolves.toEqual([{ n: 1 }]);
  });

  it('should keep every change in the history and withdraw an item without deleting it', async () => {
    const id = await created(token, berkala(utama.id, { title: 'Rencana Strategis 2025–2029' }));
    const saved = await http().put(`/api/v1/dip/items/${id}`).set(auth(token)).send(berkala(utama.id, { title: 'Rencana Strategis 2025–2029 (revisi)', updatePeriodMonths: 3 }));
    expect(saved.status).toBe(200);
    const history = (await db().query('SELECT action, changes FROM dip_item_history WHERE item_id = $1 ORDER BY id', [id])) as { action: string; changes: Record<string, unknown> }[];
    expect(history.map((h) => h.action)).toEqual(['created', 'updated']);
    expect(history[1].changes).toEqual({
      title: { from: 'Rencana Strategis 2025–2029', to: 'Rencana Strategis 2025–2029 (revisi)' },
      updatePeriodMonths: { from: 6, to: 3 },
    });
    const agent = await loginAgent(t.app, officer.email);
    const page = await agent.agent.get(`/petugas/dip/${id}`);
    expect(page.text).toContain('Judul: Rencana Strategis 2025–2029 → Rencana Strategis 2025–2029 (revisi)');
    expect(page.text).toContain('Jangka waktu pemutakhiran: Setiap 6 bulan (semester) → Setiap 3 bulan (triwulan)');

    expect((await agent.postForm(`/petugas/dip/${id}/tarik`, { reason: '' })).text).toContain('Alasan penarikan wajib diisi.');
    const withdrawn = await agent.postForm(`/petugas/dip/${id}/tarik`, { reason: 'Diganti dengan dokumen revisi.' });
    expect(withdrawn.status).toBe(303);
    expect((await http().get(`/dip/3578/${id}`)).status).toBe(404);
    expect((await http().get(`/api/v1/dip/3578/${id}`)).status).toBe(404);
    expect((await http().put(`/api/v1/dip/items/${id}`).set(auth(token)).send(berkala(utama.id))).status).toBe(409);
    await expect(db().query('SELECT status, withdrawal_reason FROM dip_items WHERE id = $1', [id])).resolves.toEqual([{ status: 'withdrawn', withdrawal_reason: 'Diganti dengan dokumen revisi.' }]);
    const desk = await agent.agent.get('/petugas/dip?ditarik=ya');
    expect(desk.text).toContain('Rencana Strategis 2025–2029 (revisi)');
    expect((await agent.agent.get('/petugas/dip')).text).not.toContain('Rencana Strategis 2025–2029 (revisi)');
  });

  it('should take files checked by their bytes through the form, serve them, and refuse a file that is not what it says', async () => {
    const agent = await loginAgent(t.app, officer.email);
    const fields: Record<string, string> = {
      unitId: String(utama.id), category: 'setiap_saat', title: 'Standar Operasional Prosedur Layanan Informasi',
      summary: 'Tata cara permohonan, keberatan dan penyelesaian sengketa informasi di PPID.', responsibleOfficial: 'Sekretaris PPID',
      madeWhen: 'Januari 2025', madeWhere: 'Dinas Komunikasi dan Informatika, Surabaya', form: 'electronic', retention: 'Selama berlaku',
      links: 'https://ppid.example.org/sop\nhttps://ppid.example.org/sop-keberatan',
    };
    const post = (file: Buffer, name: string) => {
      let req = agent.agent.post(`/petugas/dip/baru?_csrf=${encodeURIComponent(agent.csrfToken)}`).field('_csrf', agent.csrfToken);
      for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
      return req.attach('files', file, name);
    };
    const fake = await post(Buffer.from('bukan pdf sama sekali'), 'sop.pdf');
    expect(fake.status).toBe(400);
    expect(fake.text).toContain('sop.pdf: hanya PDF, gambar (JPEG/PNG) atau berkas perkantoran.');
    expect(fake.text).toContain('Standar Operasional Prosedur Layanan Informasi');
    const ok = await post(TINY_PDF, 'sop.pdf');
    expect(ok.status).toBe(303);
    const id = Number(/\/petugas\/dip\/(\d+)/.exec(ok.headers.location as string)![1]);
    const item = await http().get(`/api/v1/dip/35.78/${id}`);
    expect(item.body).toMatchObject({ category: 'setiap_saat', links: ['https://ppid.example.org/sop', 'https://ppid.example.org/sop-keberatan'], files: [{ name: 'sop.pdf', mediaType: 'application/pdf' }] });
    const file = await http().get(new URL(item.body.files[0].url as string).pathname).buffer(true).parse(binary);
    expect(file.status).toBe(200);
    expect(Buffer.compare(file.body as Buffer, TINY_PDF)).toBe(0);
    const page = await http().get(`/dip/3578/${id}`);
    expect(page.text).toContain('sop.pdf');
    expect(page.text).toContain('https://ppid.example.org/sop-keberatan');
  });

  it('should publish an exempted item with its ground only: no summary, no files', async () => {
    const id = await created(token, {
      ...berkala(utama.id, { category: 'dikecualikan', title: 'Data rekam medis pasien RSUD', summary: 'Isi catatan medis setiap pasien yang dirawat.', links: [] }),
      updatePeriodMonths: undefined, lastUpdatedOn: undefined, exemptionGround: 'h',
    });
    const page = await http().get(`/dip/3578/${id}`);
    expect(page.text).toContain('Data rekam medis pasien RSUD');
    expect(page.text).toContain('Pasal 17 huruf h UU 14/2008 (mengungkap rahasia pribadi)');
    expect(page.text).not.toContain('Isi catatan medis');
    const api = await http().get(`/api/v1/dip/3578/${id}`);
    expect(api.body).toMatchObject({ summary: null, files: [], links: [], exemption: { ground: 'h', until: null } });
    const agent = await loginAgent(t.app, officer.email);
    let req = agent.agent.post(`/petugas/dip/${id}?_csrf=${encodeURIComponent(agent.csrfToken)}`).field('_csrf', agent.csrfToken);
    const fields = { unitId: String(utama.id), category: 'dikecualikan', title: 'Data rekam medis pasien RSUD', summary: 'Isi catatan medis setiap pasien yang dirawat.', responsibleOfficial: 'Direktur RSUD', madeWhen: 'Setiap hari', madeWhere: 'RSUD', form: 'both', retention: '25 tahun', exemptionGround: 'h' };
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    const refused = await req.attach('files', TINY_PDF, 'rekam-medis.pdf');
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('Informasi yang dikecualikan tidak dilampiri berkas');
    await expect(db().query('SELECT count(*)::int AS n FROM dip_item_files WHERE item_id = $1', [id])).resolves.toEqual([{ n: 0 }]);
  });

  it('should show stale berkala items on the desk with their due date, and filter the public list', async () => {
    const stale = await created(token, berkala(utama.id, { title: 'Laporan Keuangan Tahun 2023', lastUpdatedOn: '2024-01-10' }));
    const agent = await loginAgent(t.app, pelaksanaOfficer.email);
    // The PPID Pelaksana sees its own unit's items, not the PPID Utama's.
    expect((await agent.agent.get('/petugas/dip')).text).not.toContain('Laporan Keuangan Tahun 2023');
    const desk = await (await loginAgent(t.app, officer.email)).agent.get('/petugas/dip');
    expect(desk.text).toContain('Laporan Keuangan Tahun 2023');
    expect(desk.text).toMatch(/informasi berkala terlambat diperbarui/);
    expect(desk.text).toContain('Rabu, 10 Juli 2024'); // 10 January 2024 + 6 months, a working day
    // The queue page, where the officer starts the day, says so too; another body's officer's does not.
    const queue = await (await loginAgent(t.app, officer.email)).agent.get('/petugas');
    expect(queue.text).toMatch(/desk-notice-danger[^>]*>\d+ item DIP berkala melewati jadwal pembaruannya[^<]*<a href="\/petugas\/dip">Perbarui DIP<\/a>/);
    expect((await (await loginAgent(t.app, stranger.email)).agent.get('/petugas')).text).not.toContain('item DIP berkala');
    const list = await http().get('/api/v1/dip/3578?category=berkala');
    expect(list.status).toBe(200);
    const mine = (list.body.items as { id: number; stale: boolean; dueDate: string; category: string }[]).find((i) => i.id === stale);
    expect(mine).toMatchObject({ stale: true, dueDate: '2024-07-10' });
    expect((list.body.items as { category: string }[]).every((i) => i.category === 'berkala')).toBe(true);
    const bad = await http().get('/api/v1/dip/3578?category=rahasia');
    expect([bad.status, bad.body.errors]).toEqual([400, { category: 'category: berkala, serta_merta, setiap_saat atau dikecualikan.' }]);
    const badPage = await http().get('/dip/3578?kategori=rahasia');
    expect(badPage.status).toBe(400);
    expect(badPage.text).toContain('Kategori tidak dikenal');
    expect((await http().get('/dip/3573')).text).not.toContain('Laporan Keuangan Tahun 2023');
    expect((await http().get('/dip/9999')).status).toBe(404);
  });

  it('should mail the unit officers once when a berkala item falls due soon and once when it turns stale, on working days only', async () => {
    const id = await created(token, berkala(utama.id, { title: 'Daftar aset daerah semester II', lastUpdatedOn: '2025-06-25' }));
    const reminders = t.app.get(DipReminders);
    // What went: the reminders' log (one row per item, kind and due date) and the mails to the unit's officer.
    const log = async () =>
      (await db().query(`SELECT kind, to_char(due_date, 'YYYY-MM-DD') AS "dueDate", recipients FROM dip_reminder_log WHERE item_id = $1 ORDER BY sent_at, kind`, [id])) as {
        kind: string;
        dueDate: string;
        recipients: number;
      }[];
    const mailCount = async () => ((await db().query(`SELECT count(*)::int AS n FROM outbound_mails WHERE template = 'dip_berkala_due' AND recipient = $1`, [officer.email])) as { n: number }[])[0].n;
    const before = await mailCount();
    // 25 June + 6 months = Thursday 25 December 2025 (Christmas), 26 December cuti bersama, the weekend: due Monday 29 December.
    const first = await reminders.send(new Date('2025-12-10T02:00:00Z')); // 11 working days before: nothing yet
    expect(first.enqueued.filter((e) => e.data.title === 'Daftar aset daerah semester II')).toEqual([]);
    await expect(log()).resolves.toEqual([]);
    const soon = await reminders.send(new Date('2025-12-24T02:00:00Z'));
    expect(soon.enqueued.filter((e) => e.data.title === 'Daftar aset daerah semester II').map((e) => [e.to, e.data.stale, e.data.dueDate, e.data.workingDaysLeft])).toEqual([
      [officer.email, false, '2025-12-29', 1],
    ]);
    await reminders.send(new Date('2025-12-24T05:00:00Z')); // the same day again: no second mail
    await reminders.send(new Date('2025-12-26T02:00:00Z')); // cuti bersama: no run
    await reminders.send(new Date('2025-12-29T09:00:00Z')); // the due date itself: not stale
    await expect(log()).resolves.toEqual([{ kind: 'due_soon', dueDate: '2025-12-29', recipients: 1 }]);
    await reminders.send(new Date('2025-12-30T02:00:00Z'));
    await expect(log()).resolves.toEqual([
      { kind: 'due_soon', dueDate: '2025-12-29', recipients: 1 },
      { kind: 'stale', dueDate: '2025-12-29', recipients: 1 },
    ]);
    expect((await mailCount()) - before).toBeGreaterThanOrEqual(2);
    // Brought up to date: the next due date is six months on, and nothing is mailed now.
    await (await loginAgent(t.app, officer.email)).postForm(`/petugas/dip/${id}/diperbarui`);
    const [row] = (await db().query("SELECT to_char(last_updated_on, 'YYYY-MM-DD') AS d FROM dip_items WHERE id = $1", [id])) as { d: string }[];
    expect(row.d).toBe(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date()));
  });

  it('should list the DIP endpoints and the item DTO in the OpenAPI document', async () => {
    const res = await http().get('/api/docs/openapi.json');
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/v1/dip/{code}', '/api/v1/dip/{code}/{id}', '/api/v1/dip/items', '/api/v1/dip/items/{id}', '/api/v1/dip/items/{id}/withdrawal']));
    expect(res.body.components.schemas.DipItemDto.properties.category.enum).toEqual(['berkala', 'serta_merta', 'setiap_saat', 'dikecualikan']);
    expect(res.body.paths['/api/v1/dip/items'].post.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/DipItemDto');
  });

  it('should download the DIP as a PDF in the DIP table layout and as XLSX, read back', async () => {
    const pdf = await http().get('/dip/3578/daftar.pdf').buffer(true).parse(binary);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    await keepPdf('daftar-informasi-publik-3578', pdf.body as Buffer);
    const text = (await pdfText(pdf.body as Buffer)).replace(/\s+/g, ' ');
    for (const heading of ['Daftar Informasi Publik', 'Pemerintah Kota Surabaya', 'Ringkasan isi informasi', 'Pejabat/unit penguasa informasi', 'Penanggung jawab pembuatan informasi', 'Waktu dan tempat pembuatan informasi', 'Bentuk informasi', 'Jangka waktu penyimpanan']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('Laporan Keuangan Tahun 2023');
    expect(text).toContain('Dikecualikan berdasarkan Pasal 17 huruf h');
    expect(text).not.toContain('Isi catatan medis');

    const xlsx = await http().get('/dip/3578/daftar.xlsx?kategori=berkala').buffer(true).parse(binary);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as Parameters<typeof book.xlsx.load>[0]);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).getCell(2).value).toBe('Ringkasan isi informasi');
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r[3] === 'Informasi berkala')).toBe(true);
    expect(rows.some((r) => String(r[2]).startsWith('Laporan Keuangan Tahun 2023'))).toBe(true);
  });
});
