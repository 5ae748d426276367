import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AuditService } from 'src/modules/audit';
import { createUser, TEST_PASSWORD, TestUser } from 'test/support/auth-helpers';
import { ACTION_TIMEOUT_MS, describeBrowser, inspectPage, launchBrowser, navigateBy } from 'test/support/browser';
import { startTestApp, TestApp } from 'test/support/test-app';

describeBrowser('audit trail page on a phone', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let admin: TestUser;

  /** Nothing wider than the 360 px viewport: no sideways scrolling. */
  const overflow = () =>
    page.evaluate(() => {
      const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp({}, { listen: true }), launchBrowser()]);
    admin = await createUser(t.app, { role: 'admin', name: 'Sari Admin' });
    const audit = t.app.get(AuditService);
    await audit.record({ actor: admin.actor, action: 'holiday.created', target: { type: 'holiday', id: 1 }, details: { date: '2031-03-03', kind: 'libur_nasional', bodyId: null } });
    await audit.record({ actor: admin.actor, action: 'unit.created', target: { type: 'unit', id: 1 }, details: { bodyId: 1, parentId: 1, level: 'pelaksana' } });
    context = await browser.newContext({ acceptDownloads: true, locale: 'id-ID', viewport: { width: 360, height: 740 } });
    page = await context.newPage();
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
  });

  it('should reach the trail from the admin menu, fit 360 px, filter it and download the CSV', async () => {
    await page.goto(`${t.url}/masuk`);
    await page.getByLabel('Alamat e-mail', { exact: true }).fill(admin.email);
    await page.getByLabel('Kata sandi', { exact: true }).fill(TEST_PASSWORD);
    await navigateBy(page, () => page.getByRole('button', { name: 'Masuk', exact: true }).click());
    expect(new URL(page.url()).pathname).toBe('/admin');

    await navigateBy(page, () => page.getByRole('link', { name: 'Jejak audit' }).click());
    expect(new URL(page.url()).pathname).toBe('/admin/audit');
    await expect(page.locator('table.audit tbody tr').count()).resolves.toBe(2);
    await expect(overflow()).resolves.toBeLessThanOrEqual(0);
    expect(await inspectPage(page, 'admin-audit-360')).toEqual([]);

    await page.getByLabel('Tindakan', { exact: true }).selectOption('unit.created');
    await navigateBy(page, () => page.getByRole('button', { name: 'Saring' }).click());
    expect(new URL(page.url()).searchParams.get('aksi')).toBe('unit.created');
    await expect(page.locator('table.audit tbody tr').count()).resolves.toBe(1);
    await expect(overflow()).resolves.toBeLessThanOrEqual(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Unduh CSV/ }).click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.trimEnd().split('\r\n')).toHaveLength(2);
    expect(csv).toContain(',unit.created,');
  });
});
