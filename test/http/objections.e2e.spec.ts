import fc from 'fast-check';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { formatLocalDate } from 'src/common/views/view-helpers';
import { localDateTimeOf } from 'src/common/time/local-time';
import { CalendarService } from 'src/modules/calendar';
import { flat } from 'src/modules/documents';
import { DueDateRecomputeWorker } from 'src/modules/requests/workflow/due-date-recompute';
import { bearerToken, createUser, loginAgent, TestUser, utamaUnitOf } from 'test/support/auth-helpers';
import { binary } from 'test/support/binary';
import { hostileSegment, mutatedJson } from 'test/support/hostile-input';
import { csrfTokenOf } from 'test/support/page-form';
import { pdfText } from 'test/support/pdf-text';
import { requestPayload, TINY_PDF } from 'test/support/request-factory';
import { startTestApp, TestApp } from 'test/support/test-app';

const refusal = {
  decision: 'refused',
  informationHeld: true,
  reason: 'Dokumen memuat riwayat kesehatan pegawai.',
  exemptionGround: 'h',
  consequenceTest: { date: '2026-11-20', participants: ['Sekretaris Daerah', 'PPID Utama'], consequence: 'Mengungkap rahasia pribadi.', information: 'Data pribadi pegawai dalam dokumen yang diminta.', publicInterest: 'Membukanya tidak menambah manfaat bagi publik yang sebanding.', legalBasis: 'Pasal 17 huruf h UU 14/2008' },
};

const objection = { grounds: ['a'], reasons: 'Informasi anggaran bukan rahasia pribadi dan wajib dibuka untuk publik.' };

interface Filed {
  id: string;
  number: string;
  code: string;
}

describe('objections and disputes', () => {
  let t: TestApp;
  let surabaya: { id: number; bodyId: number };
  let officer: TestUser;
  let atasan: TestUser;
  let otherAtasan: TestUser;
  let officerToken: string;
  let atasanToken: string;
  let otherAtasanToken: string;
  const http = () => request(t.app.getHttpServer());
  const auth = (tok: string) => ({ Authorization: `Bearer ${tok}` });
  const db = () => t.app.get(DataSource);

  async function fileRequest(): Promise<Filed> {
    const res = await http().post('/api/v1/requests').send(requestPayload(surabaya.id));
    expect(res.status).toBe(201);
    const [row] = (await db().query('SELECT id FROM requests WHERE registration_number = $1', [res.body.registrationNumber])) as { id: string }[];
    return { id: String(row.id), number: res.body.registrationNumber, code: res.body.trackingCode };
  }

  async function refusedRequest(): Promise<Filed> {
    const r = await fileRequest();
    const res = await http().post(`/api/v1/requests/${r.id}/notice`).set(auth(officerToken)).send(refusal);
    expect(res.status).toBe(201);
    return r;
  }

  function object(r: Filed, body: Record<string, unknown> = objection, code = r.code) {
    return http().post(`/api/v1/requests/${r.number}/objections`).set('X-Tracking-Code', code).send(body);
  }

  async function objectionId(number: string): Promise<string> {
    const [row] = (await db().query('SELECT id FROM objections WHERE number = $1', [number])) as { id: string }[];
    return String(row.id);
  }

  async function trackingDocument(r: Filed, title: RegExp): Promise<string> {
    const track = await http().get(`/api/v1/requests/${r.number}`).set('X-Tracking-Code', r.code);
    expect(track.status).toBe(200);
    const doc = (track.body.documents as { id: string; title: string }[]).find((d) => title.test(d.title));
    expect(doc).toBeDefined();
    const pdf = await http().get(`/api/v1/requests/${r.number}/documents/${doc!.id}`).set('X-Tracking-Code', r.code).buffer(true).parse(binary);
    expect(pdf.status).toBe(200);
    return flat(await pdfText(pdf.body as Buffer));
  }

  function today(): string {
    return localDateTimeOf(new Date(), 'Asia/Jakarta').date;
  }

  beforeAll(async () => {
    t = await startTestApp({ INTAKE_LIMIT_PER_IP_HOUR: '10000' });
    surabaya = await utamaUnitOf(t.app, '35.78');
    const malang = await utamaUnitOf(t.app, '35.73');
    officer = await createUser(t.app, { role: 'officer', unitId: surabaya.id, name: 'Rina Petugas' });
    atasan = await createUser(t.app, { role: 'supervisor', bodyId: surabaya.bodyId, name: 'Bambang Sekda' });
    otherAtasan = await createUser(t.app, { role: 'supervisor', bodyId: malang.bodyId });
    officerToken = await bearerToken(t.app, officer.email);
    atasanToken = await bearerToken(t.app, atasan.email);
    otherAtasanToken = await bearerToken(t.app, otherAtasan.email);
  });

  afterAll(async () => {
    await t.close();
  });

  it('should refuse with 422 in words a ground that has not arisen, and 404 a wrong tracking code', async () => {
    const r = await fileRequest();
    const early = await object(r);
    expect(early.status).toBe(422);
    expect(early.body.message).toMatch(/huruf a hanya dapat diajukan setelah permohonan ditolak/);
    const c = await object(r, { grounds: ['c'], reasons: objection.reasons });
    expect(c.status).toBe(422);
    expect(c.body.message).toMatch(/setelah batas waktu jawaban .* lewat tanpa tanggapan/);
    expect((await object(r, objection, 'AAAA-BBBB-CCCC')).status).toBe(404);
    const bad = await object(r, { grounds: ['z'], reasons: 'pendek' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toMatchObject({ grounds: expect.stringMatching(/huruf a sampai g/), reasons: expect.stringMatching(/paling sedikit 10/) });
    await expect(db().query('SELECT count(*)::int AS n FROM objections WHERE request_id = $1', [r.id])).resolves.toEqual([{ n: 0 }]);
  });

  it('should file an objection after a refusal with a gapless number, a receipt PDF, a mail and the atasan due date 30 working days on', async () => {
    const r = await refusedRequest();
    const res = await object(r, { grounds: ['a', 'd'], reasons: objection.reasons });
    expect(res.status).toBe(201);
    expect(res.body.objectionNumber).toMatch(/^3578-KEB-\d{4}-\d{5}$/);
    const [row] = (await db().query('SELECT received_at, due_date::text AS due FROM objections WHERE number = $1', [res.body.objectionNumber])) as { received_at: Date; due: string }[];
    const expected = await t.app.get(CalendarService).dueDate(row.received_at, 30, surabaya.id);
    expect(res.body.dueDate).toBe(expected.dueDate);

    const again = await object(r);
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/masih menunggu tanggapan Atasan PPID/);

    const second = await object(await refusedRequest());
    expect(second.status).toBe(201);
    const seq = (n: string) => Number(n.split('-').at(-1));
    expect(seq(second.body.objectionNumber)).toBe(seq(res.body.objectionNumber) + 1);

    const text = await trackingDocument(r, /Tanda bukti penerimaan keberatan/);
    expect(text).toContain(res.body.objectionNumber);
    expect(text).toContain(r.number);
    expect(text).toContain(formatLocalDate(res.body.dueDate));
    expect(text).toMatch(/Pasal 36 ayat \(2\)/);
    // The refusal letter, then the objection's receipt, each with its PDF attached.
    const mails = (await db().query("SELECT attachments FROM outbound_mails WHERE request_id = $1 AND template = 'request_letter' ORDER BY created_at", [r.id])) as {
      attachments: { kind: string }[];
    }[];
    expect(mails).toHaveLength(2);
    expect(mails[1].attachments).toEqual([expect.objectContaining({ kind: 'request_document' })]);

    const list = await http().get(`/api/v1/requests/${r.number}/objections`).set('X-Tracking-Code', r.code);
    expect(list.status).toBe(200);
    expect(list.body.pending).toBe(true);
    expect(list.body.objections[0]).toMatchObject({ objectionNumber: res.body.objectionNumber, status: 'pending', grounds: [{ ground: 'a' }, { ground: 'd' }] });
  });

  it('should list the objection endpoints in the OpenAPI document', async () => {
    const res = await http().get('/api/docs/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/requests/{number}/objections', '/api/v1/objections', '/api/v1/objections/{id}/decision', '/api/v1/disputes/{id}/stage']),
    );
  });

  it('should refuse with 422 an objection filed after its 30 working days', async () => {
    const r = await refusedRequest();
    await db().query("UPDATE requests SET answered_at = now() - interval '70 days' WHERE id = $1", [r.id]);
    const late = await object(r);
    expect(late.status).toBe(422);
    expect(late.body.message).toMatch(/Batas waktu keberatan dengan alasan huruf a telah lewat: 30 hari kerja sejak .* berakhir/);
  });

  it('should accept ground c once the due date passed unanswered', async () => {
    const r = await fileRequest();
    await db().query("UPDATE requests SET due_date = (now() - interval '5 days')::date WHERE id = $1", [r.id]);
    // Blank kuasa fields, as an untouched form sends them, mean no kuasa.
    const res = await object(r, { grounds: ['c', 'g'], reasons: 'Permohonan tidak ditanggapi sampai batas waktu berakhir.', proxyName: '', proxyAddress: '' });
    expect(res.status).toBe(201);
    await expect(db().query('SELECT proxy_name FROM objections WHERE request_id = $1', [r.id])).resolves.toEqual([{ proxy_name: null }]);
  });

  it('should let only the atasan of the body decide, require reasons to uphold, and send the tanggapan with the KI date', async () => {
    const r = await refusedRequest();
    const filed = await object(r);
    const id = await objectionId(filed.body.objectionNumber);

    const queue = await http().get('/api/v1/objections').set(auth(atasanToken));
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(id);
    const officerView = await http().get(`/api/v1/objections/${id}`).set(auth(officerToken));
    expect(officerView.status).toBe(200);

    expect((await http().post(`/api/v1/objections/${id}/decision`).set(auth(officerToken)).send({ decision: 'uphold', reasons: 'Alasan yang cukup panjang.' })).status).toBe(403);
    expect((await http().post(`/api/v1/objections/${id}/decision`).set(auth(otherAtasanToken)).send({ decision: 'uphold', reasons: 'Alasan yang cukup panjang.' })).status).toBe(404);
    const noReasons = await http().post(`/api/v1/objections/${id}/decision`).set(auth(atasanToken)).send({ decision: 'uphold' });
    expect(noReasons.status).toBe(400);
    expect(noReasons.body.errors.reasons).toBe('Alasan tertulis wajib diisi.');

    const reasons = 'Uji konsekuensi menunjukkan dokumen memuat data kesehatan pegawai yang dilindungi Pasal 17 huruf h.';
    const ok = await http().post(`/api/v1/objections/${id}/decision`).set(auth(atasanToken)).send({ decision: 'uphold', reasons, position: 'Sekretaris Daerah' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ status: 'upheld', decision: { reasons, responseDate: today(), deciderPosition: 'Sekretaris Daerah' }, disputeWindow: { basis: 'answer', open: true } });
    const calendar = await t.app.get(CalendarService).calendarFor(surabaya.bodyId);
    expect(calendar.countWorkingDays(today(), ok.body.disputeWindow.lastDay)).toBe(14);

    expect((await http().post(`/api/v1/objections/${id}/decision`).set(auth(atasanToken)).send({ decision: 'uphold', reasons })).status).toBe(409);
    const repeat = await object(r);
    expect(repeat.status).toBe(422);
    expect(repeat.body.message).toMatch(/sudah diajukan; .* sengketa ke Komisi Informasi/);

    const text = await trackingDocument(r, /Tanggapan Atasan PPID/);
    expect(text).toContain(filed.body.objectionNumber);
    expect(text).toContain('Menguatkan keputusan PPID');
    expect(text).toContain('Komisi Informasi');
    expect(text).toContain(formatLocalDate(ok.body.disputeWindow.lastDay));
    expect(text).toContain('Bambang Sekda');
    const [audit] = (await db().query("SELECT actor_user_id AS actor, details FROM audit_log WHERE action = 'objection.decided' AND target_id = $1", [id])) as {
      actor: number;
      details: Record<string, unknown>;
    }[];
    expect(audit).toMatchObject({ actor: atasan.id, details: { decision: 'uphold', reopened: false } });
  });

  it('should reopen the request on an overturn with 10 working days and show the instruction on the officer page', async () => {
    const r = await refusedRequest();
    const filed = await object(r);
    const id = await objectionId(filed.body.objectionNumber);
    // Received long ago: its first period has ended, so a recompute from receipt would move the new due date back.
    await db().query("UPDATE requests SET received_at = received_at - interval '40 days' WHERE id = $1", [r.id]);
    const instruction = 'Berikan dokumen anggaran dengan menghitamkan data kesehatan pegawai.';
    const res = await http().post(`/api/v1/objections/${id}/decision`).set(auth(atasanToken)).send({ decision: 'overturn_partially', instruction });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('partially_overturned');

    const track = await http().get(`/api/v1/requests/${r.number}`).set('X-Tracking-Code', r.code);
    expect(track.body.receipt.status).toBe('in_process');
    const calendar = await t.app.get(CalendarService).calendarFor(surabaya.bodyId);
    const [row] = (await db().query('SELECT due_date::text AS due, effective_receipt_date::text AS day0 FROM requests WHERE id = $1', [r.id])) as { due: string; day0: string }[];
    // Day 0 is today, or the next working day when the overturn came after office hours.
    expect(calendar.countWorkingDays(today(), row.day0)).toBeLessThanOrEqual(1);
    expect(calendar.countWorkingDays(row.day0, row.due)).toBeLessThanOrEqual(10);
    expect(calendar.countWorkingDays(row.day0, row.due)).toBeGreaterThanOrEqual(9);
    expect(track.body.timeline.map((e: { label: string }) => e.label)).toEqual(
      expect.arrayContaining(['Keberatan diajukan kepada Atasan PPID', 'Keberatan dijawab oleh Atasan PPID', 'Permohonan dibuka kembali untuk dijawab ulang']),
    );

    // A holiday list change recomputes open requests: a reopened one keeps counting from its reopening.
    await t.app.get(DueDateRecomputeWorker).recompute(null, new Date());
    await expect(db().query('SELECT due_date::text AS due FROM requests WHERE id = $1', [r.id])).resolves.toEqual([{ due: row.due }]);

    const officerPage = await loginAgent(t.app, officer.email);
    const page = await officerPage.agent.get(`/petugas/permohonan/${r.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Permohonan dibuka kembali');
    expect(page.text).toContain(instruction);
    expect(page.text).toContain(formatLocalDate(row.due));

    const again = await http()
      .post(`/api/v1/requests/${r.id}/notice`)
      .set(auth(officerToken))
      .send({ decision: 'partially_granted', informationHeld: true, material: 'Dokumen APBD 2025.', redactions: 'Data kesehatan pegawai.', format: 'softcopy', delivery: 'email', exemptionGround: refusal.exemptionGround, consequenceTest: refusal.consequenceTest });
    expect(again.status).toBe(201);
    const text = await trackingDocument(r, /Tanggapan Atasan PPID/);
    expect(text).toContain(instruction);
  });

  it('should record a dispute from the requester, move its stages forward, and reopen the request when the KI opens the information', async () => {
    const r = await refusedRequest();
    const filed = await object(r);
    const id = await objectionId(filed.body.objectionNumber);
    const disputePath = `/api/v1/requests/${r.number}/objections/${filed.body.objectionNumber}/dispute`;
    const tooSoon = await http().post(disputePath).set('X-Tracking-Code', r.code).send({ filedOn: today(), caseNumber: '012/KIP-JATIM/XII/2026' });
    expect(tooSoon.status).toBe(409);

    await http().post(`/api/v1/objections/${id}/decision`).set(auth(atasanToken)).send({ decision: 'uphold', reasons: 'Informasi dikecualikan berdasarkan uji konsekuensi.' });
    const future = await http().post(disputePath).set('X-Tracking-Code', r.code).send({ filedOn: '2099-01-02', caseNumber: '012/KIP-JATIM/XII/2026' });
    expect(future.status).toBe(400);
    const rec = await http().post(disputePath).set('X-Tracking-Code', r.code).send({ filedOn: today(), caseNumber: '012/KIP-JATIM/XII/2026' });
    expect(rec.status).toBe(201);
    const calendar = await t.app.get(CalendarService).calendarFor(surabaya.bodyId);
    expect(rec.body.dispute).toMatchObject({ caseNumber: '012/KIP-JATIM/XII/2026', stage: 'registered', filedLate: false });
    expect(calendar.countWorkingDays(today(), rec.body.dispute.kiStartBy)).toBe(14);
    expect(calendar.countWorkingDays(today(), rec.body.dispute.kiSettleBy)).toBe(100);
    expect((await http().post(disputePath).set('X-Tracking-Code', r.code).send({ filedOn: today(), caseNumber: 'X-1' })).status).toBe(409);

    const disputeId = rec.body.dispute.id as string;
    const stage = (body: Record<string, unknown>) => http().post(`/api/v1/disputes/${disputeId}/stage`).set(auth(officerToken)).send(body);
    expect((await stage({ stage: 'ajudikasi', on: today() })).status).toBe(201);
    expect((await stage({ stage: 'mediasi', on: today() })).status).toBe(409);
    const decided = await stage({ stage: 'putusan', on: today(), outcome: 'opened' });
    expect(decided.status).toBe(201);
    expect(decided.body.dispute).toMatchObject({ stage: 'putusan', outcome: 'opened' });
    expect((await stage({ stage: 'putusan', on: today(), outcome: 'rejected' })).status).toBe(409);

    const track = await http().get(`/api/v1/requests/${r.number}`).set('X-Tracking-Code', r.code);
    expect(track.body.receipt.status).toBe('in_process');
    const [reopened] = (await db().query("SELECT data FROM request_events WHERE request_id = $1 AND type = 'reopened'", [r.id])) as { data: Record<string, unknown> }[];
    expect(reopened.data).toMatchObject({ source: 'dispute', sourceNumber: '012/KIP-JATIM/XII/2026' });
    const audits = (await db().query("SELECT action FROM audit_log WHERE target_type = 'dispute' AND target_id = $1", [disputeId])) as { action: string }[];
    expect(audits.map((a) => a.action)).toEqual(['dispute.updated', 'dispute.updated']);
  });

  it('should offer the objection on the tracking page and re-render the form with its messages', async () => {
    const r = await refusedRequest();
    const agent = request.agent(t.app.getHttpServer());
    const form = await agent.get('/lacak');
    const page = await agent.post('/lacak').type('form').send({ _csrf: csrfTokenOf(form.text), nomor: r.number, kode: r.code });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Keberatan dan sengketa informasi');
    expect(page.text).toContain('Ajukan keberatan');
    const start = await agent.post('/lacak/keberatan/baru').type('form').send({ _csrf: csrfTokenOf(page.text), nomor: r.number, kode: r.code });
    expect(start.status).toBe(200);
    expect(start.text).toContain('dapat diajukan');
    const bad = await agent.post('/lacak/keberatan').type('form').send({ _csrf: csrfTokenOf(start.text), nomor: r.number, kode: r.code, reasons: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Pilih paling sedikit satu alasan keberatan');
    expect(bad.text).toContain('Kasus posisi paling sedikit 10 karakter.');
    const proxy = await agent
      .post(`/lacak/keberatan?_csrf=${encodeURIComponent(csrfTokenOf(bad.text))}`)
      .field('nomor', r.number)
      .field('kode', r.code)
      .field('ground_a', 'ya')
      .field('reasons', objection.reasons)
      .field('proxyName', 'Lembaga Bantuan Hukum Surabaya')
      .field('proxyAddress', 'Jl. Kidal No. 6, Surabaya')
      .attach('proxyDocument', Buffer.from('bukan berkas yang sah'), 'kuasa.pdf');
    expect(proxy.status).toBe(400);
    expect(proxy.text).toContain('Surat kuasa harus berupa berkas JPEG, PNG atau PDF.');
    const ok = await agent
      .post(`/lacak/keberatan?_csrf=${encodeURIComponent(csrfTokenOf(proxy.text))}`)
      .field('nomor', r.number)
      .field('kode', r.code)
      .field('ground_a', 'ya')
      .field('reasons', objection.reasons)
      .field('proxyName', 'Lembaga Bantuan Hukum Surabaya')
      .field('proxyAddress', 'Jl. Kidal No. 6, Surabaya')
      .attach('proxyDocument', TINY_PDF, 'kuasa.pdf');
    expect(ok.status).toBe(201);
    expect(ok.text).toMatch(/Nomor keberatan Anda: <strong>3578-KEB-\d{4}-\d{5}<\/strong>/);
    const [row] = (await db().query('SELECT proxy_name, proxy_address, proxy_document_id FROM objections WHERE request_id = $1', [r.id])) as {
      proxy_name: string;
      proxy_address: Buffer;
      proxy_document_id: string;
    }[];
    expect(row.proxy_name).toBe('Lembaga Bantuan Hukum Surabaya');
    expect(row.proxy_address.toString('latin1')).not.toContain('Kidal');
    expect(row.proxy_document_id).toEqual(expect.any(String));
  });

  it("should let the atasan decide on the officers' objection page, re-rendering the form when reasons are missing", async () => {
    const r = await refusedRequest();
    const filed = await object(r);
    const id = await objectionId(filed.body.objectionNumber);
    const officerPages = await loginAgent(t.app, officer.email);
    const officerPage = await officerPages.agent.get(`/petugas/keberatan/${id}`);
    expect(officerPage.status).toBe(200);
    expect(officerPage.text).toContain(filed.body.objectionNumber);
    expect(officerPage.text).not.toContain('Simpan tanggapan dan kirim surat');

    const pages = await loginAgent(t.app, atasan.email);
    const queue = await pages.agent.get('/petugas/keberatan');
    expect(queue.status).toBe(200);
    expect(queue.text).toContain(`/petugas/keberatan/${id}`);
    const missing = await pages.postForm(`/petugas/keberatan/${id}/putus`, { decision: 'uphold' });
    expect(missing.status).toBe(400);
    expect(missing.text).toContain('Alasan tertulis wajib diisi.');
    expect(missing.text).toContain('id="f-putus-reasons"');
    const ok = await pages.postForm(`/petugas/keberatan/${id}/putus`, { decision: 'uphold', reasons: 'Informasi dikecualikan berdasarkan uji konsekuensi.' });
    expect(ok.status).toBe(303);
    const after = await pages.agent.get(ok.headers.location as string);
    expect(after.text).toContain('Tanggapan Atasan PPID tersimpan');
    expect(after.text).toContain('Keputusan PPID dikuatkan');
  });

  it('should let the requester record the dispute and its stages from the tracking pages', async () => {
    const r = await refusedRequest();
    const filed = await object(r);
    const id = await objectionId(filed.body.objectionNumber);
    await http().post(`/api/v1/objections/${id}/decision`).set(auth(atasanToken)).send({ decision: 'uphold', reasons: 'Informasi dikecualikan berdasarkan uji konsekuensi.' });
    const agent = request.agent(t.app.getHttpServer());
    const form = await agent.get('/lacak');
    const tracking = await agent.post('/lacak').type('form').send({ _csrf: csrfTokenOf(form.text), nomor: r.number, kode: r.code });
    expect(tracking.text).toContain('Catat sengketa yang diajukan ke Komisi Informasi');
    const start = await agent.post('/lacak/sengketa/baru').type('form').send({ _csrf: csrfTokenOf(tracking.text), nomor: r.number, kode: r.code, objectionNumber: filed.body.objectionNumber });
    expect(start.status).toBe(200);
    const fields = { nomor: r.number, kode: r.code, objectionNumber: filed.body.objectionNumber, filedOn: today(), caseNumber: '031/KIP-JATIM/XII/2026' };
    const bad = await agent.post('/lacak/sengketa').type('form').send({ _csrf: csrfTokenOf(start.text), ...fields, caseNumber: '' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Nomor register sengketa di Komisi Informasi wajib diisi.');
    const done = await agent.post('/lacak/sengketa').type('form').send({ _csrf: csrfTokenOf(bad.text), ...fields });
    expect(done.status).toBe(201);
    expect(done.text).toContain('Komisi Informasi memulai paling lambat');

    const again = await agent.post('/lacak').type('form').send({ _csrf: csrfTokenOf(done.text), nomor: r.number, kode: r.code });
    expect(again.text).toContain('031/KIP-JATIM/XII/2026');
    const disputeId = /name="disputeId" value="(\d+)"/.exec(again.text)![1];
    const stageForm = await agent.post('/lacak/sengketa/tahap/baru').type('form').send({ _csrf: csrfTokenOf(again.text), nomor: r.number, kode: r.code, disputeId });
    expect(stageForm.status).toBe(200);
    const stage = await agent.post('/lacak/sengketa/tahap').type('form').send({ _csrf: csrfTokenOf(stageForm.text), nomor: r.number, kode: r.code, disputeId, stage: 'mediasi', on: today(), outcome: 'mediated' });
    expect(stage.status).toBe(201);
    const [row] = (await db().query('SELECT stage, outcome FROM disputes WHERE id = $1', [disputeId])) as { stage: string; outcome: string }[];
    expect(row).toEqual({ stage: 'mediasi', outcome: 'mediated' });
  });

  it('should answer hostile bodies and path segments on the objection endpoints without a 5xx', async () => {
    const r = await refusedRequest();
    const bodies = fc.sample(mutatedJson({ grounds: ['a'], reasons: objection.reasons, proxyName: 'LBH', proxyAddress: 'Jl. Kidal 6' }), { numRuns: 60, seed: 35 });
    for (const body of bodies) {
      const res = await http().post(`/api/v1/requests/${r.number}/objections`).set('X-Tracking-Code', r.code).type('json').send(JSON.stringify(body));
      expect([201, 400, 404, 409, 413, 415, 422]).toContain(res.status);
      if (res.status === 201) break;
    }
    const decisions = fc.sample(mutatedJson({ decision: 'uphold', reasons: 'Alasan yang cukup panjang.' }), { numRuns: 40, seed: 36 });
    const [pending] = (await db().query("SELECT id FROM objections WHERE status = 'pending' LIMIT 1")) as { id: string }[];
    for (const body of decisions) {
      const res = await http().post(`/api/v1/objections/${pending.id}/decision`).set(auth(atasanToken)).type('json').send(JSON.stringify(body));
      expect(res.status).toBeLessThan(500);
    }
    for (const segment of fc.sample(hostileSegment, { numRuns: 30, seed: 37 })) {
      const paths = [`/api/v1/objections/${segment}`, `/api/v1/requests/${segment}/objections`, `/api/v1/requests/${r.number}/objections/${segment}/dispute`];
      for (const path of paths) {
        const res = path.endsWith('/dispute')
          ? await http().post(path).set('X-Tracking-Code', r.code).send({ filedOn: today(), caseNumber: 'X-1' })
          : await http().get(path).set(auth(atasanToken)).set('X-Tracking-Code', r.code);
        expect(res.status).toBeLessThan(500);
      }
    }
  });
});
