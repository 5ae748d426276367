import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearerToken, createUser, TEST_PASSWORD, TestUser, utamaUnitOf } from 'test/support/auth-helpers';
import { ACTION_TIMEOUT_MS, describeBrowser, inspectPage, launchBrowser, navigateBy } from 'test/support/browser';
import { requestPayload, TINY_PDF } from 'test/support/request-factory';
import { startTestApp, TestApp } from 'test/support/test-app';

describeBrowser('register and annual report pages', () => {
  let t: TestApp;
  let browser: Browser;
  let officer: TestUser;

  const overflow = (page: Page) =>
    page.evaluate(() => {
      const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });

  async function signedIn(width: number): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale: 'id-ID', viewport: { width, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
    await page.goto(`${t.url}/masuk`);
    await page.getByLabel('Alamat e-mail', { exact: true }).fill(officer.email);
    await page.getByLabel('Kata sandi', { exact: true }).fill(TEST_PASSWORD);
    await navigateBy(page, () => page.getByRole('button', { name: 'Masuk', exact: true }).click());
    return { context, page };
  }

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp({}, { listen: true }), launchBrowser()]);
    const utama = await utamaUnitOf(t.app, '35.78');
    officer = await createUser(t.app, { role: 'officer', unitId: utama.id, name: 'Rina Petugas' });
    const token = await bearerToken(t.app, officer.email);
    const numbers: { number: string; code: string }[] = [];
    for (const [i, channel] of ['walk_in', 'letter', 'email'].entries()) {
      const res = await request(t.app.getHttpServer())
        .post('/api/v1/offline-requests')
        .set({ Authorization: `Bearer ${token}` })
        .send({ ...requestPayload(utama.id, { requester: { name: `Pemohon Dengan Nama Yang Cukup Panjang ${i + 1}` } }), channel, receivedAt: `2025-10-0${i + 6}T10:00:00+07:00` });
      expect(res.status).toBe(201);
      numbers.push({ number: res.body.registrationNumber, code: res.body.trackingCode });
    }
    // The first is refused and objected to by a kuasa; the objection is then dated into October 2025 with the requests.
    const db = t.app.get(DataSource);
    const [{ id }] = (await db.query('SELECT id FROM requests WHERE registration_number = $1', [numbers[0].number])) as { id: string }[];
    const refused = await request(t.app.getHttpServer())
      .post(`/api/v1/requests/${id}/notice`)
      .set({ Authorization: `Bearer ${token}` })
      .send({
        decision: 'refused', informationHeld: true, reason: 'Dokumen memuat riwayat kesehatan pegawai.', exemptionGround: 'h',
        consequenceTest: { date: '2026-11-20', participants: ['Sekretaris Daerah', 'PPID Utama'], consequence: 'Mengungkap rahasia pribadi.', information: 'Data pribadi pegawai dalam dokumen yang diminta.', publicInterest: 'Membukanya tidak menambah manfaat bagi publik yang sebanding.', legalBasis: 'Pasal 17 huruf h UU 14/2008' },
      });
    expect(refused.status).toBe(201);
    const objected = await request(t.app.getHttpServer())
      .post(`/api/v1/requests/${numbers[0].number}/objections`)
      .set('X-Tracking-Code', numbers[0].code)
      .field('grounds', 'a,d')
      .field('reasons', 'Informasi anggaran bukan rahasia pribadi dan wajib dibuka untuk publik.')
      .field('proxyName', 'Lembaga Bantuan Hukum Masyarakat Jawa Timur Cabang Surabaya')
      .field('proxyAddress', 'Jl. Kidal No. 6, Surabaya')
      .attach('proxyDocument', TINY_PDF, 'kuasa.pdf');
    expect(objected.status).toBe(201);
    await db.query(`UPDATE objections SET received_at = '2025-10-20T10:00:00+07:00' WHERE number = $1`, [objected.body.objectionNumber]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it.each([360, 1280])('should show the register and the annual report at %i px without sideways scrolling', async (width) => {
    const { context, page } = await signedIn(width);
    try {
      await expect(page.getByText(/Laporan layanan informasi publik 2025 .* terlambat/).count()).resolves.toBe(1);
      await navigateBy(page, () => page.getByRole('link', { name: 'Register permohonan' }).click());
      await page.getByLabel('Diterima dari tanggal').fill('2025-10-01');
      await page.getByLabel('Sampai tanggal').fill('2025-10-31');
      await navigateBy(page, () => page.getByRole('button', { name: 'Tampilkan' }).click());
      await expect(page.locator('table.register tbody tr').count()).resolves.toBe(3);
      await page.locator('details.register-details summary').first().click();
      await expect(overflow(page)).resolves.toBeLessThanOrEqual(0);
      expect(await inspectPage(page, `register-permohonan-${width}`)).toEqual([]);

      // The register keberatan, beside it, for the same body and period.
      await navigateBy(page, () => page.getByRole('link', { name: 'Register keberatan', exact: true }).click());
      await expect(page.getByRole('heading', { name: 'Register keberatan', level: 1 }).count()).resolves.toBe(1);
      await expect(page.getByLabel('Diterima dari tanggal').inputValue()).resolves.toBe('2025-10-01');
      await expect(page.locator('table.register tbody tr').count()).resolves.toBe(1);
      await page.locator('details.register-details summary').first().click();
      await expect(page.getByText('Jl. Kidal No. 6, Surabaya').count()).resolves.toBe(1);
      await expect(overflow(page)).resolves.toBeLessThanOrEqual(0);
      expect(await inspectPage(page, `register-keberatan-${width}`)).toEqual([]);

      await page.goto(`${t.url}/petugas/laporan-tahunan`);
      await expect(page.getByRole('heading', { name: 'Laporan layanan informasi publik 2025' }).count()).resolves.toBe(1);
      await expect(overflow(page)).resolves.toBeLessThanOrEqual(0);
      expect(await inspectPage(page, `laporan-tahunan-${width}`)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
