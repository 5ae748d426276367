import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearerToken, createPelaksanaUnit, createUser, loginAgent, TestUser, utamaUnitOf } from 'test/support/auth-helpers';
import { binary } from 'test/support/binary';
import { csrfTokenOf } from 'test/support/page-form';
import { pdfText } from 'test/support/pdf-text';
import { requestPayload, TINY_PDF } from 'test/support/request-factory';
import { startTestApp, TestApp } from 'test/support/test-app';

const refusal = {
  decision: 'refused',
  informationHeld: true,
  reason: 'Dokumen memuat riwayat kesehatan pegawai.',
  exemptionGround: 'h',
  consequenceTest: {
    date: '2025-11-20',
    information: 'Riwayat kesehatan pegawai dalam lampiran laporan.',
    participants: ['Sekretaris Daerah', 'PPID Utama'],
    consequence: 'Mengungkap rahasia pribadi.',
    publicInterest: 'Riwayat kesehatan seseorang tidak menambah manfaat bagi publik.',
    legalBasis: 'Pasal 17 huruf h UU 14/2008',
  },
};
/** What a partial grant adds for the part it withholds. */
const withheldPart = { exemptionGround: refusal.exemptionGround, consequenceTest: refusal.consequenceTest };

describe('officer workflow', () => {
  let t: TestApp;
  let surabaya: { id: number; bodyId: number };
  let pelaksana: { id: number; bodyId: number };
  let officer: TestUser;
  let colleague: TestUser;
  let pelaksanaOfficer: TestUser;
  let stranger: TestUser;
  let supervisor: TestUser;
  let token: string;
  const http = () => request(t.app.getHttpServer());
  const auth = (tok: string) => ({ Authorization: `Bearer ${tok}` });

  async function fileRequest(overrides: Record<string, unknown> = {}): Promise<{ id: string; number: string; code: string; dueDate: string }> {
    const res = await http().post('/api/v1/requests').send(requestPayload(surabaya.id, overrides));
    expect(res.status).toBe(201);
    const [row] = (await t.app.get(DataSource).query('SELECT id FROM requests WHERE registration_number = $1', [res.body.registrationNumber])) as {
      id: string;
    }[];
    return { id: String(row.id), number: res.body.registrationNumber, code: res.body.trackingCode, dueDate: res.body.dueDate };
  }

  async function download(path: string, tok: string): Promise<Buffer> {
    const res = await http()
      .get(path)
      .set(auth(tok))
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    return res.body as Buffer;
  }

  beforeAll(async () => {
    t = await startTestApp({ INTAKE_LIMIT_PER_IP_HOUR: '10000' });
    surabaya = await utamaUnitOf(t.app, '35.78');
    pelaksana = await createPelaksanaUnit(t.app, '35.78', { name: 'PPID Pelaksana Dinas Pendidikan' });
    const malang = await utamaUnitOf(t.app, '35.73');
    officer = await createUser(t.app, { role: 'officer', unitId: surabaya.id, name: 'Rina Petugas' });
    colleague = await createUser(t.app, { role: 'officer', unitId: surabaya.id, name: 'Agus Petugas' });
    pelaksanaOfficer = await createUser(t.app, { role: 'officer', unitId: pelaksana.id });
    stranger = await createUser(t.app, { role: 'officer', unitId: malang.id });
    supervisor = await createUser(t.app, { role: 'supervisor', bodyId: surabaya.bodyId });
    token = await bearerToken(t.app, officer.email);
  });

  afterAll(async () => {
    await t.close();
  });

  it('should list open requests by due date with their derived state', async () => {
    const a = await fileRequest();
    const res = await http().get('/api/v1/queue').set(auth(token));
    expect(res.status).toBe(200);
    const item = res.body.items.find((i: { id: string }) => i.id === a.id);
    expect(item).toMatchObject({ registrationNumber: a.number, dueDate: a.dueDate, status: 'received' });
    expect(['aman', 'segera', 'terlambat']).toContain(item.state);
    const dues = res.body.items.map((i: { dueDate: string }) => i.dueDate);
    expect([...dues].sort()).toEqual(dues);
    expect(res.body.counts.total).toBeGreaterThanOrEqual(1);
  });

  it('should extend once, move the due date, write the event and a letter, and refuse a second extension with 409', async () => {
    const r = await fileRequest();
    const res = await http().post(`/api/v1/requests/${r.id}/extension`).set(auth(token)).send({ workingDays: 7, reason: 'Dokumen tersebar di beberapa OPD.' });
    expect(res.status).toBe(201);
    expect(res.body.dueDate > r.dueDate).toBe(true);
    const [event] = (await t.app
      .get(DataSource)
      .query(`SELECT to_char(old_due_date, 'YYYY-MM-DD') AS old, to_char(new_due_date, 'YYYY-MM-DD') AS new, actor_name FROM request_events WHERE request_id = $1 AND type = 'extended'`, [r.id])) as {
      old: string;
      new: string;
      actor_name: string;
    }[];
    expect(event).toEqual({ old: r.dueDate, new: res.body.dueDate, actor_name: 'Rina Petugas' });
    const again = await http().post(`/api/v1/requests/${r.id}/extension`).set(auth(token)).send({ workingDays: 1, reason: 'Sekali lagi karena banyak.' });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('satu kali');
    const tracked = await http().get(`/api/v1/requests/${r.number}`).set('X-Tracking-Code', r.code);
    expect(tracked.body.documents).toHaveLength(1);
    const pdf = await http()
      .get(`/api/v1/requests/${r.number}/documents/${tracked.body.documents[0].id}`)
      .set('X-Tracking-Code', r.code)
      .buffer(true)
      .parse(binary);
    const text = await pdfText(pdf.body as Buffer);
    expect(text).toContain('Perpanjangan Waktu');
    expect(text).toContain('Dokumen tersebar di beberapa OPD.');
    expect(text).toContain(r.number);
    const mails = (await t.app.get(DataSource).query(`SELECT template FROM outbound_mails WHERE request_id = $1 ORDER BY created_at`, [r.id])) as { template: string }[];
    expect(mails.map((m) => m.template)).toEqual(['request_receipt', 'request_letter']);
  });

  it('should answer with a written notice carrying every Pasal 22(7) field', async () => {
    const r = await fileRequest();
    const res = await http()
      .post(`/api/v1/requests/${r.id}/notice`)
      .set(auth(token))
      .send({
        decision: 'partially_granted',
        informationHeld: true,
        material: 'Salinan DPA Dinas Pendidikan 2025',
        redactions: 'Nomor rekening pribadi pegawai dihitamkan (Pasal 17 huruf h).',
        format: 'softcopy',
        delivery: 'email',
        fee: 0,
        timeNeeded: '2 hari kerja',
        ...withheldPart,
      });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('answered');
    const queue = await http().get('/api/v1/queue').set(auth(token)).query({ q: r.number });
    expect(queue.body.items[0]).toMatchObject({ id: r.id, status: 'answered', state: null });
    const pdf = await download(res.body.letterUrl.replace(t.config.appUrl, ''), token);
    const text = await pdfText(pdf);
    for (const expected of ['Pemberitahuan Tertulis', 'Diberikan sebagian', 'Salinan DPA Dinas Pendidikan 2025', 'Nomor rekening pribadi', 'Softcopy', 'Tanpa biaya', '2 hari kerja', 'Rina Petugas', 'keberatan']) {
      expect(text).toContain(expected);
    }
  });

  /** The tracking page as the citizen sees it, after giving number and code. */
  async function trackingPage(number: string, code: string): Promise<string> {
    const agent = request.agent(t.app.getHttpServer());
    const form = await agent.get(`/lacak?nomor=${encodeURIComponent(number)}`);
    const res = await agent.post('/lacak').type('form').send({ _csrf: csrfTokenOf(form.text), nomor: number, kode: code });
    expect(res.status).toBe(200);
    return res.text;
  }

  it('should show the decision, fee, delivery and next steps in words on the tracking page and in the API', async () => {
    const r = await fileRequest();
    const open = await trackingPage(r.number, r.code);
    expect(open).toContain('Langkah berikutnya');
    expect(open).toContain('akan memberikan pemberitahuan tertulis paling lambat');
    expect(open).toContain('Belum ada surat');
    const openApi = await http().get(`/api/v1/requests/${r.number}`).set('X-Tracking-Code', r.code);
    expect(openApi.body.decision).toBeNull();
    expect(openApi.body.nextSteps[0]).toContain('paling lambat');

    const res = await http()
      .post(`/api/v1/requests/${r.id}/notice`)
      .set(auth(token))
      .send({
        decision: 'partially_granted',
        informationHeld: true,
        material: 'Salinan DPA Dinas Pendidikan 2025',
        redactions: 'Nomor rekening pribadi pegawai dihitamkan.',
        format: 'hardcopy',
        delivery: 'pickup',
        fee: 15000,
        paymentMethod: 'Tunai di loket PPID',
        timeNeeded: '3 hari kerja',
        ...withheldPart,
      });
    expect(res.status).toBe(201);
    const page = await trackingPage(r.number, r.code);
    for (const expected of [
      'Keputusan: Diberikan sebagian',
      'Salinan DPA Dinas Pendidikan 2025',
      'Nomor rekening pribadi pegawai dihitamkan.',
      'Hardcopy (salinan cetak)',
      'Mengambil langsung',
      'Rp 15.000',
      'Tunai di loket PPID',
      'dalam waktu 3 hari kerja',
      'mengajukan keberatan secara tertulis kepada Atasan PPID',
      '30 hari kerja',
    ]) {
      expect(page).toContain(expected);
    }
    expect(page).not.toContain('Belum ada surat');
    const api = await http().get(`/api/v1/requests/${r.number}`).set('X-Tracking-Code', r.code);
    expect(api.status).toBe(200);
    expect(api.body.decision).toMatchObject({ decision: 'partially_granted', decisionText: 'Diberikan sebagian' });
    expect(api.body.decision.facts).toEqual(expect.arrayContaining([{ label: 'Biaya', value: 'Rp 15.000' }]));
    expect(api.body.decision.nextSteps.join(' ')).toContain('keberatan');
    expect(api.body.nextSteps).toEqual([]);
  });

  it('should show a refusal with its Pasal 17 ground and the right to object, and a not-held notice with the holder', async () => {
    const refused = await fileRequest();
    expect((await http().post(`/api/v1/requests/${refused.id}/notice`).set(auth(token)).send(refusal)).status).toBe(201);
    const page = await trackingPage(refused.number, refused.code);
    expect(page).toContain('Keputusan: Ditolak');
    expect(page).toContain('Pasal 17 huruf h UU 14/2008: informasi yang apabila dibuka mengungkap rahasia pribadi');
    expect(page).toContain('Dokumen memuat riwayat kesehatan pegawai.');
    expect(page).toContain('keberatan');
    expect(page).not.toContain('Belum ada surat');
    expect(page).not.toContain('Sekretaris Daerah'); // the consequence test's participants stay in the letter

    const notHeld = await fileRequest();
    const res = await http()
      .post(`/api/v1/requests/${notHeld.id}/notice`)
      .set(auth(token))
      .send({ decision: 'not_held', holderBody: 'Kantor Pertanahan Kota Surabaya' });
    expect(res.status).toBe(201);
    const notHeldPage = await trackingPage(notHeld.number, notHeld.code);
    expect(notHeldPage).toContain('Keputusan: Tidak dikuasai');
    expect(notHeldPage).toContain('Anda dapat mengajukan permohonan kepada Kantor Pertanahan Kota Surabaya.');
    expect(notHeldPage).not.toContain('Belum ada surat');
  });

  it('should refuse a refusal without a consequence test and store nothing, then accept a complete one', async () => {
    const r = await fileRequest();
    const bad = await http().post(`/api/v1/requests/${r.id}/notice`).set(auth(token)).send({ ...refusal, consequenceTest: undefined });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors)).toEqual(expect.arrayContaining(['consequenceTest.date', 'consequenceTest.participants']));
    const ok = await http().post(`/api/v1/requests/${r.id}/notice`).set(auth(token)).send(refusal);
    expect(ok.status).toBe(201);
    expect(ok.body.status).toBe('closed');
    const text = await pdfText(await download(ok.body.letterUrl.replace(t.config.appUrl, ''), token));
    expect(text).toContain('Pasal 17 huruf h');
    expect(text).toContain('Sekretaris Daerah, PPID Utama');
    expect(text).toContain('30 (tiga puluh) hari kerja');
  });

  it('should forward to a PPID Pelaksana of the same body keeping the due date, and refuse another body', async () => {
    const r = await fileRequest();
    const wrong = await http().post(`/api/v1/requests/${r.id}/forward`).set(auth(token)).send({ unitId: (await utamaUnitOf(t.app, '35.73')).id });
    expect(wrong.status).toBe(400);
    const res = await http().post(`/api/v1/requests/${r.id}/forward`).set(auth(token)).send({ unitId: pelaksana.id, note: 'Mohon ditindaklanjuti.' });
    expect(res.status).toBe(204);
    const [row] = (await t.app.get(DataSource).query(`SELECT unit_id, to_char(due_date, 'YYYY-MM-DD') AS due FROM requests WHERE id = $1`, [r.id])) as { unit_id: number; due: string }[];
    expect(row).toEqual({ unit_id: pelaksana.id, due: r.dueDate });
    const theirQueue = await http().get('/api/v1/queue').set(auth(await bearerToken(t.app, pelaksanaOfficer.email)));
    expect(theirQueue.body.items.map((i: { id: string }) => i.id)).toContain(r.id);
    const utamaStillSees = await http().get('/api/v1/queue').set(auth(token));
    expect(utamaStillSees.body.items.map((i: { id: string }) => i.id)).toContain(r.id);
  });

  it('should hand over documents checked by their bytes and then close', async () => {
    const r = await fileRequest();
    await http().post(`/api/v1/requests/${r.id}/notice`).set(auth(token)).send({ decision: 'granted', informationHeld: true, material: 'DPA', format: 'softcopy', delivery: 'email' });
    const fake = await http().post(`/api/v1/requests/${r.id}/documents`).set(auth(token)).attach('files', Buffer.from('MZ not a document'), 'dpa.pdf');
    expect(fake.status).toBe(400);
    const res = await http().post(`/api/v1/requests/${r.id}/documents`).set(auth(token)).attach('files', TINY_PDF, 'dpa-2025.pdf');
    expect(res.status).toBe(204);
    const closed = await http().post(`/api/v1/requests/${r.id}/close`).set(auth(token)).send({});
    expect(closed.status).toBe(204);
    const tracked = await http().get(`/api/v1/requests/${r.number}`).set('X-Tracking-Code', r.code);
    expect(tracked.body.receipt.status).toBe('closed');
    expect(tracked.body.documents.map((d: { title: string }) => d.title)).toContain('dpa-2025.pdf');
    expect(tracked.body.decision.nextSteps).toContain('Informasi sudah diserahkan dan permohonan selesai.');
    const closeAgain = await http().post(`/api/v1/requests/${r.id}/close`).set(auth(token)).send({});
    expect(closeAgain.status).toBe(409);
  });

  it('should record an offline request with its real receipt time and refuse a time in the future', async () => {
    const future = await http()
      .post('/api/v1/offline-requests')
      .set(auth(token))
      .send({ ...requestPayload(surabaya.id), channel: 'walk_in', receivedAt: '2099-01-05T09:00:00+07:00' });
    expect(future.status).toBe(400);
    expect(future.body.errors.receivedAt).toContain('masa depan');
    const res = await http()
      .post('/api/v1/offline-requests')
      .set(auth(token))
      .send({ ...requestPayload(surabaya.id, { requester: { email: '' } }), channel: 'letter', receivedAt: '2025-03-27T10:00:00+07:00' });
    expect(res.status).toBe(201);
    expect(res.body.registrationNumber).toMatch(/^3578-U-2025-\d{5}$/);
    expect(res.body.dueDate).toBe('2025-04-22');
  });

  it('should give the second of two officers acting at once a conflict and lose nothing', async () => {
    const r = await fileRequest();
    const a = await loginAgent(t.app, officer.email);
    const b = await loginAgent(t.app, colleague.email);
    const page = await a.agent.get(`/petugas/permohonan/${r.id}`);
    const version = /name="version" value="(\d+)"/.exec(page.text)![1];
    const [first, second] = await Promise.all([
      a.postForm(`/petugas/permohonan/${r.id}/perpanjang`, { version, workingDays: '5', reason: 'Perlu konsultasi dengan OPD.' }),
      b.postForm(`/petugas/permohonan/${r.id}/tugaskan`, { version, assigneeId: String(colleague.id) }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([303, 409]);
    const loser = first.status === 409 ? first : second;
    expect(loser.text).toContain('baru saja diubah oleh petugas lain');
    const [row] = (await t.app.get(DataSource).query('SELECT version FROM requests WHERE id = $1', [r.id])) as { version: number }[];
    expect(row.version).toBe(Number(version) + 1);
  });

  it('should show the NIK to officers of the unit and mask it for the supervisor', async () => {
    const r = await fileRequest();
    const own = await (await loginAgent(t.app, officer.email)).agent.get(`/petugas/permohonan/${r.id}`);
    expect(own.status).toBe(200);
    expect(own.text).toContain('3578015503900001');
    const sup = await (await loginAgent(t.app, supervisor.email)).agent.get(`/petugas/permohonan/${r.id}`);
    expect(sup.status).toBe(200);
    expect(sup.text).not.toContain('3578015503900001');
    expect(sup.text).toContain('************0001');
  });

  it('should answer 404 on every officer route for a request of another unit, as for a missing one', async () => {
    const r = await fileRequest();
    const other = await loginAgent(t.app, stranger.email);
    const otherToken = await bearerToken(t.app, stranger.email);
    const pages = [`/petugas/permohonan/${r.id}`, `/petugas/permohonan/${r.id}/identitas`, `/petugas/permohonan/${r.id}/dokumen/1`];
    for (const path of pages) {
      const res = await other.agent.get(path);
      expect([path, res.status]).toEqual([path, 404]);
    }
    for (const action of ['perpanjang', 'pemberitahuan', 'disposisi', 'serah', 'tutup', 'tugaskan', 'catatan']) {
      const res = await other.postForm(`/petugas/permohonan/${r.id}/${action}`, { version: '1', workingDays: '3', reason: 'alasan yang cukup panjang', note: 'x' });
      expect([action, res.status]).toEqual([action, 404]);
    }
    const api: [string, Record<string, unknown>][] = [
      ['extension', { workingDays: 3, reason: 'alasan yang cukup panjang' }],
      ['notice', refusal],
      ['forward', { unitId: pelaksana.id }],
      ['documents', {}],
      ['close', {}],
      ['assignment', { assigneeId: null }],
      ['notes', { note: 'x' }],
    ];
    for (const [route, body] of api) {
      const res = await http().post(`/api/v1/requests/${r.id}/${route}`).set(auth(otherToken)).send(body);
      expect([route, res.status]).toEqual([route, 404]);
    }
    const missing = await http().post('/api/v1/requests/999999999/extension').set(auth(otherToken)).send({ workingDays: 3, reason: 'alasan yang cukup panjang' });
    expect(missing.status).toBe(404);
    const queue = await http().get('/api/v1/queue').set(auth(otherToken)).query({ unitId: surabaya.id });
    expect(queue.status).toBe(404);
  });
});
