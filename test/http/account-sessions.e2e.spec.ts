import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearerToken, createUser, loginAgent, SignedInAgent, TestUser, utamaUnitOf } from 'test/support/auth-helpers';
import { startTestApp, TestApp } from 'test/support/test-app';

const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';

describe('own sessions and API tokens', () => {
  let t: TestApp;
  let surabaya: { id: number; bodyId: number };
  const http = () => request(t.app.getHttpServer());
  const db = () => t.app.get(DataSource);

  beforeAll(async () => {
    t = await startTestApp();
    surabaya = await utamaUnitOf(t.app, '35.78');
  });

  afterAll(async () => {
    await t?.close();
  });

  beforeEach(async () => {
    await db().query(`DELETE FROM rate_limits WHERE key LIKE 'kip:login_ip:%'`);
  });

  const officer = () => createUser(t.app, { role: 'officer', unitId: surabaya.id });

  /** The ids of the "end session" forms on the page, in the order shown. */
  function sessionIdsOf(html: string): string[] {
    return [...html.matchAll(/action="\/akun\/sesi\/([0-9a-f]{32})\/akhiri"/g)].map((m) => m[1]);
  }

  function currentSessionIdOf(html: string): string {
    const m = /<tr id="sesi-([0-9a-f]{32})">\s*<td>[^<]*<span class="tag">Sesi ini<\/span>/.exec(html);
    if (!m) throw new Error('no current session on the page');
    return m[1];
  }

  async function signInWith(user: TestUser, userAgent?: string): Promise<SignedInAgent> {
    if (!userAgent) return loginAgent(t.app, user.email);
    // A browser that names itself, so the list can show it.
    const agent = request.agent(t.app.getHttpServer());
    const page = await agent.get('/masuk').set('User-Agent', userAgent);
    const csrfToken = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const res = await agent.post('/masuk').set('User-Agent', userAgent).type('form').send({ _csrf: csrfToken, email: user.email, password: user.password });
    expect(res.status).toBe(303);
    return { agent, csrfToken, postForm: (path, fields = {}) => agent.post(path).type('form').send({ _csrf: csrfToken, ...fields }) };
  }

  it('should list only the own sessions and tokens, mark this session, and link the page from the navigation', async () => {
    const user = await officer();
    const other = await officer();
    const here = await signInWith(user);
    await signInWith(user, FIREFOX);
    await signInWith(other);
    await bearerToken(t.app, user.email);
    await bearerToken(t.app, other.email);

    const page = await here.agent.get('/akun/sesi');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.text).toContain('href="/akun/sesi"');
    expect(sessionIdsOf(page.text)).toHaveLength(2);
    expect(page.text).toContain('Firefox di Windows');
    expect(page.text.match(/Sesi ini/g)).toHaveLength(1);
    expect(page.text.match(/action="\/akun\/token\/\d+\/cabut"/g)).toHaveLength(1);
    expect(page.text).toContain('belum pernah');
    expect(page.text).toMatch(/\d{2}\.\d{2} WIB/);
  });

  it('should end another session of the own account, and sign out when ending this one (Post/Redirect/Get)', async () => {
    const user = await officer();
    const here = await signInWith(user);
    const elsewhere = await signInWith(user, FIREFOX);
    const page = await here.agent.get('/akun/sesi');
    const currentId = currentSessionIdOf(page.text);
    const otherId = sessionIdsOf(page.text).find((id) => id !== currentId)!;

    const ended = await here.postForm(`/akun/sesi/${otherId}/akhiri`);
    expect(ended.status).toBe(303);
    expect(ended.headers.location).toBe('/akun/sesi?berakhir=1');
    const after = await here.agent.get('/akun/sesi?berakhir=1');
    expect(after.text).toContain('Sesi telah diakhiri.');
    expect(sessionIdsOf(after.text)).toEqual([currentId]);
    const gone = await elsewhere.agent.get('/petugas');
    expect(gone.status).toBe(303);
    expect(gone.headers.location).toMatch(/^\/masuk/);

    const self = await here.postForm(`/akun/sesi/${currentId}/akhiri`);
    expect(self.status).toBe(303);
    expect(self.headers.location).toBe('/masuk?keluar=1');
    const signedOut = await here.agent.get('/akun/sesi');
    expect(signedOut.status).toBe(303);
    const [{ n }] = (await db().query(`SELECT count(*)::int AS n FROM session WHERE sess->>'userId' = $1`, [String(user.id)])) as { n: number }[];
    expect(n).toBe(0);
  });

  it("should answer 404 for another account's session or token, and leave them working", async () => {
    const user = await officer();
    const other = await officer();
    const here = await signInWith(user);
    const theirs = await signInWith(other);
    const theirToken = await bearerToken(t.app, other.email);
    const theirPage = await theirs.agent.get('/akun/sesi');
    const theirSessionId = currentSessionIdOf(theirPage.text);
    const theirTokenId = /action="\/akun\/token\/(\d+)\/cabut"/.exec(theirPage.text)![1];

    const session = await here.postForm(`/akun/sesi/${theirSessionId}/akhiri`);
    expect(session.status).toBe(404);
    const token = await here.postForm(`/akun/token/${theirTokenId}/cabut`);
    expect(token.status).toBe(404);
    const api = await http().delete(`/api/v1/auth/tokens/${theirTokenId}`).set('Authorization', `Bearer ${await bearerToken(t.app, user.email)}`);
    expect(api.status).toBe(404);

    expect((await theirs.agent.get('/akun/sesi')).status).toBe(200);
    const stillWorks = await http().get('/api/v1/auth/tokens').set('Authorization', `Bearer ${theirToken}`);
    expect(stillWorks.status).toBe(200);
    expect(stillWorks.body).toHaveLength(1);
  });

  it('should refuse to end a session or revoke a token without the CSRF token', async () => {
    const user = await officer();
    const here = await signInWith(user);
    const page = await here.agent.get('/akun/sesi');
    const id = currentSessionIdOf(page.text);
    const res = await here.agent.post(`/akun/sesi/${id}/akhiri`).type('form').send({});
    expect(res.status).toBe(403);
    expect((await here.agent.get('/akun/sesi')).status).toBe(200);
  });

  it('should revoke one token from the page and leave the others working', async () => {
    const user = await officer();
    const here = await signInWith(user);
    const first = await bearerToken(t.app, user.email);
    const second = await bearerToken(t.app, user.email);
    const listed = await http().get('/api/v1/auth/tokens').set('Authorization', `Bearer ${first}`);
    const firstId = (listed.body as { id: number; current: boolean }[]).find((x) => x.current)!.id;

    const revoked = await here.postForm(`/akun/token/${firstId}/cabut`);
    expect(revoked.status).toBe(303);
    expect(revoked.headers.location).toBe('/akun/sesi?dicabut=1');
    expect((await here.agent.get('/akun/sesi?dicabut=1')).text).toContain('Token API telah dicabut.');
    expect((await http().get('/api/v1/auth/tokens').set('Authorization', `Bearer ${first}`)).status).toBe(401);
    expect((await http().get('/api/v1/auth/tokens').set('Authorization', `Bearer ${second}`)).status).toBe(200);
  });

  it('should list the bearer’s own working tokens with their use and revoke one by DELETE', async () => {
    const user = await officer();
    const other = await officer();
    const first = await bearerToken(t.app, user.email);
    const second = await bearerToken(t.app, user.email);
    const expired = await bearerToken(t.app, user.email);
    await bearerToken(t.app, other.email);
    await db().query(`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND id = (SELECT max(id) FROM api_tokens WHERE user_id = $1)`, [user.id]);
    expect((await http().get('/api/v1/auth/tokens').set('Authorization', `Bearer ${expired}`)).status).toBe(401);

    const res = await http().get('/api/v1/auth/tokens').set('Authorization', `Bearer ${second}`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const items = res.body as { id: number; createdAt: string; expiresAt: string; lastUsedAt: string | null; current: boolean }[];
    expect(items).toHaveLength(2);
    expect(items.filter((x) => x.current)).toHaveLength(1);
    const current = items.find((x) => x.current)!;
    expect(current.lastUsedAt).not.toBeNull();
    expect(Date.parse(current.expiresAt) - Date.parse(current.createdAt)).toBe(12 * 3_600_000);
    expect(Object.keys(current).sort()).toEqual(['createdAt', 'current', 'expiresAt', 'id', 'lastUsedAt']);
    const firstId = items.find((x) => !x.current)!.id;

    const del = await http().delete(`/api/v1/auth/tokens/${firstId}`).set('Authorization', `Bearer ${second}`);
    expect(del.status).toBe(204);
    const again = await http().delete(`/api/v1/auth/tokens/${firstId}`).set('Authorization', `Bearer ${second}`);
    expect(again.status).toBe(404);
    for (const bad of ['abc', '0', '99999999999', '1e3']) {
      const r = await http().delete(`/api/v1/auth/tokens/${bad}`).set('Authorization', `Bearer ${second}`);
      expect(r.status).toBe(404);
    }
    expect((await http().get('/api/v1/auth/tokens').set('Authorization', `Bearer ${first}`)).status).toBe(401);
    const after = await http().get('/api/v1/auth/tokens').set('Authorization', `Bearer ${second}`);
    expect((after.body as unknown[]).length).toBe(1);
    expect((await http().get('/api/v1/auth/tokens')).status).toBe(401);
  });

  it('should describe the token endpoints in the OpenAPI document', async () => {
    const res = await http().get('/api/docs/openapi.json');
    expect(res.body.paths['/api/v1/auth/tokens'].get.security).toEqual([{ bearer: [] }]);
    expect(res.body.paths['/api/v1/auth/tokens/{id}'].delete.responses).toHaveProperty('404');
  });
});
