import fc from 'fast-check';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearerToken, createUser, loginAgent, TestUser, utamaUnitOf } from 'test/support/auth-helpers';
import { binary } from 'test/support/binary';
import { csrfTokenOf, hiddenValue, multipartActionOf } from 'test/support/page-form';
import { pdfText } from 'test/support/pdf-text';
import { formFields, requestPayload, TINY_PDF, TINY_PNG } from 'test/support/request-factory';
import { startTestApp, TestApp } from 'test/support/test-app';
import { localDateTimeOf } from 'src/common/time/local-time';
import { PersonalFields, PublishedAnswersService } from 'src/modules/published-answers';
import { ScorecardRollupsService } from 'src/modules/scorecards';
import { leaks, personalFieldsArbitrary, textWithPersonalData } from 'src/modules/published-answers/personal-fields.arbitrary';

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
const grant = { decision: 'granted', informationHeld: true, material: 'Salinan DPA 2025', format: 'softcopy', delivery: 'email' };

interface Filed {
  id: string;
  number: string;
  code: string;
}

describe('published answers', () => {
  let t: TestApp;
  let surabaya: { id: number; bodyId: number };
  let officer: TestUser;
  let stranger: TestUser;
  let token: string;
  const http = () => request(t.app.getHttpServer());
  const auth = (tok: string) => ({ Authorization: `Bearer ${tok}` });
  const db = () => t.app.get(DataSource);
  const sweep = () => t.app.get(PublishedAnswersService).sweep(new Date());

  async function file(overrides: Record<string, unknown> = {}): Promise<Filed> {
    const res = await http().post('/api/v1/requests').send(requestPayload(surabaya.id, overrides));
    expect([res.status, res.body.errors]).toEqual([201, undefined]);
    const [row] = (await db().query('SELECT id::text AS id FROM requests WHERE registration_number = $1', [res.body.registrationNumber])) as { id: string }[];
    return { id: row.id, number: res.body.registrationNumber, code: res.body.trackingCode };
  }

  async function notice(r: Filed, body: Record<string, unknown>): Promise<void> {
    const res = await http().post(`/api/v1/requests/${r.id}/notice`).set(auth(token)).send(body);
    expect([res.status, res.body.errors]).toEqual([201, undefined]);
  }

  async function handover(r: Filed, name: string): Promise<void> {
    const res = await http().post(`/api/v1/requests/${r.id}/documents`).set(auth(token)).attach('files', TINY_PDF, name);
    expect(res.status).toBeLessThan(300);
  }

  async function answerIdOf(r: Filed): Promise<string | null> {
    const rows = (await db().query('SELECT id::text AS id FROM published_answers WHERE request_id = $1', [r.id])) as { id: string }[];
    return rows[0]?.id ?? null;
  }

  async function consentOf(number: string): Promise<boolean> {
    const [row] = (await db().query('SELECT publication_consent FROM requests WHERE registration_number = $1', [number])) as { publication_consent: boolean }[];
    return row.publication_consent;
  }

  async function letterText(id: string): Promise<string> {
    const res = await http().get(`/jawaban/${id}/surat.pdf`).buffer(true).parse(binary);
    expect([res.status, res.headers['content-type']]).toEqual([200, 'application/pdf']);
    return (await pdfText(res.body as Buffer)).replace(/\s+/g, ' ');
  }

  beforeAll(async () => {
    t = await startTestApp({ INTAKE_LIMIT_PER_IP_HOUR: '10000', INTAKE_LIMIT_PER_EMAIL_DAY: '10000' });
    surabaya = await utamaUnitOf(t.app, '35.78');
    const malang = await utamaUnitOf(t.app, '35.73');
    officer = await createUser(t.app, { role: 'officer', unitId: surabaya.id, name: 'Rina Petugas' });
    stranger = await createUser(t.app, { role: 'officer', unitId: malang.id });
    token = await bearerToken(t.app, officer.email);
  }, 120_000);

  afterAll(async () => {
    await t.close();
  });

  describe('consent', () => {
    it('should store the API\'s consent, default to no, and refuse anything but yes or no with 400', async () => {
      await expect(consentOf((await file({ publicationConsent: true })).number)).resolves.toBe(true);
      await expect(consentOf((await file()).number)).resolves.toBe(false);
      await expect(consentOf((await file({ publicationConsent: false })).number)).resolves.toBe(false);
      const bad = await http().post('/api/v1/requests').send(requestPayload(surabaya.id, { publicationConsent: 'mungkin' }));
      expect([bad.status, bad.body.errors]).toEqual([400, { publicationConsent: 'Pilih apakah jawaban boleh dipublikasikan: ya atau tidak.' }]);
    });

    it('should ask on the form (no by default), store the answer and show it on the confirmation and tracking pages', async () => {
      const agent = request.agent(t.app.getHttpServer());
      const page = await agent.get('/permohonan/baru').query({ unit: surabaya.id });
      expect(page.status).toBe(200);
      expect(page.text).toContain('Bolehkah jawaban atas permohonan ini dipublikasikan tanpa data pribadi Anda?');
      expect(page.text).toMatch(/id="f-publicationConsent-tidak" name="publicationConsent" value="tidak" checked/);
      const fields = { ...formFields(requestPayload(surabaya.id)), publicationConsent: 'ya' };
      let post = agent.post(multipartActionOf(page.text)).field('submissionKey', hiddenValue(page.text, 'submissionKey'));
      for (const [k, v] of Object.entries(fields)) post = post.field(k, v);
      const res = await post.attach('identityDocument', TINY_PNG, 'ktp.png');
      expect(res.status).toBe(201);
      expect(res.text).toContain('Ya: bila dikabulkan, jawaban dipublikasikan tanpa data pribadi pemohon');
      const number = /id="nomor-pendaftaran">([^<]+)</.exec(res.text)![1];
      const code = /id="kode-pelacakan">([^<]+)</.exec(res.text)![1];
      await expect(consentOf(number)).resolves.toBe(true);
      const form = await agent.get('/lacak');
      const tracked = await agent.post('/lacak').type('form').send({ _csrf: csrfTokenOf(form.text), nomor: number, kode: code });
      expect(tracked.status).toBe(200);
      expect(tracked.text).toContain('Publikasi jawaban');
      expect(tracked.text).toContain('Ya: bila dikabulkan, jawaban dipublikasikan tanpa data pribadi pemohon');
    });

    it('should re-render the form with the Indonesian message for a consent that is neither yes nor no', async () => {
      const agent = request.agent(t.app.getHttpServer());
      const page = await agent.get('/permohonan/baru').query({ unit: surabaya.id });
      const fields = { ...formFields(requestPayload(surabaya.id)), publicationConsent: 'barangkali' };
      let post = agent.post(multipartActionOf(page.text)).field('submissionKey', hiddenValue(page.text, 'submissionKey'));
      for (const [k, v] of Object.entries(fields)) post = post.field(k, v);
      const res = await post.attach('identityDocument', TINY_PNG, 'ktp.png');
      expect(res.status).toBe(400);
      expect(res.text).toContain('Pilih apakah jawaban boleh dipublikasikan: ya atau tidak.');
    });
  });

  describe('publication', () => {
    it('should publish a granted answer with consent: list, page, API, public letter and documents, without the requester', async () => {
      const r = await file({
        publicationConsent: true,
        information: 'Dokumen pelaksanaan anggaran Dinas Pendidikan 2025. Saya Dyah Ayu Pitaloka, hubungi 0812-3456-7890.',
      });
      await notice(r, { ...grant, material: 'Salinan DPA 2025 untuk Sdr. Dyah Ayu Pitaloka' });
      await handover(r, 'dpa-2025.pdf');
      await expect(answerIdOf(r)).resolves.toBeNull(); // published by the sweep, not by the notice
      const swept = await sweep();
      expect(swept.published).toBeGreaterThanOrEqual(1);
      const id = (await answerIdOf(r))!;
      expect(id).not.toBeNull();

      const list = await http().get('/api/v1/published-answers').query({ body: '35.78', year: localDateTimeOf(new Date(), 'Asia/Jakarta').date.slice(0, 4) });
      expect(list.status).toBe(200);
      const item = list.body.items.find((i: { id: string }) => i.id === id);
      expect(item).toMatchObject({ body: { code: '35.78' }, decision: 'granted', title: 'Dokumen pelaksanaan anggaran Dinas Pendidikan 2025' });
      expect(item.dipUrl).toMatch(/\/dip\/3578$/);
      const detail = await http().get(`/api/v1/published-answers/${id}`);
      expect(detail.status).toBe(200);
      expect(detail.body.summary).toBe('Dokumen pelaksanaan anggaran Dinas Pendidikan 2025. Saya [disamarkan], hubungi [disamarkan].');
      expect(detail.body.documents).toEqual([{ id: expect.any(String), title: 'dpa-2025.pdf', withheld: false, url: expect.stringContaining(`/jawaban/${id}/dokumen/`) }]);

      const page = await http().get(`/jawaban/${id}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('Kota Surabaya');
      expect(page.text).toContain('href="/dip/3578"');
      expect(page.text).toContain('dpa-2025.pdf');
      const letter = await letterText(id);
      expect(letter).toContain('Salinan DPA 2025 untuk Sdr. [disamarkan]');
      expect(letter).toContain('identitas pemohon tidak dipublikasikan');
      for (const text of [JSON.stringify(list.body), JSON.stringify(detail.body), page.text, letter]) {
        expect(text).not.toMatch(/Dyah|Pitaloka|0812|3578015503900001|Jl\. Pemuda|@contoh\.id/);
        expect(text).not.toContain(r.number);
      }
      const docPath = new URL(detail.body.documents[0].url).pathname;
      const doc = await http().get(docPath).buffer(true).parse(binary);
      expect(doc.status).toBe(200);
      expect(Buffer.compare(doc.body as Buffer, TINY_PDF)).toBe(0);

      const listPage = await http().get('/jawaban').query({ badan: '3578' });
      expect(listPage.status).toBe(200);
      expect(listPage.text).toContain(`href="/jawaban/${id}"`);
      // The requester's tracking page and the officer's request page link the answer.
      const trackAgent = request.agent(t.app.getHttpServer());
      const form = await trackAgent.get('/lacak');
      const tracked = await trackAgent.post('/lacak').type('form').send({ _csrf: csrfTokenOf(form.text), nomor: r.number, kode: r.code });
      expect(tracked.text).toContain(`href="/jawaban/${id}"`);
      const signedIn = await loginAgent(t.app, officer.email);
      expect((await signedIn.agent.get(`/petugas/permohonan/${r.id}`)).text).toContain(`href="/petugas/jawaban/${id}"`);
      // The public search finds it under another word form ("dianggarkan" meets "anggaran"), as jawaban, linking its page.
      const found = await http().get('/api/v1/dip').query({ q: 'dianggarkan pendidikan', body: '35.78', category: 'jawaban' });
      expect(found.status).toBe(200);
      expect(found.body.items).toContainEqual({ id: Number(id), bodyCode: '35.78', category: 'jawaban', title: 'Dokumen pelaksanaan anggaran Dinas Pendidikan 2025', summary: expect.any(String), url: expect.stringMatching(new RegExp(`/jawaban/${id}$`)) });
      expect(JSON.stringify(found.body)).not.toMatch(/Dyah|Pitaloka|0812/);
      const everywhere = await http().get('/api/v1/dip').query({ q: 'anggaran pendidikan' });
      expect(everywhere.body.items.map((i: { category: string; id: number }) => `${i.category}:${i.id}`)).toContain(`jawaban:${id}`);
      const searchPage = await http().get('/cari').query({ q: 'anggaran pendidikan', kategori: 'jawaban' });
      expect(searchPage.text).toContain(`href="/jawaban/${id}"`);
      // The catalogue dates the published answers by the latest one.
      const catalogue = await http().get('/data.json');
      const answers = (catalogue.body.dataset as { identifier: string; modified: string }[]).find((d) => d.identifier.endsWith('/jawaban'));
      expect(answers?.modified).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      // A second sweep changes nothing.
      await expect(sweep()).resolves.toEqual({ published: 0, updated: 0, withdrawn: 0 });
    });

    it('should publish nothing for a refusal, a request without consent, or a request withdrawn before its notice', async () => {
      const refused = await file({ publicationConsent: true });
      await notice(refused, refusal);
      const noConsent = await file();
      await notice(noConsent, grant);
      const withdrawn = await file({ publicationConsent: true });
      const w = await http().post(`/api/v1/requests/${withdrawn.number}/withdrawal`).set('X-Tracking-Code', withdrawn.code).send({ reason: 'Sudah tidak diperlukan.' });
      expect(w.status).toBe(200);
      await sweep();
      for (const r of [refused, noConsent, withdrawn]) await expect(answerIdOf(r)).resolves.toBeNull();
    });

    it('should update the answer after an objection reopens the request and a new decision is sent', async () => {
      const r = await file({ publicationConsent: true, information: 'Daftar penerima hibah 2025 beserta nilainya.' });
      await notice(r, grant);
      await sweep();
      const id = (await answerIdOf(r))!;
      const atasan = await createUser(t.app, { role: 'supervisor', bodyId: surabaya.bodyId });
      const filed = await http().post(`/api/v1/requests/${r.number}/objections`).set('X-Tracking-Code', r.code).send({ grounds: ['d'], reasons: 'Jawaban tidak sesuai dengan yang diminta.' });
      expect(filed.status).toBe(201);
      const [objection] = (await db().query('SELECT id::text AS id FROM objections WHERE number = $1', [filed.body.objectionNumber])) as { id: string }[];
      const decided = await http()
        .post(`/api/v1/objections/${objection.id}/decision`)
        .set(auth(await bearerToken(t.app, atasan.email)))
        .send({ decision: 'overturn_partially', instruction: 'Berikan daftar dengan menghitamkan rekening penerima.' });
      expect(decided.status).toBe(201);
      await notice(r, { ...grant, decision: 'partially_granted', redactions: 'Nomor rekening penerima dihitamkan.', exemptionGround: 'h', consequenceTest: refusal.consequenceTest });
      const swept = await sweep();
      expect(swept.updated).toBeGreaterThanOrEqual(1);
      await expect(answerIdOf(r)).resolves.toBe(id);
      const detail = await http().get(`/api/v1/published-answers/${id}`);
      expect(detail.body.decision).toBe('partially_granted');
      expect(detail.body.notice).toContainEqual({ label: 'Bagian yang dihitamkan dan alasannya', value: 'Nomor rekening penerima dihitamkan.' });
      const history = (await db().query('SELECT action FROM published_answer_history WHERE answer_id = $1 ORDER BY id', [id])) as { action: string }[];
      expect(history.map((h) => h.action)).toEqual(['published', 'updated']);
    });
  });

  describe('officers', () => {
    async function publishedWithDocuments(): Promise<{ r: Filed; id: string; docs: { id: string; title: string }[] }> {
      const r = await file({ publicationConsent: true });
      await notice(r, grant);
      await handover(r, 'dpa-2025.pdf');
      await handover(r, 'lampiran-tanda-tangan.pdf');
      await sweep();
      const id = (await answerIdOf(r))!;
      const detail = await http().get(`/api/v1/published-answers/${id}`);
      return { r, id, docs: detail.body.documents };
    }

    it('should withhold a document with a reason: listed as withheld without title or reason, its download 404, on the history', async () => {
      const { id, docs } = await publishedWithDocuments();
      const target = docs.find((d) => d.title === 'lampiran-tanda-tangan.pdf')!;
      const reason = 'Lampiran memuat tanda tangan dan alamat pihak ketiga.';
      const short = await http().post(`/api/v1/published-answers/${id}/documents/${target.id}/withholding`).set(auth(token)).send({ reason: 'x' });
      expect([short.status, Object.keys(short.body.errors)]).toEqual([400, ['reason']]);
      const foreign = await http().post(`/api/v1/published-answers/${id}/documents/${target.id}/withholding`).set(auth(await bearerToken(t.app, stranger.email))).send({ reason });
      expect(foreign.status).toBe(404);
      const anonymous = await http().post(`/api/v1/published-answers/${id}/documents/${target.id}/withholding`).send({ reason });
      expect(anonymous.status).toBe(401);
      const res = await http().post(`/api/v1/published-answers/${id}/documents/${target.id}/withholding`).set(auth(token)).send({ reason });
      expect(res.status).toBe(201);
      const again = await http().post(`/api/v1/published-answers/${id}/documents/${target.id}/withholding`).set(auth(token)).send({ reason });
      expect(again.status).toBe(409);

      const detail = await http().get(`/api/v1/published-answers/${id}`);
      expect(detail.body.documents).toContainEqual({ id: target.id, title: null, withheld: true, url: null });
      expect(JSON.stringify(detail.body)).not.toContain(reason);
      expect((await http().get(`/jawaban/${id}/dokumen/${target.id}`)).status).toBe(404);
      const page = await http().get(`/jawaban/${id}`);
      expect(page.text).toContain('1 dokumen tidak dipublikasikan oleh PPID.');
      expect(page.text).not.toContain('lampiran-tanda-tangan.pdf');
      expect(page.text).not.toContain(reason);
      const history = (await db().query("SELECT actor_name, data FROM published_answer_history WHERE answer_id = $1 AND action = 'document_withheld'", [id])) as {
        actor_name: string;
        data: { reason: string };
      }[];
      expect(history).toEqual([{ actor_name: 'Rina Petugas', data: expect.objectContaining({ reason }) }]);
    });

    it('should withdraw an answer from its page with a reason: 404 to the public, gone from the list, on the history', async () => {
      const { id } = await publishedWithDocuments();
      const signedIn = await loginAgent(t.app, officer.email);
      const desk = await signedIn.agent.get('/petugas/jawaban');
      expect(desk.status).toBe(200);
      expect(desk.text).toContain(`/petugas/jawaban/${id}`);
      const empty = await signedIn.postForm(`/petugas/jawaban/${id}/tarik`, { reason: '' });
      expect(empty.status).toBe(400);
      expect(empty.text).toContain('Alasan wajib diisi.');
      const done = await signedIn.postForm(`/petugas/jawaban/${id}/tarik`, { reason: 'Dokumen diganti versi yang lebih baru.' });
      expect(done.status).toBe(303);
      const twice = await http().post(`/api/v1/published-answers/${id}/withdrawal`).set(auth(token)).send({ reason: 'Sekali lagi untuk diuji.' });
      expect(twice.status).toBe(409);
      expect((await http().get(`/jawaban/${id}`)).status).toBe(404);
      expect((await http().get(`/api/v1/published-answers/${id}`)).status).toBe(404);
      expect((await http().get(`/jawaban/${id}/surat.pdf`)).status).toBe(404);
      const list = await http().get('/api/v1/published-answers').query({ body: '3578' });
      expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
      const searched = await http().get('/api/v1/dip').query({ category: 'jawaban', body: '35.78', limit: 100 });
      expect(searched.body.items.map((i: { id: number }) => i.id)).not.toContain(Number(id));
      const strangerAgent = await loginAgent(t.app, stranger.email);
      expect((await strangerAgent.agent.get(`/petugas/jawaban/${id}`)).status).toBe(404);
      const page = await signedIn.agent.get(`/petugas/jawaban/${id}`);
      expect(page.text).toContain('Dokumen diganti versi yang lebih baru.');
      // The sweep leaves an officer's withdrawal alone.
      await sweep();
      await expect(db().query('SELECT status FROM published_answers WHERE id = $1', [id])).resolves.toEqual([{ status: 'withdrawn' }]);
    });
  });

  describe('public parameters', () => {
    it('should answer 400 naming the parameter for a bad body, year or page, and 404 for a bad id', async () => {
      const cases: [Record<string, string>, string][] = [
        [{ body: 'surabaya' }, 'body'],
        [{ body: '99.99' }, 'body'],
        [{ year: 'dua ribu' }, 'year'],
        [{ year: '1999' }, 'year'],
        [{ page: '0' }, 'page'],
        [{ page: '1.5' }, 'page'],
      ];
      for (const [query, field] of cases) {
        const res = await http().get('/api/v1/published-answers').query(query);
        expect([res.status, Object.keys(res.body.errors ?? {})]).toEqual([400, [field]]);
      }
      const page = await http().get('/jawaban').query({ tahun: 'x' });
      expect(page.status).toBe(400);
      expect(page.text).toContain('Pilih tahun dari daftar.');
      for (const id of ['abc', '0', '99999999999', '1e3']) {
        expect((await http().get(`/api/v1/published-answers/${id}`)).status).toBe(404);
        expect((await http().get(`/jawaban/${id}`)).status).toBe(404);
      }
    });
  });

  describe('OpenAPI', () => {
    it('should list the published answers\' endpoints and the optional consent of the request body', async () => {
      const res = await http().get('/api/docs/openapi.json');
      expect(res.status).toBe(200);
      expect(Object.keys(res.body.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/published-answers',
          '/api/v1/published-answers/{id}',
          '/api/v1/published-answers/{id}/documents/{documentId}/withholding',
          '/api/v1/published-answers/{id}/withdrawal',
        ]),
      );
      const params = (res.body.paths['/api/v1/published-answers'].get.parameters as { name: string }[]).map((p) => p.name);
      expect(params).toEqual(expect.arrayContaining(['body', 'year', 'page']));
      expect(res.body.components.schemas.CreateRequestDto.properties.publicationConsent).toMatchObject({ type: 'boolean' });
      expect(res.body.components.schemas.CreateRequestDto.required).not.toContain('publicationConsent');
    });
  });

  describe('scorecard counts', () => {
    it('should count per body the granted answers of a period and those published', async () => {
      const today = localDateTimeOf(new Date(), 'Asia/Jakarta').date;
      const service = t.app.get(PublishedAnswersService);
      const before = (await service.countsByBody(today, today)).find((c) => c.bodyId === surabaya.bodyId) ?? { granted: 0, published: 0 };
      await notice(await file({ publicationConsent: true }), grant);
      await notice(await file(), grant);
      await sweep();
      const after = (await service.countsByBody(today, today)).find((c) => c.bodyId === surabaya.bodyId)!;
      // Notices sent near midnight could fall on the next local day; the range is today only.
      expect(after.granted - before.granted).toBeLessThanOrEqual(2);
      expect(after.published - before.published).toBeLessThanOrEqual(1);
      expect(after.granted).toBeGreaterThanOrEqual(after.published);
      await expect(service.countsByBody('1990-01-01', '1990-12-31')).resolves.toEqual([]);
    });

    it('should give the scorecards the share of granted answers published: the published ones of the granted requests of the year', async () => {
      await notice(await file({ publicationConsent: true }), grant);
      await sweep();
      await t.app.get(ScorecardRollupsService).refreshAll();
      const year = localDateTimeOf(new Date(), 'Asia/Jakarta').date.slice(0, 4);
      const res = await http().get('/api/v1/scorecards').query({ year });
      expect(res.status).toBe(200);
      const body = (res.body.bodies as { code: string; metrics: { publicInformation: Record<string, { k: number; n: number }> } }[]).find((b) => b.code === '35.78')!;
      const [{ published }] = (await db().query(
        `SELECT count(*)::int AS published FROM published_answers a JOIN requests r ON r.id = a.request_id
          WHERE a.status = 'published' AND a.body_id = $1 AND r.decision IN ('granted', 'partially_granted')`,
        [surabaya.bodyId],
      )) as { published: number }[];
      const [{ granted }] = (await db().query(
        "SELECT count(*)::int AS granted FROM requests WHERE body_id = $1 AND decision IN ('granted', 'partially_granted') AND withdrawn_at IS NULL",
        [surabaya.bodyId],
      )) as { granted: number }[];
      expect(published).toBeGreaterThan(0);
      expect(body.metrics.publicInformation.answersPublished).toMatchObject({ k: published, n: granted });
      // Shown on the methodology page with its weight (0 by default: the requester's consent decides it too).
      const method = await http().get('/peringkat/metodologi');
      expect(method.text).toContain('Jawaban yang dipublikasikan');
    });
  });

  describe('no personal data', () => {
    it('should keep every field of the requester out of the published texts, page, API and public letter, whatever they are', async () => {
      const base = requestPayload(surabaya.id);
      await fc.assert(
        fc.asyncProperty(
          personalFieldsArbitrary.chain((f) => fc.tuple(fc.constant(f), textWithPersonalData(f), textWithPersonalData(f))),
          async ([f, information, material]: [PersonalFields, string, string]) => {
            const requester = f.individual
              ? { type: 'individual', name: f.name, nik: f.nik, address: f.address, phone: f.phone, email: f.email, occupation: 'Wiraswasta' }
              : { type: 'organization', name: f.name, registrationNo: f.registrationNo, address: f.address, phone: f.phone, email: f.email, occupation: 'Pengurus' };
            const r = await file({ ...base, requester, publicationConsent: true, information: `Permohonan data. ${information}`.slice(0, 5000) });
            await notice(r, { ...grant, material: material.slice(0, 2000), reason: `Untuk ${f.name}` });
            await sweep();
            const id = (await answerIdOf(r))!;
            expect(id).not.toBeNull();
            const texts = [
              JSON.stringify(await db().query('SELECT title, summary, letter FROM published_answers WHERE id = $1', [id])),
              JSON.stringify((await http().get(`/api/v1/published-answers/${id}`)).body),
              JSON.stringify((await http().get('/api/v1/published-answers').query({ body: '3578' })).body),
              (await http().get(`/jawaban/${id}`)).text,
              (await http().get('/jawaban').query({ badan: '3578' })).text,
              await letterText(id),
            ];
            for (const text of texts) expect(leaks(text, f)).toEqual([]);
          },
        ),
        { numRuns: 15 },
      );
    }, 300_000);
  });
});
