import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { fromDayNumber, localDateTimeOf, toDayNumber } from 'src/common/time/local-time';
import { bearerToken, createUser, loginAgent, TestUser, utamaUnitOf } from 'test/support/auth-helpers';
import { binary } from 'test/support/binary';
import { csrfTokenOf } from 'test/support/page-form';
import { pdfText } from 'test/support/pdf-text';
import { requestPayload } from 'test/support/request-factory';
import { startTestApp, TestApp } from 'test/support/test-app';
import { waitFor } from 'test/support/wait-for';

/** The decisions the law accepts: extensions in time, notices that do not contradict themselves, letters that state the right to object. */

const consequenceTest = {
  date: '2025-11-20',
  information: 'Riwayat kesehatan pegawai dalam lampiran laporan.',
  participants: ['Sekretaris Daerah', 'Kepala Bagian Hukum', 'PPID Utama'],
  consequence: 'Mengungkap rahasia pribadi pegawai.',
  publicInterest: 'Isi laporan tetap terbuka; riwayat kesehatan seseorang tidak menambah manfaat bagi publik.',
  legalBasis: 'Pasal 17 huruf h angka 2 UU 14/2008',
};
const refusal = { decision: 'refused', informationHeld: true, reason: 'Dokumen memuat riwayat kesehatan pegawai.', exemptionGround: 'h', consequenceTest };
const grant = { decision: 'granted', informationHeld: true, material: 'Salinan DPA 2025', format: 'softcopy', delivery: 'email' };
const partialGrant = { ...grant, decision: 'partially_granted', redactions: 'Lampiran riwayat kesehatan dihitamkan.', exemptionGround: 'h', consequenceTest };

describe('decisions the law accepts', () => {
  let t: TestApp;
  let surabaya: { id: number; bodyId: number };
  let officer: TestUser;
  let token: string;
  const http = () => request(t.app.getHttpServer());
  const auth = () => ({ Authorization: `Bearer ${token}` });
  const db = (): DataSource => t.app.get(DataSource);
  /** Today in Surabaya (WIB), the unit's zone. */
  const today = (): string => localDateTimeOf(new Date(), 'Asia/Jakarta').date;
  const daysFrom = (date: string, n: number): string => fromDayNumber(toDayNumber(date) + n);

  async function fileRequest(): Promise<{ id: string; number: string; code: string }> {
    const res = await http().post('/api/v1/requests').send(requestPayload(surabaya.id));
    expect(res.status).toBe(201);
    const [row] = (await db().query('SELECT id::text AS id FROM requests WHERE registration_number = $1', [res.body.registrationNumber])) as { id: string }[];
    return { id: row.id, number: res.body.registrationNumber as string, code: res.body.trackingCode as string };
  }

  async function statusOf(id: string): Promise<{ status: string; decision: string | null; due: string }> {
    const [row] = (await db().query(`SELECT status, decision, to_char(due_date, 'YYYY-MM-DD') AS due FROM requests WHERE id = $1`, [id])) as {
      status: string;
      decision: string | null;
      due: string;
    }[];
    return row;
  }

  async function letterText(letterUrl: string): Promise<string> {
    const res = await http().get(letterUrl.replace(t.config.appUrl, '')).set(auth()).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    return (await pdfText(res.body as Buffer)).replace(/\s+/g, ' ');
  }

  beforeAll(async () => {
    t = await startTestApp({ INTAKE_LIMIT_PER_IP_HOUR: '10000' });
    surabaya = await utamaUnitOf(t.app, '35.78');
    officer = await createUser(t.app, { role: 'officer', unitId: surabaya.id, name: 'Rina Petugas' });
    token = await bearerToken(t.app, officer.email);
  });

  afterAll(async () => {
    await t.close();
  });

  describe('extension before the due date passes (Pasal 22(8))', () => {
    it('should accept an extension on the due date itself, and keep a provisional due date marked so in the letter and the mail', async () => {
      const r = await fileRequest();
      await db().query('UPDATE requests SET due_date = $2::date, due_provisional = true WHERE id = $1', [r.id, today()]);
      const res = await http().post(`/api/v1/requests/${r.id}/extension`).set(auth()).send({ workingDays: 3, reason: 'Dokumen tersebar di beberapa OPD.' });
      expect(res.status).toBe(201);
      expect(res.body.dueDate > today()).toBe(true);
      await expect(statusOf(r.id)).resolves.toMatchObject({ due: res.body.dueDate });
      const tracked = await http().get(`/api/v1/requests/${r.number}`).set('X-Tracking-Code', r.code);
      const pdf = await http().get(`/api/v1/requests/${r.number}/documents/${tracked.body.documents[0].id}`).set('X-Tracking-Code', r.code).buffer(true).parse(binary);
      expect((await pdfText(pdf.body as Buffer)).replace(/\s+/g, ' ')).toContain('(sementara: daftar libur tahun itu belum ditetapkan)');
      // The mail is written as an .eml file (no SMTP in tests); its data is dropped once sent.
      const [mail] = (await db().query(`SELECT id FROM outbound_mails WHERE request_id = $1 AND template = 'request_letter'`, [r.id])) as { id: string }[];
      const dir = join(t.config.dataDir, 'mail');
      const file = await waitFor(() => existsSync(dir) && readdirSync(dir).find((f) => f.endsWith(`-${mail.id}.eml`)));
      const eml = readFileSync(join(dir, file), 'utf8').replace(/=\r?\n/g, '');
      expect(eml).toContain('(sementara: daftar libur tahun itu belum ditetapkan)');
    });

    it('should refuse an extension the day after the due date with 409 naming why, and change nothing', async () => {
      const r = await fileRequest();
      const yesterday = daysFrom(today(), -1);
      await db().query('UPDATE requests SET due_date = $2::date WHERE id = $1', [r.id, yesterday]);
      const res = await http().post(`/api/v1/requests/${r.id}/extension`).set(auth()).send({ workingDays: 3, reason: 'Dokumen tersebar di beberapa OPD.' });
      expect(res.status).toBe(409);
      expect(res.body.message).toContain('Batas waktu pemberitahuan tertulis sudah lewat');
      expect(res.body.message).toContain('Pasal 22 ayat (8)');
      await expect(statusOf(r.id)).resolves.toMatchObject({ status: 'received', due: yesterday });
      const events = (await db().query(`SELECT type FROM request_events WHERE request_id = $1 AND type = 'extended'`, [r.id])) as unknown[];
      expect(events).toEqual([]);
    });

    it('should show the refusal beside the extension form on the request page', async () => {
      const r = await fileRequest();
      await db().query('UPDATE requests SET due_date = $2::date WHERE id = $1', [r.id, daysFrom(today(), -40)]);
      const signedIn = await loginAgent(t.app, officer.email);
      const page = await signedIn.agent.get(`/petugas/permohonan/${r.id}`);
      const version = /name="version" value="(\d+)"/.exec(page.text)![1];
      const res = await signedIn.postForm(`/petugas/permohonan/${r.id}/perpanjang`, { version, workingDays: '7', reason: 'Dokumen tersebar di beberapa OPD.' });
      expect(res.status).toBe(409);
      const section = res.text.slice(res.text.indexOf('id="aksi-perpanjang"'), res.text.indexOf('</section>', res.text.indexOf('id="aksi-perpanjang"')));
      expect(section).toContain('Perpanjangan belum tersimpan');
      expect(section).toContain('Batas waktu pemberitahuan tertulis sudah lewat');
    });
  });

  describe('contradictory notices (400, the field named in Indonesian, nothing stored)', () => {
    it.each([
      ['granted with informationHeld false', { ...grant, informationHeld: false }, 'informationHeld', 'harus berada di bawah penguasaan badan publik'],
      ['refused with informationHeld false', { ...refusal, informationHeld: false }, 'informationHeld', 'Penolakan berdasarkan Pasal 17 hanya untuk informasi yang dikuasai'],
      ['a partial grant with redactions but no Pasal 17 ground', { ...partialGrant, exemptionGround: undefined }, 'exemptionGround', 'Alasan pengecualian Pasal 17 wajib dipilih.'],
      ['a partial grant with redactions but no consequence test', { ...partialGrant, consequenceTest: undefined }, 'consequenceTest.publicInterest', 'wajib diisi'],
      [
        'an exemption end date (Pasal 20) in the past',
        { ...refusal, exemptionGround: 'a', consequenceTest: { ...consequenceTest, exemptionUntil: '2025-12-31' } },
        'consequenceTest.exemptionUntil',
        'harus sesudah hari ini (Pasal 20)',
      ],
      ['a consequence test dated in the future', { ...refusal, consequenceTest: { ...consequenceTest, date: '2099-01-05' } }, 'consequenceTest.date', 'tidak boleh sesudah hari ini'],
    ])('should refuse %s', async (_case, body, field, words) => {
      const r = await fileRequest();
      const res = await http().post(`/api/v1/requests/${r.id}/notice`).set(auth()).send(body);
      expect(res.status).toBe(400);
      expect(res.body.errors[field]).toContain(words);
      await expect(statusOf(r.id)).resolves.toMatchObject({ status: 'received', decision: null });
      const tests = (await db().query('SELECT id FROM consequence_tests WHERE request_id = $1', [r.id])) as unknown[];
      expect(tests).toEqual([]);
    });

    it('should re-render the notice form with the contradiction beside the holding question', async () => {
      const r = await fileRequest();
      const signedIn = await loginAgent(t.app, officer.email);
      const page = await signedIn.agent.get(`/petugas/permohonan/${r.id}`);
      const version = /name="version" value="(\d+)"/.exec(page.text)![1];
      const res = await signedIn.postForm(`/petugas/permohonan/${r.id}/pemberitahuan`, {
        version,
        decision: 'granted',
        informationHeld: 'false',
        material: 'Salinan DPA 2025',
        format: 'softcopy',
        delivery: 'email',
      });
      expect(res.status).toBe(400);
      expect(res.text).toMatch(/id="e-pemberitahuan-informationHeld">[^<]*<span class="visually-hidden">Kesalahan: <\/span>Informasi yang diberikan harus berada/);
    });
  });

  describe('the consequence test and the right to object in the letters', () => {
    it('should store the consequence test of a refusal and print it with the objection grounds, the atasan PPID and the tracking page', async () => {
      await db().query('UPDATE public_bodies SET atasan_name = NULL, atasan_position = NULL, atasan_address = NULL, address = $2 WHERE id = $1', [
        surabaya.bodyId,
        'Jalan Jimerto Nomor 25–27, Surabaya 60272',
      ]);
      const r = await fileRequest();
      const res = await http().post(`/api/v1/requests/${r.id}/notice`).set(auth()).send(refusal);
      expect(res.status).toBe(201);
      const [stored] = (await db().query(
        `SELECT decision, to_char(tested_on, 'YYYY-MM-DD') AS tested_on, information, exemption_ground, consequence, public_interest, participants, legal_basis, exemption_until
           FROM consequence_tests WHERE request_id = $1`,
        [r.id],
      )) as Record<string, unknown>[];
      expect(stored).toEqual({
        decision: 'refused',
        tested_on: '2025-11-20',
        information: consequenceTest.information,
        exemption_ground: 'h',
        consequence: consequenceTest.consequence,
        public_interest: consequenceTest.publicInterest,
        participants: consequenceTest.participants,
        legal_basis: consequenceTest.legalBasis,
        exemption_until: null,
      });
      const text = await letterText(res.body.letterUrl);
      for (const expected of [
        'Pemberitahuan Penolakan',
        'Informasi yang dikecualikan',
        consequenceTest.information,
        'Sekretaris Daerah, Kepala Bagian Hukum, PPID Utama',
        consequenceTest.publicInterest,
        consequenceTest.legalBasis,
        'Hak mengajukan keberatan',
        'Huruf a : penolakan atas permintaan informasi berdasarkan alasan pengecualian sebagaimana dimaksud dalam Pasal 17',
        '30 (tiga puluh) hari kerja',
        'kepada atasan PPID Pemerintah Kota Surabaya, Jalan Jimerto Nomor 25–27, Surabaya 60272.',
        `${t.config.appUrl}/lacak?nomor=${r.number}`,
      ]) {
        expect(text).toContain(expected);
      }
      expect(text).not.toContain('Huruf d');
    });

    it("should name the body's atasan PPID and their address once an admin set them, on a partial grant with its consequence test", async () => {
      await db().query('UPDATE public_bodies SET atasan_name = $2, atasan_position = $3, atasan_address = $4 WHERE id = $1', [
        surabaya.bodyId,
        'Drs. Ikhsan, M.Si.',
        'Sekretaris Daerah Kota Surabaya',
        'Jalan Taman Surya Nomor 1, Surabaya 60272',
      ]);
      const r = await fileRequest();
      const res = await http().post(`/api/v1/requests/${r.id}/notice`).set(auth()).send({ ...partialGrant, fee: 15000, paymentMethod: 'Tunai di loket PPID' });
      expect(res.status).toBe(201);
      const stored = (await db().query('SELECT decision FROM consequence_tests WHERE request_id = $1', [r.id])) as { decision: string }[];
      expect(stored).toEqual([{ decision: 'partially_granted' }]);
      const text = await letterText(res.body.letterUrl);
      for (const expected of [consequenceTest.information, consequenceTest.publicInterest, 'Huruf a', 'Huruf d', 'Huruf e', 'Huruf f : pengenaan biaya yang tidak wajar']) {
        expect(text).toContain(expected);
      }
      expect(text).toContain('kepada Drs. Ikhsan, M.Si., Sekretaris Daerah Kota Surabaya, Jalan Taman Surya Nomor 1, Surabaya 60272.');
    });

    it('should state grounds c and g on an extension letter, and d and e on a grant', async () => {
      const r = await fileRequest();
      await http().post(`/api/v1/requests/${r.id}/extension`).set(auth()).send({ workingDays: 2, reason: 'Dokumen tersebar di beberapa OPD.' });
      const granted = await http().post(`/api/v1/requests/${r.id}/notice`).set(auth()).send(grant);
      expect(granted.status).toBe(201);
      const tracked = await http().get(`/api/v1/requests/${r.number}`).set('X-Tracking-Code', r.code);
      const extension = tracked.body.documents.find((d: { title: string }) => d.title === 'Surat pemberitahuan perpanjangan waktu');
      const pdf = await http().get(`/api/v1/requests/${r.number}/documents/${extension.id}`).set('X-Tracking-Code', r.code).buffer(true).parse(binary);
      const extensionText = (await pdfText(pdf.body as Buffer)).replace(/\s+/g, ' ');
      expect(extensionText).toContain('Huruf c : tidak ditanggapinya permintaan informasi');
      expect(extensionText).toContain('Huruf g : penyampaian informasi yang melebihi waktu');
      expect(extensionText).not.toContain('Huruf a');
      const grantText = await letterText(granted.body.letterUrl);
      expect(grantText).toContain('Huruf d : permintaan informasi ditanggapi tidak sebagaimana yang diminta');
      expect(grantText).toContain('Huruf e : tidak dipenuhinya permintaan informasi');
      expect(grantText).not.toContain('Huruf a');
    });

    it('should label a not-documented notice as such on the letter, the tracking page and the API, never as not held', async () => {
      const r = await fileRequest();
      const res = await http().post(`/api/v1/requests/${r.id}/notice`).set(auth()).send({ decision: 'not_documented', informationHeld: true, reason: 'Rekapitulasi masih disusun.' });
      expect(res.status).toBe(201);
      const text = await letterText(res.body.letterUrl);
      expect(text).toContain('Informasi belum didokumentasikan');
      expect(text).toContain('Huruf b : tidak disediakannya informasi berkala');
      expect(text).not.toMatch(/tidak dikuasai|tidak berada di bawah penguasaan/i);
      const api = await http().get(`/api/v1/requests/${r.number}`).set('X-Tracking-Code', r.code);
      expect(api.body.decision).toMatchObject({ decision: 'not_documented', decisionText: 'Informasi belum didokumentasikan' });
      const labels = api.body.timeline.map((e: { label: string }) => e.label);
      expect(labels).toContain('Pemberitahuan: informasi belum didokumentasikan');
      expect(JSON.stringify(api.body)).not.toMatch(/tidak dikuasai/i);
      const agent = request.agent(t.app.getHttpServer());
      const form = await agent.get(`/lacak?nomor=${encodeURIComponent(r.number)}`);
      const page = await agent.post('/lacak').type('form').send({ _csrf: csrfTokenOf(form.text), nomor: r.number, kode: r.code });
      expect(page.status).toBe(200);
      expect(page.text).toContain('Keputusan: Informasi belum didokumentasikan');
      expect(page.text).toContain('Pemberitahuan: informasi belum didokumentasikan');
      expect(page.text).not.toMatch(/tidak dikuasai/i);
    });
  });
});
