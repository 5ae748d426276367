import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuthenticationService } from 'src/modules/auth/authentication.service';
import { bearerToken, createUser, loginAgent, TEST_PASSWORD, uniqueEmail, utamaUnitOf } from 'test/support/auth-helpers';
import { csrfTokenOf } from 'test/support/page-form';
import { requestPayload } from 'test/support/request-factory';
import { startTestApp, TestApp } from 'test/support/test-app';

/**
 * Abuse regression tests for sign-in and tracking throttles, and for session and token lifetimes.
 * TRUST_PROXY lets each test speak from the client address it names in X-Forwarded-For.
 */
describe('abuse of sign-in, tracking and sessions', () => {
  let t: TestApp;
  let surabaya: { id: number; bodyId: number };
  const http = () => request(t.app.getHttpServer());
  const db = () => t.app.get(DataSource);
  let addressCounter = 0;
  /** A client address no other test has used. */
  const freshAddress = () => {
    addressCounter += 1;
    return `198.51.${Math.floor(addressCounter / 250)}.${(addressCounter % 250) + 1}`;
  };

  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'true' });
    surabaya = await utamaUnitOf(t.app, '35.78');
  });

  afterAll(async () => {
    await t?.close();
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  const tokenFrom = (address: string, email: string, password: string) =>
    http().post('/api/v1/auth/token').set('X-Forwarded-For', address).send({ email, password });

  describe('parallel sign-in from one address', () => {
    it('should let at most the per-address allowance reach the password check when 80 attempts arrive at once', async () => {
      const verify = jest.spyOn(t.app.get(AuthenticationService), 'verify');
      const user = await createUser(t.app, { role: 'officer', unitId: surabaya.id });
      const attacker = freshAddress();
      const answers = await Promise.all(
        Array.from({ length: 80 }, (_, i) => tokenFrom(attacker, uniqueEmail(`tebak${i}`), `salah-kata-sandi-${i}`)),
      );
      const statuses = answers.map((a) => a.status);
      const refused = statuses.filter((s) => s === 429).length;
      const checked = statuses.filter((s) => s === 401).length;
      expect(refused + checked).toBe(80);
      expect(checked).toBeLessThanOrEqual(30);
      expect(refused).toBeGreaterThanOrEqual(50);
      expect(verify.mock.calls.length).toBeLessThanOrEqual(30);
      expect(verify.mock.calls.length).toBe(checked);

      const sameAddress = await tokenFrom(attacker, user.email, TEST_PASSWORD);
      expect(sameAddress.status).toBe(429);
      expect(sameAddress.body.message).toContain('Terlalu banyak percobaan masuk');
      expect(verify.mock.calls.length).toBe(checked);
      const otherAddress = await tokenFrom(freshAddress(), user.email, TEST_PASSWORD);
      expect(otherAddress.status).toBe(201);
    });

    it('should let at most five parallel wrong passwords of one account reach the password check, then keep it locked', async () => {
      const verify = jest.spyOn(t.app.get(AuthenticationService), 'verify');
      const user = await createUser(t.app, { role: 'officer', unitId: surabaya.id });
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => tokenFrom(freshAddress(), user.email, `salah-kata-sandi-${i}`)));
      expect(verify.mock.calls.length).toBeLessThanOrEqual(5);
      expect(answers.filter((a) => a.status === 401).length).toBeLessThanOrEqual(4);
      expect(answers.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(15);
      const right = await tokenFrom(freshAddress(), user.email, TEST_PASSWORD);
      expect(right.status).toBe(429);
      expect(right.body.message).toContain('Akun dikunci sementara');
      const [row] = (await db().query(`SELECT locked_until > now() + interval '14 minutes' AS locked FROM users WHERE id = $1`, [user.id])) as {
        locked: boolean;
      }[];
      expect(row.locked).toBe(true);
    });

    it('should give a right password its point back, so signing in often from one address never locks it', async () => {
      const user = await createUser(t.app, { role: 'bureau' });
      const office = freshAddress();
      for (let i = 0; i < 35; i++) {
        const res = await tokenFrom(office, user.email, TEST_PASSWORD);
        expect(res.status).toBe(201);
      }
      const wrong = await tokenFrom(office, user.email, 'salah-kata-sandi');
      expect(wrong.status).toBe(401);
    });
  });

  describe('tracking lock-out', () => {
    async function submit(): Promise<{ registrationNumber: string; trackingCode: string }> {
      const res = await http().post('/api/v1/requests').set('X-Forwarded-For', freshAddress()).send(requestPayload(surabaya.id));
      expect(res.status).toBe(201);
      return res.body as { registrationNumber: string; trackingCode: string };
    }

    const track = (address: string, number: string, code: string) =>
      http().get(`/api/v1/requests/${number}`).set('X-Forwarded-For', address).set('X-Tracking-Code', code);

    it('should let the right code through from a fresh address after 50 wrong codes from several addresses, and throttle the guessers', async () => {
      const created = await submit();
      const guessers = [freshAddress(), freshAddress(), freshAddress(), freshAddress(), freshAddress()];
      const byGuesser: number[][] = [];
      for (const address of guessers) {
        const statuses: number[] = [];
        for (let i = 0; i < 10; i++) statuses.push((await track(address, created.registrationNumber, `SALAH${i}XXXXXXX`.slice(0, 12))).status);
        byGuesser.push(statuses);
      }
      // The first guesser had the number's whole allowance; from then on the number is under attack.
      expect(byGuesser[0]).toEqual(Array(10).fill(404));
      for (const statuses of byGuesser.slice(1)) {
        expect(statuses.slice(0, 2)).toEqual([404, 404]);
        expect(statuses.slice(2)).toEqual(Array(8).fill(429));
      }

      const citizen = freshAddress();
      const ok = await track(citizen, created.registrationNumber, created.trackingCode);
      expect(ok.status).toBe(200);
      const pdf = await http()
        .get(`/api/v1/requests/${created.registrationNumber}/receipt.pdf`)
        .set('X-Forwarded-For', citizen)
        .set('X-Tracking-Code', created.trackingCode);
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');

      const agent = request.agent(t.app.getHttpServer());
      const pageAddress = freshAddress();
      const form = await agent.get('/lacak').set('X-Forwarded-For', pageAddress);
      const page = await agent
        .post('/lacak')
        .set('X-Forwarded-For', pageAddress)
        .type('form')
        .send({ _csrf: csrfTokenOf(form.text), nomor: created.registrationNumber, kode: created.trackingCode });
      expect(page.status).toBe(200);
      expect(page.text).toContain(created.registrationNumber);

      const guesser = await track(guessers[3], created.registrationNumber, created.trackingCode);
      expect(guesser.status).toBe(429);
      expect(guesser.headers['retry-after']).toBeDefined();
    });

    it('should throttle a guesser on the page as on the API, and still show the request to its owner', async () => {
      const created = await submit();
      const agent = request.agent(t.app.getHttpServer());
      const guesser = freshAddress();
      const form = await agent.get('/lacak').set('X-Forwarded-For', guesser);
      const csrf = csrfTokenOf(form.text);
      const post = (address: string, kode: string) =>
        agent.post('/lacak').set('X-Forwarded-For', address).type('form').send({ _csrf: csrf, nomor: created.registrationNumber, kode });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await post(guesser, 'AAAABBBBCCCC')).status);
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(404));
      expect(statuses.slice(10)).toEqual([429, 429]);
      const owner = await post(freshAddress(), created.trackingCode);
      expect(owner.status).toBe(200);
    });

    it('should let no more than the allowance of parallel wrong codes from one address through', async () => {
      const created = await submit();
      const guesser = freshAddress();
      const answers = await Promise.all(Array.from({ length: 25 }, () => track(guesser, created.registrationNumber, 'AAAABBBBCCCC')));
      expect(answers.filter((a) => a.status === 404).length).toBeLessThanOrEqual(10);
      expect(answers.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(15);
    });

    it('should throttle one address after 30 wrong lookups across numbers, but never count right codes', async () => {
      const created = await submit();
      const office = freshAddress();
      for (let i = 0; i < 40; i++) {
        const res = await track(office, created.registrationNumber, created.trackingCode);
        expect(res.status).toBe(200);
      }
      for (let i = 0; i < 30; i++) {
        const res = await track(office, `3578-U-2020-${String(10000 + i)}`, 'AAAABBBBCCCC');
        expect(res.status).toBe(404);
      }
      const over = await track(office, '3578-U-2020-20000', 'AAAABBBBCCCC');
      expect(over.status).toBe(429);
      expect(over.body.message).toContain('Terlalu banyak percobaan pelacakan');
    });
  });

  describe('session and token lifetimes', () => {
    /** Moves the sign-in time of every session of the account `hoursAgo` hours into the past. */
    async function signedInHoursAgo(userId: number, hoursAgo: number): Promise<void> {
      await db().query(
        `UPDATE session SET sess = jsonb_set(sess::jsonb, '{createdAt}', to_jsonb($2::bigint))::json WHERE sess->>'userId' = $1`,
        [String(userId), Date.now() - hoursAgo * 3_600_000],
      );
    }

    const sessionsOf = async (userId: number) =>
      ((await db().query(`SELECT count(*)::int AS n FROM session WHERE sess->>'userId' = $1`, [String(userId)])) as { n: number }[])[0].n;

    it('should end an active session SESSION_MAX_HOURS (12) after sign-in, however recent its last request', async () => {
      const user = await createUser(t.app, { role: 'officer', unitId: surabaya.id });
      const browser = await loginAgent(t.app, user.email);
      await signedInHoursAgo(user.id, 11.9);
      const stillIn = await browser.agent.get('/akun/sesi');
      expect(stillIn.status).toBe(200);
      await signedInHoursAgo(user.id, 12.01);
      const ended = await browser.agent.get('/akun/sesi');
      expect(ended.status).toBe(303);
      expect(ended.headers.location).toBe('/masuk?next=%2Fakun%2Fsesi');
      await expect(sessionsOf(user.id)).resolves.toBe(0);
      const again = await loginAgent(t.app, user.email);
      expect((await again.agent.get('/akun/sesi')).status).toBe(200);
    });

    it('should end a session that carries no sign-in time', async () => {
      const user = await createUser(t.app, { role: 'officer', unitId: surabaya.id });
      const browser = await loginAgent(t.app, user.email);
      await db().query(`UPDATE session SET sess = (sess::jsonb - 'createdAt')::json WHERE sess->>'userId' = $1`, [String(user.id)]);
      expect((await browser.agent.get('/akun/sesi')).status).toBe(303);
      await expect(sessionsOf(user.id)).resolves.toBe(0);
    });

    it('should leave the other tokens working when one is revoked', async () => {
      const user = await createUser(t.app, { role: 'officer', unitId: surabaya.id });
      const tokens = [await bearerToken(t.app, user.email), await bearerToken(t.app, user.email), await bearerToken(t.app, user.email)];
      const list = (token: string) => http().get('/api/v1/auth/tokens').set('Authorization', `Bearer ${token}`);
      const listed = await list(tokens[1]);
      const middle = (listed.body as { id: number; current: boolean }[]).find((x) => x.current)!;
      const revoked = await http().delete(`/api/v1/auth/tokens/${middle.id}`).set('Authorization', `Bearer ${tokens[0]}`);
      expect(revoked.status).toBe(204);
      expect((await list(tokens[1])).status).toBe(401);
      for (const token of [tokens[0], tokens[2]]) {
        const res = await list(token);
        expect(res.status).toBe(200);
        expect((res.body as { id: number }[]).map((x) => x.id)).not.toContain(middle.id);
      }
    });
  });
});
