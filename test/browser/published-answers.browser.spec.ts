import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearerToken, createUser, TEST_PASSWORD, TestUser, utamaUnitOf } from 'test/support/auth-helpers';
import { ACTION_TIMEOUT_MS, describeBrowser, inspectPage, launchBrowser, navigateBy } from 'test/support/browser';
import { requestPayload, TINY_PDF } from 'test/support/request-factory';
import { startTestApp, TestApp } from 'test/support/test-app';
import { PublishedAnswersService } from 'src/modules/published-answers';

describeBrowser('Published answers: a citizen finds an answer, an officer withholds a document', () => {
  let t: TestApp;
  let browser: Browser;
  let officer: TestUser;
  let token: string;
  let surabaya: { id: number; bodyId: number };

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

  /** A granted request with consent and two documents, published by the sweep; returns its title. */
  async function published(title: string): Promise<void> {
    const http = () => request(t.app.getHttpServer());
    const filed = await http().post('/api/v1/requests').send(requestPayload(surabaya.id, { publicationConsent: true, information: `${title}. Mohon dikirim lewat e-mail.` }));
    expect(filed.status).toBe(201);
    const [row] = (await t.app.get(DataSource).query('SELECT id::text AS id FROM requests WHERE registration_number = $1', [filed.body.registrationNumber])) as { id: string }[];
    const auth = { Authorization: `Bearer ${token}` };
    expect((await http().post(`/api/v1/requests/${row.id}/notice`).set(auth).send({ decision: 'granted', informationHeld: true, material: 'Salinan DPA', format: 'softcopy', delivery: 'email' })).status).toBe(201);
    expect((await http().post(`/api/v1/requests/${row.id}/documents`).set(auth).attach('files', TINY_PDF, 'dpa.pdf')).status).toBeLessThan(300);
    expect((await http().post(`/api/v1/requests/${row.id}/documents`).set(auth).attach('files', TINY_PDF, 'lampiran.pdf')).status).toBeLessThan(300);
    await t.app.get(PublishedAnswersService).sweep(new Date());
  }

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp({ INTAKE_LIMIT_PER_IP_HOUR: '10000' }, { listen: true }), launchBrowser()]);
    surabaya = await utamaUnitOf(t.app, '35.78');
    officer = await createUser(t.app, { role: 'officer', unitId: surabaya.id, name: 'Rina Petugas' });
    token = await bearerToken(t.app, officer.email);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it.each([375, 1280])('should let a citizen filter the answers and open one at %i px, and an officer withhold a document', async (width) => {
    const title = `Dokumen pelaksanaan anggaran Dinas Pendidikan ${width}`;
    await published(title);

    const citizen = await context(width);
    const page = citizen.page;
    try {
      await page.goto(`${t.url}/`);
      await navigateBy(page, () => page.getByRole('link', { name: 'Jawaban Publik', exact: true }).first().click());
      await page.getByLabel('Badan publik').selectOption('3578');
      await navigateBy(page, () => page.getByRole('button', { name: 'Tampilkan' }).click());
      expect(await inspectPage(page, `answers-list-${width}`)).toEqual([]);
      await expect(overflow(page)).resolves.toBeLessThanOrEqual(0);
      await navigateBy(page, () => page.getByRole('link', { name: title }).click());
      await expect(page.getByRole('heading', { level: 1, name: title }).count()).resolves.toBe(1);
      await expect(page.getByRole('link', { name: /Unduh surat pemberitahuan/ }).count()).resolves.toBe(1);
      await expect(page.getByRole('link', { name: 'lampiran.pdf' }).count()).resolves.toBe(1);
      expect(await inspectPage(page, `answers-item-${width}`)).toEqual([]);
      await expect(overflow(page)).resolves.toBeLessThanOrEqual(0);
    } finally {
      await citizen.context.close();
    }

    const officerSide = await context(width);
    const o = officerSide.page;
    try {
      await o.goto(`${t.url}/masuk`);
      await o.getByLabel('Alamat e-mail', { exact: true }).fill(officer.email);
      await o.getByLabel('Kata sandi', { exact: true }).fill(TEST_PASSWORD);
      await navigateBy(o, () => o.getByRole('button', { name: 'Masuk', exact: true }).click());
      await o.goto(`${t.url}/petugas/jawaban`);
      await navigateBy(o, () => o.getByRole('link', { name: title }).click());
      const section = o.locator('section', { has: o.getByRole('heading', { name: 'lampiran.pdf' }) });
      // Without a reason the form comes back with the message beside the field.
      await navigateBy(o, () => section.getByRole('button', { name: 'Jangan publikasikan dokumen ini' }).click());
      await expect(o.getByText('Alasan wajib diisi.').count()).resolves.toBeGreaterThan(0);
      expect(await inspectPage(o, `answers-officer-error-${width}`)).toEqual([]);
      const again = o.locator('section', { has: o.getByRole('heading', { name: 'lampiran.pdf' }) });
      await again.getByLabel('Alasan tidak mempublikasikan dokumen ini').fill('Lampiran memuat tanda tangan pihak ketiga.');
      await navigateBy(o, () => again.getByRole('button', { name: 'Jangan publikasikan dokumen ini' }).click());
      await expect(o.getByText('Dokumen tidak lagi dipublikasikan.').count()).resolves.toBe(1);
      expect(await inspectPage(o, `answers-officer-${width}`)).toEqual([]);
      await expect(overflow(o)).resolves.toBeLessThanOrEqual(0);
    } finally {
      await officerSide.context.close();
    }
  }, 180_000);
});
