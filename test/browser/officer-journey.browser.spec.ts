import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { formatLocalDate } from 'src/common/views/view-helpers';
import { CalendarService } from 'src/modules/calendar/calendar.service';
import { extendDueDate } from 'src/modules/calendar/working-day-calendar';
import { bearerToken, createUser, TEST_PASSWORD, TestUser, utamaUnitOf } from 'test/support/auth-helpers';
import { ACTION_TIMEOUT_MS, NAVIGATION_TIMEOUT_MS, describeBrowser, launchBrowser, inspectPage, navigateBy as navigateAfter } from 'test/support/browser';
import { pdfText } from 'test/support/pdf-text';
import { requestPayload } from 'test/support/request-factory';
import { startTestApp, TestApp } from 'test/support/test-app';

const CITIZEN_NIK = '3578015503900001';
/** Other citizens' online requests, so the queue looks like a working day and the search has something to narrow. */
const OTHER_REQUESTERS = ['Bambang Sutrisno', 'Siti Rahmawati', 'Yohanes Kristianto', 'Ni Luh Ayu Lestari'];
/** Requests an officer recorded with their real, earlier receipt time: some overdue, one due soon. */
const EARLIER_REQUESTS = [
  { name: 'Hendra Gunawan', channel: 'letter', daysAgo: 30 },
  { name: 'Maria Ulfa', channel: 'walk_in', daysAgo: 17 },
  { name: 'Lembaga Bantuan Hukum Surabaya', channel: 'email', daysAgo: 12 },
];
const EXTENSION_DAYS = 5;
const EXTENSION_REASON = 'Dokumen lampiran anggaran masih dihimpun dari tiga perangkat daerah.';
const MATERIAL = 'Salinan Peraturan Daerah APBD 2025 dan lampiran I–IV.';
const REDACTIONS = 'Lampiran IV: nama dan NIP penerima hibah perorangan dihitamkan (Pasal 17 huruf h, rahasia pribadi).';

describeBrowser('officer journey in a browser', () => {
  jest.setTimeout(30_000);

  let t: TestApp;
  let browser: Browser;
  let officerContext: BrowserContext;
  let citizenContext: BrowserContext | undefined;
  /** The page in use: the officer's, then the citizen's. */
  let page: Page;
  let officer: TestUser;
  let surabaya: { id: number; bodyId: number };
  /** Errors the pages themselves report (script errors, CSP violations); none are expected. */
  const pageErrors: string[] = [];
  let registrationNumber = '';
  let trackingCode = '';
  let firstDueDate = '';

  const navigateBy = (click: () => Promise<void>): Promise<void> => navigateAfter(page, click);

  /** Every page visited gets an axe check and a screenshot. */
  async function inspect(name: string): Promise<void> {
    expect(await inspectPage(page, name)).toEqual([]);
  }

  const field = (label: string) => page.getByLabel(label, { exact: true });
  const h1 = () => page.getByRole('heading', { level: 1 }).textContent();
  /** The <dd> beside a <dt> in one of the request page's fact lists. */
  const fact = (term: string) => page.locator(`dl.facts dt:text-is("${term}") + dd`).first();
  const lettersSection = () => page.getByRole('region', { name: 'Surat dan dokumen' });

  async function newPage(context: BrowserContext): Promise<Page> {
    const p = await context.newPage();
    // Fail a step quickly rather than at the Jest timeout; later steps then fail fast too.
    p.setDefaultTimeout(ACTION_TIMEOUT_MS);
    p.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
    p.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
    p.on('console', (m) => {
      // Failed loads are judged below by URL: a page answered 400 on purpose is not an error.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) pageErrors.push(`console: ${m.text()}`);
    });
    p.on('response', (r) => {
      const subresource = r.request().resourceType() !== 'document';
      if (r.status() >= 400 && subresource) pageErrors.push(`${r.status()} ${r.url()}`);
    });
    return p;
  }

  async function recordEarlier(token: string, r: (typeof EARLIER_REQUESTS)[number]): Promise<void> {
    const receivedAt = new Date(Date.now() - r.daysAgo * 86_400_000).toISOString();
    const res = await request(t.app.getHttpServer())
      .post('/api/v1/offline-requests')
      .set('Authorization', `Bearer ${token}`)
      .send({ ...requestPayload(surabaya.id, { requester: { name: r.name } }), channel: r.channel, receivedAt });
    if (res.status !== 201) throw new Error(`recording failed with ${res.status}: ${JSON.stringify(res.body)}`);
  }

  async function fileRequest(name?: string): Promise<{ registrationNumber: string; trackingCode: string; dueDate: string }> {
    const payload = requestPayload(surabaya.id, name ? { requester: { name } } : {});
    const res = await request(t.app.getHttpServer()).post('/api/v1/requests').send(payload);
    if (res.status !== 201) throw new Error(`filing failed with ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as { registrationNumber: string; trackingCode: string; dueDate: string };
  }

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp({ INTAKE_LIMIT_PER_IP_HOUR: '1000' }, { listen: true }), launchBrowser()]);
    surabaya = await utamaUnitOf(t.app, '35.78');
    officer = await createUser(t.app, { role: 'officer', unitId: surabaya.id, name: 'Rina Wulandari' });
    for (const name of OTHER_REQUESTERS.slice(0, 2)) await fileRequest(name);
    // The citizen files through the public API, as the form or a partner app would.
    const filed = await fileRequest();
    ({ registrationNumber, trackingCode } = filed);
    firstDueDate = filed.dueDate;
    for (const name of OTHER_REQUESTERS.slice(2)) await fileRequest(name);
    const token = await bearerToken(t.app, officer.email);
    for (const r of EARLIER_REQUESTS) await recordEarlier(token, r);
    officerContext = await browser.newContext({ acceptDownloads: true, locale: 'id-ID', viewport: { width: 1280, height: 900 } });
    page = await newPage(officerContext);
  }, 180_000);

  afterAll(async () => {
    await citizenContext?.close();
    await officerContext?.close();
    await browser?.close();
    await t?.close();
  });

  it('should send the officer to the sign-in page when they open the queue without a session', async () => {
    await page.goto(`${t.url}/petugas`);
    const url = new URL(page.url());
    expect(url.pathname).toBe('/masuk');
    expect(url.searchParams.get('next')).toBe('/petugas');
    await expect(h1()).resolves.toBe('Masuk');
    await inspect('petugas-01-masuk');
  });

  it('should bring the officer back to the queue with every open request when they sign in', async () => {
    await field('Alamat e-mail').fill(officer.email);
    await field('Kata sandi').fill(TEST_PASSWORD);
    await navigateBy(() => page.getByRole('button', { name: 'Masuk', exact: true }).click());

    expect(new URL(page.url()).pathname).toBe('/petugas');
    await expect(h1()).resolves.toBe('Antrean permohonan');
    await expect(page.getByRole('navigation', { name: 'Navigasi utama' }).textContent()).resolves.toContain('Rina Wulandari');
    await expect(page.locator('table.queue tbody tr').count()).resolves.toBe(OTHER_REQUESTERS.length + EARLIER_REQUESTS.length + 1);
    // Ordered by due date: the overdue request received longest ago comes first.
    await expect(page.locator('table.queue tbody tr').first().textContent()).resolves.toContain(EARLIER_REQUESTS[0].name);
    await expect(page.locator('table.queue tbody tr').first().locator('.state').textContent()).resolves.toBe('Terlambat');
    await inspect('petugas-02-antrean');
  });

  it('should narrow the queue to the citizen\'s request when the officer searches its registration number', async () => {
    await field('Cari nomor atau nama').fill(registrationNumber);
    await navigateBy(() => page.getByRole('button', { name: 'Saring' }).click());

    expect(new URL(page.url()).searchParams.get('q')).toBe(registrationNumber);
    const rows = page.locator('table.queue tbody tr');
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().textContent()).resolves.toContain('Dyah Ayu Pitaloka');
    await expect(rows.first().textContent()).resolves.toContain('Diterima');
    await expect(field('Cari nomor atau nama').inputValue()).resolves.toBe(registrationNumber);
    await inspect('petugas-03-antrean-cari');
  });

  it('should open the request with the requester\'s full NIK for an officer of the receiving unit', async () => {
    await navigateBy(() => page.getByRole('link', { name: registrationNumber, exact: true }).click());

    expect(new URL(page.url()).pathname).toMatch(/^\/petugas\/permohonan\/\d+$/);
    await expect(h1()).resolves.toBe(`Permohonan ${registrationNumber}`);
    await expect(fact('Status').textContent()).resolves.toBe('Diterima');
    await expect(fact('Batas waktu').textContent()).resolves.toContain(formatLocalDate(firstDueDate));
    const nik = await fact('NIK').textContent();
    expect(nik).toContain(CITIZEN_NIK);
    expect(nik).not.toContain('disamarkan');
    await expect(lettersSection().textContent()).resolves.toContain('Belum ada.');
    await inspect('petugas-04-permohonan');
  });

  it('should move the due date by five working days and list the extension letter when the officer extends', async () => {
    const calendar = await t.app.get(CalendarService).calendarFor(surabaya.bodyId);
    const newDueDate = extendDueDate(calendar, firstDueDate, EXTENSION_DAYS).dueDate;
    expect(newDueDate > firstDueDate).toBe(true);

    await field('Jumlah hari kerja').selectOption(String(EXTENSION_DAYS));
    await field('Alasan tertulis').fill(EXTENSION_REASON);
    await navigateBy(() => page.getByRole('button', { name: 'Perpanjang dan kirim surat' }).click());

    expect(new URL(page.url()).searchParams.get('selesai')).toBe('perpanjang');
    await expect(page.getByRole('status').textContent()).resolves.toContain('Perpanjangan waktu tersimpan');
    const due = await fact('Batas waktu').textContent();
    expect(due).toContain(formatLocalDate(newDueDate));
    expect(due).toContain(`diperpanjang ${EXTENSION_DAYS} hari kerja`);
    await expect(fact('Status').textContent()).resolves.toBe('Sedang diproses');
    await expect(lettersSection().getByRole('link', { name: 'Surat pemberitahuan perpanjangan waktu' }).isVisible()).resolves.toBe(true);
    const extension = page.locator('ol.timeline > li').filter({ hasText: 'Waktu pemberian informasi diperpanjang' });
    await expect(extension.textContent()).resolves.toContain(`${formatLocalDate(firstDueDate)} → ${formatLocalDate(newDueDate)}`);
    await expect(extension.textContent()).resolves.toContain(EXTENSION_REASON);
    // An extension is allowed once (Pasal 22(8)): the form is gone.
    await expect(page.getByRole('button', { name: 'Perpanjang dan kirim surat' }).count()).resolves.toBe(0);
    await inspect('petugas-05-diperpanjang');
  });

  it('should keep the request open and list what is missing when the officer refuses without a consequence test', async () => {
    await page.getByRole('radio', { name: 'Ditolak (pengecualian Pasal 17)' }).check();
    await field('Alasan pengecualian Pasal 17').selectOption('h');
    await field('Alasan penolakan (wajib bila ditolak) atau keterangan').fill('Memuat data pribadi penerima hibah.');
    await navigateBy(() => page.getByRole('button', { name: 'Simpan dan kirim surat' }).click());

    // The summary sits in the notice form's own section and takes focus; each message is beside its field too.
    const errors = page.locator('#aksi-pemberitahuan [data-error-summary]');
    await expect(errors.getByRole('heading').textContent()).resolves.toBe('Pemberitahuan belum tersimpan');
    await expect(page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id)).resolves.toBe('ringkasan-galat-pemberitahuan');
    await expect(errors.textContent()).resolves.toContain('Tanggal uji konsekuensi wajib diisi.');
    await expect(errors.textContent()).resolves.toContain('Peserta uji konsekuensi wajib diisi.');
    await expect(errors.textContent()).resolves.toContain('Konsekuensi bila informasi dibuka wajib diisi.');
    await expect(page.locator('#e-pemberitahuan-consequenceTest_date').textContent()).resolves.toContain('Tanggal uji konsekuensi wajib diisi.');
    await expect(fact('Status').textContent()).resolves.toBe('Sedang diproses');
    await expect(lettersSection().getByRole('link').count()).resolves.toBe(1);
    await inspect('petugas-06-pemberitahuan-galat');
  });

  it('should answer the request and list the notice letter when the officer grants it in part', async () => {
    await page.getByRole('radio', { name: 'Diberikan sebagian' }).check();
    await page.getByRole('radio', { name: 'Ya, dikuasai' }).check();
    await field('Bahan informasi yang diberikan').fill(MATERIAL);
    await field('Bagian yang dihitamkan dan alasannya (diberikan sebagian)').fill(REDACTIONS);
    await field('Bentuk informasi').selectOption('softcopy');
    await field('Cara penyampaian').selectOption('email');
    await field('Biaya (rupiah; 0 bila tanpa biaya)').fill('0');
    // The part blacked out is withheld under Pasal 17: its ground and consequence test are asked too.
    await expect(field('Alasan pengecualian Pasal 17').isVisible()).resolves.toBe(true);
    await field('Alasan pengecualian Pasal 17').selectOption('h');
    await field('Informasi yang dikecualikan').fill('Nama dan NIP penerima hibah perorangan dalam Lampiran IV.');
    await field('Tanggal uji konsekuensi').fill('2025-11-20');
    await field('Peserta uji konsekuensi (satu per baris)').fill('Sekretaris Daerah\nPPID Utama');
    await field('Konsekuensi bila informasi dibuka').fill('Mengungkap rahasia pribadi penerima hibah.');
    await field('Alasan kepentingan publik tidak lebih besar').fill('Jumlah dan tujuan hibah tetap diberikan; identitas penerima tidak menambah manfaat bagi publik.');
    await field('Dasar hukum pengecualian').fill('Pasal 17 huruf h UU 14/2008');
    await field('Alasan penolakan (wajib bila ditolak) atau keterangan').fill('');
    await navigateBy(() => page.getByRole('button', { name: 'Simpan dan kirim surat' }).click());

    expect(new URL(page.url()).searchParams.get('selesai')).toBe('pemberitahuan');
    await expect(page.getByRole('status').textContent()).resolves.toContain('Pemberitahuan tertulis tersimpan');
    await expect(fact('Status').textContent()).resolves.toBe('Sudah dijawab — keputusan: Diberikan sebagian');
    const letters = lettersSection().getByRole('link');
    await expect(letters.allTextContents()).resolves.toEqual(['Surat pemberitahuan perpanjangan waktu', 'Surat pemberitahuan tertulis']);
    await expect(page.locator('ol.timeline > li').filter({ hasText: 'Pemberitahuan tertulis disampaikan' }).count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'Simpan dan kirim surat' }).count()).resolves.toBe(0);
    await inspect('petugas-07-dijawab');
  });

  it('should show the citizen status Sudah dijawab, both events and both letters on the tracking page', async () => {
    // Another person on another device: no officer cookies.
    citizenContext = await browser.newContext({ acceptDownloads: true, locale: 'id-ID', viewport: { width: 1280, height: 900 } });
    page = await newPage(citizenContext);
    await page.goto(`${t.url}/lacak`);
    await field('Nomor pendaftaran').fill(registrationNumber);
    await field('Kode lacak').fill(trackingCode);
    await navigateBy(() => page.getByRole('button', { name: 'Lacak', exact: true }).click());

    await expect(h1()).resolves.toBe(`Permohonan ${registrationNumber}`);
    await expect(page.getByRole('heading', { name: 'Status: Sudah dijawab' }).isVisible()).resolves.toBe(true);
    const timeline = await page.locator('ol.timeline > li strong').allTextContents();
    expect(timeline).toEqual(
      expect.arrayContaining(['Permohonan diterima dan didaftarkan', 'Waktu pemberian informasi diperpanjang', 'Pemberitahuan tertulis disampaikan']),
    );
    // The officer's page carries the reason; the requester's timeline has no internal entries or officer names.
    await expect(page.locator('main').textContent()).resolves.not.toContain('Rina Wulandari');
    const letters = page.locator('ul.documents > li');
    await expect(letters.count()).resolves.toBe(2);
    await expect(letters.nth(0).textContent()).resolves.toContain('Surat pemberitahuan perpanjangan waktu');
    await expect(letters.nth(1).textContent()).resolves.toContain('Surat pemberitahuan tertulis');
    await inspect('petugas-08-lacak-dijawab');
  });

  it('should download the notice letter as a PDF naming the request and the redaction when the citizen clicks Unduh', async () => {
    const notice = page.locator('ul.documents > li').filter({ hasText: 'Surat pemberitahuan tertulis' });
    const [download] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: 'Unduh' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^surat-.+\.pdf$/);
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    expect(text).toContain(registrationNumber);
    expect(text).toContain('Lampiran IV');
  });

  it('should raise no script errors or CSP violations on any page of the journey', () => {
    expect(pageErrors).toEqual([]);
  });
});
