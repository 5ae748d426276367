import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createUser, TEST_PASSWORD, TestUser, utamaUnitOf } from 'test/support/auth-helpers';
import { ACTION_TIMEOUT_MS, NAVIGATION_TIMEOUT_MS, describeBrowser, inspectPage, launchBrowser, navigateBy } from 'test/support/browser';
import { startTestApp, TestApp } from 'test/support/test-app';

const ASKER = { name: 'Sekar Ayuningtyas', email: 'sekar.ayuningtyas@contoh.id' };
const QUESTION = 'Ke PPID mana saya meminta data jumlah guru honorer per kecamatan tahun 2025?';
const ANSWER = 'Data guru honorer dikuasai Dinas Pendidikan; ajukan permohonan ke PPID Pelaksana Dinas Pendidikan melalui portal ini.';

/** How far the page is wider than the window: 0 means no sideways scrolling. */
function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
}

describeBrowser('a citizen asking a PPID and an officer answering', () => {
  jest.setTimeout(30_000);

  let t: TestApp;
  let browser: Browser;
  let citizenContext: BrowserContext;
  let officerContext: BrowserContext;
  let citizen: Page;
  let officer: Page;
  let rina: TestUser;
  let number = '';
  let code = '';
  const pageErrors: string[] = [];

  /** The page at 360, 375 and 1280 px: no sideways scroll and no axe violation at any. */
  async function inspectBothWidths(page: Page, name: string): Promise<void> {
    for (const width of [360, 375, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await expect(sidewaysScroll(page)).resolves.toBeLessThanOrEqual(0);
      expect(await inspectPage(page, `${name}-${width}`)).toEqual([]);
    }
    await page.setViewportSize({ width: 375, height: 800 });
  }

  async function newPage(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
    page.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
    page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) pageErrors.push(`console: ${m.text()}`);
    });
    return page;
  }

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp({ INTAKE_LIMIT_PER_IP_HOUR: '1000' }, { listen: true }), launchBrowser()]);
    const surabaya = await utamaUnitOf(t.app, '35.78');
    rina = await createUser(t.app, { role: 'officer', unitId: surabaya.id, name: 'Rina Wulandari' });
    citizenContext = await browser.newContext({ locale: 'id-ID', viewport: { width: 375, height: 800 } });
    officerContext = await browser.newContext({ locale: 'id-ID', viewport: { width: 375, height: 800 } });
    citizen = await newPage(citizenContext);
    officer = await newPage(officerContext);
  }, 180_000);

  afterAll(async () => {
    await citizenContext?.close();
    await officerContext?.close();
    await browser?.close();
    await t?.close();
  });

  it('should lead from the body page to the form, say what is missing, and give a number and a code at once', async () => {
    await citizen.goto(`${t.url}/konsultasi`);
    await expect(citizen.getByLabel('Badan publik yang ditanya').isVisible()).resolves.toBe(true);
    await inspectBothWidths(citizen, 'konsultasi-00-pilih-badan');
    await citizen.goto(`${t.url}/badan/35.78`);
    await navigateBy(citizen, () => citizen.getByRole('link', { name: /Tanya PPID .* melalui konsultasi daring/ }).click());
    await expect(citizen.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Konsultasi daring: Pemerintah Kota Surabaya');
    await inspectBothWidths(citizen, 'konsultasi-01-formulir');
    await navigateBy(citizen, () => citizen.getByRole('button', { name: 'Kirim pertanyaan' }).click());
    const summary = (await citizen.locator('.error-summary').textContent()) ?? '';
    expect(summary).toContain('Nama wajib diisi.');
    expect(summary).toContain('Pertanyaan wajib diisi.');
    await inspectBothWidths(citizen, 'konsultasi-02-galat');

    await citizen.getByLabel('Nama', { exact: true }).fill(ASKER.name);
    await citizen.getByLabel('Alamat e-mail', { exact: true }).fill(ASKER.email);
    await citizen.getByLabel('Pertanyaan', { exact: true }).fill(QUESTION);
    await citizen.getByLabel(/Saya setuju pertanyaan dan jawabannya diterbitkan/).check();
    await navigateBy(citizen, () => citizen.getByRole('button', { name: 'Kirim pertanyaan' }).click());
    await expect(citizen.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Pertanyaan Anda telah diterima');
    number = (await citizen.locator('#nomor-konsultasi').textContent()) ?? '';
    code = (await citizen.locator('#kode-lacak').textContent()) ?? '';
    expect(number).toMatch(/^3578-KON-\d{4}-\d{5}$/);
    expect(code).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    await inspectBothWidths(citizen, 'konsultasi-03-diterima');
  });

  it('should put it on the officer’s desk, where the officer answers it and publishes it as a FAQ entry', async () => {
    // Two windows in one browser: the one in use is brought to the front, so that Chromium keeps painting it.
    await officer.bringToFront();
    await officer.goto(`${t.url}/petugas/konsultasi`);
    await officer.getByLabel('Alamat e-mail').fill(rina.email);
    await officer.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await navigateBy(officer, () => officer.getByRole('button', { name: 'Masuk', exact: true }).click());
    expect(new URL(officer.url()).pathname).toBe('/petugas/konsultasi');
    await expect(officer.locator('#konsultasi-terbuka').textContent()).resolves.toContain(number);
    await inspectBothWidths(officer, 'konsultasi-04-meja');
    await navigateBy(officer, () => officer.getByRole('link', { name: `Konsultasi ${number}` }).click());
    await expect(officer.getByText(ASKER.name, { exact: false }).first().isVisible()).resolves.toBe(true);
    await inspectBothWidths(officer, 'konsultasi-05-rincian');
    await navigateBy(officer, () => officer.getByRole('button', { name: 'Kirim jawaban' }).click());
    await expect(officer.locator('#aksi-jawab .error-summary').textContent()).resolves.toContain('Jawaban wajib diisi.');
    await officer.getByLabel('Jawaban', { exact: true }).fill(ANSWER);
    await navigateBy(officer, () => officer.getByRole('button', { name: 'Kirim jawaban' }).click());
    await expect(officer.getByRole('status').textContent()).resolves.toContain('Jawaban tersimpan');
    await inspectBothWidths(officer, 'konsultasi-06-dijawab');
    await navigateBy(officer, () => officer.getByRole('button', { name: 'Terbitkan' }).click());
    await expect(officer.getByRole('status').textContent()).resolves.toContain('diterbitkan sebagai tanya jawab publik');
  });

  it('should show the citizen the answer on the tracking page, and the FAQ without the asker', async () => {
    await citizen.bringToFront();
    await citizen.goto(`${t.url}/konsultasi/lacak?nomor=${number}`);
    await inspectBothWidths(citizen, 'konsultasi-06b-lacak-formulir');
    await citizen.getByLabel('Kode lacak', { exact: true }).fill(code);
    await navigateBy(citizen, () => citizen.getByRole('button', { name: 'Lacak' }).click());
    await expect(citizen.locator('#jawaban').textContent()).resolves.toBe(ANSWER);
    await inspectBothWidths(citizen, 'konsultasi-07-lacak');

    await citizen.goto(`${t.url}/konsultasi/faq/35.78`);
    const faq = (await citizen.locator('main').textContent()) ?? '';
    expect(faq).toContain(QUESTION);
    expect(faq).toContain(ANSWER);
    expect(faq).not.toContain(ASKER.name);
    expect(faq).not.toContain(ASKER.email);
    await inspectBothWidths(citizen, 'konsultasi-08-faq');
  });

  it('should open the request form filled in with what was typed, with one click', async () => {
    await citizen.goto(`${t.url}/konsultasi/lacak?nomor=${number}`);
    await citizen.getByLabel('Kode lacak', { exact: true }).fill(code);
    await navigateBy(citizen, () => citizen.getByRole('button', { name: 'Lacak' }).click());
    await navigateBy(citizen, () => citizen.getByRole('button', { name: 'Jadikan permohonan informasi' }).click());
    await expect(citizen.getByLabel('Nama lengkap').inputValue()).resolves.toBe(ASKER.name);
    await expect(citizen.getByLabel('Alamat e-mail').inputValue()).resolves.toBe(ASKER.email);
    await expect(citizen.getByLabel('Rincian informasi yang dibutuhkan').inputValue()).resolves.toBe(QUESTION);
    await inspectBothWidths(citizen, 'konsultasi-09-permohonan');
    expect(pageErrors).toEqual([]);
  });
});
