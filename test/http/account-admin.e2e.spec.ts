import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearerToken, createUser, loginAgent, SignedInAgent, TEST_PASSWORD, TestUser, utamaUnitOf } from 'test/support/auth-helpers';
import { invitationPath } from 'test/support/invitations';
import { startTestApp, TestApp } from 'test/support/test-app';

describe('admin deactivates, unlocks and re-invites accounts', () => {
  let t: TestApp;
  let surabaya: { id: number; bodyId: number };
  let adminUser: TestUser;
  let admin: SignedInAgent;
  const http = () => request(t.app.getHttpServer());
  const db = () => t.app.get(DataSource);

  async function auditActions(userId: number): Promise<string[]> {
    const rows = (await db().query(`SELECT action FROM audit_log WHERE target_type = 'user' AND target_id = $1 ORDER BY id`, [String(userId)])) as { action: string }[];
    return rows.map((r) => r.action);
  }

  beforeAll(async () => {
    t = await startTestApp({ APP_URL: 'https://kip.example.test' });
    surabaya = await utamaUnitOf(t.app, '35.78');
    adminUser = await createUser(t.app, { role: 'admin' });
    admin = await loginAgent(t.app, adminUser.email);
  });

  afterAll(async () => {
    await t?.close();
  });

  beforeEach(async () => {
    await db().query(`DELETE FROM rate_limits WHERE key LIKE 'kip:login_ip:%'`);
  });

  it('should deactivate after a confirmation page: sign-in refused, sessions ended, API tokens revoked; then reactivate', async () => {
    const officer = await createUser(t.app, { role: 'officer', unitId: surabaya.id });
    const session = await loginAgent(t.app, officer.email);
    const token = await bearerToken(t.app, officer.email);
    expect((await session.agent.get('/petugas')).status).toBe(200);

    const list = await admin.agent.get('/admin/pengguna');
    expect(list.text).toContain(`href="/admin/pengguna/${officer.id}/nonaktifkan"`);
    expect(list.text).not.toContain(`href="/admin/pengguna/${adminUser.id}/nonaktifkan"`);
    const confirm = await admin.agent.get(`/admin/pengguna/${officer.id}/nonaktifkan`);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain('Ya, nonaktifkan akun');
    expect(confirm.text).toContain('name="_csrf"');

    const withoutCsrf = await admin.agent.post(`/admin/pengguna/${officer.id}/nonaktifkan`).type('form').send({});
    expect(withoutCsrf.status).toBe(403);
    const done = await admin.postForm(`/admin/pengguna/${officer.id}/nonaktifkan`);
    expect(done.status).toBe(303);
    const after = await admin.agent.get(done.headers.location as string);
    expect(after.text).toContain(`telah dinonaktifkan`);
    expect(after.text).toContain(`href="/admin/pengguna/${officer.id}/aktifkan"`);

    const [{ sessions }] = (await db().query(`SELECT count(*)::int AS sessions FROM session WHERE sess->>'userId' = $1`, [String(officer.id)])) as { sessions: number }[];
    expect(sessions).toBe(0);
    expect((await session.agent.get('/petugas')).status).toBe(303);
    expect((await http().get('/api/v1/queue').set('Authorization', `Bearer ${token}`)).status).toBe(401);
    await expect(loginAgent(t.app, officer.email)).rejects.toThrow('401');

    const twice = await admin.postForm(`/admin/pengguna/${officer.id}/nonaktifkan`);
    expect(twice.status).toBe(409);
    expect(twice.text).toContain('Akun ini sudah nonaktif.');

    expect((await admin.postForm(`/admin/pengguna/${officer.id}/aktifkan`)).status).toBe(303);
    await expect(loginAgent(t.app, officer.email)).resolves.toBeDefined();
    expect((await http().get('/api/v1/queue').set('Authorization', `Bearer ${token}`)).status).toBe(401);
    await expect(auditActions(officer.id)).resolves.toEqual(['user.deactivated', 'user.reactivated']);
  });

  it('should refuse to deactivate yourself, and keep an active admin when the last two deactivate each other at once', async () => {
    const self = await admin.postForm(`/admin/pengguna/${adminUser.id}/nonaktifkan`);
    expect(self.status).toBe(409);
    expect(self.text).toContain('Anda tidak dapat menonaktifkan akun Anda sendiri.');

    const other = await createUser(t.app, { role: 'admin' });
    const otherAgent = await loginAgent(t.app, other.email);
    // Only these two admins are active now.
    await db().query(`UPDATE users SET active = false WHERE role = 'admin' AND id NOT IN ($1, $2)`, [adminUser.id, other.id]);
    const answers = await Promise.all([
      admin.postForm(`/admin/pengguna/${other.id}/nonaktifkan`),
      otherAgent.postForm(`/admin/pengguna/${adminUser.id}/nonaktifkan`),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([303, 403]);
    const [{ active }] = (await db().query(`SELECT count(*)::int AS active FROM users WHERE role = 'admin' AND active`)) as { active: number }[];
    expect(active).toBe(1);
    // Whoever is left reactivates the other, so the next tests have their admin back.
    const survivor = answers[0].status === 303 ? admin : otherAgent;
    const target = answers[0].status === 303 ? other : adminUser;
    expect((await survivor.postForm(`/admin/pengguna/${target.id}/aktifkan`)).status).toBe(303);
    admin = await loginAgent(t.app, adminUser.email);
  });

  it('should unlock an account locked by failed sign-ins, and refuse one that is not locked', async () => {
    const officer = await createUser(t.app, { role: 'officer', unitId: surabaya.id });
    const notLocked = await admin.postForm(`/admin/pengguna/${officer.id}/buka-kunci`);
    expect(notLocked.status).toBe(409);
    expect(notLocked.text).toContain('Akun ini tidak sedang terkunci.');
    for (let i = 0; i < 5; i++) {
      await http().post('/api/v1/auth/token').send({ email: officer.email, password: 'salah-salah-salah' });
    }
    expect((await http().post('/api/v1/auth/token').send({ email: officer.email, password: TEST_PASSWORD })).status).toBe(429);
    const list = await admin.agent.get('/admin/pengguna');
    expect(list.text).toContain(`href="/admin/pengguna/${officer.id}/buka-kunci"`);

    expect((await admin.postForm(`/admin/pengguna/${officer.id}/buka-kunci`)).status).toBe(303);
    expect((await http().post('/api/v1/auth/token').send({ email: officer.email, password: TEST_PASSWORD })).status).toBe(201);
    await expect(auditActions(officer.id)).resolves.toEqual(['user.unlocked']);
  });

  it('should re-invite an account that never accepted: a new mail whose link works, and the old link stops working', async () => {
    const invited = await createUser(t.app, { role: 'officer', unitId: surabaya.id, password: null });
    const oldPath = await invitationPath(t, invited.email);
    expect((await http().get(oldPath)).status).toBe(200);

    const done = await admin.postForm(`/admin/pengguna/${invited.id}/undang-ulang`);
    expect(done.status).toBe(303);
    expect((await admin.agent.get(done.headers.location as string)).text).toContain('dikirimi undangan baru');
    const newPath = await invitationPath(t, invited.email);
    expect(newPath).not.toBe(oldPath);
    expect((await http().get(oldPath)).status).toBe(404);
    expect((await http().get(newPath)).status).toBe(200);

    const active = await createUser(t.app, { role: 'officer', unitId: surabaya.id });
    const refused = await admin.postForm(`/admin/pengguna/${active.id}/undang-ulang`);
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('sudah membuat kata sandi');
    await expect(auditActions(invited.id)).resolves.toEqual(['user.reinvited']);
  });

  it('should answer 404 for an unknown account or action and 403 for an officer', async () => {
    expect((await admin.agent.get('/admin/pengguna/999999/nonaktifkan')).status).toBe(404);
    expect((await admin.agent.get(`/admin/pengguna/${adminUser.id}/hapus`)).status).toBe(404);
    expect((await admin.postForm('/admin/pengguna/abc/aktifkan')).status).toBe(404);
    const officer = await createUser(t.app, { role: 'officer', unitId: surabaya.id });
    const signedIn = await loginAgent(t.app, officer.email);
    expect((await signedIn.postForm(`/admin/pengguna/${adminUser.id}/nonaktifkan`)).status).toBe(403);
  });
});
