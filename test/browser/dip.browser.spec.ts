import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { localDateTimeOf } from 'src/common/time/local-time';
import { bearerToken, createPelaksanaUnit, createUser, TEST_PASSWORD, TestUser, utamaUnitOf } from 'test/support/auth-helpers';
import { requestPayload } from 'test/support/request-factory';
import { ACTION_TIMEOUT_MS, describeBrowser, inspectPage, launchBrowser, navigateBy } from 'test/support/browser';
import { startTestApp, TestApp } from 'test/support/test-app';

describeBrowser('Daftar Informasi Publik: an officer adds an item, a citizen finds it', () => {
  let t: TestApp;
  let browser: Browser;
  let officer: TestUser;

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

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp({}, { listen: true }), launchBrowser()]);
    const unit = await createPelaksanaUnit(t.app, '35.78', { name: 'PPID Pelaksana Badan Pengelolaan Keuangan Daerah' });
    officer = await createUser(t.app, { role: 'officer', unitId: unit.id, name: 'Dewi Petugas' });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it.each([375, 1280])('should let an officer add a berkala item at %i px, and a citizen find it on the body page', async (width) => {
    const title = `Laporan Realisasi Anggaran Semester I 2026 (${width})`;
    const officerSide = await context(width);
    const page = officerSide.page;
    try {
      await page.goto(`${t.url}/masuk`);
      await page.getByLabel('Alamat e-mail', { exact: true }).fill(officer.email);
      await page.getByLabel('Kata sandi', { exact: true }).fill(TEST_PASSWORD);
      await navigateBy(page, () => page.getByRole('button', { name: 'Masuk', exact: true }).click());
      await navigateBy(page, () => page.getByRole('link', { name: 'Daftar Informasi Publik', exact: true }).click());
      await navigateBy(page, () => page.getByRole('link', { name: 'Tambah informasi' }).click());

      // A berkala item kept yearly is refused with the rule beside the field, the typed values kept.
      await page.getByLabel('Kategori informasi').selectOption('berkala');
      await page.getByLabel('Judul informasi').fill(title);
      await page.getByLabel('Ringkasan isi informasi').fill('Realisasi pendapatan dan belanja daerah sampai dengan 30 Juni 2026.');
      await page.getByLabel('Penanggung jawab pembuatan informasi').fill('Kepala Bidang Akuntansi');
      await page.getByLabel('Waktu pembuatan').fill('Juli 2026');
      await page.getByLabel('Tempat pembuatan').fill('Badan Pengelolaan Keuangan Daerah, Surabaya');
      await page.getByLabel('Bentuk informasi').selectOption('both');
      await page.getByLabel('Jangka waktu penyimpanan').fill('10 tahun');
      await page.getByLabel('Jangka waktu pemutakhiran').selectOption('12');
      await page.getByLabel('Tanggal pemutakhiran terakhir').fill('2026-07-15');
      await page.getByLabel(/^Tautan/).fill('https://bpkad.example.org/lra-2026-s1');
      await navigateBy(page, () => page.getByRole('button', { name: 'Simpan dan umumkan' }).click());
      await expect(page.getByText('paling lambat setiap 6 bulan (Pasal 9 UU 14/2008)').count()).resolves.toBeGreaterThan(0);
      await expect(page.getByLabel('Judul informasi').inputValue()).resolves.toBe(title);
      expect(await inspectPage(page, `dip-form-error-${width}`)).toEqual([]);
      await expect(overflow(page)).resolves.toBeLessThanOrEqual(0);

      await page.getByLabel('Jangka waktu pemutakhiran').selectOption('6');
      await navigateBy(page, () => page.getByRole('button', { name: 'Simpan dan umumkan' }).click());
      await expect(page.getByText('Informasi ditambahkan ke Daftar Informasi Publik').count()).resolves.toBe(1);
      expect(await inspectPage(page, `dip-officer-item-${width}`)).toEqual([]);
      await expect(overflow(page)).resolves.toBeLessThanOrEqual(0);
      await navigateBy(page, () => page.getByRole('link', { name: 'Daftar Informasi Publik', exact: true }).last().click());
      expect(await inspectPage(page, `dip-desk-${width}`)).toEqual([]);
      await expect(overflow(page)).resolves.toBeLessThanOrEqual(0);
    } finally {
      await officerSide.context.close();
    }

    // A citizen, not signed in, from the body page to the item and back to the list as a PDF link.
    const citizen = await context(width);
    const p = citizen.page;
    try {
      await p.goto(`${t.url}/badan/3578`);
      await navigateBy(p, () => p.getByRole('link', { name: /Daftar Informasi Publik Pemerintah Kota Surabaya/ }).click());
      await p.getByLabel('Kategori').selectOption('berkala');
      await navigateBy(p, () => p.getByRole('button', { name: 'Tampilkan' }).click());
      expect(await inspectPage(p, `dip-public-${width}`)).toEqual([]);
      await expect(overflow(p)).resolves.toBeLessThanOrEqual(0);
      await expect(p.getByRole('link', { name: 'Unduh PDF' }).count()).resolves.toBe(1);
      await navigateBy(p, () => p.getByRole('link', { name: title }).click());
      await expect(p.getByRole('heading', { name: title, level: 1 }).count()).resolves.toBe(1);
      await expect(p.getByText('PPID Pelaksana Badan Pengelolaan Keuangan Daerah').count()).resolves.toBeGreaterThan(0);
      await expect(p.getByRole('link', { name: 'https://bpkad.example.org/lra-2026-s1' }).count()).resolves.toBe(1);
      expect(await inspectPage(p, `dip-public-item-${width}`)).toEqual([]);
      await expect(overflow(p)).resolves.toBeLessThanOrEqual(0);
    } finally {
      await citizen.context.close();
    }
  });

  it.each([375, 1280])('should show an exempted item\'s source decision at %i px and let the officer open it to the public with a reason', async (width) => {
    const surabaya = await utamaUnitOf(t.app, '35.78');
    const utamaOfficer = await createUser(t.app, { role: 'officer', unitId: surabaya.id, name: 'Rina Petugas' });
    const http = () => request(t.app.getHttpServer());
    const filed = await http().post('/api/v1/requests').send(requestPayload(surabaya.id));
    expect(filed.status).toBe(201);
    const token = await bearerToken(t.app, utamaOfficer.email);
    const [row] = (await t.app.get(DataSource).query('SELECT id FROM requests WHERE registration_number = $1', [filed.body.registrationNumber])) as { id: string }[];
    const requestId = String(row.id);
    const today = localDateTimeOf(new Date(), 'Asia/Jakarta').date;
    const information = `Notulen rapat tertutup penyusunan tender jembatan (${width})`;
    const refused = await http()
      .post(`/api/v1/requests/${requestId}/notice`)
      .set('Authorization', `Bearer ${token}`)
      .send({
        decision: 'refused',
        informationHeld: true,
        reason: 'Memuat memorandum internal yang dirahasiakan.',
        exemptionGround: 'i',
        consequenceTest: { date: today, participants: ['PPID Utama'], information, consequence: 'Mengganggu proses tender.', publicInterest: 'Tender yang adil lebih penting.', legalBasis: 'Pasal 17 huruf i UU 14/2008' },
      });
    expect(refused.status).toBe(201);

    const officerSide = await context(width);
    const page = officerSide.page;
    try {
      await page.goto(`${t.url}/masuk`);
      await page.getByLabel('Alamat e-mail', { exact: true }).fill(utamaOfficer.email);
      await page.getByLabel('Kata sandi', { exact: true }).fill(TEST_PASSWORD);
      await navigateBy(page, () => page.getByRole('button', { name: 'Masuk', exact: true }).click());
      await page.goto(`${t.url}/petugas/dip?kategori=dikecualikan`);
      await navigateBy(page, () => page.getByRole('link', { name: information }).click());
      await expect(page.getByText(filed.body.registrationNumber as string).count()).resolves.toBeGreaterThan(0);
      expect(await inspectPage(page, `dip-exempt-item-${width}`)).toEqual([]);
      await expect(overflow(page)).resolves.toBeLessThanOrEqual(0);
      await page.getByLabel('Alasan klasifikasi ulang').fill('Tender sudah selesai diumumkan.');
      await navigateBy(page, () => page.getByRole('button', { name: 'Buka untuk publik' }).click());
      await expect(page.getByText('Informasi dibuka untuk publik').count()).resolves.toBeGreaterThan(0);
      await expect(page.getByText('Diklasifikasi ulang oleh PPID').count()).resolves.toBeGreaterThan(0);
      expect(await inspectPage(page, `dip-opened-item-${width}`)).toEqual([]);
      await expect(overflow(page)).resolves.toBeLessThanOrEqual(0);
      await navigateBy(page, () => page.getByRole('link', { name: 'Lihat di halaman publik' }).click());
      await expect(page.getByText('Tender sudah selesai diumumkan.').count()).resolves.toBeGreaterThan(0);
      await expect(page.getByText(filed.body.registrationNumber as string).count()).resolves.toBeGreaterThan(0);
      expect(await inspectPage(page, `dip-opened-public-${width}`)).toEqual([]);
      await expect(overflow(page)).resolves.toBeLessThanOrEqual(0);
    } finally {
      await officerSide.context.close();
    }
  });
});
