import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from 'test/support/test-app';
import { csrfTokenOf, hiddenValue, multipartActionOf } from 'test/support/page-form';
import { formFields, requestPayload, TINY_PDF, TINY_PNG } from 'test/support/request-factory';
import { binary } from 'test/support/binary';
import { pdfText } from 'test/support/pdf-text';

const XSS = '<script>alert("x")</script>';

describe('requests over HTTP', () => {
  let t: TestApp;
  let surabaya: number;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await startTestApp({ INTAKE_LIMIT_PER_IP_HOUR: '1000', INTAKE_LIMIT_PER_EMAIL_DAY: '3' });
    const bodies = (await http().get('/api/v1/bodies')).body as { code: string; units: { id: number }[] }[];
    surabaya = bodies.find((b) => b.code === '35.78')!.units[0].id;
  });

  afterAll(async () => {
    await t.close();
  });

  /** Opens the form with a cookie-keeping agent and returns what a browser would post back. */
  async function openForm(agent = request.agent(t.app.getHttpServer())) {
    const page = await agent.get('/permohonan/baru').query({ unit: surabaya });
    expect(page.status).toBe(200);
    return { agent, csrf: csrfTokenOf(page.text), action: multipartActionOf(page.text), submissionKey: hiddenValue(page.text, 'submissionKey') };
  }

  function post(form: Awaited<ReturnType<typeof openForm>>, fields: Record<string, string>, file?: { bytes: Buffer; name: string }) {
    let req = form.agent.post(form.action).field('_csrf', form.csrf).field('submissionKey', form.submissionKey);
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    if (file) req = req.attach('identityDocument', file.bytes, file.name);
    return req;
  }

  describe('JSON API', () => {
    it('should register a request and answer 201 with number, code and due date when the submission is valid', async () => {
      const res = await http().post('/api/v1/requests').send(requestPayload(surabaya));
      expect(res.status).toBe(201);
      expect(res.body.registrationNumber).toMatch(/^3578-U-\d{4}-\d{5}$/);
      expect(res.body.trackingCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}$/);
      expect(res.body.status).toBe('received');
      expect(res.body.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const [mail] = (await t.app
        .get(DataSource)
        .query('SELECT m.template FROM outbound_mails m JOIN requests r ON r.id = m.request_id WHERE r.registration_number = $1', [
          res.body.registrationNumber,
        ])) as { template: string }[];
      expect(mail.template).toBe('request_receipt');
    });

    it('should answer 400 with errors per field when the submission is invalid, and store nothing', async () => {
      const ds = t.app.get(DataSource);
      const [{ n: before }] = (await ds.query('SELECT count(*)::int AS n FROM requests')) as { n: number }[];
      const res = await http()
        .post('/api/v1/requests')
        .send(requestPayload(surabaya, { requester: { nik: '1234', email: 'bukan-email' }, obtainMethod: 'fax' }));
      expect(res.status).toBe(400);
      expect(res.body.errors).toMatchObject({
        'requester.nik': expect.any(String),
        'requester.email': expect.any(String),
        obtainMethod: expect.any(String),
      });
      const [{ n: after }] = (await ds.query('SELECT count(*)::int AS n FROM requests')) as { n: number }[];
      expect(after).toBe(before);
    });

    it('should register one request when the same Idempotency-Key is sent twice', async () => {
      const payload = requestPayload(surabaya);
      const key = 'idem-key-0123456789abcdef';
      const a = await http().post('/api/v1/requests').set('Idempotency-Key', key).send(payload);
      const b = await http().post('/api/v1/requests').set('Idempotency-Key', key).send(payload);
      expect(a.status).toBe(201);
      expect(b.body.registrationNumber).toBe(a.body.registrationNumber);
      expect(b.body.trackingCode).toBe(a.body.trackingCode);
    });

    it('should answer 422 without number or code when an Idempotency-Key comes back with another body', async () => {
      const key = 'idem-key-other-body-0123456789';
      const a = await http().post('/api/v1/requests').set('Idempotency-Key', key).send(requestPayload(surabaya));
      const b = await http().post('/api/v1/requests').set('Idempotency-Key', key).send(requestPayload(surabaya));
      expect(a.status).toBe(201);
      expect(b.status).toBe(422);
      expect(b.body).not.toHaveProperty('trackingCode');
      expect(b.body).not.toHaveProperty('registrationNumber');
      expect(JSON.stringify(b.body)).not.toContain(a.body.trackingCode);
    });

    it('should show status and timeline with the right code, and the same 404 for a wrong code and an unknown number', async () => {
      const created = (await http().post('/api/v1/requests').send(requestPayload(surabaya))).body;
      const ok = await http().get(`/api/v1/requests/${created.registrationNumber}`).set('X-Tracking-Code', created.trackingCode);
      expect(ok.status).toBe(200);
      expect(ok.body.receipt).toMatchObject({ registrationNumber: created.registrationNumber, status: 'received' });
      expect(ok.body.timeline[0].label).toBe('Permohonan diterima dan didaftarkan');
      expect(JSON.stringify(ok.body)).not.toContain('3578015503900001');
      const wrong = await http().get(`/api/v1/requests/${created.registrationNumber}`).set('X-Tracking-Code', 'AAAAAAAAAAAA');
      const unknown = await http().get('/api/v1/requests/3578-U-2020-99999').set('X-Tracking-Code', created.trackingCode);
      const missing = await http().get(`/api/v1/requests/${created.registrationNumber}`);
      expect(wrong.status).toBe(404);
      expect(unknown.status).toBe(404);
      expect(missing.status).toBe(404);
      expect(wrong.body).toEqual(unknown.body);
    });

    it('should serve the receipt PDF with the number, the due date and the requester name as text', async () => {
      const payload = requestPayload(surabaya, { requester: { name: 'Dyah Ayu Pitaloka Ñoño Şahin' } });
      const created = (await http().post('/api/v1/requests').send(payload)).body;
      const res = await http()
        .get(`/api/v1/requests/${created.registrationNumber}/receipt.pdf`)
        .set('X-Tracking-Code', created.trackingCode)
        .buffer(true)
        .parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const text = await pdfText(res.body as Buffer);
      expect(text).toContain(created.registrationNumber);
      expect(text).toContain('Dyah Ayu Pitaloka Ñoño Şahin');
      expect(text).not.toContain('3578015503900001');
    });

    it('should answer 429 with a clear message when the daily cap of one e-mail is reached', async () => {
      const email = 'batas.harian@contoh.id';
      for (let i = 0; i < 3; i++) {
        const ok = await http().post('/api/v1/requests').send(requestPayload(surabaya, { requester: { email } }));
        expect(ok.status).toBe(201);
      }
      const res = await http().post('/api/v1/requests').send(requestPayload(surabaya, { requester: { email } }));
      expect(res.status).toBe(429);
      expect(res.body.message).toContain('Batas harian');
      expect(res.headers['retry-after']).toBeDefined();
    });
  });

  describe('web form', () => {
    it('should refuse a post without the CSRF token and store nothing', async () => {
      const res = await http()
        .post('/permohonan')
        .field('unitId', String(surabaya))
        .field('requester.name', 'Tanpa Token');
      expect(res.status).toBe(403);
      expect(res.text).toContain('Formulir kedaluwarsa');
    });

    it('should re-render the form with an error summary, messages beside fields and the typed input kept', async () => {
      const form = await openForm();
      const fields = formFields(requestPayload(surabaya, { requester: { nik: '3578013203900001', name: 'Budi Santoso' } }));
      const res = await post(form, fields, { bytes: TINY_PNG, name: 'ktp.png' });
      expect(res.status).toBe(400);
      expect(res.text).toContain('class="error-summary"');
      expect(res.text).toContain('Angka tanggal lahir pada NIK');
      expect(res.text).toContain('id="e-requester_nik"');
      expect(res.text).toContain('value="Budi Santoso"');
      expect(res.text).toContain('value="3578013203900001"');
      expect(res.text).toContain('Dokumen anggaran pendapatan');
    });

    it('should register the request and show the number and tracking code when the form is valid', async () => {
      const form = await openForm();
      const res = await post(form, formFields(requestPayload(surabaya)), { bytes: TINY_PDF, name: 'ktp.pdf' });
      expect(res.status).toBe(201);
      expect(res.text).toMatch(/id="nomor-pendaftaran">3578-U-\d{4}-\d{5}</);
      expect(res.text).toMatch(/id="kode-pelacakan">[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}</);
      expect(res.text).not.toContain('3578015503900001');
    });

    it('should create one request when the same form is sent twice', async () => {
      const form = await openForm();
      const fields = formFields(requestPayload(surabaya));
      const ds = t.app.get(DataSource);
      const [{ n: before }] = (await ds.query('SELECT count(*)::int AS n FROM requests')) as { n: number }[];
      const a = await post(form, fields, { bytes: TINY_PNG, name: 'ktp.png' });
      const b = await post(form, fields, { bytes: TINY_PNG, name: 'ktp.png' });
      const number = (html: string) => /id="nomor-pendaftaran">([^<]+)</.exec(html)?.[1];
      expect(a.status).toBe(201);
      expect(b.status).toBe(200);
      expect(number(b.text)).toBe(number(a.text));
      const [{ n: after }] = (await ds.query('SELECT count(*)::int AS n FROM requests')) as { n: number }[];
      expect(after).toBe(before + 1);
      // Only a keyed hash of the submission key is stored.
      const [{ n: plain }] = (await ds.query('SELECT count(*)::int AS n FROM requests WHERE submission_key = $1 OR submission_key_hash = $1', [
        form.submissionKey,
      ])) as { n: number }[];
      expect(plain).toBe(0);
    });

    it('should refuse an identity document whose bytes are not JPEG, PNG or PDF whatever its name', async () => {
      const form = await openForm();
      const res = await post(form, formFields(requestPayload(surabaya)), { bytes: Buffer.from('MZ\x90\x00 not an image'), name: 'ktp.jpg' });
      expect(res.status).toBe(400);
      expect(res.text).toContain('harus berupa berkas JPEG, PNG, atau PDF');
    });

    it('should refuse an identity document larger than 2 MB', async () => {
      const form = await openForm();
      const big = Buffer.concat([TINY_PDF, Buffer.alloc(2 * 1024 * 1024 + 1, 0x20)]);
      const res = await post(form, formFields(requestPayload(surabaya)), { bytes: big, name: 'ktp.pdf' });
      expect(res.status).toBe(400);
      expect(res.text).toContain('paling besar 2 MB');
    });

    it('should refuse the submission when the honeypot field is filled', async () => {
      const form = await openForm();
      const res = await post(form, { ...formFields(requestPayload(surabaya)), website: 'http://spam.example' }, { bytes: TINY_PNG, name: 'k.png' });
      expect(res.status).toBe(400);
      expect(res.text).toContain('tidak dapat diproses');
    });

    it('should escape script in every text field on the page and keep it as text in the receipt PDF', async () => {
      const form = await openForm();
      const payload = requestPayload(surabaya, {
        requester: { name: `Ani ${XSS}`, address: `Jl. ${XSS}`, occupation: XSS },
        information: `Data ${XSS} tahun 2025`,
        purpose: `Tujuan ${XSS}`,
      });
      const res = await post(form, formFields(payload), { bytes: TINY_PNG, name: 'ktp.png' });
      expect(res.status).toBe(201);
      expect(res.text).not.toContain(XSS);
      expect(res.text).toContain('&lt;script&gt;');
      const nomor = /id="nomor-pendaftaran">([^<]+)</.exec(res.text)![1];
      const kode = /id="kode-pelacakan">([^<]+)</.exec(res.text)![1];
      const pdf = await form.agent
        .post('/lacak/tanda-terima')
        .type('form')
        .send({ _csrf: csrfTokenOf(res.text), nomor, kode })
        .buffer(true)
        .parse(binary);
      expect(pdf.status).toBe(200);
      const text = await pdfText(pdf.body as Buffer);
      expect(text).toContain(`Data ${XSS} tahun 2025`);
    });

    it('should find the request on /lacak with number and code, and give the same answer for a wrong code', async () => {
      const created = (await http().post('/api/v1/requests').send(requestPayload(surabaya))).body;
      const agent = request.agent(t.app.getHttpServer());
      const page = await agent.get('/lacak');
      const found = await agent
        .post('/lacak')
        .type('form')
        .send({ _csrf: csrfTokenOf(page.text), nomor: created.registrationNumber, kode: created.trackingCode.toLowerCase() });
      expect(found.status).toBe(200);
      expect(found.text).toContain('Status: Diterima');
      expect(found.text).toContain('Permohonan diterima dan didaftarkan');
      const wrong = await agent
        .post('/lacak')
        .type('form')
        .send({ _csrf: csrfTokenOf(page.text), nomor: created.registrationNumber, kode: 'ZZZZZZZZZZZZ' });
      expect(wrong.status).toBe(404);
      expect(wrong.text).toContain('Permohonan tidak ditemukan');
    });
  });
});
