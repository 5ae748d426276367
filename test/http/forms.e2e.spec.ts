import request from 'supertest';
import { createUser, loginAgent, SignedInAgent, TestUser, utamaUnitOf } from 'test/support/auth-helpers';
import { csrfTokenOf, multipartActionOf } from 'test/support/page-form';
import { formFields, requestPayload, TINY_PNG } from 'test/support/request-factory';
import { startTestApp, TestApp } from 'test/support/test-app';
import { DataSource } from 'typeorm';

/** The attribute value of the element with this id, or null. */
function attributeOf(html: string, id: string, attribute: string): string | null {
  const tag = new RegExp(`<[a-z]+[^>]*\\bid="${id}"[^>]*>`).exec(html)?.[0];
  return tag ? (new RegExp(`\\b${attribute}="([^"]*)"`).exec(tag)?.[1] ?? null) : null;
}

describe('forms that come back with their errors', () => {
  let t: TestApp;
  let surabaya: { id: number; bodyId: number };
  let officer: TestUser;
  let signedIn: SignedInAgent;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await startTestApp({ INTAKE_LIMIT_PER_IP_HOUR: '10000' });
    surabaya = await utamaUnitOf(t.app, '35.78');
    officer = await createUser(t.app, { role: 'officer', unitId: surabaya.id });
    signedIn = await loginAgent(t.app, officer.email);
  });

  afterAll(async () => {
    await t.close();
  });

  async function fileRequest(): Promise<{ id: string; version: string }> {
    const res = await http().post('/api/v1/requests').send(requestPayload(surabaya.id));
    expect(res.status).toBe(201);
    const [row] = (await t.app.get(DataSource).query('SELECT id, version FROM requests WHERE registration_number = $1', [res.body.registrationNumber])) as {
      id: string;
      version: number;
    }[];
    return { id: String(row.id), version: String(row.version) };
  }

  describe('the citizen request form', () => {
    async function openForm() {
      const agent = request.agent(t.app.getHttpServer());
      const page = await agent.get('/permohonan/baru').query({ unit: surabaya.id });
      expect(page.status).toBe(200);
      return { agent, action: multipartActionOf(page.text) };
    }

    it('should say "wajib diisi" beside each empty field, mark it, keep what was typed and ask for the file again', async () => {
      const form = await openForm();
      const fields = { ...formFields(requestPayload(surabaya.id)), 'requester.name': 'Sekar Arum', 'requester.address': '', information: '' };
      let post = form.agent.post(form.action);
      for (const [name, value] of Object.entries(fields)) post = post.field(name, value);
      const res = await post.attach('identityDocument', TINY_PNG, 'ktp.png');
      expect(res.status).toBe(400);
      expect(res.text).toContain('Alamat wajib diisi.');
      expect(res.text).toContain('Rincian informasi yang dibutuhkan wajib diisi.');
      expect(attributeOf(res.text, 'f-requester_address', 'aria-invalid')).toBe('true');
      expect(attributeOf(res.text, 'f-requester_address', 'aria-describedby')).toBe('e-requester_address');
      expect(attributeOf(res.text, 'f-requester_name', 'aria-invalid')).toBeNull();
      expect(res.text).toContain('value="Sekar Arum"');
      // The summary takes focus (public/js/forms.js) and links to each field.
      expect(res.text).toMatch(/<div class="error-summary"[^>]*tabindex="-1"[^>]*data-error-summary>/);
      expect(res.text).toContain('href="#f-requester_address"');
      // A file cannot come back: the form says so beside the file field.
      expect(res.text).toMatch(/id="e-identityDocument"><span class="visually-hidden">Kesalahan: <\/span>Pilih kembali berkas dokumen identitas/);
      expect(attributeOf(res.text, 'f-identityDocument', 'aria-invalid')).toBe('true');
    });

    it('should leave an address that reopens the same form', async () => {
      const form = await openForm();
      const reopened = await form.agent.get(form.action);
      expect(reopened.status).toBe(200);
      expect(reopened.text).toContain(`<input type="hidden" name="unitId" value="${surabaya.id}">`);
      expect(reopened.text).not.toContain('error-summary');
    });
  });

  describe('the API', () => {
    it('should answer 400 with "wajib diisi" per field under the same names the form uses', async () => {
      const res = await http().post('/api/v1/requests').send({ unitId: surabaya.id, requester: { type: 'individual' } });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        message: expect.any(String),
        errors: {
          'requester.name': 'Nama wajib diisi.',
          'requester.nik': 'NIK wajib diisi.',
          information: 'Rincian informasi yang dibutuhkan wajib diisi.',
          obtainMethod: 'Cara memperoleh informasi wajib dipilih.',
        },
      });
    });

    it('should document the DTOs that validate, with their rules', async () => {
      const res = await http().get('/api/docs/openapi.json');
      expect(res.status).toBe(200);
      const schemas = res.body.components.schemas;
      expect(schemas.CreateRequestDto.properties.information).toMatchObject({ type: 'string', maxLength: 5000, minLength: 10 });
      expect(schemas.RequesterDto.properties.type.enum).toEqual(['individual', 'organization', 'group']);
      expect(schemas.CreateRequestDto.required).toEqual(expect.arrayContaining(['unitId', 'requester', 'information', 'purpose', 'obtainMethod']));
      expect(schemas.NoticeDto.properties.decision.enum).toEqual(['granted', 'partially_granted', 'refused', 'not_held', 'not_documented']);
      expect(schemas.ExtensionDto.properties.workingDays).toMatchObject({ type: 'integer', minimum: 1, maximum: 7 });
      expect(res.body.paths['/api/v1/requests'].post.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/CreateRequestDto');
      expect(res.body.paths['/api/v1/requests/{id}/notice'].post.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/NoticeDto');
    });
  });

  describe('the officer action forms', () => {
    it('should put "Keputusan wajib dipilih" beside the decision when none was chosen, in the notice form itself', async () => {
      const r = await fileRequest();
      const page = await signedIn.agent.get(`/petugas/permohonan/${r.id}`);
      // No decision is preselected.
      expect(page.text).not.toMatch(/name="decision" value="[a-z_]+" checked/);
      const res = await signedIn.postForm(`/petugas/permohonan/${r.id}/pemberitahuan`, { version: r.version, informationHeld: 'true', material: 'DPA 2025' });
      expect(res.status).toBe(400);
      expect(res.text).toMatch(/id="e-pemberitahuan-decision"><span class="visually-hidden">Kesalahan: <\/span>Keputusan wajib dipilih\./);
      expect(attributeOf(res.text, 'f-pemberitahuan-decision', 'aria-describedby')).toBe('e-pemberitahuan-decision');
      // The summary is in the notice's section, not at the top of the page.
      const section = res.text.slice(res.text.indexOf('id="aksi-pemberitahuan"'));
      expect(section.indexOf('data-error-summary')).toBeGreaterThan(0);
      expect(section.indexOf('data-error-summary')).toBeLessThan(section.indexOf('<form'));
      expect(res.text).toContain('DPA 2025');
    });

    it('should show a refusal\'s missing parts beside their fields, with the fieldsets named by decision', async () => {
      const r = await fileRequest();
      const res = await signedIn.postForm(`/petugas/permohonan/${r.id}/pemberitahuan`, { version: r.version, decision: 'refused', informationHeld: 'true', exemptionGround: 'a' });
      expect(res.status).toBe(400);
      expect(res.text).toContain('Alasan penolakan wajib diisi.');
      expect(res.text).toMatch(/id="e-pemberitahuan-consequenceTest_date">/);
      expect(res.text).toMatch(/id="e-pemberitahuan-consequenceTest_exemptionUntil">/);
      expect(res.text).toMatch(/name="decision" value="refused" checked/);
      expect(res.text).toContain('Bila ditolak atau diberikan sebagian: alasan pengecualian Pasal 17 dan uji konsekuensi');
      expect(res.text).toContain('Bila diberikan seluruhnya atau sebagian');
    });

    it('should keep the extension reason beside its field, and reopen the address at the form', async () => {
      const r = await fileRequest();
      const res = await signedIn.postForm(`/petugas/permohonan/${r.id}/perpanjang`, { version: r.version, workingDays: '9', reason: 'Singkat' });
      expect(res.status).toBe(400);
      expect(res.text).toContain('Perpanjangan 1 sampai 7 hari kerja.');
      expect(res.text).toContain('Alasan perpanjangan paling sedikit 10 karakter.');
      expect(attributeOf(res.text, 'f-perpanjang-reason', 'aria-invalid')).toBe('true');
      expect(res.text).toMatch(/<textarea id="f-perpanjang-reason"[^>]*>Singkat<\/textarea>/);
      const reopened = await signedIn.agent.get(`/petugas/permohonan/${r.id}/perpanjang`);
      expect(reopened.status).toBe(303);
      expect(reopened.headers.location).toBe(`/petugas/permohonan/${r.id}#aksi-perpanjang`);
    });

    it('should keep the officer out of an unknown action with 404', async () => {
      const r = await fileRequest();
      const res = await signedIn.postForm(`/petugas/permohonan/${r.id}/hapus`, { version: r.version });
      expect(res.status).toBe(404);
      const reopened = await signedIn.agent.get(`/petugas/permohonan/${r.id}/hapus`);
      expect(reopened.status).toBe(404);
    });
  });

  describe('sign-in', () => {
    it('should say "wajib diisi" for an empty e-mail and keep the page at its address', async () => {
      const agent = request.agent(t.app.getHttpServer());
      const page = await agent.get('/masuk');
      const res = await agent.post('/masuk').type('form').send({ _csrf: csrfTokenOf(page.text), email: '', password: '' });
      expect(res.status).toBe(400);
      expect(res.text).toContain('Alamat e-mail wajib diisi.');
      expect(res.text).toContain('Kata sandi wajib diisi.');
    });
  });
});
