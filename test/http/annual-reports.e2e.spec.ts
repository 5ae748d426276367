import request from 'supertest';
import { DataSource } from 'typeorm';
import { keepPdf } from 'src/modules/documents';
import { bearerToken, createPelaksanaUnit, createUser, loginAgent, TestUser, utamaUnitOf } from 'test/support/auth-helpers';
import { binary } from 'test/support/binary';
import { csrfTokenOf } from 'test/support/page-form';
import { pdfText } from 'test/support/pdf-text';
import { requestPayload } from 'test/support/request-factory';
import { startTestApp, TestApp } from 'test/support/test-app';

const NARRATIVE = {
  policy: 'Layanan informasi diatur dengan Peraturan Wali Kota tentang PPID dan standar layanan.',
  resources: 'Tiga petugas PPID Utama, satu ruang layanan dan anggaran dari APBD.',
  obstacles: 'Dokumen lama belum didigitalkan.',
  recommendations: 'Digitalisasi arsip dan pelatihan PPID Pelaksana.',
};

/** Every objection and dispute figure of the 2025 data set, as the page and the PDF print it. */
const OBJECTION_FIGURES = (
  [
    ['Keberatan yang diterima', 3],
    ['Huruf a: penolakan atas permintaan informasi berdasarkan alasan pengecualian sebagaimana dimaksud dalam Pasal 17', 2],
    ['Huruf b: tidak disediakannya informasi berkala sebagaimana dimaksud dalam Pasal 9', 0],
    ['Huruf c: tidak ditanggapinya permintaan informasi', 0],
    ['Huruf d: permintaan informasi ditanggapi tidak sebagaimana yang diminta', 2],
    ['Huruf e: tidak dipenuhinya permintaan informasi', 0],
    ['Huruf f: pengenaan biaya yang tidak wajar', 0],
    ['Huruf g: penyampaian informasi yang melebihi waktu yang diatur dalam Undang-Undang ini', 0],
    ['Keputusan PPID dikuatkan (keberatan ditolak)', 2],
    ['Keputusan PPID dibatalkan seluruhnya', 0],
    ['Keputusan PPID dibatalkan sebagian', 0],
    ['Belum ditanggapi', 1],
    ['Ditanggapi secara tertulis', 2],
    ['Ditanggapi dalam 30 hari kerja', 1],
    ['Sengketa yang diajukan', 1],
    ['Tahap: Terdaftar di Komisi Informasi', 0],
    ['Tahap: Mediasi', 0],
    ['Tahap: Ajudikasi nonlitigasi', 0],
    ['Tahap: Putusan', 1],
    ['Hasil: Informasi dinyatakan terbuka (permohonan dikabulkan)', 0],
    ['Hasil: Informasi dinyatakan terbuka sebagian', 0],
    ['Hasil: Permohonan sengketa ditolak (keputusan badan publik dikuatkan)', 1],
    ['Hasil: Selesai dengan kesepakatan mediasi', 0],
    ['Hasil: Sengketa dicabut', 0],
    ['Hasil: Belum diputus', 0],
  ] as const
).map(([label, n]) => ({
  html: new RegExp(`<th scope="row">${label.replace(/[()]/g, '\\$&')}</th><td data-label="[^"]*">${n}</td>`),
  pdf: `${label} ${n}`,
}));

describe('laporan layanan informasi publik', () => {
  let t: TestApp;
  let utama: { id: number; bodyId: number };
  let officer: TestUser;
  let pelaksanaOfficer: TestUser;
  let supervisor: TestUser;
  let stranger: TestUser;
  const http = () => request(t.app.getHttpServer());
  const auth = (tok: string) => ({ Authorization: `Bearer ${tok}` });

  /** A request recorded and answered; the answer's instant is pinned by `pin` (after any objection, which counts from today's answer). */
  async function recorded(
    tok: string,
    unitId: number,
    channel: string,
    receivedAt: string,
    notice: Record<string, unknown> | null,
    answeredAt: string | null,
  ): Promise<{ id: string; number: string; code: string; pin: () => Promise<void> }> {
    const res = await http().post('/api/v1/offline-requests').set(auth(tok)).send({ ...requestPayload(unitId), channel, receivedAt });
    expect([res.status, res.body.errors]).toEqual([201, undefined]);
    const [row] = (await t.app.get(DataSource).query('SELECT id FROM requests WHERE registration_number = $1', [res.body.registrationNumber])) as { id: string }[];
    if (notice) {
      const answer = await http().post(`/api/v1/requests/${row.id}/notice`).set(auth(tok)).send(notice);
      expect([answer.status, answer.body.errors]).toEqual([201, undefined]);
    }
    const pin = async () => {
      if (answeredAt) await t.app.get(DataSource).query('UPDATE requests SET answered_at = $2 WHERE id = $1', [row.id, answeredAt]);
    };
    return { id: String(row.id), number: res.body.registrationNumber as string, code: res.body.trackingCode as string, pin };
  }

  /** Files an objection as the requester and returns its id; its receipt is then pinned to `receivedAt`. */
  async function objected(r: { number: string; code: string }, grounds: string[], receivedAt: string, dueDate: string): Promise<string> {
    const res = await http().post(`/api/v1/requests/${r.number}/objections`).set('X-Tracking-Code', r.code).send({ grounds, reasons: 'Keputusan PPID tidak sesuai dengan Undang-Undang.' });
    expect([res.status, res.body.message]).toEqual([201, undefined]);
    const [row] = (await t.app.get(DataSource).query('SELECT id FROM objections WHERE number = $1', [res.body.objectionNumber])) as { id: string }[];
    await t.app.get(DataSource).query('UPDATE objections SET received_at = $2, due_date = $3 WHERE id = $1', [row.id, receivedAt, dueDate]);
    return String(row.id);
  }

  /** The atasan upholds, the requester goes to the Komisi Informasi; dates then pinned into the year. */
  async function upheldAndDisputed(
    r: { number: string; code: string },
    objectionId: string,
    atasanToken: string,
    responseDate: string,
    dispute: { filedOn: string; stage?: string; outcome?: string },
  ): Promise<void> {
    const db = t.app.get(DataSource);
    const decided = await http().post(`/api/v1/objections/${objectionId}/decision`).set(auth(atasanToken)).send({ decision: 'uphold', reasons: 'Alasan pengecualian telah diuji.' });
    expect(decided.status).toBe(201);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
    const [{ number }] = (await db.query('SELECT number FROM objections WHERE id = $1', [objectionId])) as { number: string }[];
    const filed = await http().post(`/api/v1/requests/${r.number}/objections/${number}/dispute`).set('X-Tracking-Code', r.code).send({ filedOn: today, caseNumber: `0${objectionId}/KIP-JATIM/2025` });
    expect(filed.status).toBe(201);
    if (dispute.stage) {
      const moved = await http().post(`/api/v1/disputes/${filed.body.dispute.id}/stage`).set(auth(atasanToken)).send({ stage: dispute.stage, on: today, outcome: dispute.outcome });
      expect([moved.status, moved.body.errors]).toEqual([201, undefined]);
    }
    await db.query('UPDATE objections SET response_date = $2 WHERE id = $1', [objectionId, responseDate]);
    await db.query('UPDATE disputes SET filed_on = $2 WHERE objection_id = $1', [objectionId, dispute.filedOn]);
  }

  const refusal = (ground: string, extra: Record<string, unknown> = {}) => ({
    decision: 'refused', informationHeld: true, reason: 'Dikecualikan.', exemptionGround: ground,
    consequenceTest: { date: '2025-06-02', participants: ['Sekretaris Daerah'], consequence: 'Merugikan.', information: 'Data pribadi pegawai dalam dokumen yang diminta.', publicInterest: 'Membukanya tidak menambah manfaat bagi publik yang sebanding.', legalBasis: 'Pasal 17 huruf h UU 14/2008' }, ...extra,
  });

  beforeAll(async () => {
    t = await startTestApp({ INTAKE_LIMIT_PER_IP_HOUR: '10000' });
    utama = await utamaUnitOf(t.app, '35.78');
    const pelaksana = await createPelaksanaUnit(t.app, '35.78');
    const malang = await utamaUnitOf(t.app, '35.73');
    officer = await createUser(t.app, { role: 'officer', unitId: utama.id });
    pelaksanaOfficer = await createUser(t.app, { role: 'officer', unitId: pelaksana.id });
    supervisor = await createUser(t.app, { role: 'supervisor', bodyId: utama.bodyId });
    stranger = await createUser(t.app, { role: 'officer', unitId: malang.id });
    const tok = await bearerToken(t.app, officer.email);
    const atasanToken = await bearerToken(t.app, supervisor.email);
    const requests = [
      await recorded(tok, utama.id, 'walk_in', '2025-02-03T10:00:00+07:00', { decision: 'granted', informationHeld: true, material: 'DPA 2025', format: 'softcopy', delivery: 'email' }, '2025-02-07T10:00:00+07:00'),
      await recorded(tok, utama.id, 'email', '2025-02-10T09:00:00+07:00', { decision: 'partially_granted', informationHeld: true, material: 'RKA 2025', redactions: 'Nomor rekening', format: 'hardcopy', delivery: 'pickup', exemptionGround: 'h', consequenceTest: refusal('h').consequenceTest }, '2025-02-24T15:00:00+07:00'),
      await recorded(tok, utama.id, 'letter', '2025-06-02T09:00:00+07:00', refusal('h'), '2025-06-04T09:00:00+07:00'),
      await recorded(tok, utama.id, 'phone', '2025-06-03T09:00:00+07:00', refusal('j', { exemptionLaw: 'UU No. 7 Tahun 1992 tentang Perbankan' }), '2025-06-03T14:00:00+07:00'),
      await recorded(tok, utama.id, 'walk_in', '2025-11-03T09:00:00+07:00', { decision: 'not_held', informationHeld: false }, '2025-11-28T09:00:00+07:00'),
      await recorded(tok, utama.id, 'walk_in', '2025-12-01T09:00:00+07:00', null, null),
    ];
    // Objections of 2025: the refusal on h (grounds a, d) upheld within 30 working days and taken to the KI, which rejected it;
    // the refusal on j (ground a) still waiting; the not-held notice (ground d) upheld late, its dispute in mediation.
    const [, , h, j, notHeld] = requests;
    const onH = await objected(h, ['a', 'd'], '2025-06-10T09:00:00+07:00', '2025-07-22');
    await upheldAndDisputed(h, onH, atasanToken, '2025-07-15', { filedOn: '2025-07-25', stage: 'putusan', outcome: 'rejected' });
    await objected(j, ['a'], '2025-06-11T09:00:00+07:00', '2025-07-23');
    const onNotHeld = await objected(notHeld, ['d'], '2025-12-01T09:00:00+07:00', '2026-01-13');
    await upheldAndDisputed(notHeld, onNotHeld, atasanToken, '2026-01-20', { filedOn: '2026-01-27', stage: 'mediasi' });
    for (const r of requests) await r.pin();
    // Another year and another body: not in the report.
    await recorded(tok, utama.id, 'walk_in', '2026-01-05T09:00:00+07:00', null, null);
    await recorded(await bearerToken(t.app, stranger.email), malang.id, 'walk_in', '2025-02-03T10:00:00+07:00', null, null);
  });

  afterAll(async () => {
    await t.close();
  });

  it("should put last year's overdue report on the desk of the body's officers, not on another body's", async () => {
    const own = await (await loginAgent(t.app, pelaksanaOfficer.email)).agent.get('/petugas');
    expect(own.status).toBe(200);
    expect(own.text).toContain('Laporan layanan informasi publik 2025 Pemerintah Kota Surabaya terlambat: batas waktunya 31 Maret 2026');
    const other = await (await loginAgent(t.app, stranger.email)).agent.get('/petugas');
    expect(other.text).not.toContain('Kota Surabaya terlambat');
    expect(other.text).toContain('Laporan layanan informasi publik 2025 Pemerintah Kota Malang');
  });

  it('should refuse citizens, other bodies and bad parameters', async () => {
    expect((await http().get(`/petugas/laporan-tahunan?badan=${utama.bodyId}&tahun=2025`)).status).toBe(303);
    const strangerAgent = await loginAgent(t.app, stranger.email);
    expect((await strangerAgent.agent.get(`/petugas/laporan-tahunan?badan=${utama.bodyId}&tahun=2025`)).status).toBe(404);
    expect((await strangerAgent.postForm(`/petugas/laporan-tahunan/${utama.bodyId}/2025`, NARRATIVE)).status).toBe(404);
    expect((await strangerAgent.agent.get(`/petugas/laporan-tahunan?badan=${utama.bodyId}&tahun=dua-ribu`)).status).toBe(400);
    expect((await http().get('/api/v1/annual-reports/3578/2025')).status).toBe(404);
    expect((await http().get('/laporan-tahunan/3578/2025')).status).toBe(404);
  });

  it('should let only the PPID Utama write the narrative, re-rendering bad input with its message', async () => {
    const sup = await loginAgent(t.app, supervisor.email);
    const page = await sup.agent.get(`/petugas/laporan-tahunan?badan=${utama.bodyId}&tahun=2025`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('Simpan uraian');
    expect((await sup.postForm(`/petugas/laporan-tahunan/${utama.bodyId}/2025`, NARRATIVE)).status).toBe(403);
    const pel = await loginAgent(t.app, pelaksanaOfficer.email);
    expect((await pel.postForm(`/petugas/laporan-tahunan/${utama.bodyId}/2025`, NARRATIVE)).status).toBe(403);

    const ppid = await loginAgent(t.app, officer.email);
    const tooLong = await ppid.postForm(`/petugas/laporan-tahunan/${utama.bodyId}/2025`, { ...NARRATIVE, obstacles: 'x'.repeat(10001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.text).toContain('Kendala paling banyak 10000 karakter.');
    expect(tooLong.text).toContain(NARRATIVE.policy);
    const early = await ppid.postForm(`/petugas/laporan-tahunan/${utama.bodyId}/2025/umumkan`);
    expect(early.status).toBe(400);
    expect(early.text).toContain('Kebijakan layanan informasi wajib diisi');
    const saved = await ppid.postForm(`/petugas/laporan-tahunan/${utama.bodyId}/2025`, NARRATIVE);
    expect(saved.status).toBe(303);
    const after = await ppid.agent.get(saved.headers.location as string);
    expect(after.text).toContain('Uraian laporan tersimpan.');
    expect(after.text).toContain(NARRATIVE.resources);
    const thisYear = await ppid.postForm(`/petugas/laporan-tahunan/${utama.bodyId}/2026/umumkan`);
    expect(thisYear.status).toBe(409);
    expect(thisYear.text).toContain('setelah tahun 2026 berakhir');
  });

  it('should publish once, audited, with every figure of the year and a public page, API and PDF', async () => {
    const ppid = await loginAgent(t.app, officer.email);
    const draft = await ppid.agent.get(`/petugas/laporan-tahunan/${utama.bodyId}/2025.pdf`).buffer(true).parse(binary);
    expect(draft.status).toBe(200);
    expect(await pdfText(draft.body as Buffer)).toContain('RANCANGAN');
    const officerPage = await ppid.agent.get(`/petugas/laporan-tahunan?badan=${utama.bodyId}&tahun=2025`);
    expect(officerPage.status).toBe(200);
    expect(officerPage.text).not.toContain('Belum ada data');
    for (const figure of OBJECTION_FIGURES) expect(officerPage.text.replace(/\s+/g, ' ')).toMatch(figure.html);

    const published = await ppid.postForm(`/petugas/laporan-tahunan/${utama.bodyId}/2025/umumkan`);
    expect(published.status).toBe(303);
    const [audit] = (await t.app.get(DataSource).query(
      `SELECT actor_user_id AS "actorUserId", target_id AS "targetId", details FROM audit_log WHERE action = 'annual_report.published'`,
    )) as { actorUserId: number; targetId: string; details: Record<string, unknown> }[];
    expect(audit).toEqual({ actorUserId: officer.id, targetId: String(utama.bodyId), details: { year: 2025, requests: 6 } });

    const api = await http().get('/api/v1/annual-reports/35.78/2025');
    expect(api.status).toBe(200);
    expect(api.body.narrative).toEqual(NARRATIVE);
    expect(api.body.figures).toEqual({
      year: 2025,
      total: 6,
      byChannel: [
        { channel: 'walk_in', months: [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1], total: 3 },
        { channel: 'email', months: [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], total: 1 },
        { channel: 'letter', months: [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0], total: 1 },
        { channel: 'phone', months: [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0], total: 1 },
      ],
      monthTotals: [0, 2, 0, 0, 0, 2, 0, 0, 0, 0, 1, 1],
      // Taken: 4 (3–7 Feb), 10 (10–24 Feb), 2 (2–4 Jun), 0 (3 Jun), 19 (3–28 Nov).
      workingDays: {
        answered: 5,
        median: 4,
        mean: 7,
        bands: [{ key: '0-5', count: 3 }, { key: '6-10', count: 1 }, { key: '11-17', count: 0 }, { key: '18+', count: 1 }],
        late: 1,
        extended: 0,
      },
      outcomes: { granted: 1, partiallyGranted: 1, refused: 2, notHeld: 1, notDocumented: 0, pending: 1 },
      refusalsByGround: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((g) => ({ ground: g, count: g === 'h' || g === 'j' ? 1 : 0 })),
      // Objections received in 2025; disputes filed in 2025 (the one filed in January 2026 counts next year).
      objections: {
        objections: 3,
        byGround: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((g) => ({ ground: g, count: g === 'a' || g === 'd' ? 2 : 0 })),
        byOutcome: [
          { outcome: 'upheld', count: 2 },
          { outcome: 'overturned', count: 0 },
          { outcome: 'partially_overturned', count: 0 },
          { outcome: 'pending', count: 1 },
        ],
        answered: 2,
        answeredInTime: 1,
        disputes: 1,
        disputesByStage: [
          { stage: 'registered', count: 0 },
          { stage: 'mediasi', count: 0 },
          { stage: 'ajudikasi', count: 0 },
          { stage: 'putusan', count: 1 },
        ],
        disputesByOutcome: [
          { outcome: 'opened', count: 0 },
          { outcome: 'partially_opened', count: 0 },
          { outcome: 'rejected', count: 1 },
          { outcome: 'mediated', count: 0 },
          { outcome: 'withdrawn', count: 0 },
          { outcome: 'pending', count: 0 },
        ],
      },
    });

    const page = await http().get('/laporan-tahunan/3578/2025');
    expect(page.status).toBe(200);
    expect(page.text).toContain(NARRATIVE.policy);
    expect(page.text).not.toContain('Belum ada data');
    for (const figure of OBJECTION_FIGURES) expect(page.text.replace(/\s+/g, ' ')).toMatch(figure.html);
    expect(page.text).not.toContain('Simpan uraian');
    const bodyPage = await http().get('/badan/35.78');
    expect(bodyPage.text).toContain('href="/laporan-tahunan/35.78"');
    const list = await http().get('/laporan-tahunan/35.78');
    expect(list.text).toContain('/laporan-tahunan/3578/2025');

    const pdf = await http().get('/laporan-tahunan/3578/2025.pdf').buffer(true).parse(binary);
    expect(pdf.status).toBe(200);
    await keepPdf('laporan-layanan-informasi-2025.pdf', pdf.body as Buffer);
    const text = (await pdfText(pdf.body as Buffer)).replace(/\s+/g, ' ');
    expect(text).toContain('LAPORAN LAYANAN INFORMASI PUBLIK TAHUN 2025');
    expect(text).toContain('Sepanjang tahun 2025 diterima 6 permohonan informasi publik. 5 di antaranya telah diberi pemberitahuan tertulis dengan median waktu 4 hari kerja');
    expect(text).toContain('Permohonan per bulan menurut saluran');
    expect(text).toContain(NARRATIVE.recommendations);
    expect(text).not.toContain('Belum ada data');
    // Long labels wrap in the table: a hyphen at a line end comes back as "- ".
    for (const figure of OBJECTION_FIGURES) expect(text.replace(/- /g, '-')).toContain(figure.pdf);
    expect(text).not.toContain('RANCANGAN');

    // Published: neither edited nor published again; the desk notice is gone.
    const again = await ppid.postForm(`/petugas/laporan-tahunan/${utama.bodyId}/2025/umumkan`);
    expect(again.status).toBe(409);
    const edit = await ppid.postForm(`/petugas/laporan-tahunan/${utama.bodyId}/2025`, NARRATIVE);
    expect(edit.status).toBe(409);
    expect(edit.text).toContain('sudah diumumkan');
    const desk = await ppid.agent.get('/petugas');
    expect(desk.text).not.toContain('Kota Surabaya terlambat');
    expect(csrfTokenOf(desk.text)).toBeTruthy();
  });
});
