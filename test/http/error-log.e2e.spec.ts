import { Writable } from 'node:stream';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { newSecretToken } from 'src/modules/auth/secret-tokens';
import { utamaUnitOf } from 'test/support/auth-helpers';
import { requestPayload } from 'test/support/request-factory';
import { startTestApp, TestApp } from 'test/support/test-app';
import { waitFor } from 'test/support/wait-for';

/** Everything the app logs, as text. */
class LogCapture extends Writable {
  text = '';

  override _write(chunk: Buffer | string, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/**
 * Failing paths with personal data and secrets in them: the error log says what failed and where
 * (error class, SQLSTATE, constraint, route pattern, request id) and nothing a citizen typed.
 */
describe('error log', () => {
  let t: TestApp;
  let db: DataSource;
  let unitId: number;
  const log = new LogCapture();
  const http = () => request(t.app.getHttpServer());

  const name = 'Siti Rahmawati Kusumaningtyas';
  const nik = '3578015503900042';
  const phone = '081299887766';
  const address = 'Jl. Kenanga Wangi No. 99, Surabaya';
  const email = 'siti.rahmawati.rahasia@contoh.id';
  const submissionKey = 'kunci-pengajuan-rahasia-0123456789';
  const invitationToken = newSecretToken();

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'info', INTAKE_LIMIT_PER_IP_HOUR: '1000' }, { logDestination: log });
    db = t.app.get(DataSource);
    unitId = (await utamaUnitOf(t.app, '35.78')).id;
  });

  afterAll(async () => {
    await t?.close();
  });

  const secrets = () => [name, nik, nik.slice(0, 12), phone, address, email, 'siti.rahmawati', submissionKey, invitationToken];

  it('should log a unique violation without its values, query or parameters', async () => {
    await db.query('CREATE UNIQUE INDEX uji_requester_name_unique ON requests (requester_name)');
    const payload = (n: number) => requestPayload(unitId, { requester: { name, nik, phone, address, email: n === 1 ? email : `lain.${email}` } });
    expect((await http().post('/api/v1/requests').send(payload(0))).status).toBe(201);
    const failed = await http().post('/api/v1/requests').set('Idempotency-Key', submissionKey).send(payload(1));
    expect(failed.status).toBe(500);
    await db.query('DROP INDEX uji_requester_name_unique');
    await waitFor(() => log.text.includes('uji_requester_name_unique'));
    expect(log.text).toContain('23505');
    expect(log.text).toContain('/api/v1/requests');
    for (const s of secrets()) expect(log.text).not.toContain(s);
    expect(log.text).not.toMatch(/INSERT INTO|already exists|parameters/i);
  });

  it('should log a failure on a path with a token by its route pattern only', async () => {
    await db.query('ALTER TABLE account_invitations RENAME TO account_invitations_away');
    try {
      const res = await http().get(`/undangan/${invitationToken}`);
      expect(res.status).toBe(500);
    } finally {
      await db.query('ALTER TABLE account_invitations_away RENAME TO account_invitations');
    }
    await waitFor(() => log.text.includes('/undangan/:token'));
    expect(log.text).toContain('42P01');
    expect(log.text).not.toContain(invitationToken);
    expect(log.text).not.toContain(invitationToken.slice(0, 16));
  });

  it('should redact unmatched paths', async () => {
    const res = await http().get(`/tidak-ada/${encodeURIComponent(email)}/${nik}`);
    expect(res.status).toBe(404);
    await waitFor(() => log.text.includes('/tidak-ada/:x/:x'));
    for (const s of secrets()) expect(log.text).not.toContain(s);
  });

  it('should log a failing job without the values its database error quotes', async () => {
    await db.query(`
      CREATE FUNCTION uji_refuse_mail_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'refused for %', NEW.recipient USING ERRCODE = 'P0001', DETAIL = 'Key (recipient)=(' || NEW.recipient || ')';
      END $$`);
    await db.query('CREATE TRIGGER uji_refuse_mail_update BEFORE UPDATE ON outbound_mails FOR EACH ROW EXECUTE FUNCTION uji_refuse_mail_update()');
    try {
      const res = await http()
        .post('/api/v1/requests')
        .send(requestPayload(unitId, { requester: { name: `${name} Dua`, nik, phone, address, email: `dua.${email}` } }));
      expect(res.status).toBe(201);
      await waitFor(() => log.text.includes('job failed'), 20_000);
    } finally {
      await db.query('DROP TRIGGER uji_refuse_mail_update ON outbound_mails');
    }
    expect(log.text).toContain('P0001');
    for (const s of [...secrets(), `dua.${email}`]) expect(log.text).not.toContain(s);
    expect(log.text).not.toContain('refused for');
  });
});
