import request from 'supertest';
import { DataSource } from 'typeorm';
import { AccessPolicy } from 'src/modules/auth/access-policy';
import { AccountsService } from 'src/modules/auth/accounts.service';
import {
  bearerToken,
  createPelaksanaUnit,
  createUser,
  loginAgent,
  TEST_PASSWORD,
  uniqueEmail,
  utamaUnitOf,
} from 'test/support/auth-helpers';
import { csrfTokenOf } from 'test/support/page-form';
import { invitationPath } from 'test/support/invitations';
import { startTestApp, TestApp } from 'test/support/test-app';

const ADMIN_EMAIL = 'Admin.Portal@Jatimprov.go.id';
const ADMIN_PASSWORD = 'sandi-admin-awal-2025';

describe('accounts and access over HTTP', () => {
  let t: TestApp;
  let surabaya: { id: number; bodyId: number };
  let sidoarjo: { id: number; bodyId: number };
  const http = () => request(t.app.getHttpServer());
  const db = () => t.app.get(DataSource);

  beforeAll(async () => {
    t = await startTestApp({ ADMIN_EMAIL, ADMIN_PASSWORD, APP_URL: 'https://kip.example.test' });
    surabaya = await utamaUnitOf(t.app, '35.78');
    sidoarjo = await utamaUnitOf(t.app, '35.15');
  });

  afterAll(async () => {
    await t?.close();
  });

  // Every request here comes from 127.0.0.1: start each test with a fresh per-address count of failures.
  beforeEach(async () => {
    await db().query(`DELETE FROM rate_limits WHERE key LIKE 'kip:login_ip:%'`);
  });


  async function openLoginForm() {
    const agent = request.agent(t.app.getHttpServer());
    const page = await agent.get('/masuk');
    expect(page.status).toBe(200);
    return { agent, csrf: csrfTokenOf(page.text) };
  }

  describe('bootstrap admin and signing in', () => {
    it('should create the admin from ADMIN_EMAIL once, stored in lower case with an argon2id hash', async () => {
      const rows = (await db().query(`SELECT email, password_hash FROM users WHERE role = 'admin'`)) as { email: string; password_hash: string }[];
      expect(rows).toHaveLength(1);
      expect(rows[0].email).toBe(ADMIN_EMAIL.toLowerCase());
      expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
      await expect(t.app.get(AccountsService).ensureBootstrapAdmin(ADMIN_EMAIL, ADMIN_PASSWORD)).resolves.toBe('exists');
    });

    it('should create exactly one admin when two instances bootstrap at once', async () => {
      await db().query(`UPDATE users SET active = false WHERE role = 'admin'`);
      try {
        const accounts = t.app.get(AccountsService);
        const outcomes = await Promise.all([
          accounts.ensureBootstrapAdmin('kedua@jatimprov.go.id', ADMIN_PASSWORD),
          accounts.ensureBootstrapAdmin('kedua@jatimprov.go.id', ADMIN_PASSWORD),
        ]);
        expect(outcomes.sort()).toEqual(['created', 'exists']);
        const [{ n }] = (await db().query(`SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND active`)) as { n: number }[];
        expect(n).toBe(1);
      } finally {
        await db().query(`DELETE FROM users WHERE email = 'kedua@jatimprov.go.id'`);
        await db().query(`UPDATE users SET active = true WHERE role = 'admin'`);
      }
    });

    it('should sign the admin in through the page, set an httpOnly SameSite=Lax session cookie and show the name in the header', async () => {
      const { agent, csrf } = await openLoginForm();
      const res = await agent.post('/masuk').type('form').send({ _csrf: csrf, email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/admin');
      const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('kip.sid='));
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      const admin = await agent.get('/admin');
      expect(admin.status).toBe(200);
      expect(admin.text).toContain('>Administrator</a>');
      expect(admin.text).toContain('href="/admin/pengguna"');
      expect(admin.text).toContain('action="/keluar"');
      expect(admin.text).not.toContain('href="/masuk"');
    });

    it('should create no session for a visitor who only opens the login page', async () => {
      const res = await http().get('/masuk');
      expect(res.status).toBe(200);
      expect(res.text).toContain('href="/masuk"');
      expect(([] as string[]).concat(res.headers['set-cookie'] ?? []).some((c) => c.startsWith('kip.sid='))).toBe(false);
    });

    it('should give a new session id on sign-in', async () => {
      const user = await createUser(t.app, { role: 'bureau' });
      const first = await loginAgent(t.app, user.email);
      const before = (await db().query('SELECT sid FROM session')) as { sid: string }[];
      const res = await first.postForm('/masuk', { email: user.email, password: TEST_PASSWORD });
      expect(res.status).toBe(303);
      const after = (await db().query('SELECT sid FROM session')) as { sid: string }[];
      const added = after.filter((a) => !before.some((b) => b.sid === a.sid));
      const removed = before.filter((b) => !after.some((a) => a.sid === b.sid));
      expect(added).toHaveLength(1);
      expect(removed).toHaveLength(1);
    });

    it('should return to the page asked for, but never to another site', async () => {
      const user = await createUser(t.app, { role: 'bureau' });
      const { agent, csrf } = await openLoginForm();
      const home = await agent.post('/masuk').type('form').send({ _csrf: csrf, email: user.email, password: TEST_PASSWORD, next: '/kalender?tahun=2025' });
      expect(home.headers.location).toBe('/kalender?tahun=2025');
      const other = await openLoginForm();
      const evil = await other.agent.post('/masuk').type('form').send({ _csrf: other.csrf, email: user.email, password: TEST_PASSWORD, next: '//evil.example/' });
      expect(evil.status).toBe(303);
      expect(evil.headers.location).toBe('/biro');
    });

    it('should answer a wrong password and an unknown e-mail with the same generic message', async () => {
      const { agent, csrf } = await openLoginForm();
      const wrong = await agent.post('/masuk').type('form').send({ _csrf: csrf, email: ADMIN_EMAIL, password: 'bukan-kata-sandinya' });
      const unknown = await agent.post('/masuk').type('form').send({ _csrf: csrf, email: 'tidak.ada@uji.go.id', password: 'bukan-kata-sandinya' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.text).toContain('E-mail atau kata sandi salah.');
      expect(unknown.text).toContain('E-mail atau kata sandi salah.');
      expect(wrong.text).toContain(`value="${ADMIN_EMAIL}"`);
      expect(wrong.text).not.toContain('bukan-kata-sandinya');
    });

    it('should refuse a sign-in without the CSRF token', async () => {
      const res = await http().post('/masuk').type('form').send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
      expect(res.status).toBe(403);
    });

    it('should lock the account for 15 minutes after 5 failures, even for the right password, on the page and the API', async () => {
      const user = await createUser(t.app, { role: 'officer', unitId: surabaya.id });
      const { agent, csrf } = await openLoginForm();
      const attempt = (password: string) => agent.post('/masuk').type('form').send({ _csrf: csrf, email: user.email, password });
      for (let i = 1; i <= 4; i++) {
        const res = await attempt(`salah-${i}-kata-sandi`);
        expect(res.status).toBe(401);
        expect(res.text).toContain('E-mail atau kata sandi salah.');
      }
      const fifth = await attempt('salah-5-kata-sandi');
      expect(fifth.status).toBe(429);
      expect(fifth.text).toContain('Akun dikunci sementara');
      expect(fifth.text).toMatch(/dalam 1[45] menit/);
      const right = await attempt(TEST_PASSWORD);
      expect(right.status).toBe(429);
      expect(right.text).toContain('Akun dikunci sementara');
      const api = await http().post('/api/v1/auth/token').send({ email: user.email, password: TEST_PASSWORD });
      expect(api.status).toBe(429);
      expect(api.headers['retry-after']).toBeDefined();
      const [row] = (await db().query('SELECT locked_until > now() + interval \'14 minutes\' AS locked FROM users WHERE id = $1', [user.id])) as {
        locked: boolean;
      }[];
      expect(row.locked).toBe(true);
    });

    it('should lock an unknown e-mail after 5 failures too, so a lock tells nothing about existence', async () => {
      const { agent, csrf } = await openLoginForm();
      let last = await agent.post('/masuk').type('form').send({ _csrf: csrf, email: 'hantu@uji.go.id', password: 'salah-kata-sandi-0' });
      for (let i = 1; i < 5; i++) {
        last = await agent.post('/masuk').type('form').send({ _csrf: csrf, email: 'hantu@uji.go.id', password: `salah-kata-sandi-${i}` });
      }
      expect(last.status).toBe(429);
      expect(last.text).toContain('Akun dikunci sementara');
    });

    it('should throttle one address after 30 failures, whatever the e-mails', async () => {
      for (let i = 0; i < 30; i++) {
        const res = await http().post('/api/v1/auth/token').send({ email: `coba${i}@uji.go.id`, password: 'salah-kata-sandi' });
        expect(res.status).toBe(401);
      }
      const res = await http().post('/api/v1/auth/token').send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
      expect(res.status).toBe(429);
      expect(res.body.message).toContain('Terlalu banyak percobaan masuk');
    });

    it('should reset the failure count on a successful sign-in', async () => {
      const user = await createUser(t.app, { role: 'bureau' });
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < 4; i++) {
          const res = await http().post('/api/v1/auth/token').send({ email: user.email, password: 'salah-kata-sandi' });
          expect(res.status).toBe(401);
        }
        const ok = await http().post('/api/v1/auth/token').send({ email: user.email, password: TEST_PASSWORD });
        expect(ok.status).toBe(201);
      }
    });
  });

  describe('signing out and passwords', () => {
    it('should sign out: the session row is deleted and the next admin page redirects to /masuk', async () => {
      const signedIn = await loginAgent(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
      const [{ n: before }] = (await db().query('SELECT count(*)::int AS n FROM session')) as { n: number }[];
      const out = await signedIn.postForm('/keluar');
      expect(out.status).toBe(303);
      expect(out.headers.location).toBe('/masuk?keluar=1');
      const [{ n: after }] = (await db().query('SELECT count(*)::int AS n FROM session')) as { n: number }[];
      expect(after).toBe(before - 1);
      const page = await signedIn.agent.get('/admin/pengguna');
      expect(page.status).toBe(303);
      expect(page.headers.location).toBe('/masuk?next=%2Fadmin%2Fpengguna');
      const message = await signedIn.agent.get('/masuk?keluar=1');
      expect(message.text).toContain('Anda telah keluar.');
    });

    it('should change the password, keep this browser signed in, and end other sessions and API tokens', async () => {
      const user = await createUser(t.app, { role: 'officer', unitId: surabaya.id });
      const here = await loginAgent(t.app, user.email);
      const elsewhere = await loginAgent(t.app, user.email);
      const token = await bearerToken(t.app, user.email);

      const wrong = await here.postForm('/akun/kata-sandi', { currentPassword: 'bukan-ini-sandinya', newPassword: 'sandi-baru-yang-panjang', confirmPassword: 'sandi-baru-yang-panjang' });
      expect(wrong.status).toBe(400);
      expect(wrong.text).toContain('Kata sandi saat ini salah.');
      const mismatch = await here.postForm('/akun/kata-sandi', { currentPassword: TEST_PASSWORD, newPassword: 'sandi-baru-yang-panjang', confirmPassword: 'sandi-baru-yang-lain' });
      expect(mismatch.status).toBe(400);
      expect(mismatch.text).toContain('Kedua isian kata sandi baru tidak sama.');
      const short = await here.postForm('/akun/kata-sandi', { currentPassword: TEST_PASSWORD, newPassword: 'pendek', confirmPassword: 'pendek' });
      expect(short.status).toBe(400);
      expect(short.text).toContain('paling sedikit 10 karakter');

      const done = await here.postForm('/akun/kata-sandi', { currentPassword: TEST_PASSWORD, newPassword: 'sandi-baru-yang-panjang', confirmPassword: 'sandi-baru-yang-panjang' });
      expect(done.status).toBe(303);
      const after = await here.agent.get('/akun/kata-sandi?berhasil=1');
      expect(after.status).toBe(200);
      expect(after.text).toContain('Kata sandi telah diganti');
      const other = await elsewhere.agent.get('/akun/kata-sandi');
      expect(other.status).toBe(303);
      expect(other.headers.location).toBe('/masuk?next=%2Fakun%2Fkata-sandi');
      const api = await http().post('/api/v1/admin/users').set('Authorization', `Bearer ${token}`).send({});
      expect(api.status).toBe(401);
      await expect(bearerToken(t.app, user.email, TEST_PASSWORD)).rejects.toThrow('401');
      await expect(bearerToken(t.app, user.email, 'sandi-baru-yang-panjang')).resolves.toMatch(/^kip_/);
    });
  });

  describe('API tokens', () => {
    it('should issue a 12-hour bearer token for the right password and 401 for a wrong one', async () => {
      const res = await http().post('/api/v1/auth/token').send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
      expect(res.status).toBe(201);
      expect(res.body.accessToken).toMatch(/^kip_[A-Za-z0-9_-]{43}$/);
      const hours = (Date.parse(res.body.expiresAt) - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(11.9);
      expect(hours).toBeLessThanOrEqual(12);
      const [{ n }] = (await db().query('SELECT count(*)::int AS n FROM api_tokens WHERE token_hash = $1', [res.body.accessToken])) as { n: number }[];
      expect(n).toBe(0);
      const wrong = await http().post('/api/v1/auth/token').send({ email: ADMIN_EMAIL, password: 'salah-sekali-ini' });
      expect(wrong.status).toBe(401);
      expect(wrong.body).toEqual({ statusCode: 401, message: 'E-mail atau kata sandi salah.' });
    });

    it('should list the token and account endpoints in the OpenAPI document', async () => {
      const res = await http().get('/api/docs/openapi.json');
      expect(res.status).toBe(200);
      expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/token', '/api/v1/admin/users']));
      expect(res.body.paths['/api/v1/admin/users'].post.security).toEqual([{ bearer: [] }]);
    });

    it('should answer 400 with errors per field when e-mail or password is missing', async () => {
      const res = await http().post('/api/v1/auth/token').send({ email: '' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual({ email: 'Alamat e-mail wajib diisi.', password: 'Kata sandi wajib diisi.' });
    });

    it('should refuse an expired or revoked token with 401', async () => {
      const token = await bearerToken(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
      const ok = await http().post('/api/v1/admin/users').set('Authorization', `Bearer ${token}`).send({});
      expect(ok.status).toBe(400);
      await db().query(`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE expires_at > now() + interval '11 hours' AND revoked_at IS NULL`);
      const expired = await http().post('/api/v1/admin/users').set('Authorization', `Bearer ${token}`).send({});
      expect(expired.status).toBe(401);
    });
  });

  describe('admin creates accounts', () => {
    let adminToken: string;

    beforeAll(async () => {
      adminToken = await bearerToken(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    });

    const createViaApi = (body: Record<string, unknown>, token = adminToken) =>
      http().post('/api/v1/admin/users').set('Authorization', `Bearer ${token}`).send(body);

    it('should create an officer with a password via the API, who can then sign in', async () => {
      const email = uniqueEmail('petugas');
      const res = await createViaApi({ email: email.toUpperCase(), name: 'Rina Kartika', password: 'sandi-petugas-baru', role: 'officer', unitId: surabaya.id });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ id: expect.any(Number) });
      await expect(bearerToken(t.app, email, 'sandi-petugas-baru')).resolves.toMatch(/^kip_/);
      const actor = await t.app.get(AccountsService).findActor(res.body.id);
      expect(actor).toMatchObject({ email, role: 'officer', unitId: surabaya.id, bodyId: surabaya.bodyId });
    });

    it('should create a supervisor from a bodyId, and an invitation instead when no password is given', async () => {
      const email = uniqueEmail('atasan');
      const res = await createViaApi({ email, name: 'Bambang Sutrisno', role: 'supervisor', bodyId: sidoarjo.bodyId });
      expect(res.status).toBe(201);
      const actor = await t.app.get(AccountsService).findActor(res.body.id);
      expect(actor).toMatchObject({ role: 'supervisor', unitId: null, bodyId: sidoarjo.bodyId });
      const [{ n }] = (await db().query(`SELECT count(*)::int AS n FROM outbound_mails WHERE recipient = $1 AND template = 'account_invitation'`, [email])) as {
        n: number;
      }[];
      expect(n).toBe(1);
    });

    it('should answer 400 with errors per field for invalid input', async () => {
      const res = await createViaApi({ email: 'bukan-email', name: '', password: 'pendek', role: 'kepala', unitId: 'satu' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toMatchObject({
        email: expect.stringContaining('e-mail'),
        name: 'Nama lengkap wajib diisi.',
        password: 'Kata sandi paling sedikit 10 karakter.',
        role: 'Pilih peran akun.',
        unitId: 'Pilih unit PPID.',
      });
      const noUnit = await createViaApi({ email: uniqueEmail(), name: 'Tanpa Unit', role: 'officer' });
      expect(noUnit.status).toBe(400);
      expect(noUnit.body.errors).toEqual({ unitId: 'Pilih unit PPID tempat petugas bekerja.' });
      const extra = await createViaApi({ email: uniqueEmail(), name: 'Lebih', role: 'bureau', isAdmin: true });
      expect(extra.status).toBe(400);
    });

    it('should answer 409 when the e-mail is already registered, whatever its case', async () => {
      const res = await createViaApi({ email: ADMIN_EMAIL.toUpperCase(), name: 'Kembar', role: 'bureau', password: 'sandi-kembar-panjang' });
      expect(res.status).toBe(409);
      expect(res.body.errors).toEqual({ email: 'Alamat e-mail ini sudah terdaftar.' });
    });

    it('should create an officer through the page, mail a one-time invitation link, and accept it once', async () => {
      const admin = await loginAgent(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
      const form = await admin.agent.get('/admin/pengguna');
      expect(form.status).toBe(200);
      expect(form.text).toContain('Tambah pengguna');
      const email = uniqueEmail('undangan');
      const created = await admin.postForm('/admin/pengguna', { name: 'Sri Wahyuni', email, role: 'officer', unitId: String(surabaya.id), bodyId: '' });
      expect(created.status).toBe(303);
      expect(created.headers.location).toMatch(/^\/admin\/pengguna\?dibuat=\d+$/);
      const list = await admin.agent.get(created.headers.location as string);
      expect(list.text).toContain('Tautan undangan telah dikirim');
      expect(list.text).toContain('Menunggu aktivasi');

      const [{ password_hash }] = (await db().query('SELECT password_hash FROM users WHERE email = $1', [email])) as { password_hash: string | null }[];
      expect(password_hash).toBeNull();
      const stored = (await db().query('SELECT token_hash FROM account_invitations i JOIN users u ON u.id = i.user_id WHERE u.email = $1', [email])) as {
        token_hash: string;
      }[];
      const path = await invitationPath(t, email);
      expect(stored).toHaveLength(1);
      expect(path).not.toContain(stored[0].token_hash);

      const invitee = request.agent(t.app.getHttpServer());
      const page = await invitee.get(path);
      expect(page.status).toBe(200);
      expect(page.text).toContain('Sri Wahyuni');
      const csrf = csrfTokenOf(page.text);
      const mismatch = await invitee.post(path).type('form').send({ _csrf: csrf, newPassword: 'sandi-undangan-baru', confirmPassword: 'lain' });
      expect(mismatch.status).toBe(400);
      const accepted = await invitee.post(path).type('form').send({ _csrf: csrf, newPassword: 'sandi-undangan-baru', confirmPassword: 'sandi-undangan-baru' });
      expect(accepted.status).toBe(303);
      expect(accepted.headers.location).toBe('/masuk?aktif=1');
      await expect(loginAgent(t.app, email, 'sandi-undangan-baru')).resolves.toBeDefined();

      const again = await invitee.post(path).type('form').send({ _csrf: csrf, newPassword: 'sandi-pembajak-baru', confirmPassword: 'sandi-pembajak-baru' });
      expect(again.status).toBe(404);
      expect(again.text).toContain('Tautan undangan ini tidak berlaku');
      const reopen = await invitee.get(path);
      expect(reopen.status).toBe(404);
      await expect(bearerToken(t.app, email, 'sandi-pembajak-baru')).rejects.toThrow('401');
    });

    it('should refuse an expired invitation', async () => {
      const user = await createUser(t.app, { role: 'bureau', password: null });
      const path = await invitationPath(t, user.email);
      await db().query(`UPDATE account_invitations SET expires_at = now() - interval '1 minute' WHERE user_id = $1`, [user.id]);
      const res = await http().get(path);
      expect(res.status).toBe(404);
      expect(res.text).toContain('kedaluwarsa');
    });

    it('should re-render the page form with the typed input and an error summary when invalid', async () => {
      const admin = await loginAgent(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
      const res = await admin.postForm('/admin/pengguna', { name: 'Tanpa Unit', email: 'tanpa.unit@uji.go.id', role: 'officer', unitId: '' });
      expect(res.status).toBe(400);
      expect(res.text).toContain('class="error-summary"');
      expect(res.text).toContain('Pilih unit PPID tempat petugas bekerja.');
      expect(res.text).toContain('value="tanpa.unit@uji.go.id"');
    });
  });

  describe('admin manages units', () => {
    it('should create a PPID Pelaksana under the PPID Utama and refuse a code used twice in the body', async () => {
      const admin = await loginAgent(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
      const fields = { bodyId: String(surabaya.bodyId), name: 'PPID Pelaksana Dinas Kesehatan', code: 'dinkes', email: 'ppid.dinkes@surabaya.go.id', timeZone: 'Asia/Jakarta', opensAt: '07:30', closesAt: '15:30' };
      const res = await admin.postForm('/admin/unit', fields);
      expect(res.status).toBe(303);
      const id = Number(/dibuat=(\d+)/.exec(res.headers.location as string)?.[1]);
      const [unit] = (await db().query('SELECT body_id, parent_id, level, code, opens_at::text AS opens FROM ppid_units WHERE id = $1', [id])) as {
        body_id: number;
        parent_id: number;
        level: string;
        code: string;
        opens: string;
      }[];
      expect(unit).toEqual({ body_id: surabaya.bodyId, parent_id: surabaya.id, level: 'pelaksana', code: 'DINKES', opens: '07:30:00' });
      const page = await admin.agent.get(res.headers.location as string);
      expect(page.text).toContain('PPID Pelaksana Dinas Kesehatan (kode DINKES) telah ditambahkan');
      const twice = await admin.postForm('/admin/unit', fields);
      expect(twice.status).toBe(409);
      expect(twice.text).toContain('Kode unit DINKES sudah dipakai');
      const elsewhere = await admin.postForm('/admin/unit', { ...fields, bodyId: String(sidoarjo.bodyId) });
      expect(elsewhere.status).toBe(303);
      const bad = await admin.postForm('/admin/unit', { ...fields, code: 'TERLALU-PANJANG', opensAt: '25:00' });
      expect(bad.status).toBe(400);
      expect(bad.text).toContain('Kode unit terdiri atas 1–8 huruf kapital atau angka');
      expect(bad.text).toContain('format JJ:MM');
    });
  });

  describe('who may do what', () => {
    it('should answer 401 JSON to the API and redirect pages to /masuk when nobody is signed in', async () => {
      const api = await http().post('/api/v1/admin/users').send({});
      expect(api.status).toBe(401);
      expect(api.body).toEqual({ statusCode: 401, message: 'Silakan masuk terlebih dahulu.' });
      const bogus = await http().post('/api/v1/admin/users').set('Authorization', 'Bearer kip_bukan-token').send({});
      expect(bogus.status).toBe(401);
      const page = await http().get('/admin/pengguna?dibuat=1');
      expect(page.status).toBe(303);
      expect(page.headers.location).toBe('/masuk?next=%2Fadmin%2Fpengguna%3Fdibuat%3D1');
    });

    it('should not accept the session cookie as authority on the API', async () => {
      const admin = await loginAgent(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
      const res = await admin.agent.post('/api/v1/admin/users').send({});
      expect(res.status).toBe(401);
    });

    it('should answer 403 when an officer calls an admin endpoint or opens an admin page', async () => {
      const officer = await createUser(t.app, { role: 'officer', unitId: surabaya.id });
      const token = await bearerToken(t.app, officer.email);
      const api = await http()
        .post('/api/v1/admin/users')
        .set('Authorization', `Bearer ${token}`)
        .send({ email: uniqueEmail(), name: 'Penyusup', role: 'admin', password: 'sandi-penyusup-panjang' });
      expect(api.status).toBe(403);
      const signedIn = await loginAgent(t.app, officer.email);
      const page = await signedIn.agent.get('/admin');
      expect(page.status).toBe(403);
      expect(page.text).toContain('Tidak diizinkan');
      const post = await signedIn.postForm('/admin/unit', { bodyId: String(surabaya.bodyId), name: 'X', code: 'X' });
      expect(post.status).toBe(403);
    });

    it('should scope units by role through AccessPolicy on the database', async () => {
      const pelaksana = await createPelaksanaUnit(t.app, '35.78');
      const otherPelaksana = await createPelaksanaUnit(t.app, '35.15');
      const policy = t.app.get(AccessPolicy);
      const utamaOfficer = (await createUser(t.app, { role: 'officer', unitId: surabaya.id })).actor;
      const pelaksanaOfficer = (await createUser(t.app, { role: 'officer', unitId: pelaksana.id })).actor;
      const supervisor = (await createUser(t.app, { role: 'supervisor', bodyId: sidoarjo.bodyId })).actor;
      const bureau = (await createUser(t.app, { role: 'bureau' })).actor;

      await expect(policy.canSeeUnit(utamaOfficer, pelaksana.id)).resolves.toBe(true);
      await expect(policy.canSeeUnit(utamaOfficer, otherPelaksana.id)).resolves.toBe(false);
      await expect(policy.isOfficerOfUnit(utamaOfficer, pelaksana.id)).resolves.toBe(true);
      await expect(policy.visibleUnitIds(pelaksanaOfficer)).resolves.toEqual([pelaksana.id]);
      await expect(policy.canSeeUnit(pelaksanaOfficer, surabaya.id)).resolves.toBe(false);
      const supervisorUnits = await policy.visibleUnitIds(supervisor);
      expect(supervisorUnits).toEqual(expect.arrayContaining([sidoarjo.id, otherPelaksana.id]));
      expect(supervisorUnits).not.toContain(surabaya.id);
      await expect(policy.isOfficerOfUnit(supervisor, sidoarjo.id)).resolves.toBe(false);
      await expect(policy.visibleUnitIds(bureau)).resolves.toBe('all');
      await expect(policy.isOfficerOfUnit(bureau, surabaya.id)).resolves.toBe(false);
      await expect(policy.assertCanSeeUnit(pelaksanaOfficer, otherPelaksana.id)).rejects.toMatchObject({ code: 'not_allowed' });
    });
  });
});
