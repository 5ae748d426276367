import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearerToken, createUser, TEST_PASSWORD, TestUser, utamaUnitOf } from 'test/support/auth-helpers';
import { ACTION_TIMEOUT_MS, NAVIGATION_TIMEOUT_MS, A11yViolation, describeBrowser, inspectPage, launchBrowser, navigateBy, SCREENSHOT_DIR } from 'test/support/browser';
import { requestPayload, TINY_PNG } from 'test/support/request-factory';
import { startTestApp, TestApp } from 'test/support/test-app';
import { waitFor } from 'test/support/wait-for';

/** A phone and a desktop: each page gets an axe check and a screenshot at both. */
const WIDTHS = [375, 1280];
/** The narrowest phone the portal promises not to scroll sideways on. */
const NARROWEST = 360;
const APP_URL = 'https://kip.example.test';

interface Width {
  page: string;
  viewport: number;
  scrollWidth: number;
}

/** The id of the element that has the focus. */
function focusedId(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id);
}

/** Width of the document against the viewport, after the layout settled at this size. */
function documentWidth(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => {
    const w = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number } } };
    return { scrollWidth: w.document.documentElement.scrollWidth, innerWidth: w.innerWidth };
  });
}

describeBrowser('every page at 375 px and 1280 px', () => {
  jest.setTimeout(30_000);

  let t: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let citizen: Page;
  let officerPage: Page;
  let adminPage: Page;
  let officer: TestUser;
  let admin: TestUser;
  let invitee: TestUser;
  let surabaya: { id: number; bodyId: number };
  let fileDir: string;
  let identityDocument: string;
  const widths: Width[] = [];
  const pageErrors: string[] = [];
  let registrationNumber = '';
  let trackingCode = '';

  /**
   * Looks at the page as it is at each width: no sideways scrolling (at 360 px too), and no
   * serious or critical axe violation at 375 and 1280 px. Records the widths for the report.
   */
  async function checkPage(page: Page, name: string): Promise<void> {
    const violations: A11yViolation[] = [];
    const overflowing: string[] = [];
    for (const viewport of [NARROWEST, ...WIDTHS]) {
      await page.setViewportSize({ width: viewport, height: 800 });
      const { scrollWidth, innerWidth } = await documentWidth(page);
      widths.push({ page: name, viewport, scrollWidth });
      if (scrollWidth > innerWidth) overflowing.push(`${name} at ${viewport} px is ${scrollWidth} px wide`);
      if (WIDTHS.includes(viewport)) violations.push(...(await inspectPage(page, `pages-${name}-${viewport}`)));
    }
    expect(overflowing).toEqual([]);
    expect(violations).toEqual([]);
  }

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ acceptDownloads: true, locale: 'id-ID', viewport: { width: WIDTHS[0], height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
    page.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
    page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400 && r.request().resourceType() !== 'document') pageErrors.push(`${r.status()} ${r.url()}`);
    });
    return page;
  }

  async function signIn(page: Page, user: TestUser): Promise<void> {
    await page.goto(`${t.url}/masuk`);
    await page.getByLabel('Alamat e-mail', { exact: true }).fill(user.email);
    await page.getByLabel('Kata sandi', { exact: true }).fill(TEST_PASSWORD);
    await navigateBy(page, () => page.getByRole('button', { name: 'Masuk', exact: true }).click());
  }

  /** The one-time link of the invitation to `email`, from the mail's data or its .eml file. */
  async function invitationPath(email: string): Promise<string> {
    const [mail] = (await t.app.get(DataSource).query(
      `SELECT id, data->>'invitationUrl' AS url FROM outbound_mails WHERE recipient = $1 AND template = 'account_invitation'`,
      [email],
    )) as { id: string; url: string | null }[];
    let url = mail?.url ?? null;
    if (!url) {
      const dir = join(t.config.dataDir, 'mail');
      const file = await waitFor(() => existsSync(dir) && readdirSync(dir).find((f) => f.endsWith(`-${mail.id}.eml`)));
      url = /https:\/\/kip\.example\.test\/undangan\/[A-Za-z0-9_-]{43}/.exec(readFileSync(join(dir, file), 'utf8').replace(/=\r?\n/g, ''))?.[0] ?? null;
    }
    if (!url) throw new Error(`no invitation link for ${email}`);
    return new URL(url).pathname;
  }

  beforeAll(async () => {
    fileDir = mkdtempSync(join(tmpdir(), 'portal-kip-pages-'));
    identityDocument = join(fileDir, 'ktp.png');
    writeFileSync(identityDocument, TINY_PNG);
    [t, browser] = await Promise.all([startTestApp({ APP_URL, INTAKE_LIMIT_PER_IP_HOUR: '1000' }, { listen: true }), launchBrowser()]);
    surabaya = await utamaUnitOf(t.app, '35.78');
    officer = await createUser(t.app, { role: 'officer', unitId: surabaya.id, name: 'Rina Wulandari' });
    admin = await createUser(t.app, { role: 'admin', name: 'Sari Admin' });
    invitee = await createUser(t.app, { role: 'officer', unitId: surabaya.id, name: 'Budi Santoso', password: null });
    const http = () => request(t.app.getHttpServer());
    // A queue with long names, an overdue request recorded late and an answered one.
    const token = await bearerToken(t.app, officer.email);
    const filed: { id: string }[] = [];
    for (const name of ['Yohanes Kristianto Wibisono Hadiningrat', 'Lembaga Bantuan Hukum Surabaya']) {
      const res = await http().post('/api/v1/requests').send(requestPayload(surabaya.id, { requester: { name } }));
      if (res.status !== 201) throw new Error(`filing failed with ${res.status}`);
      filed.push(res.body as { id: string });
    }
    const receivedAt = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const late = await http()
      .post('/api/v1/offline-requests')
      .set('Authorization', `Bearer ${token}`)
      .send({ ...requestPayload(surabaya.id, { requester: { name: 'Hendra Gunawan' } }), channel: 'letter', receivedAt });
    if (late.status !== 201) throw new Error(`recording failed with ${late.status}: ${JSON.stringify(late.body)}`);
    [citizen, officerPage, adminPage] = await Promise.all([newPage(), newPage(), newPage()]);
    await Promise.all([signIn(officerPage, officer), signIn(adminPage, admin)]);
  }, 180_000);

  afterAll(async () => {
    if (widths.length > 0) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      writeFileSync(join(SCREENSHOT_DIR, 'pages-widths.json'), `${JSON.stringify(widths, null, 1)}\n`);
    }
    for (const c of contexts) await c.close();
    await browser?.close();
    await t?.close();
    if (fileDir) rmSync(fileDir, { recursive: true, force: true });
  });

  describe('public pages', () => {
    it('should fit and pass axe on the home page', async () => {
      await citizen.goto(`${t.url}/`);
      await checkPage(citizen, 'beranda');
    });

    it('should narrow the list of bodies while the citizen types, and on submit without script', async () => {
      const visibleCards = () => citizen.locator('.body-card:visible .body-name').allTextContents();
      await citizen.getByLabel('Cari badan publik', { exact: true }).fill('kota malang');
      await expect(visibleCards()).resolves.toEqual(['Pemerintah Kota Malang']);
      await expect(citizen.getByRole('heading', { name: 'Pemerintah Kabupaten' }).isVisible()).resolves.toBe(false);
      await navigateBy(citizen, () => citizen.getByRole('button', { name: 'Cari', exact: true }).click());
      expect(new URL(citizen.url()).searchParams.get('cari')).toBe('kota malang');
      await expect(visibleCards()).resolves.toEqual(['Pemerintah Kota Malang']);
      await checkPage(citizen, 'beranda-cari');
    });

    it('should fit and pass axe on a public body', async () => {
      await citizen.goto(`${t.url}/badan/35.78`);
      await checkPage(citizen, 'badan');
    });

    it('should fit and pass axe on the request form', async () => {
      await citizen.goto(`${t.url}/permohonan/baru?unit=${surabaya.id}`);
      await checkPage(citizen, 'formulir');
    });

    it('should focus the error summary after a failed submit and leave an address that reopens the form', async () => {
      const page = await newPage();
      await page.goto(`${t.url}/permohonan/baru?unit=${surabaya.id}`);
      await page.getByLabel('Nama lengkap', { exact: true }).fill('Sekar Arum');
      await page.getByLabel('Unggah KTP, akta pendirian badan hukum, atau surat kuasa', { exact: true }).setInputFiles(identityDocument);
      await navigateBy(page, () => page.getByRole('button', { name: 'Kirim permohonan' }).click());
      await expect(focusedId(page)).resolves.toBe('ringkasan-galat');
      await expect(page.locator('#e-requester_address').textContent()).resolves.toContain('Alamat wajib diisi.');
      await expect(page.locator('#f-requester_address').getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(page.locator('#f-requester_name').inputValue()).resolves.toBe('Sekar Arum');
      await expect(page.locator('#e-identityDocument').textContent()).resolves.toContain('Pilih kembali berkas dokumen identitas');
      // A summary link moves the focus to its field.
      await page.locator('#ringkasan-galat a[href="#f-requester_address"]').click();
      await expect(focusedId(page)).resolves.toBe('f-requester_address');
      // The address bar holds the form's address without the token, and it opens the same form again.
      const address = new URL(page.url());
      expect(address.pathname).toBe('/permohonan');
      expect(address.searchParams.get('unit')).toBe(String(surabaya.id));
      expect(address.searchParams.has('_csrf')).toBe(false);
      await checkPage(page, 'formulir-galat');
      const reopened = await page.goto(page.url());
      expect(reopened?.status()).toBe(200);
      await expect(page.locator('#formulir').count()).resolves.toBe(1);
    });

    it('should fit and pass axe on the confirmation after a request', async () => {
      const field = (label: string) => citizen.getByLabel(label, { exact: true });
      await citizen.getByRole('radio', { name: 'Perorangan' }).check();
      await field('Nama lengkap').fill('Dyah Ayu Pitaloka');
      await field('NIK (perorangan dan kelompok orang)').fill('3578015503900001');
      await field('Alamat').fill('Jl. Pemuda No. 17, Surabaya');
      await field('Pekerjaan').fill('Wiraswasta');
      await field('Nomor telepon').fill('081234567890');
      await field('Alamat e-mail').fill('dyah.pitaloka@contoh.id');
      await field('Rincian informasi yang dibutuhkan').fill('Dokumen anggaran pendapatan dan belanja daerah tahun 2025.');
      await field('Tujuan penggunaan informasi').fill('Bahan penelitian tugas akhir.');
      await citizen.getByRole('radio', { name: 'Mendapatkan salinan (softcopy)' }).check();
      await citizen.getByRole('radio', { name: 'Surat elektronik (e-mail)' }).check();
      await citizen.locator('#f-identityDocument').setInputFiles(identityDocument);
      await navigateBy(citizen, () => citizen.getByRole('button', { name: 'Kirim permohonan' }).click());
      registrationNumber = (await citizen.locator('#nomor-pendaftaran').textContent()) ?? '';
      trackingCode = (await citizen.locator('#kode-pelacakan').textContent()) ?? '';
      expect(registrationNumber).toMatch(/^3578-U-\d{4}-\d{5}$/);
      await checkPage(citizen, 'konfirmasi');
    });

    it('should fit and pass axe on the tracking form and its result', async () => {
      await citizen.goto(`${t.url}/lacak`);
      await checkPage(citizen, 'lacak');
      await citizen.locator('#f-nomor').fill(registrationNumber);
      await citizen.locator('#f-kode').fill(trackingCode);
      await navigateBy(citizen, () => citizen.getByRole('button', { name: 'Lacak', exact: true }).click());
      await expect(citizen.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(`Permohonan ${registrationNumber}`);
      await checkPage(citizen, 'lacak-hasil');
    });

    it('should fit and pass axe on the working-day calendar', async () => {
      await citizen.goto(`${t.url}/kalender`);
      await checkPage(citizen, 'kalender');
    });

    it('should fit and pass axe on the sign-in page and an invitation', async () => {
      await citizen.goto(`${t.url}/masuk`);
      await checkPage(citizen, 'masuk');
      await citizen.goto(`${t.url}${await invitationPath(invitee.email)}`);
      await checkPage(citizen, 'undangan');
    });

    it('should fit and pass axe on the error page of an unknown body', async () => {
      const res = await citizen.goto(`${t.url}/badan/99.99`);
      expect(res?.status()).toBe(404);
      await checkPage(citizen, 'galat-404');
    });
  });

  describe('officer pages', () => {
    it('should fit and pass axe on the queue', async () => {
      await officerPage.goto(`${t.url}/petugas`);
      await expect(officerPage.locator('table.queue tbody tr').count()).resolves.toBe(4);
      await checkPage(officerPage, 'antrean');
    });

    it('should fit and pass axe on a request page', async () => {
      const href = await officerPage.locator('table.queue tbody a').first().getAttribute('href');
      await officerPage.goto(`${t.url}${href}`);
      await checkPage(officerPage, 'permohonan-petugas');
    });

    it('should show only the chosen decision\'s fields on the notice form at 375 px, with no decision chosen at first', async () => {
      const page = await newPage();
      await signIn(page, officer);
      const href = await page.locator('table.queue tbody a').first().getAttribute('href');
      await page.goto(`${t.url}${href}`);
      const form = page.locator('#aksi-pemberitahuan form');
      const refusal = form.locator('fieldset[data-decisions="refused partially_granted"]');
      const grant = form.locator('fieldset[data-decisions="granted partially_granted"]');
      await expect(refusal.locator('legend').textContent()).resolves.toContain('Bila ditolak');
      await expect(form.locator('input[name="decision"]:checked').count()).resolves.toBe(0);
      await expect(refusal.isVisible()).resolves.toBe(false);
      await expect(grant.isVisible()).resolves.toBe(false);
      await expect(form.getByText('Pilih keputusan untuk menampilkan isian yang diperlukan.').isVisible()).resolves.toBe(true);
      await form.getByRole('radio', { name: 'Ditolak (pengecualian Pasal 17)' }).check();
      await expect(refusal.isVisible()).resolves.toBe(true);
      await expect(grant.isVisible()).resolves.toBe(false);
      await form.getByRole('radio', { name: 'Diberikan sebagian' }).check();
      // A partial grant withholds a part under Pasal 17: the ground and consequence test show with the grant.
      await expect(refusal.isVisible()).resolves.toBe(true);
      await expect(grant.isVisible()).resolves.toBe(true);
      await expect(form.getByLabel('Bagian yang dihitamkan dan alasannya (diberikan sebagian)').isVisible()).resolves.toBe(true);
      await checkPage(page, 'pemberitahuan-sebagian');
      await form.getByRole('radio', { name: 'Diberikan seluruhnya' }).check();
      await expect(refusal.isVisible()).resolves.toBe(false);
      await expect(form.getByLabel('Bagian yang dihitamkan dan alasannya (diberikan sebagian)').isVisible()).resolves.toBe(false);
      await checkPage(page, 'pemberitahuan-diberikan');
      // Sent without a decision: the message is beside the radio group and the form's own summary takes focus.
      await page.goto(`${t.url}${href}`);
      await navigateBy(page, () => form.getByRole('button', { name: 'Simpan dan kirim surat' }).click());
      await expect(page.locator('#e-pemberitahuan-decision').textContent()).resolves.toContain('Keputusan wajib dipilih');
      await expect(focusedId(page)).resolves.toBe('ringkasan-galat-pemberitahuan');
      await checkPage(page, 'pemberitahuan-galat');
      // Without script every decision's fieldset shows, each headed by its decision.
      const bare = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
      contexts.push(bare);
      const plain = await bare.newPage();
      await signIn(plain, officer);
      await plain.goto(`${t.url}${href}`);
      await expect(plain.locator('#aksi-pemberitahuan fieldset[data-decisions="refused partially_granted"]').isVisible()).resolves.toBe(true);
      await expect(plain.locator('#aksi-pemberitahuan fieldset[data-decisions="not_held"] legend').textContent()).resolves.toContain('Bila tidak dikuasai');
    });

    it('should fit and pass axe on the offline request form', async () => {
      await officerPage.goto(`${t.url}/petugas/permohonan/baru`);
      await checkPage(officerPage, 'permohonan-luring');
    });

    it('should fit and pass axe on the account pages', async () => {
      await officerPage.goto(`${t.url}/akun/kata-sandi`);
      await checkPage(officerPage, 'akun-kata-sandi');
      await officerPage.goto(`${t.url}/akun/sesi`);
      await checkPage(officerPage, 'akun-sesi');
    });
  });

  describe('admin pages', () => {
    it.each([
      ['/admin', 'admin'],
      ['/admin/pengguna', 'admin-pengguna'],
      ['/admin/unit', 'admin-unit'],
      ['/admin/audit', 'admin-audit'],
      ['/admin/kalender', 'admin-kalender'],
    ])('should fit and pass axe on %s', async (path: string, name: string) => {
      const res = await adminPage.goto(`${t.url}${path}`);
      expect(res?.status()).toBe(200);
      await checkPage(adminPage, name);
    });

    it('should fit and pass axe on the details forms of a body and a unit, and on their error state', async () => {
      for (const [path, name] of [
        [`/admin/badan/${surabaya.bodyId}`, 'admin-badan-rincian'],
        [`/admin/unit/${surabaya.id}`, 'admin-unit-rincian'],
      ]) {
        const res = await adminPage.goto(`${t.url}${path}`);
        expect(res?.status()).toBe(200);
        await checkPage(adminPage, name);
      }
      await adminPage.goto(`${t.url}/admin/badan/${surabaya.bodyId}`);
      await adminPage.fill('#f-hours_mon', '15.00–08.00');
      await Promise.all([
        adminPage.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/admin/badan/${surabaya.bodyId}`)),
        adminPage.getByRole('button', { name: 'Simpan rincian' }).click(),
      ]);
      await adminPage.waitForLoadState();
      await expect(adminPage.locator('#e-address').textContent()).resolves.toContain('Alamat kantor wajib diisi.');
      await expect(adminPage.inputValue('#f-hours_mon')).resolves.toBe('15.00–08.00');
      await checkPage(adminPage, 'admin-badan-rincian-galat');
    });

    it('should fit and pass axe on the confirmation of an account action', async () => {
      const res = await adminPage.goto(`${t.url}/admin/pengguna/${invitee.id}/undang-ulang`);
      expect(res?.status()).toBe(200);
      await checkPage(adminPage, 'admin-pengguna-undang-ulang');
    });

    it('should fit and pass axe on a day of the calendar admin', async () => {
      await adminPage.goto(`${t.url}/admin/kalender`);
      const href = await adminPage.locator('a[href^="/admin/kalender/hari/"]').first().getAttribute('href');
      const res = await adminPage.goto(`${t.url}${href}`);
      expect(res?.status()).toBe(200);
      await checkPage(adminPage, 'admin-kalender-hari');
    });
  });

  describe('a tracked request with a written notice', () => {
    it('should fit and pass axe on the tracking result with the decision in words', async () => {
      const http = () => request(t.app.getHttpServer());
      const filed = await http().post('/api/v1/requests').send(requestPayload(surabaya.id));
      expect(filed.status).toBe(201);
      const [row] = (await t.app.get(DataSource).query('SELECT id FROM requests WHERE registration_number = $1', [filed.body.registrationNumber])) as { id: string }[];
      const notice = await http()
        .post(`/api/v1/requests/${row.id}/notice`)
        .set('Authorization', `Bearer ${await bearerToken(t.app, officer.email)}`)
        .send({
          decision: 'partially_granted',
          informationHeld: true,
          material: 'Salinan Dokumen Pelaksanaan Anggaran Dinas Pendidikan Kota Surabaya Tahun Anggaran 2025 beserta lampirannya',
          redactions: 'Nomor rekening pribadi pegawai dihitamkan (Pasal 17 huruf h): https://ppid.surabaya.example.org/dokumen/dpa-2025-lampiran-rekening',
          format: 'hardcopy',
          delivery: 'pickup',
          fee: 150000,
          paymentMethod: 'Setor tunai ke Bendahara Penerimaan Dinas Komunikasi dan Informatika, lantai 2',
          timeNeeded: '3 hari kerja',
          exemptionGround: 'h',
          consequenceTest: {
            date: '2025-11-20',
            information: 'Nomor rekening pribadi pegawai dalam lampiran.',
            participants: ['Sekretaris Daerah', 'PPID Utama'],
            consequence: 'Mengungkap rahasia pribadi pegawai.',
            publicInterest: 'Isi anggaran tetap diberikan; nomor rekening tidak menambah manfaat bagi publik.',
            legalBasis: 'Pasal 17 huruf h UU 14/2008',
          },
        });
      expect(notice.status).toBe(201);
      await citizen.goto(`${t.url}/lacak`);
      await citizen.locator('#f-nomor').fill(filed.body.registrationNumber);
      await citizen.locator('#f-kode').fill(filed.body.trackingCode);
      await navigateBy(citizen, () => citizen.getByRole('button', { name: 'Lacak', exact: true }).click());
      await expect(citizen.getByRole('heading', { name: 'Keputusan: Diberikan sebagian' }).count()).resolves.toBe(1);
      await checkPage(citizen, 'lacak-keputusan');
    });
  });

  it('should raise no script errors and fail no stylesheet, icon or script on any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
