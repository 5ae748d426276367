import type { Browser, Page } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createUser, TEST_PASSWORD } from 'test/support/auth-helpers';
import { describeBrowser, inspectPage, launchBrowser, navigateBy } from 'test/support/browser';
import { startTestApp, TestApp } from 'test/support/test-app';

function overflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
}

describeBrowser('methodology page and monev import at 375 px and 1280 px', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp({}, { listen: true }), launchBrowser()]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it.each([375, 1280])('should show /peringkat/metodologi at %i px without sideways scroll or accessibility violations', async (width) => {
    const context = await browser.newContext({ locale: 'id-ID', viewport: { width, height: 800 } });
    const page = await context.newPage();
    try {
      await page.goto(`${t.url}/peringkat`);
      await navigateBy(page, () => page.getByRole('link', { name: 'Metodologi lengkap' }).first().click());
      expect(new URL(page.url()).pathname).toBe('/peringkat/metodologi');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Metodologi peringkat layanan informasi');
      await expect(page.getByRole('table', { name: /Pembilang dan penyebut/ }).locator('tbody tr').count()).resolves.toBe(13); // the ten of requests, keberatan and reports, then DIP completeness, berkala freshness and the answers published
      await expect(page.getByRole('heading', { name: 'Kapan data diperbarui' }).count()).resolves.toBe(1);
      await expect(overflow(page)).resolves.toBeLessThanOrEqual(0);
      expect(await inspectPage(page, `peringkat-metodologi-${width}`)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.each([375, 1280])('should let the bureau import monev results at %i px and read the report, accessibly and without sideways scroll', async (width) => {
    const bureau = await createUser(t.app, { role: 'bureau' });
    const csv = join(tmpdir(), `monev-${width}.csv`);
    writeFileSync(csv, 'tahun;kode;nilai;kualifikasi\n2025;3576;98,56;Informatif\n2025;3575;80;Informatif\n');
    const context = await browser.newContext({ locale: 'id-ID', viewport: { width, height: 800 } });
    const page = await context.newPage();
    try {
      await page.goto(`${t.url}/masuk`);
      await page.getByLabel('Alamat e-mail', { exact: true }).fill(bureau.email);
      await page.getByLabel('Kata sandi', { exact: true }).fill(TEST_PASSWORD);
      await navigateBy(page, () => page.getByRole('button', { name: 'Masuk', exact: true }).click());
      await navigateBy(page, () => page.getByRole('link', { name: 'Impor hasil monev KI' }).click());
      await page.getByLabel('Berkas CSV hasil monev').setInputFiles(csv);
      await navigateBy(page, () => page.getByRole('button', { name: 'Impor' }).click());
      await expect(page.getByRole('status').filter({ hasText: 'baris disimpan' }).textContent()).resolves.toContain('1 baris ditolak');
      await expect(page.getByRole('table', { name: 'Baris yang ditolak (tidak disimpan)' }).textContent()).resolves.toContain('tidak sesuai dengan nilai 80,00');
      await expect(overflow(page)).resolves.toBeLessThanOrEqual(0);
      expect(await inspectPage(page, `biro-monev-${width}`)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
