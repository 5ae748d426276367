import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ACTION_TIMEOUT_MS, NAVIGATION_TIMEOUT_MS, describeBrowser, launchBrowser, inspectPage, navigateBy as navigateAfter } from 'test/support/browser';
import { pdfText } from 'test/support/pdf-text';
import { TINY_PNG } from 'test/support/request-factory';
import { startTestApp, TestApp } from 'test/support/test-app';

const UNIT_LINK = 'Ajukan permohonan ke PPID Utama Kota Surabaya';
const VALID_NIK = '3578015503900001';
/** Day 32 in the NIK's birth-date digits: right length, wrong content. */
const NIK_WITH_BAD_BIRTH_DATE = '3578013203900001';

const TYPED = {
  name: 'Dyah Ayu Pitaloka',
  address: 'Jl. Pemuda No. 17, Surabaya',
  occupation: 'Wiraswasta',
  phone: '081234567890',
  email: 'dyah.pitaloka@contoh.id',
  information: 'Dokumen anggaran pendapatan dan belanja daerah tahun 2025 beserta lampirannya.',
  purpose: 'Bahan penelitian tugas akhir.',
};

describeBrowser('citizen journey in a browser', () => {
  jest.setTimeout(30_000);

  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let fileDir: string;
  let identityDocument: string;
  /** Errors the page itself reports (script errors, CSP violations); none are expected. */
  const pageErrors: string[] = [];
  let registrationNumber = '';
  let trackingCode = '';

  const navigateBy = (click: () => Promise<void>): Promise<void> => navigateAfter(page, click);

  /** Every page visited gets an axe check and a screenshot. */
  async function inspect(name: string): Promise<void> {
    expect(await inspectPage(page, name)).toEqual([]);
  }

  const field = (label: string) => page.getByLabel(label, { exact: true });

  beforeAll(async () => {
    fileDir = mkdtempSync(join(tmpdir(), 'portal-kip-browser-'));
    identityDocument = join(fileDir, 'ktp.png');
    writeFileSync(identityDocument, TINY_PNG);
    [t, browser] = await Promise.all([startTestApp({ INTAKE_LIMIT_PER_IP_HOUR: '1000' }, { listen: true }), launchBrowser()]);
    context = await browser.newContext({ acceptDownloads: true, locale: 'id-ID', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    // Fail a step quickly rather than at the Jest timeout; later steps then fail fast too.
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
    page.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
    page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      // Failed loads are judged below by URL: a page answered 400 or 404 on purpose is not an error.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) pageErrors.push(`console: ${m.text()}`);
    });
    page.on('response', (r) => {
      const subresource = r.request().resourceType() !== 'document';
      if (r.status() >= 400 && subresource) pageErrors.push(`${r.status()} ${r.url()}`);
    });
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
    if (fileDir) rmSync(fileDir, { recursive: true, force: true });
  });

  it('should list Kota Surabaya on the home page and show its PPID units when the citizen clicks it', async () => {
    await page.goto(`${t.url}/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Ajukan permohonan informasi publik');
    await inspect('01-beranda');

    await navigateBy(() => page.getByRole('link', { name: 'Pemerintah Kota Surabaya', exact: true }).click());
    expect(new URL(page.url()).pathname).toBe('/badan/35.78');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Pemerintah Kota Surabaya');
    await inspect('02-badan-publik');
  });

  it('should open the request form addressed to the PPID Utama when the citizen picks it', async () => {
    await navigateBy(() => page.getByRole('link', { name: UNIT_LINK }).click());
    expect(new URL(page.url()).pathname).toBe('/permohonan/baru');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Formulir permohonan informasi publik');
    await expect(page.locator('main').textContent()).resolves.toContain('PPID Utama Kota Surabaya');
    await inspect('03-formulir');
  });

  it('should come back with the error summary, the message beside the field and the input kept when the NIK is wrong', async () => {
    await page.getByRole('radio', { name: 'Perorangan' }).check();
    await field('Nama lengkap').fill(TYPED.name);
    await field('NIK (perorangan dan kelompok orang)').fill(NIK_WITH_BAD_BIRTH_DATE);
    await field('Alamat').fill(TYPED.address);
    await field('Pekerjaan').fill(TYPED.occupation);
    await field('Nomor telepon').fill(TYPED.phone);
    await field('Alamat e-mail').fill(TYPED.email);
    await field('Rincian informasi yang dibutuhkan').fill(TYPED.information);
    await field('Tujuan penggunaan informasi').fill(TYPED.purpose);
    await page.getByRole('radio', { name: 'Mendapatkan salinan (softcopy)' }).check();
    await page.getByRole('radio', { name: 'Surat elektronik (e-mail)' }).check();
    await field('Unggah KTP, akta pendirian badan hukum, atau surat kuasa').setInputFiles(identityDocument);
    await navigateBy(() => page.getByRole('button', { name: 'Kirim permohonan' }).click());

    await inspect('04-formulir-galat');

    // The summary sits above the form and is announced.
    const summary = page.getByRole('alert');
    await expect(summary.isVisible()).resolves.toBe(true);
    // The wrong NIK, and the file chosen before, which the browser does not send again.
    await expect(summary.getByRole('heading').textContent()).resolves.toBe('Ada 2 isian yang perlu diperbaiki');
    await expect(summary.getByRole('link', { name: /Pilih kembali berkas dokumen identitas/ }).count()).resolves.toBe(1);
    const summaryBox = await summary.boundingBox();
    const formBox = await page.locator('#formulir').boundingBox();
    expect(summaryBox!.y).toBeLessThan(formBox!.y);

    // The message beside the field, tied to the input for screen readers.
    const nik = field('NIK (perorangan dan kelompok orang)');
    const message = page.locator('#e-requester_nik');
    await expect(message.isVisible()).resolves.toBe(true);
    await expect(message.textContent()).resolves.toContain('Angka tanggal lahir pada NIK');
    await expect(nik.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(nik.getAttribute('aria-describedby')).resolves.toContain('e-requester_nik');

    // Everything typed is still there; only the file must be chosen again, and the form says so.
    await expect(nik.inputValue()).resolves.toBe(NIK_WITH_BAD_BIRTH_DATE);
    await expect(field('Nama lengkap').inputValue()).resolves.toBe(TYPED.name);
    await expect(field('Alamat').inputValue()).resolves.toBe(TYPED.address);
    await expect(field('Pekerjaan').inputValue()).resolves.toBe(TYPED.occupation);
    await expect(field('Nomor telepon').inputValue()).resolves.toBe(TYPED.phone);
    await expect(field('Alamat e-mail').inputValue()).resolves.toBe(TYPED.email);
    await expect(field('Rincian informasi yang dibutuhkan').inputValue()).resolves.toBe(TYPED.information);
    await expect(field('Tujuan penggunaan informasi').inputValue()).resolves.toBe(TYPED.purpose);
    await expect(page.getByRole('radio', { name: 'Perorangan' }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('radio', { name: 'Mendapatkan salinan (softcopy)' }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('radio', { name: 'Surat elektronik (e-mail)' }).isChecked()).resolves.toBe(true);
    await expect(field('Unggah KTP, akta pendirian badan hukum, atau surat kuasa').inputValue()).resolves.toBe('');
    await expect(page.locator('#e-identityDocument').textContent()).resolves.toContain('Pilih kembali berkas dokumen identitas');
  });

  it('should put the cursor in the NIK input when the citizen follows the link in the error summary', async () => {
    const link = page.getByRole('alert').getByRole('link', { name: /Angka tanggal lahir pada NIK/ });
    const nik = field('NIK (perorangan dan kelompok orang)');
    const href = await link.getAttribute('href');
    await expect(nik.getAttribute('id')).resolves.toBe(href?.slice(1));
    await link.click();
    const isFocused = nik.evaluate((el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement);
    await expect(isFocused).resolves.toBe(true);
  });

  it('should register the request and show the number and tracking code when the citizen corrects the NIK', async () => {
    await field('NIK (perorangan dan kelompok orang)').fill(VALID_NIK);
    await field('Unggah KTP, akta pendirian badan hukum, atau surat kuasa').setInputFiles(identityDocument);
    await navigateBy(() => page.getByRole('button', { name: 'Kirim permohonan' }).click());

    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Permohonan Anda telah diterima');
    registrationNumber = (await page.locator('#nomor-pendaftaran').textContent()) ?? '';
    trackingCode = (await page.locator('#kode-pelacakan').textContent()) ?? '';
    expect(registrationNumber).toMatch(/^3578-U-\d{4}-\d{5}$/);
    expect(trackingCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await expect(page.locator('main').textContent()).resolves.not.toContain(VALID_NIK);
    await inspect('05-konfirmasi');
  });

  it('should download the receipt as a PDF carrying the registration number when the citizen clicks the button', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh tanda bukti (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`tanda-terima-${registrationNumber}.pdf`);
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(2_000);
    await expect(pdfText(pdf)).resolves.toContain(registrationNumber);
  });

  it('should show status Diterima and the timeline when the citizen tracks the request with number and code', async () => {
    await navigateBy(() => page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Lacak Permohonan' }).click());
    expect(new URL(page.url()).pathname).toBe('/lacak');
    await inspect('06-lacak');

    await field('Nomor pendaftaran').fill(registrationNumber);
    await field('Kode lacak').fill(trackingCode);
    await navigateBy(() => page.getByRole('button', { name: 'Lacak', exact: true }).click());

    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(`Permohonan ${registrationNumber}`);
    await expect(page.getByRole('heading', { name: 'Status: Diterima' }).isVisible()).resolves.toBe(true);
    const timeline = page.locator('ol.timeline > li');
    await expect(timeline.count()).resolves.toBeGreaterThanOrEqual(1);
    await expect(timeline.first().textContent()).resolves.toContain('Permohonan diterima dan didaftarkan');
    await inspect('07-hasil-lacak');
  });

  it('should show the working-day calendar when the citizen opens it from the menu', async () => {
    await navigateBy(() => page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Kalender Hari Kerja' }).click());
    expect(new URL(page.url()).pathname).toBe('/kalender');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/^Kalender hari kerja \d{4}$/);
    await inspect('08-kalender');
  });

  it('should raise no script errors or CSP violations on any page of the journey', () => {
    expect(pageErrors).toEqual([]);
  });
});
