import { readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { uploadDir } from 'src/common/uploads/accepts-uploads';
import { bearerToken, createUser, loginAgent, SignedInAgent, TestUser, utamaUnitOf } from 'test/support/auth-helpers';
import { anonymousForm, postStreamedMultipart } from 'test/support/multipart-stream';
import { csrfTokenOf, hiddenValue, multipartActionOf } from 'test/support/page-form';
import { formFields, requestPayload, TINY_PDF, TINY_PNG } from 'test/support/request-factory';
import { startTestApp, TestApp } from 'test/support/test-app';
import { waitFor } from 'test/support/wait-for';

const MB = 1024 * 1024;

/** A PNG (by its first bytes) of `bytes` bytes. */
function pngOf(bytes: number): Buffer {
  const b = Buffer.alloc(bytes, 0);
  TINY_PNG.copy(b);
  return b;
}

function pdfOf(bytes: number): Buffer {
  const b = Buffer.alloc(bytes, 0x20);
  TINY_PDF.copy(b);
  return b;
}

/**
 * Every route that takes files: parsed only there, after the CSRF check and the sign-in,
 * with the route's limits as clear answers, and no temporary file left afterwards.
 */
describe('uploads over HTTP', () => {
  let t: TestApp;
  let surabaya: { id: number; bodyId: number };
  let officer: TestUser;
  let token: string;
  const http = () => request(t.app.getHttpServer());
  const auth = (tok: string) => ({ Authorization: `Bearer ${tok}` });
  const tempFiles = () => readdirSync(uploadDir(t.config));
  /** Temporary files go when the request ends, which may be just after the answer was sent. */
  const noTempFiles = () => waitFor(() => tempFiles().length === 0, 3000);
  const count = async (sql: string): Promise<number> => ((await t.app.get(DataSource).query(sql)) as { n: number }[])[0].n;

  beforeAll(async () => {
    t = await startTestApp({ INTAKE_LIMIT_PER_IP_HOUR: '10000' }, { listen: true });
    surabaya = await utamaUnitOf(t.app, '35.78');
    officer = await createUser(t.app, { role: 'officer', unitId: surabaya.id });
    token = await bearerToken(t.app, officer.email);
  });

  afterAll(async () => {
    await t.close();
  });

  /** A request of the officer's unit answered with a notice, so documents may be handed over. */
  async function answeredRequest(): Promise<string> {
    const res = await http().post('/api/v1/requests').send(requestPayload(surabaya.id));
    expect(res.status).toBe(201);
    const [row] = (await t.app.get(DataSource).query('SELECT id FROM requests WHERE registration_number = $1', [res.body.registrationNumber])) as { id: string }[];
    const notice = await http()
      .post(`/api/v1/requests/${row.id}/notice`)
      .set(auth(token))
      .send({ decision: 'granted', informationHeld: true, material: 'DPA', format: 'softcopy', delivery: 'email' });
    expect(notice.status).toBe(201);
    return String(row.id);
  }

  /** The session cookies of a signed-in officer, for posts streamed with plain http. */
  async function sessionCookies(): Promise<{ cookie: string; csrf: string }> {
    const page = await anonymousForm(t.url, '/masuk');
    const res = await fetch(`${t.url}/masuk`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: page.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: page.csrf, email: officer.email, password: officer.password as string }).toString(),
    });
    expect(res.status).toBe(303);
    const session = res.headers.getSetCookie().map((c) => c.split(';')[0]);
    return { cookie: [page.cookie, ...session].join('; '), csrf: page.csrf };
  }

  describe('citizen request form', () => {
    async function openForm() {
      const agent = request.agent(t.app.getHttpServer());
      const page = await agent.get('/permohonan/baru').query({ unit: surabaya.id });
      expect(page.status).toBe(200);
      return { agent, csrf: csrfTokenOf(page.text), action: multipartActionOf(page.text), submissionKey: hiddenValue(page.text, 'submissionKey') };
    }

    it('should carry the CSRF token in the form action, since the body is read only after the check', async () => {
      const form = await openForm();
      // The form posts to an address GET also answers with the same form, so a failed post can be reopened.
      expect(form.action).toBe(`/permohonan?unit=${surabaya.id}&_csrf=${form.csrf}`);
    });

    it('should re-render the form with the limit beside the field and the typed input kept when the document is over 2 MB', async () => {
      const form = await openForm();
      const before = await count('SELECT count(*)::int AS n FROM requests');
      let req = form.agent.post(form.action).field('submissionKey', form.submissionKey);
      for (const [k, v] of Object.entries(formFields(requestPayload(surabaya.id, { requester: { name: 'Sekar Ayu' } })))) req = req.field(k, v);
      const res = await req.attach('identityDocument', pngOf(3 * MB), 'ktp.png');
      expect(res.status).toBe(400);
      expect(res.text).toMatch(/id="e-identityDocument"><span class="visually-hidden">Kesalahan: <\/span>Dokumen identitas paling besar 2 MB\./);
      expect(res.text).toContain('value="Sekar Ayu"');
      await expect(count('SELECT count(*)::int AS n FROM requests')).resolves.toBe(before);
      await noTempFiles();
    });

    it('should answer 413 naming the limit, before reading, when the whole body is far over it', async () => {
      const form = await anonymousForm(t.url, `/permohonan/baru?unit=${surabaya.id}`);
      const res = await postStreamedMultipart(`${t.url}/permohonan?_csrf=${encodeURIComponent(form.csrf)}`, {
        headers: { Cookie: form.cookie },
        file: { field: 'identityDocument', name: 'ktp.pdf', bytes: 40 * MB },
      });
      expect(res.status).toBe(413);
      expect(res.body).toContain('Dokumen identitas paling besar 2 MB.');
      expect(res.bytesSentAtAnswer).toBeLessThan(res.totalBytes / 2);
    });

    it('should refuse a document whose bytes are not JPEG, PNG or PDF and leave no temporary file', async () => {
      const form = await openForm();
      let req = form.agent.post(form.action).field('submissionKey', form.submissionKey);
      for (const [k, v] of Object.entries(formFields(requestPayload(surabaya.id)))) req = req.field(k, v);
      const res = await req.attach('identityDocument', Buffer.from('MZ\x90\x00 not an image'), 'ktp.png');
      expect(res.status).toBe(400);
      expect(res.text).toContain('Dokumen identitas harus berupa berkas JPEG, PNG, atau PDF.');
      await noTempFiles();
    });

    it('should register the request with its document and leave no temporary file', async () => {
      const form = await openForm();
      let req = form.agent.post(form.action).field('submissionKey', form.submissionKey);
      for (const [k, v] of Object.entries(formFields(requestPayload(surabaya.id)))) req = req.field(k, v);
      const res = await req.attach('identityDocument', TINY_PNG, 'ktp.png');
      expect(res.status).toBe(201);
      const number = /id="nomor-pendaftaran">([^<]+)</.exec(res.text)?.[1];
      const [row] = (await t.app.get(DataSource).query(
        `SELECT f.size FROM requests r JOIN stored_files f ON f.id = r.identity_document_id WHERE r.registration_number = $1`,
        [number],
      )) as { size: number }[];
      expect(Number(row.size)).toBe(TINY_PNG.length);
      await noTempFiles();
    });

    it('should refuse with 403, before reading the body, a post whose token is only inside the multipart body', async () => {
      const form = await anonymousForm(t.url, `/permohonan/baru?unit=${surabaya.id}`);
      const res = await postStreamedMultipart(`${t.url}/permohonan`, {
        headers: { Cookie: form.cookie },
        fields: { _csrf: form.csrf, unitId: String(surabaya.id) },
        file: { field: 'identityDocument', name: 'ktp.pdf', bytes: 40 * MB },
      });
      expect(res.status).toBe(403);
      expect(res.body).toContain('Formulir kedaluwarsa');
      expect(res.bytesSentAtAnswer).toBeLessThan(res.totalBytes / 2);
      await noTempFiles();
    });

    it('should accept the token in the X-CSRF-Token header', async () => {
      const form = await openForm();
      let req = form.agent.post('/permohonan').set('X-CSRF-Token', form.csrf).field('submissionKey', form.submissionKey);
      for (const [k, v] of Object.entries(formFields(requestPayload(surabaya.id)))) req = req.field(k, v);
      const res = await req.attach('identityDocument', TINY_PDF, 'ktp.pdf');
      expect(res.status).toBe(201);
    });
  });

  describe('routes that take no files', () => {
    it('should answer 415 JSON to a multipart post on the public API, and 415 on a page', async () => {
      const api = await http().post('/api/v1/requests').field('unitId', String(surabaya.id)).attach('identityDocument', TINY_PNG, 'ktp.png');
      expect(api.status).toBe(415);
      expect(api.body).toEqual({ statusCode: 415, message: 'Alamat ini tidak menerima unggahan berkas.' });
      const agent = request.agent(t.app.getHttpServer());
      const csrf = csrfTokenOf((await agent.get('/lacak')).text);
      const page = await agent.post('/lacak').query({ _csrf: csrf }).field('nomor', 'x').attach('berkas', TINY_PNG, 'a.png');
      expect(page.status).toBe(415);
      expect(page.text).toContain('tidak menerima unggahan berkas');
      expect(page.headers.connection).toBe('close');
    });
  });

  describe('officer offline recording', () => {
    it('should send a visitor without a session to sign in, before reading the body', async () => {
      const form = await anonymousForm(t.url, '/lacak');
      const res = await postStreamedMultipart(`${t.url}/petugas/permohonan?_csrf=${encodeURIComponent(form.csrf)}`, {
        headers: { Cookie: form.cookie },
        file: { field: 'identityDocument', name: 'ktp.pdf', bytes: 40 * MB },
      });
      expect(res.status).toBe(303);
      expect(res.headers.location).toMatch(/^\/masuk/);
      expect(res.bytesSentAtAnswer).toBeLessThan(res.totalBytes / 2);
    });

    it('should re-render the form with the limit beside the field when the document is over 2 MB', async () => {
      const officerAgent: SignedInAgent = await loginAgent(t.app, officer.email);
      const page = await officerAgent.agent.get('/petugas/permohonan/baru');
      expect(page.status).toBe(200);
      const action = multipartActionOf(page.text);
      expect(action).toBe(`/petugas/permohonan?_csrf=${csrfTokenOf(page.text)}`);
      let req = officerAgent.agent.post(action).field('channel', 'walk_in').field('receivedAt', '2025-03-27T10:00');
      for (const [k, v] of Object.entries(formFields(requestPayload(surabaya.id)))) req = req.field(k, v);
      const res = await req.attach('identityDocument', pngOf(3 * MB), 'ktp.png');
      expect(res.status).toBe(400);
      expect(res.text).toContain('Dokumen identitas paling besar 2 MB.');
      await noTempFiles();
    });

    it('should refuse with 403 a signed-in post without the token in the action or header', async () => {
      const officerAgent = await loginAgent(t.app, officer.email);
      const res = await officerAgent.agent.post('/petugas/permohonan').field('_csrf', officerAgent.csrfToken).attach('identityDocument', TINY_PNG, 'ktp.png');
      expect(res.status).toBe(403);
    });
  });

  describe('officer handover page', () => {
    it('should re-render the request page with 413 and the limit beside the field for a file over 20 MB', async () => {
      const id = await answeredRequest();
      const a = await loginAgent(t.app, officer.email);
      const page = await a.agent.get(`/petugas/permohonan/${id}`);
      const action = multipartActionOf(page.text);
      expect(action).toBe(`/petugas/permohonan/${id}/serah?_csrf=${a.csrfToken}`);
      const version = hiddenValue(page.text, 'version');
      const res = await a.agent.post(action).field('version', version).attach('files', pdfOf(21 * MB), 'besar.pdf');
      expect(res.status).toBe(413);
      expect(res.text).toMatch(/id="e-serah-files"><span class="visually-hidden">Kesalahan: <\/span>besar\.pdf: paling besar 20 MB\.<\/span>/);
      await expect(count(`SELECT count(*)::int AS n FROM request_documents WHERE request_id = ${Number(id)} AND kind = 'handover'`)).resolves.toBe(0);
      await noTempFiles();
    });

    it('should refuse more than five files and a file of the wrong type with a message', async () => {
      const id = await answeredRequest();
      const a = await loginAgent(t.app, officer.email);
      const page = await a.agent.get(`/petugas/permohonan/${id}`);
      const action = multipartActionOf(page.text);
      let six = a.agent.post(action).field('version', hiddenValue(page.text, 'version'));
      for (let i = 0; i < 6; i++) six = six.attach('files', TINY_PDF, `d${i}.pdf`);
      const tooMany = await six;
      expect(tooMany.status).toBe(400);
      expect(tooMany.text).toMatch(/Paling banyak 5 berkas/);
      const wrong = await a.agent.post(action).field('version', hiddenValue(page.text, 'version')).attach('files', Buffer.from('MZ\x90\x00 program'), 'dpa.pdf');
      expect(wrong.status).toBe(400);
      expect(wrong.text).toContain('dpa.pdf: hanya PDF, gambar (JPEG/PNG) atau berkas perkantoran.');
      await noTempFiles();
    });

    it('should hand over through the page and leave no temporary file', async () => {
      const id = await answeredRequest();
      const a = await loginAgent(t.app, officer.email);
      const page = await a.agent.get(`/petugas/permohonan/${id}`);
      const res = await a.agent
        .post(multipartActionOf(page.text))
        .field('version', hiddenValue(page.text, 'version'))
        .attach('files', TINY_PDF, 'dpa.pdf')
        .attach('files', TINY_PNG, 'peta.png');
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(`/petugas/permohonan/${id}?selesai=serah`);
      await noTempFiles();
    });

    it('should refuse with 403, before reading the body, a signed-in post without the token', async () => {
      const id = await answeredRequest();
      const session = await sessionCookies();
      const res = await postStreamedMultipart(`${t.url}/petugas/permohonan/${id}/serah`, {
        headers: { Cookie: session.cookie },
        fields: { _csrf: session.csrf },
        file: { field: 'files', name: 'dpa.pdf', bytes: 40 * MB },
      });
      expect(res.status).toBe(403);
      expect(res.bytesSentAtAnswer).toBeLessThan(res.totalBytes / 2);
      await noTempFiles();
    });
  });

  describe('officer handover API', () => {
    it('should answer 413 JSON naming the file and the limit for a file over 20 MB', async () => {
      const id = await answeredRequest();
      const res = await http().post(`/api/v1/requests/${id}/documents`).set(auth(token)).attach('files', pdfOf(21 * MB), 'besar.pdf');
      expect(res.status).toBe(413);
      expect(res.body.errors).toEqual({ files: 'besar.pdf: paling besar 20 MB.' });
      await noTempFiles();
    });

    it('should answer 401 without a token, before reading the body', async () => {
      const id = await answeredRequest();
      const res = await postStreamedMultipart(`${t.url}/api/v1/requests/${id}/documents`, { file: { field: 'files', name: 'dpa.pdf', bytes: 40 * MB } });
      expect(res.status).toBe(401);
      expect(res.bytesSentAtAnswer).toBeLessThan(res.totalBytes / 2);
    });

    it('should answer 411 to an upload without Content-Length', async () => {
      const id = await answeredRequest();
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(`${t.url}/api/v1/requests/${id}/documents`, {
          method: 'POST',
          headers: { ...auth(token), 'Content-Type': 'multipart/form-data; boundary=x', 'Transfer-Encoding': 'chunked' },
        });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        });
        req.on('error', reject);
        req.write('--x\r\nContent-Disposition: form-data; name="files"; filename="a.pdf"\r\n\r\n%PDF-1.4\n');
      });
      expect(status).toBe(411);
    });

    it('should remove the temporary file when the client goes away mid-upload', async () => {
      const id = await answeredRequest();
      const boundary = 'abbruch';
      const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`);
      const req = httpRequest(`${t.url}/api/v1/requests/${id}/documents`, {
        method: 'POST',
        headers: { ...auth(token), 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': String(10 * MB) },
      });
      req.on('error', () => undefined);
      req.write(head);
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      for (let i = 0; i < 16; i++) req.write(chunk);
      await waitFor(() => tempFiles().length === 1);
      req.destroy();
      await waitFor(() => tempFiles().length === 0);
      await expect(count(`SELECT count(*)::int AS n FROM request_documents WHERE request_id = ${Number(id)} AND kind = 'handover'`)).resolves.toBe(0);
    });
  });
});
