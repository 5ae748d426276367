import fc from 'fast-check';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditService } from 'src/modules/audit';
import { AuditRepository } from 'src/modules/audit/audit.repository';
import { bearerToken, createUser, loginAgent, SignedInAgent, TEST_PASSWORD, TestUser, uniqueEmail, utamaUnitOf } from 'test/support/auth-helpers';
import { binary } from 'test/support/binary';
import { csrfTokenOf, hiddenValue, multipartActionOf } from 'test/support/page-form';
import { formFields, requestPayload, TINY_PNG } from 'test/support/request-factory';
import { invitationPath } from 'test/support/invitations';
import { startTestApp, TestApp } from 'test/support/test-app';

interface AuditRowInDb {
  id: string;
  actor_user_id: number | null;
  actor_role: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: Record<string, unknown>;
}

/** Requester data a test files; none of it may ever reach audit_log. */
interface Requester {
  name: string;
  nik: string;
  address: string;
  phone: string;
  email: string;
}

describe('audit trail', () => {
  let t: TestApp;
  let surabaya: { id: number; bodyId: number };
  let malang: { id: number; bodyId: number };
  let admin: TestUser;
  let officer: TestUser;
  let supervisor: TestUser;
  let stranger: TestUser;
  let adminPages: SignedInAgent;
  let adminToken: string;
  const requesters: Requester[] = [];
  const http = () => request(t.app.getHttpServer());
  const db = () => t.app.get(DataSource);
  const bearer = (tok: string) => ({ Authorization: `Bearer ${tok}` });

  async function lastAuditId(): Promise<string> {
    const [row] = (await db().query('SELECT coalesce(max(id), 0)::text AS id FROM audit_log')) as { id: string }[];
    return row.id;
  }

  function auditRowsAfter(id: string): Promise<AuditRowInDb[]> {
    return db().query(
      `SELECT id::text, actor_user_id, actor_role, action, target_type, target_id, details FROM audit_log WHERE id > $1 ORDER BY id`,
      [id],
    ) as Promise<AuditRowInDb[]>;
  }

  /** Runs `work` and returns the audit rows it wrote. */
  async function written(work: () => Promise<unknown>): Promise<AuditRowInDb[]> {
    const before = await lastAuditId();
    await work();
    return auditRowsAfter(before);
  }


  /** Files a request through the web form with an identity document; returns its id. */
  async function fileWithIdentityDocument(requester: Requester): Promise<string> {
    const agent = request.agent(t.app.getHttpServer());
    const page = await agent.get('/permohonan/baru').query({ unit: surabaya.id });
    expect(page.status).toBe(200);
    const fields = formFields(requestPayload(surabaya.id, { requester }));
    let post = agent.post(multipartActionOf(page.text)).field('submissionKey', hiddenValue(page.text, 'submissionKey'));
    for (const [k, v] of Object.entries(fields)) post = post.field(k, v);
    const res = await post.attach('identityDocument', TINY_PNG, 'ktp.png');
    expect(res.status).toBeLessThan(400);
    const [row] = (await db().query('SELECT id::text AS id FROM requests WHERE requester_email = $1', [requester.email])) as { id: string }[];
    expect(row).toBeDefined();
    requesters.push(requester);
    return row.id;
  }

  function requesterNo(n: number): Requester {
    return {
      name: `Pemohon Uji ${['Satu', 'Dua', 'Tiga', 'Empat', 'Lima'][n % 5]} Wicaksono`,
      // 3578 01 15039n 000m: Kota Surabaya, born 15 March 199n.
      nik: `35780115039${n % 10}000${(n % 9) + 1}`,
      address: `Jl. Kenanga Raya No. ${n + 10}, Surabaya`,
      phone: `0812777700${String(n).padStart(2, '0')}`,
      email: uniqueEmail('pemohon'),
    };
  }

  beforeAll(async () => {
    t = await startTestApp({ INTAKE_LIMIT_PER_IP_HOUR: '10000', INTAKE_LIMIT_PER_EMAIL_DAY: '1000', APP_URL: 'https://kip.example.test' });
    surabaya = await utamaUnitOf(t.app, '35.78');
    malang = await utamaUnitOf(t.app, '35.73');
    admin = await createUser(t.app, { role: 'admin', name: 'Sari Admin' });
    officer = await createUser(t.app, { role: 'officer', unitId: surabaya.id, name: 'Rina Petugas' });
    supervisor = await createUser(t.app, { role: 'supervisor', bodyId: surabaya.bodyId });
    stranger = await createUser(t.app, { role: 'officer', unitId: malang.id });
    adminPages = await loginAgent(t.app, admin.email);
    adminToken = await bearerToken(t.app, admin.email);
  });

  afterAll(async () => {
    await t.close();
  });

  describe('administrative changes', () => {
    it('should record an account created with a password through the API as user.created by the admin', async () => {
      let id = 0;
      const rows = await written(async () => {
        const res = await http()
          .post('/api/v1/admin/users')
          .set(bearer(adminToken))
          .send({ email: uniqueEmail('biro'), name: 'Biro Baru', role: 'bureau', password: 'sandi-biro-panjang-1' });
        expect(res.status).toBe(201);
        id = res.body.id;
      });
      expect(rows).toEqual([
        expect.objectContaining({ actor_user_id: admin.id, actor_role: 'admin', action: 'user.created', target_type: 'user', target_id: String(id) }),
      ]);
      expect(rows[0].details).toEqual({ role: 'bureau', unitId: null, bodyId: null });
    });

    it('should record an invitation through the page as user.invited, and its acceptance as user.password_changed by the invitee', async () => {
      const email = uniqueEmail('undangan');
      const created = await written(async () => {
        const res = await adminPages.postForm('/admin/pengguna', { email, name: 'Petugas Diundang', role: 'officer', unitId: String(surabaya.id) });
        expect(res.status).toBe(303);
      });
      const [user] = (await db().query('SELECT id FROM users WHERE email = $1', [email])) as { id: number }[];
      expect(created).toEqual([
        expect.objectContaining({ actor_user_id: admin.id, action: 'user.invited', target_type: 'user', target_id: String(user.id) }),
      ]);
      expect(created[0].details).toEqual({ role: 'officer', unitId: surabaya.id, bodyId: null });

      const path = await invitationPath(t, email);
      const invitee = request.agent(t.app.getHttpServer());
      const page = await invitee.get(path);
      expect(page.status).toBe(200);
      const accepted = await written(async () => {
        const res = await invitee.post(path).type('form').send({ _csrf: csrfTokenOf(page.text), newPassword: 'sandi-undangan-baru', confirmPassword: 'sandi-undangan-baru' });
        expect(res.status).toBe(303);
      });
      expect(accepted).toEqual([
        expect.objectContaining({ actor_user_id: user.id, actor_role: 'officer', action: 'user.password_changed', target_id: String(user.id), details: { via: 'invitation' } }),
      ]);
    });

    it('should record a password change by the account itself', async () => {
      const own = await createUser(t.app, { role: 'bureau' });
      const pages = await loginAgent(t.app, own.email);
      const rows = await written(async () => {
        const res = await pages.postForm('/akun/kata-sandi', { currentPassword: TEST_PASSWORD, newPassword: 'sandi-baru-sekali-2', confirmPassword: 'sandi-baru-sekali-2' });
        expect(res.status).toBe(303);
      });
      expect(rows).toEqual([
        expect.objectContaining({ actor_user_id: own.id, actor_role: 'bureau', action: 'user.password_changed', target_type: 'user', target_id: String(own.id) }),
      ]);
      expect(rows[0].details).toEqual({ via: 'own_account' });
    });

    it('should record nothing when a change is refused', async () => {
      const rows = await written(async () => {
        const bad = await adminPages.postForm('/admin/pengguna', { email: 'bukan-email', name: '', role: 'officer' });
        expect(bad.status).toBe(400);
        const wrong = await (await loginAgent(t.app, officer.email)).postForm('/akun/kata-sandi', {
          currentPassword: 'salah-sama-sekali',
          newPassword: 'sandi-baru-sekali-3',
          confirmPassword: 'sandi-baru-sekali-3',
        });
        expect(wrong.status).toBe(400);
      });
      expect(rows).toEqual([]);
    });

    it('should record a new PPID Pelaksana as unit.created', async () => {
      const code = `AU${Date.now().toString(36).slice(-4).toUpperCase()}`;
      const rows = await written(async () => {
        const res = await adminPages.postForm('/admin/unit', {
          bodyId: String(surabaya.bodyId),
          name: 'PPID Pelaksana Dinas Arsip',
          code,
          email: '',
          timeZone: 'Asia/Jakarta',
          opensAt: '08:00',
          closesAt: '16:00',
        });
        expect(res.status).toBe(303);
      });
      const [unit] = (await db().query('SELECT id FROM ppid_units WHERE body_id = $1 AND code = $2', [surabaya.bodyId, code])) as { id: number }[];
      expect(rows).toEqual([
        expect.objectContaining({ actor_user_id: admin.id, action: 'unit.created', target_type: 'unit', target_id: String(unit.id) }),
      ]);
      expect(rows[0].details).toEqual({ bodyId: surabaya.bodyId, parentId: surabaya.id, level: 'pelaksana' });
    });

    it('should record adding, changing and removing a holiday and confirming a year, one entry each', async () => {
      let id = 0;
      const added = await written(async () => {
        const res = await http()
          .post('/api/v1/admin/calendar/holidays')
          .set(bearer(adminToken))
          .send({ date: '2031-03-03', name: 'Libur Uji', kind: 'libur_nasional', source: 'Keppres Uji 1/2031' });
        expect(res.status).toBe(201);
        id = res.body.id;
      });
      expect(added).toEqual([
        expect.objectContaining({ actor_user_id: admin.id, action: 'holiday.created', target_type: 'holiday', target_id: String(id) }),
      ]);
      expect(added[0].details).toEqual({ date: '2031-03-03', kind: 'libur_nasional', bodyId: null });

      const changed = await written(async () => {
        const res = await http()
          .put(`/api/v1/admin/calendar/holidays/${id}`)
          .set(bearer(adminToken))
          .send({ date: '2031-03-04', name: 'Libur Uji Diubah', kind: 'libur_nasional', source: 'Keppres Uji 1/2031' });
        expect(res.status).toBe(200);
      });
      expect(changed).toEqual([expect.objectContaining({ action: 'holiday.updated', target_id: String(id) })]);
      expect(changed[0].details).toMatchObject({ changed: ['date', 'name'], date: '2031-03-04', oldDate: '2031-03-03' });

      const removed = await written(async () => {
        const res = await adminPages.postForm(`/admin/kalender/hari/${id}/hapus`);
        expect(res.status).toBe(303);
      });
      expect(removed).toEqual([expect.objectContaining({ actor_user_id: admin.id, action: 'holiday.deleted', target_id: String(id) })]);

      const confirmed = await written(async () => {
        const res = await adminPages.postForm('/admin/kalender/tahun', { year: '2031', source: 'SKB Tiga Menteri Uji 2031' });
        expect(res.status).toBe(303);
      });
      expect(confirmed).toEqual([
        expect.objectContaining({ action: 'calendar.year_confirmed', target_type: 'calendar_year', target_id: '2031', details: { year: 2031, wasConfirmed: false } }),
      ]);
    });

    it('should commit neither the change nor its entry when the entry cannot be written', async () => {
      const append = jest.spyOn(AuditRepository.prototype, 'append').mockRejectedValueOnce(new Error('audit store down'));
      try {
        const res = await http()
          .post('/api/v1/admin/calendar/holidays')
          .set(bearer(adminToken))
          .send({ date: '2031-05-05', name: 'Libur Gagal', kind: 'libur_nasional', source: 'Keppres Uji 2/2031' });
        expect(res.status).toBe(500);
      } finally {
        append.mockRestore();
      }
      const rows = (await db().query(`SELECT 1 FROM holidays WHERE date = '2031-05-05'`)) as unknown[];
      expect(rows).toHaveLength(0);
    });
  });

  describe('personal data', () => {
    it('should record the full NIK shown to an officer of the unit, and the record without NIK shown to the supervisor', async () => {
      const id = await fileWithIdentityDocument(requesterNo(1));
      const own = await loginAgent(t.app, officer.email);
      const viewed = await written(async () => {
        const page = await own.agent.get(`/petugas/permohonan/${id}`);
        expect(page.status).toBe(200);
        expect(page.text).toContain(requesters[requesters.length - 1].nik);
      });
      expect(viewed).toEqual([
        expect.objectContaining({ actor_user_id: officer.id, actor_role: 'officer', action: 'personal_data.nik_viewed', target_type: 'request', target_id: id }),
      ]);
      expect(viewed[0].details).toEqual({ unitId: surabaya.id, shown: ['nik', 'address', 'phone', 'email'] });

      const sup = await loginAgent(t.app, supervisor.email);
      const supViewed = await written(async () => {
        const page = await sup.agent.get(`/petugas/permohonan/${id}`);
        expect(page.status).toBe(200);
      });
      expect(supViewed).toEqual([
        expect.objectContaining({ actor_user_id: supervisor.id, action: 'request.full_record_viewed', target_id: id, details: { unitId: surabaya.id, shown: ['address', 'phone', 'email'] } }),
      ]);
    });

    it('should record an identity document download once, and nothing for a refused one', async () => {
      const id = await fileWithIdentityDocument(requesterNo(2));
      const own = await loginAgent(t.app, officer.email);
      const downloaded = await written(async () => {
        const res = await own.agent.get(`/petugas/permohonan/${id}/identitas`).buffer(true).parse(binary);
        expect(res.status).toBe(200);
        expect(Buffer.compare(res.body as Buffer, TINY_PNG)).toBe(0);
      });
      expect(downloaded).toEqual([
        expect.objectContaining({
          actor_user_id: officer.id,
          action: 'personal_data.identity_document_downloaded',
          target_type: 'request',
          target_id: id,
          details: { unitId: surabaya.id, mediaType: 'image/png' },
        }),
      ]);
      const other = await loginAgent(t.app, stranger.email);
      const refused = await written(async () => {
        expect((await other.agent.get(`/petugas/permohonan/${id}/identitas`)).status).toBe(404);
        expect((await other.agent.get(`/petugas/permohonan/${id}`)).status).toBe(404);
        expect((await (await loginAgent(t.app, supervisor.email)).agent.get(`/petugas/permohonan/${id}/identitas`)).status).toBe(404);
      });
      expect(refused).toEqual([]);
    });

    it('should keep every requester NIK, name, e-mail, phone and address out of the trail, for any requester', async () => {
      const nik = fc
        .tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 9999 }))
        .map(([d, m, y, s]) => `357801${[d, m, y].map((n) => String(n).padStart(2, '0')).join('')}${String(s).padStart(4, '0')}`);
      const word = fc.constantFrom('Ayu', 'Budi', 'Citra', 'Dewi', 'Eko', 'Fajar', 'Gita', 'Hadi', 'Indah', 'Joko');
      const arbitrary = fc.record({
        name: fc.tuple(word, word, word).map((w) => `${w.join(' ')} Prasetyo`),
        nik,
        address: fc.tuple(word, fc.integer({ min: 1, max: 999 })).map(([w, n]) => `Jl. ${w} Permai No. ${n}, Surabaya`),
        phone: fc.integer({ min: 10_000_000, max: 99_999_999 }).map((n) => `0813${n}`),
      });
      const own = await loginAgent(t.app, officer.email);
      const sup = await loginAgent(t.app, supervisor.email);
      for (const generated of fc.sample(arbitrary, { numRuns: 4, seed: 20_270 })) {
        const id = await fileWithIdentityDocument({ ...generated, email: uniqueEmail('acak') });
        expect((await own.agent.get(`/petugas/permohonan/${id}`)).status).toBe(200);
        expect((await own.agent.get(`/petugas/permohonan/${id}/identitas`)).status).toBe(200);
        expect((await sup.agent.get(`/petugas/permohonan/${id}`)).status).toBe(200);
      }
      const stored = (await db().query(`SELECT (to_jsonb(a) - 'occurred_at')::text AS text FROM audit_log a`)) as { text: string }[];
      const all = stored.map((s) => s.text).join('\n');
      expect(stored.length).toBeGreaterThanOrEqual(requesters.length * 2);
      for (const r of requesters) {
        for (const value of [r.nik, r.nik.slice(-8), r.name, r.email, r.phone, r.address, r.address.split(',')[0]]) {
          expect([value, all.includes(value)]).toEqual([value, false]);
        }
      }
    });
  });

  describe('the admin page and the CSV', () => {
    it('should list entries newest first with actor, action and target, and filter by action and actor', async () => {
      const page = await adminPages.agent.get('/admin/audit');
      expect(page.status).toBe(200);
      expect(page.text).toContain('personal_data.identity_document_downloaded');
      expect(page.text).toContain('holiday.created');
      expect(page.text).toContain('Rina Petugas');
      const byAction = await adminPages.agent.get('/admin/audit').query({ aksi: 'unit.created' });
      expect(byAction.status).toBe(200);
      expect(byAction.text).toContain('PPID Pelaksana Dinas Arsip');
      expect(byAction.text).not.toContain('<code class="muted">holiday.created</code>');
      const byActor = await adminPages.agent.get('/admin/audit').query({ aktor: officer.email.toUpperCase() });
      expect(byActor.text).toContain('<code class="muted">personal_data.nik_viewed</code>');
      expect(byActor.text).not.toContain('<code class="muted">holiday.created</code>');
      const bad = await adminPages.agent.get('/admin/audit').query({ aksi: 'apa.saja', dari: '2026-02-30' });
      expect(bad.status).toBe(400);
      expect(bad.text).toContain('Pilih jenis tindakan dari daftar.');
    });

    it('should page with a keyset cursor and filter by date range', async () => {
      const audit = t.app.get(AuditService);
      for (let i = 0; i < 55; i += 1) {
        await audit.record({ actor: admin.actor, action: 'user.role_changed', target: { type: 'user', id: officer.id }, details: { from: 'officer', to: 'officer', n: i } });
      }
      const first = await adminPages.agent.get('/admin/audit').query({ aksi: 'user.role_changed' });
      const firstIds = [...first.text.matchAll(/id="audit-(\d+)"/g)].map((m) => Number(m[1]));
      expect(firstIds).toHaveLength(50);
      expect([...firstIds].sort((a, b) => b - a)).toEqual(firstIds);
      // Handlebars escapes = and & in attributes.
      const html = (text: string) => text.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');
      const next = /href="(\/admin\/audit\?[^"]*setelah=\d+[^"]*)"/.exec(html(first.text))?.[1];
      expect(next).toBeDefined();
      const second = await adminPages.agent.get(next as string);
      const secondIds = [...second.text.matchAll(/id="audit-(\d+)"/g)].map((m) => Number(m[1]));
      expect(secondIds).toHaveLength(5);
      expect(Math.max(...secondIds)).toBeLessThan(Math.min(...firstIds));
      expect(html(second.text)).not.toContain('setelah=');

      const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Jakarta' });
      const inRange = await adminPages.agent.get('/admin/audit').query({ aksi: 'unit.created', dari: today, sampai: today });
      expect(inRange.text).toContain('<code class="muted">unit.created</code>');
      const past = await adminPages.agent.get('/admin/audit').query({ aksi: 'unit.created', dari: '2020-01-01', sampai: '2020-12-31' });
      expect(past.text).not.toContain('<code class="muted">unit.created</code>');
      expect(past.text).toContain('Tidak ada catatan yang cocok');
    });

    it('should export the filtered entries as CSV with formula cells neutralised, and record the export', async () => {
      const sly = await createUser(t.app, { role: 'admin', name: '=HYPERLINK("http://evil.example","klik")' });
      const slyToken = await bearerToken(t.app, sly.email);
      const res = await http().post('/api/v1/admin/calendar/holidays').set(bearer(slyToken)).send({ date: '2031-07-07', name: 'Libur', kind: 'cuti_bersama', source: 'SKB Uji' });
      expect(res.status).toBe(201);

      const exported = await written(async () => {
        const csv = await adminPages.agent.get('/admin/audit.csv').query({ aksi: 'holiday.created' });
        expect(csv.status).toBe(200);
        expect(csv.headers['content-type']).toContain('text/csv');
        const lines = csv.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
        expect(lines[0]).toBe('id,waktu,pelaku_id,pelaku_nama,pelaku_email,pelaku_peran,tindakan,tindakan_keterangan,sasaran_jenis,sasaran_id,rincian');
        expect(lines.slice(1).every((l) => l.includes(',holiday.created,'))).toBe(true);
        expect(lines.length).toBe(3);
        expect(csv.text).toContain(`"'=HYPERLINK(""http://evil.example"",""klik"")"`);
        expect(csv.text).not.toMatch(/(^|,)"?=HYPERLINK/m);
      });
      expect(exported).toEqual([
        expect.objectContaining({ actor_user_id: admin.id, action: 'audit.exported', details: { action: 'holiday.created', actorFilter: false, from: null, to: null } }),
      ]);
    });

    it('should refuse the page and the CSV to everyone but admins', async () => {
      for (const user of [officer, supervisor]) {
        const pages = await loginAgent(t.app, user.email);
        expect((await pages.agent.get('/admin/audit')).status).toBe(403);
        expect((await pages.agent.get('/admin/audit.csv')).status).toBe(403);
      }
      const anonymous = await http().get('/admin/audit.csv');
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers.location).toContain('/masuk');
      const menu = await adminPages.agent.get('/admin');
      expect(menu.text).toContain('href="/admin/audit"');
    });
  });
});
