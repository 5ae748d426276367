import request from 'supertest';
import { DataSource } from 'typeorm';
import { FieldCipher, sealContext } from 'src/common/crypto/field-cipher';
import { FilesService } from 'src/modules/files/files.service';
import { proxyAddressContext } from 'src/modules/objections/objection-secrets';
import { TRACKING_ALPHABET } from 'src/modules/requests/tracking/tracking-code';
import { rotateKeys } from 'src/modules/secrets/key-rotation';
import { bearerToken, createUser } from 'test/support/auth-helpers';
import { hiddenValue, multipartActionOf } from 'test/support/page-form';
import { pdfText } from 'test/support/pdf-text';
import { formFields, requestPayload, TINY_PNG } from 'test/support/request-factory';
import { startTestApp, TestApp } from 'test/support/test-app';

const KEY_A = Buffer.alloc(32, 0xa1).toString('base64');
const KEY_B = Buffer.alloc(32, 0xb2).toString('base64');
const LEGACY_KEY = 'legacy-submission-key-0001';
const PROXY_ADDRESS = 'Jl. Kidal No. 6, Surabaya';
const KEYED_SUBMISSION = 'rotation-replay-key-0001';

interface Filed {
  registrationNumber: string;
  trackingCode: string;
  nik: string;
}

/** A request as stored before tracking codes were kept: code derived from the submission key, only its keyed hash stored. */
function legacyCodeAndHash(cipher: FieldCipher, submissionKey: string): { code: string; hash: string } {
  const digest = cipher.legacyDigests(`tracking:${submissionKey}`)[0];
  let code = '';
  for (let i = 0; i < 12; i++) code += TRACKING_ALPHABET[digest[i] % TRACKING_ALPHABET.length];
  return { code, hash: cipher.keyedHash(`code:${code}`) };
}

describe('key rotation', () => {
  let t: TestApp;
  let unitId: number;
  const http = () => request(t.app.getHttpServer());
  const db = () => t.app.get(DataSource);
  const filed: Filed[] = [];
  let legacy: { registrationNumber: string; code: string };
  let withDocument: string;
  let keyedNumber: string;
  let keyedPayload: ReturnType<typeof requestPayload>;
  let documentId: string;
  let consultation: { number: string; trackingCode: string };

  async function expectEverythingReadable(): Promise<void> {
    const cipher = t.app.get(FieldCipher);
    for (const f of [...filed, { registrationNumber: legacy.registrationNumber, trackingCode: legacy.code, nik: '3578015503900001' }]) {
      const res = await http().get(`/api/v1/requests/${f.registrationNumber}`).set('X-Tracking-Code', f.trackingCode);
      expect(res.status).toBe(200);
      const [row] = (await db().query('SELECT requester_nik FROM requests WHERE registration_number = $1', [f.registrationNumber])) as {
        requester_nik: Buffer;
      }[];
      expect(cipher.decryptText(row.requester_nik, sealContext('requests', 'requester_nik', f.registrationNumber))).toBe(f.nik);
    }
    const file = await t.app.get(FilesService).read(documentId);
    expect(file?.plain.equals(TINY_PNG)).toBe(true);
    const [objection] = (await db().query('SELECT number, proxy_address FROM objections')) as { number: string; proxy_address: Buffer }[];
    expect(cipher.decryptText(objection.proxy_address, proxyAddressContext(objection.number))).toBe(PROXY_ADDRESS);
    const pdf = await http().get(`/api/v1/requests/${filed[0].registrationNumber}/receipt.pdf`).set('X-Tracking-Code', filed[0].trackingCode);
    expect(pdf.status).toBe(200);
    const text = (await pdfText(pdf.body as Buffer)).replace(/\s+/g, '');
    expect(text).toContain(filed[0].trackingCode.match(/.{4}/g)!.join('-'));
    const asked = await http().get(`/api/v1/consultations/${consultation.number}`).set('X-Tracking-Code', consultation.trackingCode);
    expect(asked.status).toBe(200);
  }

  beforeAll(async () => {
    t = await startTestApp({ ENCRYPTION_KEY: KEY_A, INTAKE_LIMIT_PER_IP_HOUR: '1000' });
    const bodies = (await http().get('/api/v1/bodies')).body as { code: string; units: { id: number }[] }[];
    unitId = bodies.find((b) => b.code === '35.78')!.units[0].id;
    for (const nik of ['3578015503900001', '3578014101850002']) {
      const res = await http().post('/api/v1/requests').send(requestPayload(unitId, { requester: { nik } }));
      expect(res.status).toBe(201);
      filed.push({ registrationNumber: res.body.registrationNumber, trackingCode: res.body.trackingCode, nik });
    }
    keyedPayload = requestPayload(unitId);
    const keyed = await http().post('/api/v1/requests').set('Idempotency-Key', KEYED_SUBMISSION).send(keyedPayload);
    expect(keyed.status).toBe(201);
    keyedNumber = keyed.body.registrationNumber;
    const agent = request.agent(t.app.getHttpServer());
    const page = await agent.get('/permohonan/baru').query({ unit: unitId });
    let post = agent.post(multipartActionOf(page.text)).field('submissionKey', hiddenValue(page.text, 'submissionKey'));
    for (const [k, v] of Object.entries(formFields(requestPayload(unitId)))) post = post.field(k, v);
    const form = await post.attach('identityDocument', TINY_PNG, 'ktp.png');
    expect(form.status).toBe(201);
    withDocument = /id="nomor-pendaftaran">([^<]+)</.exec(form.text)![1];
    const [doc] = (await db().query('SELECT identity_document_id FROM requests WHERE registration_number = $1', [withDocument])) as {
      identity_document_id: string;
    }[];
    documentId = doc.identity_document_id;
    // An objection filed through a kuasa: the kuasa's address is encrypted, the surat kuasa a stored file.
    const officer = await createUser(t.app, { role: 'officer', unitId });
    const [objected] = (await db().query('SELECT id FROM requests WHERE registration_number = $1', [filed[1].registrationNumber])) as { id: string }[];
    const refused = await http()
      .post(`/api/v1/requests/${objected.id}/notice`)
      .set('Authorization', `Bearer ${await bearerToken(t.app, officer.email)}`)
      .send({
        decision: 'refused',
        informationHeld: true,
        reason: 'Dokumen memuat riwayat kesehatan pegawai.',
        exemptionGround: 'h',
        consequenceTest: { date: '2026-11-20', participants: ['PPID Utama'], consequence: 'Mengungkap rahasia pribadi.', information: 'Data pribadi pegawai dalam dokumen yang diminta.', publicInterest: 'Membukanya tidak menambah manfaat bagi publik yang sebanding.', legalBasis: 'Pasal 17 huruf h UU 14/2008' },
      });
    expect(refused.status).toBe(201);
    const objection = await http()
      .post(`/api/v1/requests/${filed[1].registrationNumber}/objections`)
      .set('X-Tracking-Code', filed[1].trackingCode)
      .field('grounds', 'a')
      .field('reasons', 'Informasi anggaran bukan rahasia pribadi.')
      .field('proxyName', 'Lembaga Bantuan Hukum Surabaya')
      .field('proxyAddress', PROXY_ADDRESS)
      .attach('proxyDocument', TINY_PNG, 'kuasa.png');
    expect(objection.status).toBe(201);
    // A consultation: the asker's name and e-mail and its tracking code are sealed.
    const asked = await http().post('/api/v1/consultations').send({ unitId, name: 'Dyah Ayu', email: 'dyah.rotasi@contoh.id', question: 'Di mana daftar informasi publik kota diumumkan?' });
    expect(asked.status).toBe(201);
    consultation = { number: asked.body.number, trackingCode: asked.body.trackingCode };
    // Turn one request back into a row from before this change, as an upgraded database holds them.
    const old = legacyCodeAndHash(t.app.get(FieldCipher), LEGACY_KEY);
    const legacyNumber = filed[0].registrationNumber;
    filed.shift();
    await db().query(
      'UPDATE requests SET tracking_code = NULL, tracking_code_hash = $2, submission_key = $3, submission_key_hash = NULL WHERE registration_number = $1',
      [legacyNumber, old.hash, LEGACY_KEY],
    );
    legacy = { registrationNumber: legacyNumber, code: old.code };
  });

  afterAll(async () => {
    await t?.close();
  });

  it('should move a legacy row at start: its old tracking code works and its submission key is no longer stored', async () => {
    t = await t.restart({});
    await expectEverythingReadable();
    const [row] = (await db().query(
      'SELECT submission_key, submission_key_hash, tracking_code_hash, tracking_code IS NOT NULL AS sealed FROM requests WHERE registration_number = $1',
      [legacy.registrationNumber],
    )) as { submission_key: string | null; submission_key_hash: string | null; tracking_code_hash: string | null; sealed: boolean }[];
    expect(row).toEqual({ submission_key: null, submission_key_hash: expect.stringMatching(/^[0-9a-f]{64}$/), tracking_code_hash: null, sealed: true });
  });

  it('should read everything under a new key with the old one as previous, before and after the rotation', async () => {
    t = await t.restart({ ENCRYPTION_KEY: KEY_B, ENCRYPTION_KEY_PREVIOUS: KEY_A });
    await expectEverythingReadable();
    // A key used under the old key is still recognised: the replay answers the same request.
    const replay = await http().post('/api/v1/requests').set('Idempotency-Key', KEYED_SUBMISSION).send(keyedPayload);
    expect(replay.status).toBe(201);
    expect(replay.body.registrationNumber).toBe(keyedNumber);
    const report = await rotateKeys(t.app, t.config);
    expect(report.requests.failed + report.files.failed + report.legacy.failed + report.objections.failed + report.consultations.failed).toBe(0);
    // Four requests (four sealed fields each, phone and address always), one identity document and
    // one surat kuasa, and the kuasa's address.
    expect(report.requests.rows).toBe(4);
    expect(report.files.rows).toBe(2);
    expect(report.objections.rows).toBe(1);
    expect(report.consultations.rows).toBe(1);
    await expectEverythingReadable();
  });

  it('should do nothing when run again', async () => {
    const again = await rotateKeys(t.app, t.config);
    expect(again).toEqual({
      legacy: { rows: 0, failed: 0 },
      requests: { rows: 0, failed: 0 },
      files: { rows: 0, failed: 0 },
      objections: { rows: 0, failed: 0 },
      consultations: { rows: 0, failed: 0 },
    });
  });

  it('should keep everything readable, tracking codes unchanged, once the old key is gone', async () => {
    t = await t.restart({ ENCRYPTION_KEY: KEY_B, ENCRYPTION_KEY_PREVIOUS: undefined });
    expect(t.config.encryptionKeyPrevious).toBeUndefined();
    await expectEverythingReadable();
    const header = t.app.get(FieldCipher).currentHeader;
    const [{ stale }] = (await db().query(
      `SELECT count(*)::int AS stale FROM requests
        WHERE substring(requester_address FROM 1 FOR 5) <> $1 OR substring(tracking_code FROM 1 FOR 5) <> $1
           OR substring(requester_nik FROM 1 FOR 5) <> $1`,
      [header],
    )) as { stale: number }[];
    expect(stale).toBe(0);
  });

  it('should report, not hide, values under a key that is not configured', async () => {
    const report = await rotateKeys(t.app, { ...t.config, encryptionKey: Buffer.from(KEY_A, 'base64'), encryptionKeyPrevious: undefined } as typeof t.config);
    expect(report.requests.failed).toBe(4);
    expect(report.files.failed).toBe(2);
    expect(report.objections.failed).toBe(1);
    expect(report.consultations.failed).toBe(1);
    expect(report.requests.rows).toBe(0);
    await expectEverythingReadable();
  });
});
