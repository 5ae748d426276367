import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearerToken, createPelaksanaUnit, createUser, TEST_PASSWORD, TestUser, utamaUnitOf } from 'test/support/auth-helpers';
import { ACTION_TIMEOUT_MS, A11yViolation, describeBrowser, inspectPage, launchBrowser, navigateBy } from 'test/support/browser';
import { requestPayload } from 'test/support/request-factory';
import { startTestApp, TestApp } from 'test/support/test-app';

const WIDTHS = [375, 1280];
const NARROWEST = 360;

const refusal = {
  decision: 'refused',
  informationHeld: true,
  reason: 'Dokumen memuat riwayat kesehatan pegawai.',
  exemptionGround: 'h',
  consequenceTest: { date: '2026-11-20', participants: ['Sekretaris Daerah', 'PPID Utama'], consequence: 'Mengungkap rahasia pribadi.', information: 'Data pribadi pegawai dalam dokumen yang diminta.', publicInterest: 'Membukanya tidak menambah manfaat bagi publik yang sebanding.', legalBasis: 'Pasal 17 huruf h UU 14/2008' },
};

describeBrowser('delivery, refusal approval, ralat, transfer and withdrawal pages at 360, 375 and 1280 px', () => {
  jest.setTimeout(60_000);

  let t: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let officer: TestUser;
  let token: string;
  let pelaksanaToken: string;
  let surabaya: { id: number; bodyId: number };
  const pageErrors: string[] = [];
  const http = () => request(t.app.getHttpServer());
  const auth = (tok: string) => ({ Authorization: `Bearer ${tok}` });

  async function checkPage(page: Page, name: string): Promise<void> {
    const violations: A11yViolation[] = [];
    const overflowing: string[] = [];
    for (const viewport of [NARROWEST, ...WIDTHS]) {
      await page.setViewportSize({ width: viewport, height: 800 });
      const { scrollWidth, innerWidth } = await page.evaluate(() => {
        const w = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number } } };
        return { scrollWidth: w.document.documentElement.scrollWidth, innerWidth: w.innerWidth };
      });
      if (scrollWidth > innerWidth) overflowing.push(`${name} at ${viewport} px is ${scrollWidth} px wide`);
      if (WIDTHS.includes(viewport)) violations.push(...(await inspectPage(page, `actions-${name}-${viewport}`)));
    }
    expect(overflowing).toEqual([]);
    expect(violations).toEqual([]);
  }

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'id-ID', viewport: { width: WIDTHS[0], height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
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

  async function fileRequest(): Promise<{ id: string; number: string; code: string }> {
    const res = await http().post('/api/v1/requests').send(requestPayload(surabaya.id));
    if (res.status !== 201) throw new Error(`filing failed with ${res.status}`);
    const [row] = (await t.app.get(DataSource).query('SELECT id::text FROM requests WHERE registration_number = $1', [res.body.registrationNumber])) as { id: string }[];
    return { id: row.id, number: res.body.registrationNumber, code: res.body.trackingCode };
  }

  async function track(page: Page, number: string, code: string): Promise<void> {
    await page.goto(`${t.url}/lacak`);
    await page.getByLabel('Nomor pendaftaran', { exact: true }).fill(number);
    await page.getByLabel('Kode lacak', { exact: true }).fill(code);
    await navigateBy(page, () => page.getByRole('button', { name: 'Lacak', exact: true }).click());
  }

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp({ INTAKE_LIMIT_PER_IP_HOUR: '1000' }, { listen: true }), launchBrowser()]);
    surabaya = await utamaUnitOf(t.app, '35.78');
    const pelaksana = await createPelaksanaUnit(t.app, '35.78', { name: 'PPID Pelaksana Dinas Kesehatan' });
    officer = await createUser(t.app, { role: 'officer', unitId: surabaya.id, name: 'Rina Wulandari' });
    const pelaksanaOfficer = await createUser(t.app, { role: 'officer', unitId: pelaksana.id, name: 'Bayu Pratama' });
    token = await bearerToken(t.app, officer.email);
    pelaksanaToken = await bearerToken(t.app, pelaksanaOfficer.email);
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await t?.close();
  });

  it('should show the delivery form of a grant and the ralat form, then record a delivery with the browser', async () => {
    const r = await fileRequest();
    await http().post(`/api/v1/requests/${r.id}/notice`).set(auth(token)).send({ decision: 'granted', informationHeld: true, material: 'Salinan DPA 2025', format: 'hardcopy', delivery: 'pickup' });
    const page = await newPage();
    await signIn(page, officer);
    await page.goto(`${t.url}/petugas/permohonan/${r.id}`);
    await checkPage(page, 'officer-grant');
    await navigateBy(page, () => page.getByRole('button', { name: 'Tutup permohonan (selesai)' }).click());
    await expect(page.getByText('belum dapat ditutup').first().isVisible()).resolves.toBe(true);
    await checkPage(page, 'officer-close-refused');
    await page.getByLabel('Tanggal penyampaian', { exact: true }).fill(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10));
    await page.getByLabel('Cara penyampaian', { exact: true }).selectOption('pickup');
    await page.getByLabel('Keterangan bukti penyampaian', { exact: true }).fill('Diambil sendiri oleh pemohon; tanda terima nomor 12/2026.');
    await navigateBy(page, () => page.getByRole('button', { name: 'Catat penyampaian' }).click());
    await expect(page.getByText('Penyampaian informasi tercatat').isVisible()).resolves.toBe(true);
    await checkPage(page, 'officer-delivered');
  });

  it('should show a Pelaksana refusal to the PPID Utama with approve and send-back, and the transfer form', async () => {
    const r = await fileRequest();
    const pelaksanaUnit = (await t.app.get(DataSource).query(`SELECT id FROM ppid_units WHERE name = 'PPID Pelaksana Dinas Kesehatan'`)) as { id: number }[];
    await http().post(`/api/v1/requests/${r.id}/forward`).set(auth(token)).send({ unitId: pelaksanaUnit[0].id });
    await http().post(`/api/v1/requests/${r.id}/notice`).set(auth(pelaksanaToken)).send(refusal);
    const page = await newPage();
    await signIn(page, officer);
    await page.goto(`${t.url}/petugas/permohonan/${r.id}`);
    await expect(page.getByRole('heading', { name: 'Penolakan menunggu persetujuan PPID Utama' }).isVisible()).resolves.toBe(true);
    await checkPage(page, 'officer-refusal-awaiting');
    await page.goto(`${t.url}/petugas?status=awaiting_approval`);
    await expect(page.getByText(r.number).isVisible()).resolves.toBe(true);
    await checkPage(page, 'queue-awaiting-approval');

    const open = await fileRequest();
    await http().post(`/api/v1/requests/${open.id}/extension`).set(auth(token)).send({ workingDays: 3, reason: 'Dokumen tersebar di beberapa OPD.' });
    await page.goto(`${t.url}/petugas/permohonan/${open.id}`);
    await expect(page.getByRole('heading', { name: 'Teruskan ke badan publik lain yang menguasai informasi' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { name: 'Ralat surat' }).isVisible()).resolves.toBe(true);
    await checkPage(page, 'officer-open-with-letter');
  });

  it('should show the ralat and the transfer on the tracking page, then withdraw another request after confirming', async () => {
    const r = await fileRequest();
    await http().post(`/api/v1/requests/${r.id}/extension`).set(auth(token)).send({ workingDays: 3, reason: 'Dokumen tersebar di beberapa OPD.' });
    const [doc] = (await t.app.get(DataSource).query('SELECT id::text FROM request_documents WHERE request_id = $1', [r.id])) as { id: string }[];
    await http().post(`/api/v1/requests/${r.id}/corrections`).set(auth(token)).send({ documentId: doc.id, original: 'tiga hari kerja', corrected: '3 (tiga) hari kerja' });
    const moved = await http().post(`/api/v1/requests/${r.id}/transfer`).set(auth(token)).send({ bodyCode: '35.07', note: 'Data dikelola Kabupaten Malang.' });
    expect(moved.status).toBe(201);
    const citizen = await newPage();
    await track(citizen, r.number, r.code);
    await expect(citizen.getByRole('heading', { name: /Diteruskan ke/ }).isVisible()).resolves.toBe(true);
    await expect(citizen.getByText('Ralat atas surat nomor').first().isVisible()).resolves.toBe(true);
    await checkPage(citizen, 'tracking-transferred');

    const w = await fileRequest();
    await track(citizen, w.number, w.code);
    await navigateBy(citizen, () => citizen.getByRole('button', { name: 'Cabut permohonan…' }).click());
    await expect(citizen.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Cabut permohonan');
    await checkPage(citizen, 'tracking-withdraw-confirm');
    await citizen.getByLabel('Alasan pencabutan (tidak wajib)', { exact: true }).fill('Data sudah saya peroleh dari laman resmi.');
    await navigateBy(citizen, () => citizen.getByRole('button', { name: 'Ya, cabut permohonan' }).click());
    await expect(citizen.getByText('Permohonan Anda telah dicabut').isVisible()).resolves.toBe(true);
    await checkPage(citizen, 'tracking-withdrawn');
    expect(pageErrors).toEqual([]);
  });
});
