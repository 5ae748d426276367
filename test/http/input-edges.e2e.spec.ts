import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearerToken, createUser, loginAgent, SignedInAgent, TestUser, utamaUnitOf } from 'test/support/auth-helpers';
import { csrfTokenOf } from 'test/support/page-form';
import { requestPayload } from 'test/support/request-factory';
import { startTestApp, TestApp } from 'test/support/test-app';

/** Hostile values at the edge: 400 naming the field (API) or the page with a message, never 500. */
describe('input at the edge', () => {
  let t: TestApp;
  let surabaya: { id: number; bodyId: number };
  let malang: { id: number; bodyId: number };
  let officer: TestUser;
  let colleague: TestUser;
  let supervisor: TestUser;
  let stranger: TestUser;
  let admin: TestUser;
  let token: string;
  let page: SignedInAgent;
  const http = () => request(t.app.getHttpServer());
  const auth = () => ({ Authorization: `Bearer ${token}` });

  async function fileRequest(): Promise<string> {
    const res = await http().post('/api/v1/requests').send(requestPayload(surabaya.id));
    expect(res.status).toBe(201);
    const [row] = (await t.app.get(DataSource).query('SELECT id FROM requests WHERE registration_number = $1', [res.body.registrationNumber])) as { id: string }[];
    return String(row.id);
  }

  beforeAll(async () => {
    t = await startTestApp({ INTAKE_LIMIT_PER_IP_HOUR: '1000' });
    surabaya = await utamaUnitOf(t.app, '35.78');
    malang = await utamaUnitOf(t.app, '35.73');
    officer = await createUser(t.app, { role: 'officer', unitId: surabaya.id });
    colleague = await createUser(t.app, { role: 'officer', unitId: surabaya.id });
    supervisor = await createUser(t.app, { role: 'supervisor', bodyId: surabaya.bodyId });
    stranger = await createUser(t.app, { role: 'officer', unitId: malang.id });
    admin = await createUser(t.app, { role: 'admin' });
    token = await bearerToken(t.app, officer.email);
    page = await loginAgent(t.app, officer.email);
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('control characters', () => {
    it('should refuse a NUL in the e-mail of a token request with 400 naming the field, and sign in afterwards', async () => {
      const res = await http().post('/api/v1/auth/token').send({ email: 'a\u0000b@uji.go.id', password: 'apa-saja-123' });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, errors: { email: expect.any(String) } });
      await expect(bearerToken(t.app, officer.email)).resolves.toEqual(expect.any(String));
    });

    it.each([
      ['requester.name', { requester: { name: 'Budi\u0085Santoso' } }],
      ['requester.address', { requester: { address: 'Jl. Mawar\u001b[31m No. 1' } }],
      ['information', { information: `Dokumen anggaran ${'\ud800'} tahun 2025 beserta lampirannya.` }],
      ['purpose', { purpose: 'Penelitian\u007f' }],
    ])('should refuse a control character in %s with 400 naming it and store nothing', async (field, override) => {
      const before = (await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM requests')) as { n: number }[];
      const res = await http().post('/api/v1/requests').send(requestPayload(surabaya.id, override));
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.errors)).toEqual([field]);
      const after = (await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM requests')) as { n: number }[];
      expect(after[0].n).toBe(before[0].n);
    });

    it('should keep tabs, line breaks and every script', async () => {
      const res = await http()
        .post('/api/v1/requests')
        .send(requestPayload(surabaya.id, { information: 'Baris satu\r\nBaris\tdua — 中文 العربية 🙂 dokumen anggaran tahun 2025.' }));
      expect(res.status).toBe(201);
    });

    it('should refuse a control character in a query and a route parameter', async () => {
      const q = await http().get('/api/v1/queue?q=a%01b').set(auth());
      expect(q.status).toBe(400);
      expect(q.body.errors).toHaveProperty('q');
      const p = await http().get('/api/v1/requests/3578%00U').set('X-Tracking-Code', 'ABCD-EFGH-JKMN');
      expect(p.status).toBe(400);
      expect(p.body.errors).toHaveProperty('number');
    });

    it('should show the page with a message for a control character in a form', async () => {
      const agent = request.agent(t.app.getHttpServer());
      const csrf = csrfTokenOf((await agent.get('/masuk')).text);
      const res = await agent.post('/masuk').type('form').send({ _csrf: csrf, email: 'a\u0000@uji.go.id', password: 'x' });
      expect(res.status).toBe(400);
      expect(res.text).toContain('karakter kendali');
      expect(res.text).toContain('Isian &quot;email&quot;');
    });
  });

  describe('parameters', () => {
    it('should answer 400 with a message for the request form without a valid unit', async () => {
      for (const path of ['/permohonan/baru', '/permohonan/baru?unit=abc', '/permohonan/baru?unit=1e10', '/permohonan/baru?unit=-1']) {
        const res = await http().get(path);
        expect(res.status).toBe(400);
        expect(res.text).toContain('Pilih unit PPID tujuan');
      }
      expect((await http().get('/permohonan/baru?unit=999999')).status).toBe(404);
    });

    it.each([
      ['limit=abc', 'limit'],
      ['limit=0', 'limit'],
      ['limit=1e10', 'limit'],
      ['unitId=abc', 'unitId'],
      ['unitId=99999999999', 'unitId'],
      ['state=kemarin', 'state'],
      ['after=x', 'after'],
      ['limit=5&limit=6', 'limit'],
    ])('should refuse the queue query %s with 400 naming %s', async (query, field) => {
      const res = await http().get(`/api/v1/queue?${query}`).set(auth());
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, message: expect.any(String), errors: { [field]: expect.any(String) } });
    });

    it('should refuse the queue page filters with the page and a message', async () => {
      const res = await page.agent.get('/petugas?unit=abc');
      expect(res.status).toBe(400);
      expect(res.text).toContain('Unit tidak valid');
    });

    it('should refuse an offline receipt time before the calendar starts', async () => {
      const res = await http()
        .post('/api/v1/offline-requests')
        .set(auth())
        .send({ ...requestPayload(surabaya.id), channel: 'letter', receivedAt: '2019-12-30T10:00:00+07:00' });
      expect(res.status).toBe(400);
      expect(res.body.errors.receivedAt).toContain('2020');
    });

    it('should refuse a field sent twice in a form', async () => {
      const agent = request.agent(t.app.getHttpServer());
      const csrf = csrfTokenOf((await agent.get('/lacak')).text);
      const res = await agent.post('/lacak').type('form').send(`_csrf=${encodeURIComponent(csrf)}&nomor=a&nomor=b&kode=x`);
      expect(res.status).toBe(400);
      expect(res.text).toContain('Isian &quot;nomor&quot;');
    });
  });

  describe('assignment', () => {
    it.each([
      ['an admin', () => admin.id],
      ['a missing account', () => 99_999_999],
      ['an officer of another body', () => stranger.id],
      ['a huge number', () => 1e10],
      ['a fraction', () => 1.5],
      ['text', () => 'abc'],
      ['an object', () => ({ id: 1 })],
    ])('should refuse %s with 400 naming assigneeId and change nothing', async (_label, id) => {
      const requestId = await fileRequest();
      const res = await http().post(`/api/v1/requests/${requestId}/assignment`).set(auth()).send({ assigneeId: id() });
      expect(res.status).toBe(400);
      expect(res.body.errors).toHaveProperty('assigneeId');
      const [row] = (await t.app.get(DataSource).query('SELECT assignee_id FROM requests WHERE id = $1', [requestId])) as { assignee_id: number | null }[];
      expect(row.assignee_id).toBeNull();
    });

    it('should assign an officer or the supervisor who may work the unit, and unassign with null', async () => {
      const requestId = await fileRequest();
      for (const who of [colleague, supervisor]) {
        const res = await http().post(`/api/v1/requests/${requestId}/assignment`).set(auth()).send({ assigneeId: who.id });
        expect(res.status).toBe(204);
        const [row] = (await t.app.get(DataSource).query('SELECT assignee_id FROM requests WHERE id = $1', [requestId])) as { assignee_id: number }[];
        expect(row.assignee_id).toBe(who.id);
      }
      const cleared = await http().post(`/api/v1/requests/${requestId}/assignment`).set(auth()).send({ assigneeId: null });
      expect(cleared.status).toBe(204);
    });

    it('should refuse a deactivated officer', async () => {
      const requestId = await fileRequest();
      const gone = await createUser(t.app, { role: 'officer', unitId: surabaya.id });
      await t.app.get(DataSource).query('UPDATE users SET active = false WHERE id = $1', [gone.id]);
      const res = await http().post(`/api/v1/requests/${requestId}/assignment`).set(auth()).send({ assigneeId: gone.id });
      expect(res.status).toBe(400);
    });

    it('should show the request page with the message when the form names someone who may not work the unit', async () => {
      const requestId = await fileRequest();
      const res = await page.postForm(`/petugas/permohonan/${requestId}/tugaskan`, { assigneeId: String(admin.id) });
      expect(res.status).toBe(400);
      expect(res.text).toContain('tidak dapat menangani permohonan pada unit ini');
    });
  });
});
