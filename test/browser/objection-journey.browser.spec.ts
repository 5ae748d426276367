import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { formatLocalDate } from 'src/common/views/view-helpers';
import { bearerToken, createUser, TEST_PASSWORD, TestUser, utamaUnitOf } from 'test/support/auth-helpers';
import { ACTION_TIMEOUT_MS, NAVIGATION_TIMEOUT_MS, describeBrowser, inspectPage, launchBrowser, navigateBy as navigateAfter } from 'test/support/browser';
import { requestPayload } from 'test/support/request-factory';
import { startTestApp, TestApp } from 'test/support/test-app';

const refusal = {
  decision: 'refused',
  informationHeld: true,
  reason: 'Dokumen memuat riwayat kesehatan pegawai.',
  exemptionGround: 'h',
  consequenceTest: { date: '2026-11-20', participants: ['Sekretaris Daerah', 'PPID Utama'], consequence: 'Mengungkap rahasia pribadi.', information: 'Data pribadi pegawai dalam dokumen yang diminta.', publicInterest: 'Membukanya tidak menambah manfaat bagi publik yang sebanding.', legalBasis: 'Pasal 17 huruf h UU 14/2008' },
};

const ATASAN_REASONS = 'Uji konsekuensi menunjukkan dokumen memuat data kesehatan pegawai (Pasal 17 huruf h).';

/** How far the page is wider than the window: 0 means no sideways scrolling. */
function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
}

describeBrowser('a requester objecting after a refusal', () => {
  jest.setTimeout(30_000);

  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let number = '';
  let code = '';
  let objectionNumber = '';
  let atasanToken = '';
  let atasan: TestUser;
  const pageErrors: string[] = [];
  const navigateBy = (click: () => Promise<void>): Promise<void> => navigateAfter(page, click);

  /** The page at 360 px and at 1280 px: no sideways scroll and no axe violation at either. */
  async function inspectBothWidths(name: string): Promise<void> {
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await expect(sidewaysScroll(page)).resolves.toBeLessThanOrEqual(0);
      expect(await inspectPage(page, `${name}-${width}`)).toEqual([]);
    }
    await page.setViewportSize({ width: 360, height: 800 });
  }

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp({ INTAKE_LIMIT_PER_IP_HOUR: '1000' }, { listen: true }), launchBrowser()]);
    const surabaya = await utamaUnitOf(t.app, '35.78');
    const officer = await createUser(t.app, { role: 'officer', unitId: surabaya.id });
    atasan = await createUser(t.app, { role: 'supervisor', bodyId: surabaya.bodyId, name: 'Bambang Sekda' });
    const http = () => request(t.app.getHttpServer());
    const filed = await http().post('/api/v1/requests').send(requestPayload(surabaya.id));
    number = filed.body.registrationNumber;
    code = filed.body.trackingCode;
    const queue = await http().get('/api/v1/queue').set('Authorization', `Bearer ${await bearerToken(t.app, officer.email)}`);
    const id = (queue.body.items as { id: string; registrationNumber: string }[]).find((i) => i.registrationNumber === number)!.id;
    const refused = await http().post(`/api/v1/requests/${id}/notice`).set('Authorization', `Bearer ${await bearerToken(t.app, officer.email)}`).send(refusal);
    if (refused.status !== 201) throw new Error(`refusal answered ${refused.status}`);
    atasanToken = await bearerToken(t.app, atasan.email);
    context = await browser.newContext({ locale: 'id-ID', viewport: { width: 360, height: 800 } });
    page = await context.newPage();
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
    page.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
    page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) pageErrors.push(`console: ${m.text()}`);
    });
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
  });

  it('should offer the objection on the tracking page after the refusal', async () => {
    await page.goto(`${t.url}/lacak`);
    await page.getByLabel('Nomor pendaftaran', { exact: true }).fill(number);
    await page.getByLabel('Kode lacak', { exact: true }).fill(code);
    await navigateBy(() => page.getByRole('button', { name: 'Lacak' }).click());
    await expect(page.getByRole('heading', { name: 'Keberatan dan sengketa informasi' }).isVisible()).resolves.toBe(true);
    await inspectBothWidths('keberatan-01-pelacakan');
  });

  it('should say what is missing, then file the objection with ground a and show its number and due date', async () => {
    await navigateBy(() => page.getByRole('button', { name: 'Ajukan keberatan' }).click());
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Ajukan keberatan kepada Atasan PPID');
    await inspectBothWidths('keberatan-02-formulir');
    await navigateBy(() => page.getByRole('button', { name: 'Kirim keberatan' }).click());
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('Pilih paling sedikit satu alasan keberatan');
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('Kasus posisi wajib diisi.');
    await inspectBothWidths('keberatan-03-galat');

    await page.getByLabel(/^Huruf a:/).check();
    await page.getByLabel('Kasus posisi', { exact: true }).fill('Informasi anggaran bukan rahasia pribadi dan wajib dibuka untuk publik.');
    await navigateBy(() => page.getByRole('button', { name: 'Kirim keberatan' }).click());
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Keberatan diterima');
    const status = (await page.getByRole('status').textContent()) ?? '';
    objectionNumber = /(\d{4}-KEB-\d{4}-\d{5})/.exec(status)?.[1] ?? '';
    expect(objectionNumber).not.toBe('');
    await expect(page.getByText('Tanggapan Atasan PPID paling lambat').isVisible()).resolves.toBe(true);
    await inspectBothWidths('keberatan-04-diterima');
  });

  it("should show the atasan's answer and the Komisi Informasi date on the tracking page", async () => {
    const http = () => request(t.app.getHttpServer());
    const queue = await http().get('/api/v1/objections').set('Authorization', `Bearer ${atasanToken}`);
    const item = (queue.body.items as { id: string; objectionNumber: string }[]).find((i) => i.objectionNumber === objectionNumber)!;
    const decided = await http().post(`/api/v1/objections/${item.id}/decision`).set('Authorization', `Bearer ${atasanToken}`).send({ decision: 'uphold', reasons: ATASAN_REASONS });
    expect(decided.status).toBe(201);

    await navigateBy(() => page.getByRole('button', { name: 'Kembali ke halaman pelacakan' }).click());
    const section = page.locator('#keberatan');
    const text = (await section.textContent()) ?? '';
    expect(text).toContain(`Keberatan ${objectionNumber}`);
    expect(text).toContain('Keputusan PPID dikuatkan');
    expect(text).toContain(ATASAN_REASONS);
    expect(text).toContain(formatLocalDate(decided.body.disputeWindow.lastDay));
    await expect(page.getByText(/Tanggapan Atasan PPID atas keberatan/).first().isVisible()).resolves.toBe(true);
    await inspectBothWidths('keberatan-05-tanggapan');
    expect(pageErrors).toEqual([]);
  });

  it("should show the atasan the queue and the decided objection, signed in, at both widths", async () => {
    const officerContext = await browser.newContext({ locale: 'id-ID', viewport: { width: 360, height: 800 } });
    const previous = page;
    page = await officerContext.newPage();
    try {
      await page.goto(`${t.url}/masuk`);
      await page.getByLabel('Alamat e-mail', { exact: true }).fill(atasan.email);
      await page.getByLabel('Kata sandi', { exact: true }).fill(TEST_PASSWORD);
      await navigateBy(() => page.getByRole('button', { name: 'Masuk', exact: true }).click());
      await page.goto(`${t.url}/petugas/keberatan`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Keberatan kepada Atasan PPID');
      await inspectBothWidths('keberatan-06-antrean-atasan');
      await navigateBy(() => page.getByRole('link', { name: `Keberatan ${objectionNumber}` }).click());
      await expect(page.getByText('Keputusan PPID dikuatkan').first().isVisible()).resolves.toBe(true);
      await inspectBothWidths('keberatan-07-keberatan-atasan');
    } finally {
      page = previous;
      await officerContext.close();
    }
  });
});
