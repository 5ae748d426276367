import fc from 'fast-check';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearerToken, createPelaksanaUnit, createUser, loginAgent, SignedInAgent, TestUser, utamaUnitOf } from 'test/support/auth-helpers';
import {
  hostileKey,
  hostileNumber,
  hostileQuery,
  hostileSegment,
  hostileString,
  mutatedForm,
  mutatedJson,
  urlencoded,
} from 'test/support/hostile-input';
import { csrfTokenOf } from 'test/support/page-form';
import { formFields, requestPayload } from 'test/support/request-factory';
import { startTestApp, TestApp } from 'test/support/test-app';

/**
 * Property-based fuzzing of every public, officer and admin API route and every form: hostile
 * strings, wrong types, huge numbers, nested objects, arrays where scalars belong, bad path
 * parameters. Properties: never a 5xx; a refused input (4xx) changes nothing in the database;
 * afterwards sign-in, tracking and intake still work. FUZZ_SCALE multiplies the runs.
 */
const SCALE = Number(process.env.FUZZ_SCALE ?? '1');
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

type Method = 'get' | 'post' | 'put' | 'delete';

interface Case {
  method: Method;
  path: string;
  /** Raw JSON text, so non-object bodies and lone surrogates go as a client would send them. */
  json?: string;
  /** Urlencoded pairs; `_csrf` is added first. */
  form?: [string, string][];
  as: 'anonymous' | 'public' | 'officer' | 'supervisor' | 'admin';
  bearer?: 'officer' | 'supervisor' | 'admin';
  headers?: Record<string, string>;
}

const refusal = {
  decision: 'refused',
  informationHeld: true,
  reason: 'Dokumen memuat riwayat kesehatan pegawai.',
  exemptionGround: 'h',
  consequenceTest: {
    date: '2025-11-20',
    information: 'Riwayat kesehatan pegawai.',
    participants: ['Sekretaris Daerah', 'PPID Utama'],
    consequence: 'Mengungkap rahasia pribadi.',
    publicInterest: 'Riwayat kesehatan tidak menambah manfaat bagi publik.',
    legalBasis: 'Pasal 17 huruf h UU 14/2008',
  },
};

describe('fuzz: hostile input on every route and form', () => {
  let t: TestApp;
  let db: DataSource;
  let surabaya: { id: number; bodyId: number };
  let pelaksana: { id: number; bodyId: number };
  let officer: TestUser;
  let admin: TestUser;
  let supervisor: TestUser;
  let tokens: Record<'officer' | 'supervisor' | 'admin', string>;
  let agents: Record<'public' | 'officer' | 'supervisor' | 'admin', SignedInAgent>;
  let filed: { id: string; number: string; code: string }[];
  /** An objection to the refused filed[0]. */
  let objection: { id: string; number: string };
  let holidayId: number;
  let cases = 0;
  let refused = 0;
  let limited = 0;
  let last: string;
  let ipCounter = 0;

  const http = () => request(t.app.getHttpServer());

  /** Counts and digests of what a refused input must never change. */
  async function snapshot(): Promise<string> {
    const [row] = (await db.query(`
      SELECT
        (SELECT count(*) FROM requests) AS requests,
        (SELECT md5(coalesce(string_agg(concat_ws(':', id, status, version, unit_id, assignee_id, extended_days, decision, requester_name, requester_email), ',' ORDER BY id), '')) FROM requests) AS request_rows,
        (SELECT count(*) FROM request_events) AS events,
        (SELECT count(*) FROM request_documents) AS documents,
        (SELECT count(*) FROM stored_files) AS files,
        (SELECT md5(coalesce(string_agg(concat_ws(':', id, email, name, role, active, unit_id, body_id, password_changed_at), ',' ORDER BY id), '')) FROM users) AS users,
        (SELECT count(*) FROM account_invitations) AS invitations,
        (SELECT count(*) FROM api_tokens) AS tokens,
        (SELECT md5(coalesce(string_agg(concat_ws(':', id, code, name, active), ',' ORDER BY id), '')) FROM ppid_units) AS units,
        (SELECT md5(coalesce(string_agg(concat_ws(':', id, date, name, kind, body_id, source), ',' ORDER BY id), '')) FROM holidays) AS holidays,
        (SELECT md5(coalesce(string_agg(row_to_json(c)::text, ',' ORDER BY year), '')) FROM calendar_years c) AS years,
        (SELECT count(*) FROM outbound_mails) AS mails,
        (SELECT md5(coalesce(string_agg(concat_ws(':', id, status, version, response_date, decider_position), ',' ORDER BY id), '')) FROM objections) AS objections,
        (SELECT md5(coalesce(string_agg(concat_ws(':', id, stage, outcome, version, case_number), ',' ORDER BY id), '')) FROM disputes) AS disputes,
        (SELECT md5(coalesce(string_agg(concat_ws(':', id, version, published_at, policy, obstacles), ',' ORDER BY id), '')) FROM annual_reports) AS annual_reports
    `)) as Record<string, string>[];
    return JSON.stringify(row);
  }

  async function send(c: Case): Promise<request.Response> {
    ipCounter += 1;
    // Every case from its own address, so per-address limits let most of them reach validation.
    const ip = `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
    const agent = c.as === 'anonymous' ? http() : agents[c.as].agent;
    let req = agent[c.method](c.path).set('X-Forwarded-For', ip).timeout(30_000);
    if (c.as !== 'anonymous') req = req.set('X-CSRF-Token', agents[c.as].csrfToken);
    if (c.bearer) req = req.set('Authorization', `Bearer ${tokens[c.bearer]}`);
    for (const [k, v] of Object.entries(c.headers ?? {})) req = req.set(k, v);
    if (c.json !== undefined) return req.set('Content-Type', 'application/json').send(c.json);
    if (c.form !== undefined) {
      const csrf: [string, string][] = c.as === 'anonymous' ? [] : [['_csrf', agents[c.as].csrfToken]];
      return req.set('Content-Type', 'application/x-www-form-urlencoded').send(urlencoded([...csrf, ...c.form]));
    }
    return req;
  }

  /** The properties every case must keep. */
  async function check(c: Case): Promise<void> {
    cases += 1;
    if (process.env.FUZZ_DEBUG && cases % 100 === 0) {
      process.stderr.write(`fuzz ${cases} ${expect.getState().currentTestName} heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB\n`);
    }
    const res = await send(c);
    const where = `${c.method.toUpperCase()} ${c.path.slice(0, 200)} → ${res.status} ${String(res.text).slice(0, 300)}`;
    if (res.status >= 500) throw new Error(`server error: ${where}`);
    const now = await snapshot();
    if (res.status >= 400) {
      refused += 1;
      if (res.status === 429) limited += 1;
      if (now !== last) throw new Error(`a refused input changed the database: ${where}\nbefore ${last}\nafter  ${now}`);
    }
    last = now;
  }

  async function fuzz(arb: fc.Arbitrary<Case>, runs: number): Promise<void> {
    await fc.assert(
      fc.asyncProperty(arb, (c) => check(c)),
      { numRuns: Math.max(1, Math.round(runs * SCALE)), seed: SEED, endOnFailure: true },
    );
  }

  const json = (body: fc.Arbitrary<unknown>) => body.map((b) => JSON.stringify(b) ?? 'null');
  const requestId = () => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...filed.map((f) => f.id)) }, { weight: 2, arbitrary: hostileSegment });
  const number = () => fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...filed.map((f) => f.number)) }, { weight: 3, arbitrary: hostileSegment });
  const code = () =>
    fc.oneof(
      fc.constantFrom(...filed.map((f) => f.code)),
      // What an HTTP header can carry: printable ASCII, tab and Latin-1 (C1 controls included).
      hostileString.filter((s) => s.length < 500 && /^[\t\x20-\x7e\x80-\xff]*$/.test(s)),
    );

  beforeAll(async () => {
    t = await startTestApp({ INTAKE_LIMIT_PER_IP_HOUR: '1000000', INTAKE_LIMIT_PER_EMAIL_DAY: '1000000', TRUST_PROXY: 'true' });
    db = t.app.get(DataSource);
    surabaya = await utamaUnitOf(t.app, '35.78');
    pelaksana = await createPelaksanaUnit(t.app, '35.78');
    officer = await createUser(t.app, { role: 'officer', unitId: surabaya.id });
    supervisor = await createUser(t.app, { role: 'supervisor', bodyId: surabaya.bodyId });
    admin = await createUser(t.app, { role: 'admin' });
    tokens = { officer: await bearerToken(t.app, officer.email), supervisor: await bearerToken(t.app, supervisor.email), admin: await bearerToken(t.app, admin.email) };
    const publicAgent = request.agent(t.app.getHttpServer());
    const form = await publicAgent.get(`/permohonan/baru?unit=${surabaya.id}`);
    expect(form.status).toBe(200);
    agents = {
      public: { agent: publicAgent, csrfToken: csrfTokenOf(form.text), postForm: () => publicAgent.post('/') },
      officer: await loginAgent(t.app, officer.email),
      supervisor: await loginAgent(t.app, supervisor.email),
      admin: await loginAgent(t.app, admin.email),
    };
    filed = [];
    for (let i = 0; i < 4; i += 1) {
      const res = await http().post('/api/v1/requests').send(requestPayload(i % 2 === 0 ? surabaya.id : pelaksana.id));
      expect(res.status).toBe(201);
      const [row] = (await db.query('SELECT id FROM requests WHERE registration_number = $1', [res.body.registrationNumber])) as { id: string }[];
      filed.push({ id: String(row.id), number: res.body.registrationNumber, code: res.body.trackingCode });
    }
    // filed[0] refused and objected to, so the objection and dispute routes reach their rules.
    expect((await http().post(`/api/v1/requests/${filed[0].id}/notice`).set('Authorization', `Bearer ${tokens.officer}`).send(refusal)).status).toBe(201);
    const objected = await http()
      .post(`/api/v1/requests/${filed[0].number}/objections`)
      .set('X-Tracking-Code', filed[0].code)
      .send({ grounds: ['a'], reasons: 'Informasi anggaran bukan rahasia pribadi.' });
    expect(objected.status).toBe(201);
    const [objectionRow] = (await db.query('SELECT id FROM objections WHERE number = $1', [objected.body.objectionNumber])) as { id: string }[];
    objection = { id: String(objectionRow.id), number: objected.body.objectionNumber };
    const holiday = await http()
      .post('/api/v1/admin/calendar/holidays')
      .set('Authorization', `Bearer ${tokens.admin}`)
      .send({ date: '2031-03-03', name: 'Libur uji', kind: 'libur_nasional', source: 'SKB uji' });
    expect(holiday.status).toBe(201);
    holidayId = holiday.body.id;
    last = await snapshot();
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('public API', () => {
    it('should never answer 5xx nor change data on refused submissions', async () => {
      const key = fc.option(fc.oneof(hostileString.filter((k) => /^[\t\x20-\x7e\x80-\xff]{1,500}$/.test(k)), fc.stringMatching(/^[\w-]{16,64}$/)), { nil: undefined });
      const arb = fc.record({ body: json(mutatedJson(requestPayload(surabaya.id))), key }).map(
        ({ body, key: k }): Case => ({ method: 'post', path: '/api/v1/requests', json: body, as: 'anonymous', headers: k === undefined ? {} : { 'Idempotency-Key': k } }),
      );
      await fuzz(arb, 400);
    });

    it('should never answer 5xx to tracking lookups with hostile numbers, codes and document ids', async () => {
      const arb = fc.record({ n: number(), code: code(), doc: hostileSegment, which: fc.constantFrom('', '/receipt.pdf', '/documents/') }).map(
        ({ n, code: c, doc, which }): Case => ({
          method: 'get',
          path: `/api/v1/requests/${n}${which}${which === '/documents/' ? doc : ''}`,
          as: 'anonymous',
          headers: { 'X-Tracking-Code': c },
        }),
      );
      await fuzz(arb, 300);
    });

    it('should never answer 5xx nor change data on refused withdrawals', async () => {
      const arb = fc.record({ n: number(), code: code(), body: json(mutatedJson({ reason: 'Sudah tidak diperlukan.' })) }).map(
        ({ n, code: c, body }): Case => ({ method: 'post', path: `/api/v1/requests/${n}/withdrawal`, json: body, as: 'anonymous', headers: { 'X-Tracking-Code': c } }),
      );
      await fuzz(arb, 150);
    });

    it('should never answer 5xx to token requests', async () => {
      const valid = { email: 'tidak.ada@uji.go.id', password: 'salah-sekali-123' };
      await fuzz(json(mutatedJson(valid)).map((b) => ({ method: 'post', path: '/api/v1/auth/token', json: b, as: 'anonymous' })), 150);
    });

    it('should never answer 5xx to calendar queries', async () => {
      const arb = fc
        .record({ path: fc.constantFrom('/api/v1/calendar/due-date', '/api/v1/calendar/holidays', '/api/v1/bodies'), q: hostileQuery(['receivedAt', 'workingDays', 'unitId', 'year']) })
        .map(({ path, q }): Case => ({ method: 'get', path: `${path}?${q}`, as: 'anonymous' }));
      await fuzz(arb, 250);
    });
  });

  describe('officer API', () => {
    it('should never answer 5xx to queue queries', async () => {
      const arb = hostileQuery(['unitId', 'status', 'state', 'channel', 'assignee', 'q', 'after', 'limit']).map(
        (q): Case => ({ method: 'get', path: `/api/v1/queue?${q}`, as: 'anonymous', bearer: 'officer' }),
      );
      await fuzz(arb, 300);
    });

    it('should never answer 5xx nor change data on refused actions', async () => {
      const bodies: Record<string, Record<string, unknown>> = {
        extension: { workingDays: 3, reason: 'Dokumen tersebar di beberapa OPD.' },
        notice: refusal,
        forward: { unitId: pelaksana.id, note: 'Mohon ditindaklanjuti.' },
        close: { version: 1 },
        assignment: { assigneeId: officer.id },
        notes: { note: 'Catatan internal.' },
        documents: { version: 1 },
        delivery: { deliveredOn: '2026-01-05', channel: 'pickup', note: 'Diambil sendiri oleh pemohon.' },
        'refusal/approval': { version: 1 },
        'refusal/return': { reason: 'Uji konsekuensi belum lengkap.' },
        corrections: { documentId: '1', original: 'tertulis', corrected: 'seharusnya' },
        transfer: { bodyCode: '35.07', note: 'Dikuasai Kabupaten Malang.' },
      };
      const arb = fc
        .record({ id: requestId(), action: fc.constantFrom(...Object.keys(bodies)) })
        .chain(({ id, action }) => json(mutatedJson(bodies[action])).map((b): Case => ({ method: 'post', path: `/api/v1/requests/${id}/${action}`, json: b, as: 'anonymous', bearer: 'officer' })));
      await fuzz(arb, 800);
    });

    it('should never answer 5xx to officer document downloads', async () => {
      const arb = fc
        .record({ id: requestId(), doc: hostileSegment })
        .map(({ id, doc }): Case => ({ method: 'get', path: `/api/v1/officer/requests/${id}/documents/${doc}`, as: 'anonymous', bearer: 'officer' }));
      await fuzz(arb, 100);
    });

    it('should never answer 5xx nor change data on refused offline requests', async () => {
      const valid = { ...requestPayload(surabaya.id), channel: 'walk_in', receivedAt: '2026-01-05T09:00:00+07:00' };
      await fuzz(json(mutatedJson(valid)).map((b): Case => ({ method: 'post', path: '/api/v1/offline-requests', json: b, as: 'anonymous', bearer: 'officer' })), 300);
    });
  });

  describe('admin API', () => {
    it('should never answer 5xx nor change data on refused admin changes', async () => {
      const user = { email: 'baru@uji.go.id', name: 'Petugas Baru', role: 'officer', unitId: surabaya.id };
      const holiday = { date: '2031-04-04', name: 'Libur uji', kind: 'libur_nasional', source: 'SKB uji' };
      const arb = fc.oneof(
        json(mutatedJson(user)).map((b): Case => ({ method: 'post', path: '/api/v1/admin/users', json: b, as: 'anonymous', bearer: 'admin' })),
        json(mutatedJson(holiday)).map((b): Case => ({ method: 'post', path: '/api/v1/admin/calendar/holidays', json: b, as: 'anonymous', bearer: 'admin' })),
        fc
          .record({ id: fc.oneof(fc.constant(String(holidayId)), hostileSegment), b: json(mutatedJson(holiday)) })
          .map(({ id, b }): Case => ({ method: 'put', path: `/api/v1/admin/calendar/holidays/${id}`, json: b, as: 'anonymous', bearer: 'admin' })),
        hostileSegment.map((id): Case => ({ method: 'delete', path: `/api/v1/admin/calendar/holidays/${id}`, as: 'anonymous', bearer: 'admin' })),
        fc
          .record({ y: fc.oneof(hostileSegment, fc.integer({ min: -99999, max: 99999 }).map(String)), b: json(mutatedJson({ source: 'SKB uji' })) })
          .map(({ y, b }): Case => ({ method: 'put', path: `/api/v1/admin/calendar/years/${y}`, json: b, as: 'anonymous', bearer: 'admin' })),
        hostileQuery(['year']).map((q): Case => ({ method: 'get', path: `/api/v1/admin/calendar/holidays?${q}`, as: 'anonymous', bearer: 'admin' })),
      );
      await fuzz(arb, 350);
    });
  });

  describe('public forms and pages', () => {
    it('should never answer 5xx nor change data on refused request forms', async () => {
      const valid = { ...formFields(requestPayload(surabaya.id)), submissionKey: 'kunci-uji-0123456789abcdef' };
      delete (valid as Record<string, string>)['requester.email'];
      const fields = { ...valid, 'requester.email': 'pemohon@contoh.id' };
      await fuzz(mutatedForm(fields).map((form): Case => ({ method: 'post', path: '/permohonan', form, as: 'public' })), 300);
    });

    it('should never answer 5xx to tracking, receipt, document and sign-in forms', async () => {
      const f = filed[0];
      const arb = fc.oneof(
        mutatedForm({ nomor: f.number, kode: f.code }).map((form): Case => ({ method: 'post', path: '/lacak', form, as: 'public' })),
        mutatedForm({ nomor: f.number, kode: f.code, dokumen: '1' }).map((form): Case => ({ method: 'post', path: '/lacak/dokumen', form, as: 'public' })),
        mutatedForm({ nomor: f.number, kode: f.code }).map((form): Case => ({ method: 'post', path: '/lacak/tanda-terima', form, as: 'public' })),
        mutatedForm({ nomor: f.number, kode: f.code, konfirmasi: 'ya', reason: 'Sudah tidak diperlukan.' }).map((form): Case => ({ method: 'post', path: '/lacak/cabut', form, as: 'public' })),
        mutatedForm({ email: 'tidak.ada@uji.go.id', password: 'salah-sekali-123', next: '/petugas' }).map(
          (form): Case => ({ method: 'post', path: '/masuk', form, as: 'public' }),
        ),
        fc
          .record({ token: hostileSegment, form: mutatedForm({ newPassword: 'kata-sandi-baru-123', confirmPassword: 'kata-sandi-baru-123' }) })
          .map(({ token, form }): Case => ({ method: 'post', path: `/undangan/${token}`, form, as: 'public' })),
      );
      await fuzz(arb, 400);
    });

    it('should never answer 5xx to public pages with hostile query and path parameters', async () => {
      const arb = fc.oneof(
        hostileQuery(['unit']).map((q): Case => ({ method: 'get', path: `/permohonan/baru?${q}`, as: 'public' })),
        fc.constant<Case>({ method: 'get', path: '/permohonan/baru', as: 'public' }),
        hostileQuery(['nomor']).map((q): Case => ({ method: 'get', path: `/lacak?${q}`, as: 'public' })),
        hostileQuery(['tahun', 'receivedAt', 'workingDays', 'unit', 'year']).map((q): Case => ({ method: 'get', path: `/kalender?${q}`, as: 'public' })),
        hostileQuery(['next', 'keluar', 'aktif']).map((q): Case => ({ method: 'get', path: `/masuk?${q}`, as: 'public' })),
        hostileSegment.map((s): Case => ({ method: 'get', path: `/badan/${s}`, as: 'public' })),
        hostileSegment.map((s): Case => ({ method: 'get', path: `/undangan/${s}`, as: 'public' })),
      );
      await fuzz(arb, 450);
    });
  });

  describe('officer and admin forms and pages', () => {
    it('should never answer 5xx nor change data on refused officer forms', async () => {
      const offline = { ...formFields(requestPayload(surabaya.id)), channel: 'walk_in', receivedAt: '2026-01-05T09:00', submissionKey: 'kunci-luring-0123456789ab' };
      const actions: Record<string, Record<string, string>> = {
        perpanjang: { workingDays: '3', reason: 'Dokumen tersebar di beberapa OPD.', version: '1' },
        pemberitahuan: {
          decision: 'refused',
          informationHeld: 'true',
          reason: refusal.reason,
          exemptionGround: 'h',
          'consequenceTest.date': '2025-11-20',
          'consequenceTest.information': 'Riwayat kesehatan pegawai.',
          'consequenceTest.participants': 'Sekretaris Daerah',
          'consequenceTest.consequence': 'Mengungkap rahasia pribadi.',
          'consequenceTest.publicInterest': 'Riwayat kesehatan tidak menambah manfaat bagi publik.',
          'consequenceTest.legalBasis': 'Pasal 17 huruf h UU 14/2008',
          version: '1',
        },
        disposisi: { unitId: String(pelaksana.id), note: 'Mohon ditindaklanjuti.', version: '1' },
        serah: { version: '1' },
        tutup: { version: '1' },
        tugaskan: { assigneeId: String(supervisor.id), version: '1' },
        catatan: { note: 'Catatan internal.' },
        penyampaian: { deliveredOn: '2026-01-05', channel: 'post', note: 'Resi pos RR123.', version: '1' },
        'setujui-penolakan': { version: '1' },
        'kembalikan-penolakan': { reason: 'Uji konsekuensi belum lengkap.', version: '1' },
        ralat: { documentId: '1', original: 'tertulis', corrected: 'seharusnya', version: '1' },
        'teruskan-badan': { bodyCode: '35.07', note: 'Dikuasai Kabupaten Malang.', version: '1' },
      };
      const arb = fc.oneof(
        { weight: 2, arbitrary: mutatedForm(offline).map((form): Case => ({ method: 'post', path: '/petugas/permohonan', form, as: 'officer' })) },
        {
          weight: 4,
          arbitrary: fc
            .record({ id: requestId(), action: fc.oneof(fc.constantFrom(...Object.keys(actions)), hostileSegment) })
            .chain(({ id, action }) =>
              mutatedForm(Object.hasOwn(actions, action) ? actions[action] : { note: 'x' }).map((form): Case => ({ method: 'post', path: `/petugas/permohonan/${id}/${action}`, form, as: 'officer' })),
            ),
        },
        {
          weight: 1,
          arbitrary: mutatedForm({ currentPassword: 'bukan-sandi-ini-123', newPassword: 'kata-sandi-baru-123', confirmPassword: 'kata-sandi-baru-123' }).map(
            (form): Case => ({ method: 'post', path: '/akun/kata-sandi', form, as: 'officer' }),
          ),
        },
      );
      await fuzz(arb, 550);
    });

    it('should never answer 5xx to officer pages with hostile query and path parameters', async () => {
      const arb = fc.oneof(
        hostileQuery(['status', 'state', 'channel', 'assignee', 'q', 'after', 'unit']).map((q): Case => ({ method: 'get', path: `/petugas?${q}`, as: 'officer' })),
        fc
          .record({ id: requestId(), q: hostileQuery(['selesai']) })
          .map(({ id, q }): Case => ({ method: 'get', path: `/petugas/permohonan/${id}?${q}`, as: 'officer' })),
        requestId().map((id): Case => ({ method: 'get', path: `/petugas/permohonan/${id}/identitas`, as: 'officer' })),
        fc
          .record({ id: requestId(), doc: hostileSegment })
          .map(({ id, doc }): Case => ({ method: 'get', path: `/petugas/permohonan/${id}/dokumen/${doc}`, as: 'officer' })),
      );
      await fuzz(arb, 350);
    });

    it('should never answer 5xx nor change data on refused admin forms and pages', async () => {
      const user = { email: 'baru.form@uji.go.id', name: 'Petugas Form', role: 'officer', unitId: String(surabaya.id), bodyId: '' };
      const unit = { bodyId: String(surabaya.bodyId), name: 'PPID Pelaksana Uji', code: 'UJIFORM', email: '', timeZone: 'Asia/Jakarta', opensAt: '08:00', closesAt: '16:00' };
      const national = { date: '2031-05-05', name: 'Libur uji', kind: 'libur_nasional', source: 'SKB uji', year: '2031' };
      const closure = { date: '2031-06-06', name: 'Penutupan uji', bodyId: String(surabaya.bodyId), source: 'SK uji', year: '2031' };
      const arb = fc.oneof(
        mutatedForm(user).map((form): Case => ({ method: 'post', path: '/admin/pengguna', form, as: 'admin' })),
        mutatedForm(unit).map((form): Case => ({ method: 'post', path: '/admin/unit', form, as: 'admin' })),
        mutatedForm(national).map((form): Case => ({ method: 'post', path: '/admin/kalender/libur', form, as: 'admin' })),
        mutatedForm(closure).map((form): Case => ({ method: 'post', path: '/admin/kalender/penutupan', form, as: 'admin' })),
        mutatedForm({ year: '2031', source: 'SKB uji' }).map((form): Case => ({ method: 'post', path: '/admin/kalender/tahun', form, as: 'admin' })),
        fc
          .record({ id: fc.oneof(fc.constant(String(holidayId)), hostileSegment), form: mutatedForm(national) })
          .map(({ id, form }): Case => ({ method: 'post', path: `/admin/kalender/hari/${id}`, form, as: 'admin' })),
        hostileSegment.map((id): Case => ({ method: 'post', path: `/admin/kalender/hari/${id}/hapus`, form: [], as: 'admin' })),
        hostileSegment.map((id): Case => ({ method: 'get', path: `/admin/kalender/hari/${id}`, as: 'admin' })),
        hostileQuery(['tahun', 'pesan']).map((q): Case => ({ method: 'get', path: `/admin/kalender?${q}`, as: 'admin' })),
        hostileQuery(['dibuat']).map((q): Case => ({ method: 'get', path: `/admin/pengguna?${q}`, as: 'admin' })),
        hostileQuery(['dibuat']).map((q): Case => ({ method: 'get', path: `/admin/unit?${q}`, as: 'admin' })),
      );
      await fuzz(arb, 400);
    });

    it('should never answer 5xx to bodies of the wrong kind on forms and the API', async () => {
      const arb = fc.record({
        path: fc.constantFrom('/api/v1/requests', '/api/v1/auth/token', '/permohonan', '/lacak', '/masuk'),
        body: fc.oneof(
          fc.constantFrom('{', '{"a":', '[', 'null', '"text"', '12', 'true', '{"__proto__":{"x":1}}', '{"a":1,"a":2}', '\u0000'),
          fc.jsonValue({ maxDepth: 40 }).map((v) => JSON.stringify(v) ?? 'null'),
          fc
            .array(fc.tuple(hostileKey(['email', 'unitId']), hostileNumber), { maxLength: 3 })
            .map((pairs) => `{${pairs.map(([k, n]) => `${JSON.stringify(k)}:${String(n)}`).join(',')}}`),
        ),
      }).map(({ path, body }): Case => ({ method: 'post', path, json: body, as: path.startsWith('/api') ? 'anonymous' : 'public' }));
      await fuzz(arb, 200);
    });
  });

  describe('objections, disputes, registers and annual reports', () => {
    const objectionId = () => fc.oneof({ weight: 3, arbitrary: fc.constant(objection.id) }, { weight: 2, arbitrary: hostileSegment });
    const objectionNumber = () => fc.oneof({ weight: 3, arbitrary: fc.constant(objection.number) }, { weight: 2, arbitrary: hostileSegment });
    const disputeId = () => fc.oneof(fc.constant('1'), hostileSegment);
    const decision = { decision: 'uphold', reasons: 'Uji konsekuensi menunjukkan dokumen dikecualikan.', position: 'Sekretaris Daerah' };
    const dispute = { filedOn: '2026-12-01', caseNumber: '012/KIP-JATIM/XII/2026' };
    const stage = { stage: 'mediasi', on: '2026-12-01', outcome: 'mediated' };

    it('should never answer 5xx nor change data on refused objection and dispute API calls', async () => {
      const arb = fc.oneof(
        fc
          .record({ n: number(), code: code(), body: json(mutatedJson({ grounds: ['a', 'd'], reasons: 'Informasi anggaran bukan rahasia pribadi.', proxyName: 'LBH Uji', proxyAddress: 'Jl. Uji 1' })) })
          .map(({ n, code: c, body }): Case => ({ method: 'post', path: `/api/v1/requests/${n}/objections`, json: body, as: 'anonymous', headers: { 'X-Tracking-Code': c } })),
        fc
          .record({ n: number(), code: code() })
          .map(({ n, code: c }): Case => ({ method: 'get', path: `/api/v1/requests/${n}/objections`, as: 'anonymous', headers: { 'X-Tracking-Code': c } })),
        fc
          .record({ n: number(), code: code(), o: objectionNumber(), body: json(mutatedJson(dispute)) })
          .map(({ n, code: c, o, body }): Case => ({ method: 'post', path: `/api/v1/requests/${n}/objections/${o}/dispute`, json: body, as: 'anonymous', headers: { 'X-Tracking-Code': c } })),
        fc
          .record({ n: number(), code: code(), d: disputeId(), body: json(mutatedJson(stage)) })
          .map(({ n, code: c, d, body }): Case => ({ method: 'post', path: `/api/v1/requests/${n}/disputes/${d}/stage`, json: body, as: 'anonymous', headers: { 'X-Tracking-Code': c } })),
        fc
          .record({ id: objectionId(), body: json(mutatedJson(decision)) })
          .map(({ id, body }): Case => ({ method: 'post', path: `/api/v1/objections/${id}/decision`, json: body, as: 'anonymous', bearer: 'supervisor' })),
        fc
          .record({ id: objectionId(), body: json(mutatedJson(dispute)) })
          .map(({ id, body }): Case => ({ method: 'post', path: `/api/v1/objections/${id}/dispute`, json: body, as: 'anonymous', bearer: 'officer' })),
        fc
          .record({ d: disputeId(), body: json(mutatedJson(stage)) })
          .map(({ d, body }): Case => ({ method: 'post', path: `/api/v1/disputes/${d}/stage`, json: body, as: 'anonymous', bearer: 'officer' })),
        objectionId().map((id): Case => ({ method: 'get', path: `/api/v1/objections/${id}`, as: 'anonymous', bearer: 'supervisor' })),
        hostileQuery(['limit', 'status']).map((q): Case => ({ method: 'get', path: `/api/v1/objections?${q}`, as: 'anonymous', bearer: 'supervisor' })),
      );
      await fuzz(arb, 400);
    });

    it('should never answer 5xx nor change data on refused objection and dispute forms', async () => {
      const f = filed[0];
      const arb = fc.oneof(
        mutatedForm({ nomor: f.number, kode: f.code }).map((form): Case => ({ method: 'post', path: '/lacak/keberatan/baru', form, as: 'public' })),
        mutatedForm({ nomor: f.number, kode: f.code, grounds: 'a', reasons: 'Informasi anggaran bukan rahasia pribadi.', proxyName: '', proxyAddress: '' }).map(
          (form): Case => ({ method: 'post', path: '/lacak/keberatan', form, as: 'public' }),
        ),
        mutatedForm({ nomor: f.number, kode: f.code, objectionNumber: objection.number }).map((form): Case => ({ method: 'post', path: '/lacak/sengketa/baru', form, as: 'public' })),
        mutatedForm({ nomor: f.number, kode: f.code, objectionNumber: objection.number, ...dispute }).map((form): Case => ({ method: 'post', path: '/lacak/sengketa', form, as: 'public' })),
        mutatedForm({ nomor: f.number, kode: f.code, disputeId: '1' }).map((form): Case => ({ method: 'post', path: '/lacak/sengketa/tahap/baru', form, as: 'public' })),
        mutatedForm({ nomor: f.number, kode: f.code, disputeId: '1', ...stage }).map((form): Case => ({ method: 'post', path: '/lacak/sengketa/tahap', form, as: 'public' })),
        hostileQuery(['nomor']).map((q): Case => ({ method: 'get', path: `/lacak/keberatan?${q}`, as: 'public' })),
        hostileQuery(['nomor']).map((q): Case => ({ method: 'get', path: `/lacak/sengketa?${q}`, as: 'public' })),
        fc
          .record({ id: objectionId(), form: mutatedForm(decision) })
          .map(({ id, form }): Case => ({ method: 'post', path: `/petugas/keberatan/${id}/putus`, form, as: 'supervisor' })),
        fc
          .record({ id: objectionId(), form: mutatedForm(dispute) })
          .map(({ id, form }): Case => ({ method: 'post', path: `/petugas/keberatan/${id}/sengketa`, form, as: 'officer' })),
        fc
          .record({ id: objectionId(), form: mutatedForm({ disputeId: '1', ...stage }) })
          .map(({ id, form }): Case => ({ method: 'post', path: `/petugas/keberatan/${id}/tahap`, form, as: 'officer' })),
        objectionId().map((id): Case => ({ method: 'get', path: `/petugas/keberatan/${id}`, as: 'supervisor' })),
      );
      await fuzz(arb, 400);
    });

    it('should never answer 5xx to register and annual report routes with hostile parameters, nor change data on refused report forms', async () => {
      const registerParams = ['bodyId', 'unitId', 'from', 'to', 'status', 'q', 'page', 'format'];
      const pageParams = ['badan', 'unit', 'dari', 'sampai', 'status', 'q', 'halaman'];
      const narrative = { policy: 'Kebijakan uji.', resources: 'Sumber daya uji.', obstacles: 'Kendala uji.', recommendations: 'Rekomendasi uji.' };
      const year = fc.oneof(fc.constantFrom('2025', '2026'), hostileSegment);
      const arb = fc.oneof(
        fc
          .record({ which: fc.constantFrom('requests', 'objections'), q: hostileQuery(registerParams), as: fc.constantFrom<'officer' | 'supervisor' | 'admin'>('officer', 'supervisor', 'admin') })
          .map(({ which, q, as }): Case => ({ method: 'get', path: `/api/v1/registers/${which}?${q}`, as: 'anonymous', bearer: as })),
        fc
          .record({ path: fc.constantFrom('/petugas/register', '/petugas/register/keberatan', '/petugas/register.csv', '/petugas/register/keberatan.csv'), q: hostileQuery(pageParams) })
          .map(({ path, q }): Case => ({ method: 'get', path: `${path}?${q}`, as: 'officer' })),
        hostileSegment.map((fmt): Case => ({ method: 'get', path: `/petugas/register/keberatan.${fmt}`, as: 'officer' })),
        hostileQuery(['badan', 'tahun', 'disimpan']).map((q): Case => ({ method: 'get', path: `/petugas/laporan-tahunan?${q}`, as: 'officer' })),
        fc
          .record({ b: fc.oneof(fc.constant(String(surabaya.bodyId)), hostileSegment), y: year })
          .map(({ b, y }): Case => ({ method: 'get', path: `/petugas/laporan-tahunan/${b}/${y}.pdf`, as: 'officer' })),
        fc
          .record({ b: fc.oneof(fc.constant(String(surabaya.bodyId)), hostileSegment), y: year, form: mutatedForm(narrative) })
          .map(({ b, y, form }): Case => ({ method: 'post', path: `/petugas/laporan-tahunan/${b}/${y}`, form, as: 'officer' })),
        fc
          .record({ b: fc.oneof(fc.constant(String(surabaya.bodyId)), hostileSegment), y: year })
          .map(({ b, y }): Case => ({ method: 'post', path: `/petugas/laporan-tahunan/${b}/${y}/umumkan`, form: [], as: 'officer' })),
        fc
          .record({ c: fc.oneof(fc.constantFrom('3578', '35.78'), hostileSegment), y: year, kind: fc.constantFrom('/laporan-tahunan', '/api/v1/annual-reports') })
          .map(({ c, y, kind }): Case => ({ method: 'get', path: `${kind}/${c}/${y}`, as: 'anonymous' })),
        hostileSegment.map((c): Case => ({ method: 'get', path: `/laporan-tahunan/${c}`, as: 'anonymous' })),
      );
      await fuzz(arb, 400);
    });
  });

  it('should have run at least 5,000 cases, most of them refused by validation rather than a limit', () => {
    if (SCALE >= 1) expect(cases).toBeGreaterThanOrEqual(5000);
    expect(refused).toBeGreaterThan(cases / 2);
    expect(limited).toBeLessThan(cases / 20);
  });

  it('should still sign in, track and take requests after the run', async () => {
    const fresh = await createUser(t.app, { role: 'officer', unitId: surabaya.id });
    const signedIn = await loginAgent(t.app, fresh.email);
    const queue = await signedIn.agent.get('/petugas');
    expect(queue.status).toBe(200);
    const token = await bearerToken(t.app, fresh.email);
    const api = await http().get('/api/v1/queue').set('Authorization', `Bearer ${token}`);
    expect(api.status).toBe(200);
    const created = await http().post('/api/v1/requests').set('X-Forwarded-For', '192.0.2.200').send(requestPayload(surabaya.id));
    expect(created.status).toBe(201);
    const tracked = await http()
      .get(`/api/v1/requests/${created.body.registrationNumber}`)
      .set('X-Forwarded-For', '192.0.2.201')
      .set('X-Tracking-Code', created.body.trackingCode);
    expect(tracked.status).toBe(200);
    const page = await agents.public.agent
      .post('/lacak')
      .set('X-Forwarded-For', '192.0.2.202')
      .type('form')
      .send({ _csrf: agents.public.csrfToken, nomor: created.body.registrationNumber, kode: created.body.trackingCode });
    expect(page.status).toBe(200);
    expect((await http().get('/health')).status).toBe(200);
  });
});
