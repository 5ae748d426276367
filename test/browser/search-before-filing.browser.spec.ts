import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearerToken, createUser, utamaUnitOf } from 'test/support/auth-helpers';
import { ACTION_TIMEOUT_MS, describeBrowser, inspectPage, launchBrowser, navigateBy } from 'test/support/browser';
import { startTestApp, TestApp } from 'test/support/test-app';

describeBrowser('A citizen finds public information before filing a request', () => {
  let t: TestApp;
  let browser: Browser;
  let unitId: number;
  const title = 'Dokumen Penganggaran Perangkat Daerah 2025';

  const overflow = (page: Page) =>
    page.evaluate(() => {
      const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });

  async function context(width: number): Promise<{ context: BrowserContext; page: Page }> {
    const ctx = await browser.newContext({ locale: 'id-ID', viewport: { width, height: 800 } });
    const page = await ctx.newPage();
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
    return { context: ctx, page };
  }

  const requestCount = async () => ((await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM requests')) as { n: number }[])[0].n;

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp({}, { listen: true }), launchBrowser()]);
    const unit = await utamaUnitOf(t.app, '35.78');
    unitId = unit.id;
    const token = await bearerToken(t.app, (await createUser(t.app, { role: 'officer', unitId: unit.id })).email);
    const res = await request(t.app.getHttpServer()).post('/api/v1/dip/items').set({ Authorization: `Bearer ${token}` }).send({
      unitId: unit.id,
      category: 'berkala',
      title,
      summary: 'Rencana kerja dan penganggaran seluruh perangkat daerah Kota Surabaya tahun 2025.',
      responsibleOfficial: 'Kepala Badan Perencanaan Pembangunan Daerah',
      madeWhen: 'Januari 2025',
      madeWhere: 'Surabaya',
      form: 'electronic',
      retention: '10 tahun',
      updatePeriodMonths: 6,
      lastUpdatedOn: '2025-07-01',
      links: [],
    });
    expect(res.status).toBe(201);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it.each([375, 1280])('should suggest a public item while the request is typed at %i px, so the citizen opens it and need not file', async (width) => {
    const before = await requestCount();
    const { context: ctx, page } = await context(width);
    try {
      await page.goto(`${t.url}/permohonan/baru?unit=${unitId}`);
      // Without typing, the form offers the search for this body.
      await expect(page.getByRole('link', { name: /cari di informasi publik Pemerintah Kota Surabaya/ }).count()).resolves.toBe(1);
      await page.getByLabel('Rincian informasi yang dibutuhkan').pressSequentially('Saya mohon salinan rencana kerja dan anggar', { delay: 20 });
      const suggestion = page.getByRole('list', { name: 'Mungkin informasi ini sudah tersedia' }).getByRole('link', { name: title });
      await suggestion.waitFor({ state: 'visible' });
      await expect(page.getByRole('status').filter({ hasText: 'informasi publik yang mungkin sudah tersedia' }).count()).resolves.toBe(1);
      expect(await inspectPage(page, `request-suggestions-${width}`)).toEqual([]);
      await expect(overflow(page)).resolves.toBeLessThanOrEqual(0);

      await navigateBy(page, () => suggestion.click());
      await expect(page.getByRole('heading', { name: title, level: 1 }).count()).resolves.toBe(1);
      await expect(page.getByText('Rencana kerja dan penganggaran seluruh perangkat daerah').count()).resolves.toBe(1);
      expect(await inspectPage(page, `request-suggestion-item-${width}`)).toEqual([]);
      await expect(requestCount()).resolves.toBe(before);
    } finally {
      await ctx.close();
    }
  });

  it.each([360, 1280])('should let a citizen search the whole province from the home page at %i px', async (width) => {
    const { context: ctx, page } = await context(width);
    try {
      await page.goto(`${t.url}/`);
      await navigateBy(page, () => page.getByRole('link', { name: 'cari informasi publik' }).click());
      expect(await inspectPage(page, `search-empty-${width}`)).toEqual([]);
      await page.getByLabel('Kata kunci').fill('anggaran');
      await page.getByLabel('Badan publik').selectOption({ label: 'Pemerintah Kota Surabaya' });
      await navigateBy(page, () => page.getByRole('button', { name: 'Cari', exact: true }).click());
      await expect(page.getByText('1 informasi ditemukan').count()).resolves.toBe(1);
      expect(await inspectPage(page, `search-results-${width}`)).toEqual([]);
      await expect(overflow(page)).resolves.toBeLessThanOrEqual(0);

      await page.getByLabel('Tahun').fill('dua ribu');
      await navigateBy(page, () => page.getByRole('button', { name: 'Cari', exact: true }).click());
      await expect(page.getByText('Tahun: empat angka antara 2000 dan 2100').count()).resolves.toBeGreaterThan(0);
      expect(await inspectPage(page, `search-error-${width}`)).toEqual([]);
      await expect(overflow(page)).resolves.toBeLessThanOrEqual(0);

      await page.getByLabel('Tahun').fill('2025');
      await navigateBy(page, () => page.getByRole('button', { name: 'Cari', exact: true }).click());
      await navigateBy(page, () => page.getByRole('link', { name: title }).click());
      await expect(page.getByRole('heading', { name: title, level: 1 }).count()).resolves.toBe(1);
    } finally {
      await ctx.close();
    }
  });
});
