import request from 'supertest';
import { DataSource } from 'typeorm';
import { FieldCipher } from 'src/common/crypto/field-cipher';
import { CalendarService } from 'src/modules/calendar';
import { consultationContext } from 'src/modules/consultations';
import { bearerToken, createUser, loginAgent, TestUser, uniqueEmail, utamaUnitOf } from 'test/support/auth-helpers';
import { csrfTokenOf, hiddenValue, multipartActionOf } from 'test/support/page-form';
import { TINY_PNG } from 'test/support/request-factory';
import { SmtpSink } from 'test/support/smtp-sink';
import { startTestApp, TestApp } from 'test/support/test-app';
import { waitFor } from 'test/support/wait-for';

/** The text/plain part of a raw MIME message, decoded. */
function plainTextOf(raw: string): string {
  const normalized = raw.replace(/\r\n/g, '\n');
  for (const part of normalized.split(/\n--[^\n]+\n/)) {
    const end = part.indexOf('\n\n');
    if (end < 0) continue;
    const headers = part.slice(0, end).replace(/\n[ \t]+/g, ' ').toLowerCase();
    if (!/content-type:\s*text\/plain/.test(headers)) continue;
    const body = part.slice(end + 2);
    if (/content-transfer-encoding:\s*base64/.test(headers)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (/content-transfer-encoding:\s*quoted-printable/.test(headers)) {
      const bytes = body.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m: string, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      return Buffer.from(bytes, 'latin1').toString('utf8');
    }
    return body;
  }
  throw new Error('no text/plain part in the message');
}

interface Asked {
  number: string;
  trackingCode: string;
  dueDate: string;
  email: string;
  name: string;
}

interface Row {
  id: string;
  number: string;
  status: string;
  answer: string | null;
  version: number;
  asker_name: Buffer;
  asker_email: Buffer;
  faq_published_at: Date | null;
  received_at: Date;
  due_date: string;
}

describe('online consultations', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let surabaya: { id: number; bodyId: number };
  let malang: { id: number; bodyId: number };
  let officer: TestUser;
  let otherOfficer: TestUser;
  let atasan: TestUser;
  let officerToken: string;
  let otherToken: string;
  let atasanToken: string;
  const http = () => request(t.app.getHttpServer());
  const auth = (tok: string) => ({ Authorization: `Bearer ${tok}` });
  const db = () => t.app.get(DataSource);

  async function ask(overrides: Record<string, unknown> = {}): Promise<Asked> {
    const body = {
      unitId: surabaya.id,
      name: 'Dyah Ayu Lestari',
      email: uniqueEmail('penanya'),
      question: 'Ke mana saya meminta data jumlah guru honorer per kecamatan?',
      ...overrides,
    };
    const res = await http().post('/api/v1/consultations').send(body);
    expect(res.status).toBe(201);
    return { ...(res.body as { number: string; trackingCode: string; dueDate: string }), email: body.email as string, name: body.name as string };
  }

  async function row(number: string): Promise<Row> {
    const [r] = (await db().query(
      'SELECT id::text AS id, number, status, answer, version, asker_name, asker_email, faq_published_at, received_at, due_date::text AS due_date FROM consultations WHERE number = $1',
      [number],
    )) as Row[];
    return r;
  }

  /** The consultation's own personal fields, decrypted as stored. */
  async function personalFields(number: string): Promise<string[]> {
    const r = await row(number);
    const cipher = t.app.get(FieldCipher);
    return [cipher.decrypt(r.asker_name, consultationContext('asker_name', number)).toString('utf8'), cipher.decrypt(r.asker_email, consultationContext('asker_email', number)).toString('utf8')];
  }

  async function mailTo(email: string, subject: RegExp): Promise<string> {
    const mail = await waitFor(() => sink.messages.find((m) => m.envelopeTo.includes(email) && subject.test(m.subject)), 15_000);
    return plainTextOf(mail.raw);
  }

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await startTestApp({ SMTP_URL: sink.url, APP_URL: 'https://kip.example.test', INTAKE_LIMIT_PER_IP_HOUR: '10000', INTAKE_LIMIT_PER_EMAIL_DAY: '3' });
    surabaya = await utamaUnitOf(t.app, '35.78');
    malang = await utamaUnitOf(t.app, '35.73');
    officer = await createUser(t.app, { role: 'officer', unitId: surabaya.id, name: 'Rina Petugas' });
    otherOfficer = await createUser(t.app, { role: 'officer', unitId: malang.id });
    atasan = await createUser(t.app, { role: 'supervisor', bodyId: surabaya.bodyId });
    officerToken = await bearerToken(t.app, officer.email);
    otherToken = await bearerToken(t.app, otherOfficer.email);
    atasanToken = await bearerToken(t.app, atasan.email);
  });

  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  it('should number a question at once, due CONSULTATION_RESPONSE_DAYS working days on the body’s calendar, with name and e-mail encrypted', async () => {
    const a = await ask();
    expect(a.number).toMatch(/^3578-KON-\d{4}-\d{5}$/);
    expect(a.trackingCode).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    const r = await row(a.number);
    const expected = await t.app.get(CalendarService).dueDate(r.received_at, 3, surabaya.id);
    expect(a.dueDate).toBe(expected.dueDate);
    expect(r.due_date).toBe(expected.dueDate);
    expect(r.asker_name.toString('latin1')).not.toContain(a.name);
    expect(r.asker_email.toString('latin1')).not.toContain(a.email);
    await expect(personalFields(a.number)).resolves.toEqual([a.name, a.email]);
    const next = await ask();
    expect(Number(next.number.slice(-5))).toBe(Number(a.number.slice(-5)) + 1);
  });

  it('should mail the number, the tracking code and the tracking link', async () => {
    const a = await ask();
    const text = await mailTo(a.email, /^Konsultasi .* diterima/);
    expect(text).toContain(a.number);
    expect(text).toContain(a.trackingCode);
    expect(text).toContain(`https://kip.example.test/konsultasi/lacak?nomor=${a.number}`);
  });

  it('should refuse bad input with 400 and a message per field in Indonesian, storing nothing', async () => {
    const before = (await db().query('SELECT count(*)::int AS n FROM consultations')) as { n: number }[];
    const res = await http().post('/api/v1/consultations').send({ unitId: 'x', name: '', email: 'bukan-email', question: 'pendek', faqConsent: 'mungkin' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual({
      unitId: 'Pilih badan publik dan unit PPID tujuan konsultasi.',
      name: 'Nama wajib diisi.',
      email: 'Alamat e-mail tidak valid, mis. nama@contoh.id.',
      question: 'Pertanyaan paling sedikit 10 karakter.',
      faqConsent: 'Persetujuan FAQ harus ya atau tidak.',
    });
    const unknownUnit = await http().post('/api/v1/consultations').send({ unitId: 2_000_000_000, name: 'A', email: 'a@contoh.id', question: 'Pertanyaan yang cukup panjang.' });
    expect(unknownUnit.status).toBe(400);
    expect(unknownUnit.body.errors).toEqual({ unitId: 'Unit PPID tujuan tidak ditemukan.' });
    await expect(db().query('SELECT count(*)::int AS n FROM consultations')).resolves.toEqual(before);
  });

  it('should limit questions per e-mail like the request form (429 after INTAKE_LIMIT_PER_EMAIL_DAY)', async () => {
    const email = uniqueEmail('sering');
    for (let i = 0; i < 3; i++) await ask({ email });
    const res = await http().post('/api/v1/consultations').send({ unitId: surabaya.id, name: 'Sering Bertanya', email, question: 'Pertanyaan keempat hari ini, masih boleh?' });
    expect(res.status).toBe(429);
    expect(res.body.message).toMatch(/Batas harian pertanyaan/);
  });

  it('should show the asker’s consultation with the code and answer 404 to a wrong code or number', async () => {
    const a = await ask();
    const ok = await http().get(`/api/v1/consultations/${a.number}`).set('X-Tracking-Code', a.trackingCode.toLowerCase());
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ number: a.number, status: 'open', dueDate: a.dueDate, answer: null });
    expect((await http().get(`/api/v1/consultations/${a.number}`).set('X-Tracking-Code', 'AAAA-BBBB-CCCC')).status).toBe(404);
    expect((await http().get('/api/v1/consultations/3578-KON-1999-00001').set('X-Tracking-Code', a.trackingCode)).status).toBe(404);
  });

  it('should let an officer of the unit answer, mail the answer and show it on the tracking page', async () => {
    const a = await ask();
    const { id } = await row(a.number);
    const bad = await http().post(`/api/v1/desk/consultations/${id}/answer`).set(auth(officerToken)).send({ answer: 'pendek' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual({ answer: 'Jawaban paling sedikit 10 karakter.' });
    const answer = 'Data guru honorer dikuasai Dinas Pendidikan; ajukan permohonan ke PPID Pelaksana Dinas Pendidikan.';
    const res = await http().post(`/api/v1/desk/consultations/${id}/answer`).set(auth(officerToken)).send({ answer });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'answered', answer });
    expect((await http().post(`/api/v1/desk/consultations/${id}/answer`).set(auth(officerToken)).send({ answer })).status).toBe(409);
    const text = await mailTo(a.email, /^Jawaban atas konsultasi/);
    expect(text).toContain(answer);
    expect(text).toContain(a.number);
    const page = request.agent(t.app.getHttpServer());
    const form = await page.get(`/konsultasi/lacak?nomor=${a.number}`);
    const shown = await page.post('/konsultasi/lacak').type('form').send({ _csrf: csrfTokenOf(form.text), nomor: a.number, kode: a.trackingCode });
    expect(shown.status).toBe(200);
    expect(shown.text).toContain(answer);
    expect(shown.text).toContain('Sudah dijawab');
  });

  it('should keep another body’s officer out (404) and a supervisor from answering (403), changing nothing', async () => {
    const a = await ask();
    const before = await row(a.number);
    const answer = { answer: 'Jawaban dari orang yang tidak berhak menjawab.' };
    expect((await http().post(`/api/v1/desk/consultations/${before.id}/answer`).set(auth(otherToken)).send(answer)).status).toBe(404);
    expect((await http().get(`/api/v1/desk/consultations/${before.id}`).set(auth(otherToken))).status).toBe(404);
    expect((await http().post(`/api/v1/desk/consultations/${before.id}/faq`).set(auth(otherToken)).send({})).status).toBe(404);
    expect((await http().post(`/api/v1/desk/consultations/${before.id}/answer`).set(auth(atasanToken)).send(answer)).status).toBe(403);
    expect((await http().post(`/api/v1/desk/consultations/${before.id}/answer`).send(answer)).status).toBe(401);
    const other = await loginAgent(t.app, otherOfficer.email);
    const page = await other.postForm(`/petugas/konsultasi/${before.id}/jawab`, answer);
    expect(page.status).toBe(404);
    const desk = await other.agent.get('/petugas/konsultasi');
    expect(desk.text).not.toContain(a.number);
    await expect(row(a.number)).resolves.toEqual(before);
  });

  it('should publish a FAQ entry only with the asker’s consent and after the answer, without any personal data', async () => {
    const without = await ask({ faqConsent: false });
    const withConsent = await ask({ faqConsent: true, name: 'Bagus Prasetyo Wibowo', question: 'Apakah daftar penerima beasiswa kota diumumkan setiap tahun?' });
    const w = await row(without.number);
    const c = await row(withConsent.number);
    const answer = { answer: 'Daftar penerima beasiswa diumumkan setiap Juli di laman Dinas Pendidikan.' };
    for (const r of [w, c]) expect((await http().post(`/api/v1/desk/consultations/${r.id}/faq`).set(auth(officerToken)).send({})).status).toBe(409);
    for (const r of [w, c]) expect((await http().post(`/api/v1/desk/consultations/${r.id}/answer`).set(auth(officerToken)).send(answer)).status).toBe(201);
    const refused = await http().post(`/api/v1/desk/consultations/${w.id}/faq`).set(auth(officerToken)).send({});
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/tidak menyetujui/);
    expect((await row(without.number)).faq_published_at).toBeNull();
    const published = await http().post(`/api/v1/desk/consultations/${c.id}/faq`).set(auth(officerToken)).send({});
    expect(published.status).toBe(201);
    expect(published.body.faqPublished).toBe(true);

    const api = await http().get('/api/v1/consultations/faq?body=35.78');
    expect(api.status).toBe(200);
    const numbers = (api.body.entries as { number: string }[]).map((e) => e.number);
    expect(numbers).toContain(withConsent.number);
    expect(numbers).not.toContain(without.number);
    const page = await http().get('/konsultasi/faq/35.78');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Apakah daftar penerima beasiswa kota diumumkan setiap tahun?');
    for (const field of await personalFields(withConsent.number)) {
      expect(JSON.stringify(api.body)).not.toContain(field);
      expect(page.text).not.toContain(field);
    }
    expect(Object.keys(api.body.entries[0]).sort()).toEqual(['answer', 'answeredOn', 'answeredOnText', 'number', 'question', 'unitName']);
    const chosen = await http().get('/konsultasi/faq?badan=3578');
    expect([chosen.status, chosen.headers.location]).toEqual([303, '/konsultasi/faq/35.78']);
    expect((await http().get('/api/v1/consultations/faq')).status).toBe(400);
    expect((await http().get('/api/v1/consultations/faq?body=99.99')).status).toBe(404);

    const withdrawn = await http().delete(`/api/v1/desk/consultations/${c.id}/faq`).set(auth(officerToken));
    expect(withdrawn.status).toBe(200);
    const after = await http().get('/api/v1/consultations/faq?body=35.78');
    expect((after.body.entries as { number: string }[]).map((e) => e.number)).not.toContain(withConsent.number);
  });

  it('should publish the question as the officer rephrased it', async () => {
    const a = await ask({ faqConsent: true, question: 'Saya Dyah dari RT 03, di mana jadwal posyandu kelurahan diumumkan?' });
    const { id } = await row(a.number);
    await http().post(`/api/v1/desk/consultations/${id}/answer`).set(auth(officerToken)).send({ answer: 'Jadwal posyandu diumumkan di papan kelurahan dan laman kecamatan.' });
    const res = await http().post(`/api/v1/desk/consultations/${id}/faq`).set(auth(officerToken)).send({ question: 'Di mana jadwal posyandu kelurahan diumumkan?' });
    expect(res.status).toBe(201);
    const page = await http().get('/konsultasi/faq/35.78');
    expect(page.text).toContain('Di mana jadwal posyandu kelurahan diumumkan?');
    expect(page.text).not.toContain('Saya Dyah dari RT 03');
  });

  it('should list open consultations on the desk by due date, overdue marked', async () => {
    const late = await ask({ question: 'Pertanyaan yang sudah lama menunggu jawaban.' });
    await db().query("UPDATE consultations SET due_date = due_date - 30, received_at = received_at - interval '40 days' WHERE number = $1", [late.number]);
    const fresh = await ask({ question: 'Pertanyaan yang baru saja masuk hari ini.' });
    const desk = await http().get('/api/v1/desk/consultations').set(auth(officerToken));
    expect(desk.status).toBe(200);
    const open = desk.body.open as { number: string; dueDate: string; state: string; overdue: boolean; askerEmailMasked: string }[];
    const dues = open.map((o) => o.dueDate);
    expect([...dues].sort()).toEqual(dues);
    expect(open.find((o) => o.number === late.number)).toMatchObject({ state: 'terlambat', overdue: true });
    expect(open.find((o) => o.number === fresh.number)?.overdue).toBe(false);
    expect(open.find((o) => o.number === fresh.number)?.askerEmailMasked).not.toBe(fresh.email);
    // The bureau sees every body's desk, the asker masked.
    const bureau = await createUser(t.app, { role: 'bureau' });
    const seen = await http().get('/api/v1/desk/consultations').set(auth(await bearerToken(t.app, bureau.email)));
    const line = (seen.body.open as { number: string; askerName: string }[]).find((o) => o.number === fresh.number);
    expect(line?.askerName).toBe('D*** A*** L***');
    const signedIn = await loginAgent(t.app, officer.email);
    const page = await signedIn.agent.get('/petugas/konsultasi');
    expect(page.status).toBe(200);
    expect(page.text.indexOf(late.number)).toBeLessThan(page.text.indexOf(fresh.number));
    expect(page.text).toMatch(/state-terlambat">terlambat/);
    // The queue page, where the officer starts the day, says how many are past their target.
    const queue = await signedIn.agent.get('/petugas');
    expect(queue.status).toBe(200);
    expect(queue.text).toMatch(/desk-notice-danger[^>]*>\d+ konsultasi daring melewati target jawaban\. <a href="\/petugas\/konsultasi">/);
    // Not on the desk of an officer of another body, nor the supervisor's (who does not answer them).
    const other = await createUser(t.app, { role: 'officer', unitId: (await utamaUnitOf(t.app, '35.73')).id });
    expect((await (await loginAgent(t.app, other.email)).agent.get('/petugas')).text).not.toContain('konsultasi daring melewati');
  });

  it('should take the form with CSRF, re-render it with messages (400) and answer 201 with the number', async () => {
    const agent = request.agent(t.app.getHttpServer());
    const form = await agent.get('/konsultasi?badan=35.78');
    expect(form.status).toBe(200);
    expect(form.text).toContain(`value="${surabaya.id}" selected`);
    const csrf = csrfTokenOf(form.text);
    expect((await agent.post('/konsultasi').type('form').send({ unitId: String(surabaya.id), name: 'A', email: 'a@contoh.id', question: 'Pertanyaan tanpa token.' })).status).toBe(403);
    const bad = await agent.post('/konsultasi').type('form').send({ _csrf: csrf, badan: '35.78', unitId: String(surabaya.id), name: 'Sari', email: 'salah', question: 'Pertanyaan yang cukup panjang untuk PPID.' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Alamat e-mail tidak valid');
    expect(bad.text).toContain('Pertanyaan yang cukup panjang untuk PPID.');
    const email = uniqueEmail('formulir');
    const ok = await agent.post('/konsultasi').type('form').send({ _csrf: csrf, badan: '35.78', unitId: String(surabaya.id), name: 'Sari', email, question: 'Pertanyaan yang cukup panjang untuk PPID.', faqConsent: 'ya' });
    expect(ok.status).toBe(201);
    const number = /id="nomor-konsultasi">([^<]+)</.exec(ok.text)?.[1] ?? '';
    expect(number).toMatch(/^3578-KON-/);
    await expect(db().query('SELECT faq_consent FROM consultations WHERE number = $1', [number])).resolves.toEqual([{ faq_consent: true }]);
    const honeypot = await agent.post('/konsultasi').type('form').send({ _csrf: csrf, badan: '35.78', unitId: String(surabaya.id), name: 'Bot', email: uniqueEmail('bot'), question: 'Pertanyaan dari mesin pengisi otomatis.', website: 'http://spam.example' });
    expect(honeypot.status).toBe(400);
  });

  it('should turn a consultation into a request with one click, keeping what was typed, and link the two', async () => {
    const a = await ask({ name: 'Wulan Sekarsari', question: 'Saya memerlukan daftar sekolah penerima dana BOS daerah tahun 2025.' });
    const agent = request.agent(t.app.getHttpServer());
    const track = await agent.get(`/konsultasi/lacak?nomor=${a.number}`);
    const csrf = csrfTokenOf(track.text);
    const shown = await agent.post('/konsultasi/lacak').type('form').send({ _csrf: csrf, nomor: a.number, kode: a.trackingCode });
    expect(shown.text).toContain('Jadikan permohonan informasi');
    expect((await agent.post('/konsultasi/permohonan').type('form').send({ _csrf: csrf, nomor: a.number, kode: 'AAAA-BBBB-CCCC' })).status).toBe(404);
    const form = await agent.post('/konsultasi/permohonan').type('form').send({ _csrf: csrf, nomor: a.number, kode: a.trackingCode });
    expect(form.status).toBe(200);
    expect(form.text).toContain('value="Wulan Sekarsari"');
    expect(form.text).toContain(`value="${a.email}"`);
    expect(form.text).toContain('>Saya memerlukan daftar sekolah penerima dana BOS daerah tahun 2025.</textarea>');
    expect(hiddenValue(form.text, 'unitId')).toBe(String(surabaya.id));
    const action = multipartActionOf(form.text);
    expect(action).toMatch(/^\/konsultasi\/permohonan\/kirim\?_csrf=/);
    const fields: Record<string, string> = {
      submissionKey: hiddenValue(form.text, 'submissionKey'),
      konsultasi: hiddenValue(form.text, 'konsultasi'),
      kodeKonsultasi: hiddenValue(form.text, 'kodeKonsultasi'),
      'requester.type': 'individual',
      'requester.name': 'Wulan Sekarsari',
      'requester.nik': '3578015503900002',
      'requester.address': 'Jl. Darmo No. 5, Surabaya',
      'requester.occupation': 'Guru',
      'requester.phone': '081234567891',
      'requester.email': a.email,
      information: 'Saya memerlukan daftar sekolah penerima dana BOS daerah tahun 2025.',
      purpose: 'Pengawasan anggaran pendidikan.',
      obtainMethod: 'copy_soft',
      copyDelivery: 'email',
    };
    let post = agent.post(action);
    for (const [name, value] of Object.entries({ ...fields, purpose: '' })) post = post.field(name, value);
    const missing = await post.attach('identityDocument', TINY_PNG, 'ktp.png');
    expect(missing.status).toBe(400);
    expect(missing.text).toContain('Tujuan penggunaan informasi wajib diisi.');
    expect(missing.text).toContain(`name="konsultasi" value="${a.number}"`);
    post = agent.post(action);
    for (const [name, value] of Object.entries(fields)) post = post.field(name, value);
    const filed = await post.attach('identityDocument', TINY_PNG, 'ktp.png');
    expect(filed.status).toBe(201);
    const registration = /id="nomor-pendaftaran">([^<]+)</.exec(filed.text)?.[1] ?? '';
    expect(registration).toMatch(/^3578-U-\d{4}-\d{5}$/);
    const [req] = (await db().query('SELECT id::text AS id, unit_id, information, requester_name FROM requests WHERE registration_number = $1', [registration])) as {
      id: string;
      unit_id: number;
      information: string;
      requester_name: string;
    }[];
    expect(req).toMatchObject({ unit_id: surabaya.id, information: fields.information, requester_name: 'Wulan Sekarsari' });
    await expect(db().query('SELECT request_id::text AS id, request_number FROM consultations WHERE number = $1', [a.number])).resolves.toEqual([{ id: req.id, request_number: registration }]);
    const again = await agent.post('/konsultasi/lacak').type('form').send({ _csrf: csrf, nomor: a.number, kode: a.trackingCode });
    expect(again.text).toContain(`/lacak?nomor=${registration}`);
    expect(again.text).not.toContain('Jadikan permohonan informasi');
  });

  it('should document the consultation endpoints and their DTOs in the OpenAPI document', async () => {
    const res = await http().get('/api/docs/openapi.json');
    expect(res.status).toBe(200);
    const paths = res.body.paths as Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { $ref: string } }> } }>>;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining(['/api/v1/consultations', '/api/v1/consultations/faq', '/api/v1/consultations/{number}', '/api/v1/desk/consultations/{id}/answer', '/api/v1/desk/consultations/{id}/faq']),
    );
    expect(paths['/api/v1/consultations'].post.requestBody?.content['application/json'].schema.$ref).toBe('#/components/schemas/AskConsultationDto');
    expect(res.body.components.schemas.AskConsultationDto.properties.question).toMatchObject({ type: 'string', minLength: 10, maxLength: 3000 });
  });
});
