import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearerToken, createUser, utamaUnitOf } from 'test/support/auth-helpers';
import { csrfTokenOf, hiddenValue } from 'test/support/page-form';
import { formFields, requestPayload, TINY_PDF, TINY_PNG } from 'test/support/request-factory';
import { startTestApp, TestApp } from 'test/support/test-app';

/**
 * Idempotency-Key abuse: a key must never hand out another submission's registration number or
 * tracking code. Each class of replay the hardening issue found, as a regression test.
 */
describe('abuse: Idempotency-Key replays', () => {
  let t: TestApp;
  let surabaya: number;
  let malang: number;
  let officerToken: string;
  const http = () => request(t.app.getHttpServer());
  const count = async (): Promise<number> =>
    ((await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM requests')) as { n: number }[])[0].n;
  let keySeq = 0;
  const newKey = (): string => `abuse-key-${Date.now().toString(36)}-${++keySeq}-padding`;

  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'true', INTAKE_LIMIT_PER_IP_HOUR: '6', INTAKE_LIMIT_PER_EMAIL_DAY: '1000' });
    surabaya = (await utamaUnitOf(t.app, '35.78')).id;
    malang = (await utamaUnitOf(t.app, '35.07')).id;
    const officer = await createUser(t.app, { role: 'officer', unitId: malang });
    officerToken = await bearerToken(t.app, officer.email);
  });

  afterAll(async () => {
    await t.close();
  });

  /** Each test its own client address, so the per-address limit is the test's own. */
  let ipSeq = 0;
  const fromNewClient = () => {
    ipSeq += 1;
    return `198.51.100.${ipSeq}`;
  };
  const post = (ip: string, key: string, body: Record<string, unknown>) =>
    http().post('/api/v1/requests').set('X-Forwarded-For', ip).set('Idempotency-Key', key).send(body);

  it('should answer a true replay (same key, same body) with the original answer and register nothing new', async () => {
    const ip = fromNewClient();
    const key = newKey();
    const body = requestPayload(surabaya);
    const first = await post(ip, key, body);
    expect(first.status).toBe(201);
    const before = await count();
    // Key order and spacing differ; the normalised submission is the same.
    const { requester, ...rest } = body as { requester: Record<string, unknown> };
    const reordered = { requester: { ...requester, name: `  ${String(requester.name)} ` }, ...rest };
    const replay = await post(ip, key, reordered);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    await expect(count()).resolves.toBe(before);
  });

  it('should answer 422 without number or code when the same key comes with another body', async () => {
    const key = newKey();
    const victim = await post(fromNewClient(), key, requestPayload(surabaya));
    expect(victim.status).toBe(201);
    const before = await count();
    const attacker = await post(fromNewClient(), key, requestPayload(surabaya, { purpose: 'Ingin tahu saja.' }));
    expect(attacker.status).toBe(422);
    expect(attacker.body).toEqual({ statusCode: 422, message: expect.stringContaining('kunci baru') });
    expect(JSON.stringify(attacker.body)).not.toContain(victim.body.registrationNumber);
    expect(JSON.stringify(attacker.body)).not.toContain(victim.body.trackingCode);
    await expect(count()).resolves.toBe(before);
  });

  it("should answer 422 when another client replays a victim's key with a body of its own (another requester)", async () => {
    const key = newKey();
    const victim = await post(fromNewClient(), key, requestPayload(surabaya));
    const attacker = await post(fromNewClient(), key, requestPayload(surabaya, { requester: { name: 'Penyerang', nik: '3578014101850002' } }));
    expect(attacker.status).toBe(422);
    expect(JSON.stringify(attacker.body)).not.toContain(victim.body.trackingCode);
  });

  it('should validate before looking a key up: an invalid body with a used key gets 400 and no code', async () => {
    const key = newKey();
    const victim = await post(fromNewClient(), key, requestPayload(surabaya));
    const probe = await post(fromNewClient(), key, { unitId: surabaya });
    expect(probe.status).toBe(400);
    expect(JSON.stringify(probe.body)).not.toContain(victim.body.trackingCode);
    expect(JSON.stringify(probe.body)).not.toContain(victim.body.registrationNumber);
  });

  it('should count replays against the per-address limit, so keys cannot be probed without end', async () => {
    const ip = fromNewClient();
    const key = newKey();
    const body = requestPayload(surabaya);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await post(ip, key, body)).status);
    expect(statuses.slice(0, 6)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(statuses.slice(6)).toEqual([429, 429]);
  });

  it('should refuse a malformed key with 400 instead of silently ignoring it', async () => {
    const res = await post(fromNewClient(), 'short', requestPayload(surabaya));
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveProperty('submissionKey');
  });

  it('should never store the key in plain text', async () => {
    const key = newKey();
    await post(fromNewClient(), key, requestPayload(surabaya));
    const [{ n }] = (await t.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM requests WHERE submission_key = $1 OR submission_key_hash = $1 OR submission_digest LIKE $2', [
        key,
        `%${key}%`,
      ])) as { n: number }[];
    expect(n).toBe(0);
  });

  it('should let only one of two concurrent posts with one key register, and give the other the same answer', async () => {
    const key = newKey();
    const body = requestPayload(surabaya);
    const ip = fromNewClient();
    const before = await count();
    const [a, b] = await Promise.all([post(ip, key, body), post(ip, key, body)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.trackingCode).toBe(b.body.trackingCode);
    await expect(count()).resolves.toBe(before + 1);
  });

  describe('web form', () => {
    async function openForm() {
      const agent = request.agent(t.app.getHttpServer());
      const page = await agent.get('/permohonan/baru').query({ unit: surabaya }).set('X-Forwarded-For', fromNewClient());
      return { agent, csrf: csrfTokenOf(page.text), key: hiddenValue(page.text, 'submissionKey') };
    }
    const send = (form: Awaited<ReturnType<typeof openForm>>, key: string, fields: Record<string, string>, file: Buffer, ip: string) => {
      let req = form.agent.post('/permohonan').set('X-Forwarded-For', ip).set('X-CSRF-Token', form.csrf).field('submissionKey', key);
      for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
      return req.attach('identityDocument', file, file === TINY_PDF ? 'ktp.pdf' : 'ktp.png');
    };

    it("should re-render the form with 422, a new key and no code when a victim's form key comes with other content", async () => {
      const victimForm = await openForm();
      const victim = await send(victimForm, victimForm.key, formFields(requestPayload(surabaya)), TINY_PNG, fromNewClient());
      expect(victim.status).toBe(201);
      const code = /id="kode-pelacakan">([^<]+)</.exec(victim.text)![1];
      const attackerForm = await openForm();
      const attacker = await send(attackerForm, victimForm.key, formFields(requestPayload(surabaya, { purpose: 'Lain sama sekali.' })), TINY_PNG, fromNewClient());
      expect(attacker.status).toBe(422);
      expect(attacker.text).not.toContain(code);
      expect(attacker.text).toContain('kunci baru');
      expect(hiddenValue(attacker.text, 'submissionKey')).not.toBe(victimForm.key);
    });

    it('should treat another identity document as other content (the document digest is part of the submission)', async () => {
      const form = await openForm();
      const fields = formFields(requestPayload(surabaya));
      const ip = fromNewClient();
      const first = await send(form, form.key, fields, TINY_PNG, ip);
      expect(first.status).toBe(201);
      const again = await send(form, form.key, fields, TINY_PNG, ip);
      expect(again.status).toBe(200);
      const otherDocument = await send(form, form.key, fields, TINY_PDF, ip);
      expect(otherDocument.status).toBe(422);
    });
  });

  describe('offline recording', () => {
    const offline = (key: string, unitId: number) =>
      http()
        .post('/api/v1/offline-requests')
        .set('Authorization', `Bearer ${officerToken}`)
        .set('Idempotency-Key', key)
        .send({ ...requestPayload(unitId), channel: 'letter', receivedAt: '2025-03-27T10:00:00+07:00' });

    it("should refuse an officer's recording for a foreign unit with the scope error first, whatever key it carries", async () => {
      const key = newKey();
      const foreign = await post(fromNewClient(), key, requestPayload(surabaya));
      expect(foreign.status).toBe(201);
      const res = await offline(key, surabaya);
      expect(res.status).toBe(400);
      expect(res.body.errors).toHaveProperty('unitId');
      expect(JSON.stringify(res.body)).not.toContain(foreign.body.trackingCode);
      expect(JSON.stringify(res.body)).not.toContain(foreign.body.registrationNumber);
    });

    it("should look an officer's key up only within the unit: another unit's key registers a request of its own", async () => {
      const key = newKey();
      const online = await post(fromNewClient(), key, requestPayload(malang));
      expect(online.status).toBe(201);
      const recorded = await offline(key, malang);
      expect(recorded.status).toBe(201);
      expect(recorded.body.registrationNumber).not.toBe(online.body.registrationNumber);
      expect(recorded.body.trackingCode).not.toBe(online.body.trackingCode);
    });

    it('should answer an officer replay with the same body the same, and another body 422', async () => {
      const key = newKey();
      const body = { ...requestPayload(malang), channel: 'walk_in', receivedAt: '2025-03-27T10:00:00+07:00' };
      const send = (b: Record<string, unknown>) =>
        http().post('/api/v1/offline-requests').set('Authorization', `Bearer ${officerToken}`).set('Idempotency-Key', key).send(b);
      const first = await send(body);
      expect(first.status).toBe(201);
      const replay = await send(body);
      expect(replay.body).toEqual(first.body);
      const changed = await send({ ...body, receivedAt: '2025-03-27T11:00:00+07:00' });
      expect(changed.status).toBe(422);
      expect(JSON.stringify(changed.body)).not.toContain(first.body.trackingCode);
    });
  });
});
