import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearerToken, createPelaksanaUnit, createUser, loginAgent, TestUser, utamaUnitOf } from 'test/support/auth-helpers';
import { binary } from 'test/support/binary';
import { csrfTokenOf } from 'test/support/page-form';
import { pdfText } from 'test/support/pdf-text';
import { requestPayload, TINY_PDF } from 'test/support/request-factory';
import { startTestApp, TestApp } from 'test/support/test-app';
import { waitFor } from 'test/support/wait-for';
import { RemindersRepository } from 'src/modules/reminders/reminders.repository';

const refusal = {
  decision: 'refused',
  informationHeld: true,
  reason: 'Dokumen memuat riwayat kesehatan pegawai.',
  exemptionGround: 'h',
  consequenceTest: { date: '2026-11-20', participants: ['Sekretaris Daerah', 'PPID Utama'], consequence: 'Mengungkap rahasia pribadi.', information: 'Data pribadi pegawai dalam dokumen yang diminta.', publicInterest: 'Membukanya tidak menambah manfaat bagi publik yang sebanding.', legalBasis: 'Pasal 17 huruf h UU 14/2008' },
};
const grant = { decision: 'granted', informationHeld: true, material: 'Salinan DPA 2025', format: 'softcopy', delivery: 'email' };

describe('later actions on a request', () => {
  let t: TestApp;
  let surabaya: { id: number; bodyId: number };
  let malang: { id: number; bodyId: number };
  let pelaksana: { id: number; bodyId: number };
  let officer: TestUser;
  let pelaksanaOfficer: TestUser;
  let stranger: TestUser;
  let malangOfficer: TestUser;
  let supervisor: TestUser;
  let token: string;
  let pelaksanaToken: string;
  let strangerToken: string;
  const http = () => request(t.app.getHttpServer());
  const auth = (tok: string) => ({ Authorization: `Bearer ${tok}` });
  const db = () => t.app.get(DataSource);

  async function fileRequest(overrides: Record<string, unknown> = {}): Promise<{ id: string; number: string; code: string; dueDate: string }> {
    const res = await http().post('/api/v1/requests').send(requestPayload(surabaya.id, overrides));
    expect(res.status).toBe(201);
    const [row] = (await db().query('SELECT id FROM requests WHERE registration_number = $1', [res.body.registrationNumber])) as { id: string }[];
    return { id: String(row.id), number: res.body.registrationNumber, code: res.body.trackingCode, dueDate: res.body.dueDate };
  }

  async function download(path: string, headers: Record<string, string>): Promise<Buffer> {
    const res = await http().get(path).set(headers).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    return res.body as Buffer;
  }

  async function row(id: string): Promise<Record<string, unknown>> {
    const [r] = (await db().query(
      `SELECT status, decision, to_char(delivered_on, 'YYYY-MM-DD') AS delivered_on, delivery_channel, delivery_note, delivery_proof_file_id,
              withdrawn_at, withdrawal_reason, closed_at, forwarded_to_request_id::text AS forwarded_to
         FROM requests WHERE id = $1`,
      [id],
    )) as Record<string, unknown>[];
    return r;
  }

  const today = (): string => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await startTestApp({ INTAKE_LIMIT_PER_IP_HOUR: '10000', INTAKE_LIMIT_PER_EMAIL_DAY: '10000' });
    surabaya = await utamaUnitOf(t.app, '35.78');
    malang = await utamaUnitOf(t.app, '35.07');
    pelaksana = await createPelaksanaUnit(t.app, '35.78', { name: 'PPID Pelaksana Dinas Kesehatan' });
    officer = await createUser(t.app, { role: 'officer', unitId: surabaya.id, name: 'Rina Petugas' });
    pelaksanaOfficer = await createUser(t.app, { role: 'officer', unitId: pelaksana.id, name: 'Bayu Pelaksana' });
    stranger = await createUser(t.app, { role: 'officer', unitId: (await utamaUnitOf(t.app, '35.73')).id });
    malangOfficer = await createUser(t.app, { role: 'officer', unitId: malang.id });
    supervisor = await createUser(t.app, { role: 'supervisor', bodyId: surabaya.bodyId });
    token = await bearerToken(t.app, officer.email);
    pelaksanaToken = await bearerToken(t.app, pelaksanaOfficer.email);
    strangerToken = await bearerToken(t.app, stranger.email);
  });

  afterAll(async () => {
    await t.close();
  });

  describe('delivery before closing a grant', () => {
    it('should refuse to close a grant with nothing delivered (409), then close once a delivery with a proof file is recorded', async () => {
      const r = await fileRequest();
      expect((await http().post(`/api/v1/requests/${r.id}/notice`).set(auth(token)).send(grant)).status).toBe(201);
      const early = await http().post(`/api/v1/requests/${r.id}/close`).set(auth(token)).send({});
      expect(early.status).toBe(409);
      expect(early.body.message).toContain('belum dapat ditutup');
      expect((await row(r.id)).status).toBe('answered');

      const res = await http()
        .post(`/api/v1/requests/${r.id}/delivery`)
        .set(auth(token))
        .field('deliveredOn', today())
        .field('channel', 'pickup')
        .attach('proof', TINY_PDF, 'tanda-terima.pdf');
      expect(res.status).toBe(204);
      const after = await row(r.id);
      expect(after).toMatchObject({ delivered_on: today(), delivery_channel: 'pickup', delivery_note: null });
      expect(after.delivery_proof_file_id).not.toBeNull();
      const [file] = (await db().query('SELECT kind, encrypted FROM stored_files WHERE id = $1', [after.delivery_proof_file_id])) as { kind: string; encrypted: boolean }[];
      expect(file).toEqual({ kind: 'delivery_proof', encrypted: true });
      const proof = await (await loginAgent(t.app, officer.email)).agent.get(`/petugas/permohonan/${r.id}/bukti-penyampaian`).buffer(true).parse(binary);
      expect(proof.status).toBe(200);
      expect(Buffer.compare(proof.body as Buffer, TINY_PDF)).toBe(0);

      expect((await http().post(`/api/v1/requests/${r.id}/close`).set(auth(token)).send({})).status).toBe(204);
      expect((await row(r.id)).status).toBe('closed');
    });

    it('should record a portal delivery when documents are handed over, so the grant closes', async () => {
      const r = await fileRequest();
      await http().post(`/api/v1/requests/${r.id}/notice`).set(auth(token)).send(grant);
      expect((await http().post(`/api/v1/requests/${r.id}/documents`).set(auth(token)).attach('files', TINY_PDF, 'dpa.pdf')).status).toBe(204);
      expect(await row(r.id)).toMatchObject({ delivered_on: today(), delivery_channel: 'portal' });
      expect((await http().post(`/api/v1/requests/${r.id}/close`).set(auth(token)).send({})).status).toBe(204);
    });

    it('should answer 400 for a future date, a missing proof, an unknown channel and a proof file that is not PDF or image', async () => {
      const r = await fileRequest();
      await http().post(`/api/v1/requests/${r.id}/notice`).set(auth(token)).send(grant);
      const future = await http().post(`/api/v1/requests/${r.id}/delivery`).set(auth(token)).send({ deliveredOn: '2099-01-05', channel: 'post', note: 'Resi pos RR123' });
      expect(future.status).toBe(400);
      expect(future.body.errors.deliveredOn).toContain('masa depan');
      const noProof = await http().post(`/api/v1/requests/${r.id}/delivery`).set(auth(token)).send({ deliveredOn: today(), channel: 'post' });
      expect(noProof.status).toBe(400);
      expect(noProof.body.errors.note).toContain('bukti');
      const channel = await http().post(`/api/v1/requests/${r.id}/delivery`).set(auth(token)).send({ deliveredOn: today(), channel: 'merpati', note: 'x' });
      expect(channel.status).toBe(400);
      expect(channel.body.errors.channel).toContain('cara penyampaian');
      const fake = await http()
        .post(`/api/v1/requests/${r.id}/delivery`)
        .set(auth(token))
        .field('deliveredOn', today())
        .field('channel', 'email')
        .attach('proof', Buffer.from('MZ this is no proof'), 'bukti.pdf');
      expect(fake.status).toBe(400);
      expect(fake.body.errors.proof).toContain('PDF, JPEG atau PNG');
      expect((await row(r.id)).delivered_on).toBeNull();
    });

    it('should answer 409 for a delivery on a request not granted, and 404 for another unit', async () => {
      const open = await fileRequest();
      const before = await http().post(`/api/v1/requests/${open.id}/delivery`).set(auth(token)).send({ deliveredOn: today(), channel: 'post', note: 'Resi RR1' });
      expect(before.status).toBe(409);
      const refused = await fileRequest();
      await http().post(`/api/v1/requests/${refused.id}/notice`).set(auth(token)).send(refusal);
      expect((await http().post(`/api/v1/requests/${refused.id}/delivery`).set(auth(token)).send({ deliveredOn: today(), channel: 'post', note: 'x' })).status).toBe(409);
      const other = await http().post(`/api/v1/requests/${open.id}/delivery`).set(auth(strangerToken)).send({ deliveredOn: today(), channel: 'post', note: 'x' });
      expect(other.status).toBe(404);
    });

    it('should record a delivery from the request page and show it, and keep a failed close on the page with its message', async () => {
      const r = await fileRequest();
      await http().post(`/api/v1/requests/${r.id}/notice`).set(auth(token)).send(grant);
      const page = await loginAgent(t.app, officer.email);
      const closeFirst = await page.postForm(`/petugas/permohonan/${r.id}/tutup`, {});
      expect(closeFirst.status).toBe(409);
      expect(closeFirst.text).toContain('belum dapat ditutup');
      const bad = await page.postForm(`/petugas/permohonan/${r.id}/penyampaian`, { deliveredOn: today(), channel: 'pickup', note: '' });
      expect(bad.status).toBe(400);
      expect(bad.text).toContain('Isi keterangan bukti penyampaian');
      const ok = await page.postForm(`/petugas/permohonan/${r.id}/penyampaian`, { deliveredOn: today(), channel: 'pickup', note: 'Diambil sendiri oleh pemohon, tanda terima no. 12.' });
      expect(ok.status).toBe(303);
      const shown = await page.agent.get(`/petugas/permohonan/${r.id}`);
      expect(shown.text).toContain('Diambil langsung');
      expect(shown.text).toContain('tanda terima no. 12');
      expect((await page.postForm(`/petugas/permohonan/${r.id}/tutup`, {})).status).toBe(303);
    });
  });

  describe('refusal prepared in a PPID Pelaksana', () => {
    async function pelaksanaRequest(): Promise<{ id: string; number: string; code: string }> {
      const r = await fileRequest();
      expect((await http().post(`/api/v1/requests/${r.id}/forward`).set(auth(token)).send({ unitId: pelaksana.id })).status).toBe(204);
      return r;
    }

    it('should wait for the PPID Utama: no letter, hidden from the requester, listed in the Utama queue', async () => {
      const r = await pelaksanaRequest();
      const res = await http().post(`/api/v1/requests/${r.id}/notice`).set(auth(pelaksanaToken)).send(refusal);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ status: 'awaiting_approval', letterUrl: null });
      expect(await row(r.id)).toMatchObject({ status: 'awaiting_approval', decision: null, closed_at: null });
      const tracked = await http().get(`/api/v1/requests/${r.number}`).set('X-Tracking-Code', r.code);
      expect(tracked.body.receipt.status).toBe('in_process');
      expect(tracked.body.documents).toEqual([]);
      expect(tracked.body.decision).toBeNull();
      expect(JSON.stringify(tracked.body.timeline)).not.toContain('penolakan');
      const reminded = await t.app.get(RemindersRepository).findAwaitingNotice('2099-12-31');
      expect(reminded.map((a) => a.id)).toContain(r.id);
      const queue = await http().get('/api/v1/queue').set(auth(token)).query({ status: 'awaiting_approval' });
      expect(queue.status).toBe(200);
      expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(r.id);
      const page = await (await loginAgent(t.app, officer.email)).agent.get(`/petugas/permohonan/${r.id}`);
      expect(page.text).toContain('Penolakan menunggu persetujuan PPID Utama');
      expect(page.text).toContain('Setujui dan kirim surat penolakan');
    });

    it('should refuse the decision to the Pelaksana officer and the supervisor (403) and hide it from other bodies (404)', async () => {
      const r = await pelaksanaRequest();
      await http().post(`/api/v1/requests/${r.id}/notice`).set(auth(pelaksanaToken)).send(refusal);
      expect((await http().post(`/api/v1/requests/${r.id}/refusal/approval`).set(auth(pelaksanaToken)).send({})).status).toBe(403);
      const sup = await bearerToken(t.app, supervisor.email);
      expect((await http().post(`/api/v1/requests/${r.id}/refusal/approval`).set(auth(sup)).send({})).status).toBe(403);
      expect((await http().post(`/api/v1/requests/${r.id}/refusal/return`).set(auth(pelaksanaToken)).send({ reason: 'Uji konsekuensi kurang lengkap.' })).status).toBe(403);
      expect((await http().post(`/api/v1/requests/${r.id}/refusal/approval`).set(auth(strangerToken)).send({})).status).toBe(404);
      expect((await row(r.id)).status).toBe('awaiting_approval');
    });

    it('should send back with a reason (400 without one), then approve the resubmission: letter numbered by the Utama, mailed, shown, audited', async () => {
      const r = await pelaksanaRequest();
      await http().post(`/api/v1/requests/${r.id}/notice`).set(auth(pelaksanaToken)).send(refusal);
      const short = await http().post(`/api/v1/requests/${r.id}/refusal/return`).set(auth(token)).send({ reason: 'kurang' });
      expect(short.status).toBe(400);
      expect(short.body.errors.reason).toBeDefined();
      expect((await http().post(`/api/v1/requests/${r.id}/refusal/return`).set(auth(token)).send({ reason: 'Uji konsekuensi belum menyebut jangka waktu.' })).status).toBe(204);
      expect((await row(r.id)).status).toBe('in_process');
      const early = await http().post(`/api/v1/requests/${r.id}/refusal/approval`).set(auth(token)).send({});
      expect(early.status).toBe(409);

      await http().post(`/api/v1/requests/${r.id}/notice`).set(auth(pelaksanaToken)).send({ ...refusal, reason: 'Dokumen memuat rekam medis pegawai.' });
      const ok = await http().post(`/api/v1/requests/${r.id}/refusal/approval`).set(auth(token)).send({});
      expect(ok.status).toBe(201);
      expect(await row(r.id)).toMatchObject({ status: 'closed', decision: 'refused' });
      const text = await pdfText(await download(ok.body.letterUrl.replace(t.config.appUrl, ''), auth(token)));
      expect(text).toContain('Pasal 17 huruf h');
      expect(text).toContain('Dokumen memuat rekam medis pegawai.');
      expect(text).toMatch(/\d{3}\/PPID-U\/3578\/\d{4}/);

      const tracked = await http().get(`/api/v1/requests/${r.number}`).set('X-Tracking-Code', r.code);
      expect(tracked.body.receipt.status).toBe('closed');
      expect(tracked.body.decision.decision).toBe('refused');
      expect(tracked.body.documents).toHaveLength(1);
      const mails = (await db().query(`SELECT template FROM outbound_mails WHERE request_id = $1 ORDER BY created_at`, [r.id])) as { template: string }[];
      expect(mails.map((m) => m.template)).toEqual(['request_receipt', 'request_letter']);
      const audit = (await db().query(`SELECT action FROM audit_log WHERE target_type = 'request' AND target_id = $1 AND action LIKE 'request.refusal_%' ORDER BY id`, [r.id])) as {
        action: string;
      }[];
      expect(audit.map((a) => a.action)).toEqual(['request.refusal_returned', 'request.refusal_approved']);
      expect((await http().post(`/api/v1/requests/${r.id}/refusal/approval`).set(auth(token)).send({})).status).toBe(409);
    });

    it('should submit from the Pelaksana request page and approve from the Utama request page', async () => {
      const r = await pelaksanaRequest();
      const theirs = await loginAgent(t.app, pelaksanaOfficer.email);
      const submitted = await theirs.postForm(`/petugas/permohonan/${r.id}/pemberitahuan`, {
        decision: 'refused',
        informationHeld: 'true',
        reason: refusal.reason,
        exemptionGround: 'h',
        'consequenceTest.date': '2026-11-20',
        'consequenceTest.participants': 'Sekretaris Daerah\nPPID Utama',
        'consequenceTest.consequence': 'Mengungkap rahasia pribadi.',
        'consequenceTest.information': 'Data pribadi pegawai dalam dokumen yang diminta.',
        'consequenceTest.publicInterest': 'Membukanya tidak menambah manfaat bagi publik yang sebanding.',
        'consequenceTest.legalBasis': 'Pasal 17 huruf h UU 14/2008',
      });
      expect(submitted.status).toBe(303);
      expect(submitted.headers.location).toContain('selesai=ajukan-penolakan');
      const shown = await theirs.agent.get(submitted.headers.location);
      expect(shown.text).toContain('Rancangan penolakan diajukan kepada PPID Utama');
      expect(shown.text).toContain('Hanya petugas PPID Utama badan publik ini');
      expect((await theirs.postForm(`/petugas/permohonan/${r.id}/setujui-penolakan`, {})).status).toBe(403);
      const utama = await loginAgent(t.app, officer.email);
      const approved = await utama.postForm(`/petugas/permohonan/${r.id}/setujui-penolakan`, {});
      expect(approved.status).toBe(303);
      expect((await utama.agent.get(approved.headers.location)).text).toContain('Penolakan disetujui');
      expect(await row(r.id)).toMatchObject({ status: 'closed', decision: 'refused' });
    });

    it('should let a PPID Utama refuse its own request at once', async () => {
      const r = await fileRequest();
      const res = await http().post(`/api/v1/requests/${r.id}/notice`).set(auth(token)).send(refusal);
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('closed');
    });
  });

  describe('ralat', () => {
    it('should issue a numbered ralat naming the corrected letter, keep both and show both on the tracking page', async () => {
      const r = await fileRequest();
      await http().post(`/api/v1/requests/${r.id}/extension`).set(auth(token)).send({ workingDays: 5, reason: 'Dokumen tersebar di beberapa OPD.' });
      const before = await http().get(`/api/v1/requests/${r.number}`).set('X-Tracking-Code', r.code);
      const original = before.body.documents[0] as { id: string; letterNumber: string };
      const missing = await http().post(`/api/v1/requests/${r.id}/corrections`).set(auth(token)).send({ documentId: original.id });
      expect(missing.status).toBe(400);
      expect(Object.keys(missing.body.errors).sort()).toEqual(['corrected', 'original']);
      const wrongDoc = await http().post(`/api/v1/requests/${r.id}/corrections`).set(auth(token)).send({ documentId: '999999', original: 'a', corrected: 'b' });
      expect(wrongDoc.status).toBe(400);
      expect(wrongDoc.body.errors.documentId).toBeDefined();
      expect((await http().post(`/api/v1/requests/${r.id}/corrections`).set(auth(strangerToken)).send({ documentId: original.id, original: 'a', corrected: 'b' })).status).toBe(404);

      const res = await http()
        .post(`/api/v1/requests/${r.id}/corrections`)
        .set(auth(token))
        .send({ documentId: original.id, original: 'diperpanjang selama 5 hari kerja', corrected: 'diperpanjang selama 5 (lima) hari kerja' });
      expect(res.status).toBe(201);
      const text = await pdfText(await download(res.body.letterUrl.replace(t.config.appUrl, ''), auth(token)));
      expect(text).toContain(`Ralat atas surat nomor ${original.letterNumber} tanggal`);
      expect(text).toContain('diperpanjang selama 5 (lima) hari kerja');

      const after = await http().get(`/api/v1/requests/${r.number}`).set('X-Tracking-Code', r.code);
      expect(after.body.documents).toHaveLength(2);
      const [first, ralat] = after.body.documents as { letterNumber: string; correctsLetterNumber: string | null; correctedBy: string[] }[];
      expect(first.correctedBy).toEqual([ralat.letterNumber]);
      expect(ralat.correctsLetterNumber).toBe(original.letterNumber);
      expect(ralat.letterNumber).not.toBe(original.letterNumber);
      const agent = request.agent(t.app.getHttpServer());
      const form = await agent.get('/lacak');
      const page = await agent.post('/lacak').type('form').send({ _csrf: csrfTokenOf(form.text), nomor: r.number, kode: r.code });
      expect(page.text).toContain(`Ralat atas surat nomor ${original.letterNumber}`);
      expect(page.text).toContain(`Diralat dengan surat nomor ${ralat.letterNumber}`);
    });

    it('should refuse a ralat on a withdrawn request with 409', async () => {
      const r = await fileRequest();
      await http().post(`/api/v1/requests/${r.id}/extension`).set(auth(token)).send({ workingDays: 2, reason: 'Dokumen di arsip inaktif.' });
      await http().post(`/api/v1/requests/${r.number}/withdrawal`).set('X-Tracking-Code', r.code).send({});
      const [doc] = (await db().query(`SELECT id::text FROM request_documents WHERE request_id = $1`, [r.id])) as { id: string }[];
      const res = await http().post(`/api/v1/requests/${r.id}/corrections`).set(auth(token)).send({ documentId: doc.id, original: 'a', corrected: 'b' });
      expect(res.status).toBe(409);
    });
  });

  describe('withdrawal by the requester', () => {
    it('should withdraw with the tracking code, stop the clock and show it to the officer; a second time is 409', async () => {
      const r = await fileRequest();
      expect((await http().post(`/api/v1/requests/${r.number}/withdrawal`).set('X-Tracking-Code', 'AAAA-BBBB-CCCC').send({})).status).toBe(404);
      const long = await http().post(`/api/v1/requests/${r.number}/withdrawal`).set('X-Tracking-Code', r.code).send({ reason: 'x'.repeat(2001) });
      expect(long.status).toBe(400);
      const res = await http().post(`/api/v1/requests/${r.number}/withdrawal`).set('X-Tracking-Code', r.code).send({ reason: 'Sudah mendapat data dari sumber lain.' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ registrationNumber: r.number, status: 'withdrawn' });
      const stored = await row(r.id);
      expect(stored).toMatchObject({ status: 'withdrawn', withdrawal_reason: 'Sudah mendapat data dari sumber lain.' });
      expect(stored.closed_at).not.toBeNull();
      const queue = await http().get('/api/v1/queue').set(auth(token)).query({ q: r.number });
      expect(queue.body.items).toEqual([]);
      const reminded = await t.app.get(RemindersRepository).findAwaitingNotice('2099-12-31');
      expect(reminded.map((a) => a.id)).not.toContain(r.id);
      const page = await (await loginAgent(t.app, officer.email)).agent.get(`/petugas/permohonan/${r.id}`);
      expect(page.text).toContain('Dicabut oleh pemohon');
      expect(page.text).toContain('Sudah mendapat data dari sumber lain.');
      expect((await http().post(`/api/v1/requests/${r.id}/extension`).set(auth(token)).send({ workingDays: 3, reason: 'alasan yang cukup panjang' })).status).toBe(409);
      const again = await http().post(`/api/v1/requests/${r.number}/withdrawal`).set('X-Tracking-Code', r.code).send({});
      expect(again.status).toBe(409);
      expect(again.body.message).toContain('tidak dapat dicabut');
    });

    it('should ask for confirmation on the tracking page before withdrawing, and refuse a finished request', async () => {
      const r = await fileRequest();
      const agent = request.agent(t.app.getHttpServer());
      const csrf = csrfTokenOf((await agent.get('/lacak')).text);
      const tracked = await agent.post('/lacak').type('form').send({ _csrf: csrf, nomor: r.number, kode: r.code });
      expect(tracked.text).toContain('Cabut permohonan');
      const confirm = await agent.post('/lacak/cabut').type('form').send({ _csrf: csrf, nomor: r.number, kode: r.code });
      expect(confirm.status).toBe(200);
      expect(confirm.text).toContain('Ya, cabut permohonan');
      expect((await row(r.id)).status).toBe('received');
      const done = await agent.post('/lacak/cabut').type('form').send({ _csrf: csrf, nomor: r.number, kode: r.code, konfirmasi: 'ya', reason: '' });
      expect(done.status).toBe(200);
      expect(done.text).toContain('Permohonan Anda telah dicabut');
      expect(done.text).not.toContain('Cabut permohonan…');
      expect((await row(r.id)).status).toBe('withdrawn');
      const late = await agent.post('/lacak/cabut').type('form').send({ _csrf: csrf, nomor: r.number, kode: r.code, konfirmasi: 'ya' });
      expect(late.status).toBe(409);
      expect(late.text).toContain('tidak dapat dicabut');
      const wrong = await agent.post('/lacak/cabut').type('form').send({ _csrf: csrf, nomor: r.number, kode: 'AAAA-BBBB-CCCC' });
      expect(wrong.status).toBe(404);
    });
  });

  describe('forwarding to another body', () => {
    it('should register the request at the other body with its own number and clock, close this one as forwarded and link both', async () => {
      const r = await fileRequest();
      const same = await http().post(`/api/v1/requests/${r.id}/transfer`).set(auth(token)).send({ bodyCode: '35.78' });
      expect(same.status).toBe(400);
      expect(same.body.errors.bodyCode).toContain('badan publik lain');
      expect((await http().post(`/api/v1/requests/${r.id}/transfer`).set(auth(token)).send({ bodyCode: '99.99' })).status).toBe(400);
      expect((await http().post(`/api/v1/requests/${r.id}/transfer`).set(auth(strangerToken)).send({ bodyCode: '35.07' })).status).toBe(404);

      const res = await http().post(`/api/v1/requests/${r.id}/transfer`).set(auth(token)).send({ bodyCode: '35.07', note: 'Data dikelola Dinas Kesehatan Kabupaten Malang.' });
      expect(res.status).toBe(201);
      expect(res.body.registrationNumber).toMatch(/^3507-U-\d{4}-\d{5}$/);
      const [copy] = (await db().query(
        `SELECT id::text, receiving_unit_id, unit_id, status, received_at, to_char(due_date, 'YYYY-MM-DD') AS due, forwarded_from_request_id::text AS from_id, requester_nik_last4
           FROM requests WHERE registration_number = $1`,
        [res.body.registrationNumber],
      )) as { id: string; receiving_unit_id: number; unit_id: number; status: string; received_at: Date; due: string; from_id: string; requester_nik_last4: string }[];
      expect(copy).toMatchObject({ receiving_unit_id: malang.id, unit_id: malang.id, status: 'received', from_id: r.id, due: res.body.dueDate, requester_nik_last4: '0001' });
      expect(Math.abs(copy.received_at.getTime() - Date.now())).toBeLessThan(60_000);
      const expectedDue = await http().get('/api/v1/calendar/due-date').query({ receivedAt: copy.received_at.toISOString(), workingDays: 10, unitId: malang.id });
      expect(res.body.dueDate).toBe(expectedDue.body.dueDate);
      expect(await row(r.id)).toMatchObject({ status: 'closed', decision: 'forwarded', forwarded_to: copy.id });

      // The requester's data came along, encrypted under the new number: the new body's officer reads the full NIK.
      const theirPage = await (await loginAgent(t.app, malangOfficer.email)).agent.get(`/petugas/permohonan/${copy.id}`);
      expect(theirPage.status).toBe(200);
      expect(theirPage.text).toContain('3578015503900001');
      expect(theirPage.text).toContain(r.number);
      const ourPage = await (await loginAgent(t.app, officer.email)).agent.get(`/petugas/permohonan/${r.id}`);
      expect(ourPage.text).toContain(res.body.registrationNumber);

      const newTracked = await http().get(`/api/v1/requests/${res.body.registrationNumber}`).set('X-Tracking-Code', r.code);
      expect(newTracked.status).toBe(200);
      expect(newTracked.body.forwardedFrom).toMatchObject({ registrationNumber: r.number });
      const oldTracked = await http().get(`/api/v1/requests/${r.number}`).set('X-Tracking-Code', r.code);
      expect(oldTracked.body.forwardedTo).toMatchObject({ registrationNumber: res.body.registrationNumber });
      const letter = oldTracked.body.documents[0] as { id: string };
      const text = await pdfText(await download(`/api/v1/requests/${r.number}/documents/${letter.id}`, { 'X-Tracking-Code': r.code }));
      expect(text).toContain('Penerusan Permohonan');
      expect(text).toContain(res.body.registrationNumber);
      expect(text).toContain('Kabupaten Malang');
      const [mail] = (await db().query(`SELECT id FROM outbound_mails WHERE request_id = $1 AND template = 'request_letter'`, [r.id])) as { id: string }[];
      const dir = join(t.config.dataDir, 'mail');
      const sent = await waitFor(() => readdirSync(dir).find((n) => n.endsWith(`-${mail.id}.eml`)), 15_000);
      const body = readFileSync(join(dir, sent), 'utf8').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      expect(body).toContain(`terdaftar dengan nomor pendaftaran baru ${res.body.registrationNumber}`);
      expect(body).toContain(`/lacak?nomor=${res.body.registrationNumber}`);

      expect((await http().post(`/api/v1/requests/${r.id}/transfer`).set(auth(token)).send({ bodyCode: '35.07' })).status).toBe(409);
    });
  });
});
