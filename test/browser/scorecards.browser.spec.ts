import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { createUser, TEST_PASSWORD } from 'test/support/auth-helpers';
import { ACTION_TIMEOUT_MS, describeBrowser, inspectPage, launchBrowser, navigateBy } from 'test/support/browser';
import { startTestApp, TestApp } from 'test/support/test-app';

/** A few answered requests per body in February 2025, some late, so the ranking has every kind of row. */
async function seed(db: DataSource): Promise<void> {
  const units = (await db.query(
    `SELECT u.id, u.body_id FROM ppid_units u JOIN public_bodies b ON b.id = u.body_id
      WHERE u.level = 'utama' AND b.region_code IN ('35.78', '35.79', '35.07', '35.73') ORDER BY b.region_code`,
  )) as { id: number; body_id: number }[];
  let seq = 0;
  for (const [i, u] of units.entries()) {
    for (let j = 0; j < 3 + i; j += 1) {
      seq += 1;
      const late = j < i;
      await db.query(
        `INSERT INTO requests (registration_number, receiving_unit_id, registration_year, registration_seq, unit_id, body_id, channel, status,
            decision, requester_type, requester_name, requester_address, information, purpose, obtain_method, received_at,
            effective_receipt_date, due_date, due_provisional, version, answered_at)
         VALUES ($1, $2, 2025, $3, $2, $4, 'online', $5, $6, 'individual', 'Pemohon Uji', '\\x00', 'Informasi uji', 'Uji', 'copy_soft',
            '2025-02-03T03:00:00Z', '2025-02-03', '2025-02-17', false, 1, $7)`,
        [`3500-U-2025-${String(seq).padStart(5, '0')}`, u.id, seq, u.body_id, j === 2 ? 'in_process' : 'answered', j === 2 ? null : 'granted', j === 2 ? null : late ? '2025-02-20T03:00:00Z' : '2025-02-05T03:00:00Z'],
      );
    }
  }
  // A keberatan answered on time with a sengketa, and an annual report, so their longest texts show too.
  const [first] = (await db.query(`SELECT id, body_id FROM requests WHERE registration_number = '3500-U-2025-00001'`)) as { id: string; body_id: number }[];
  const [objection] = (await db.query(
    `INSERT INTO objections (number, body_id, year, seq, request_id, grounds, grounds_arose, reasons, received_at, effective_receipt_date,
        due_date, due_provisional, status, decision_reasons, decided_at, response_date, version)
     VALUES ('3578-KEB-2025-00001', $1, 2025, 1, $2, '{e}', '{}', 'Uji', '2025-02-17T03:00:00Z', '2025-02-17', '2025-04-09', false,
        'upheld', 'Alasan', '2025-03-03T03:00:00Z', '2025-03-03', 1) RETURNING id`,
    [first.body_id, first.id],
  )) as { id: string }[];
  await db.query(`INSERT INTO disputes (objection_id, request_id, filed_on, case_number, stage, recorded_by) VALUES ($1, $2, '2025-03-10', 'KI-1', 'registered', 'requester')`, [
    objection.id,
    first.id,
  ]);
  await db.query(`INSERT INTO annual_reports (body_id, year, published_at, published_figures) VALUES ($1, 2024, '2025-03-28T03:00:00Z', '{}')`, [first.body_id]);
}

/** The widths a page is checked at for sideways scroll: the phone's 375 px and the narrowest 360 px, or the desk's. */
const fitWidths = (width: number): number[] => (width < 400 ? [width, 360] : [width]);

describeBrowser('ranking pages at 375 px and 1280 px (and no sideways scroll at 360 px)', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  const overflow = () =>
    page.evaluate(() => {
      const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp({ SCORECARD_MIN_REQUESTS: '4' }, { listen: true }), launchBrowser()]);
    await seed(t.app.get(DataSource));
    context = await browser.newContext({ locale: 'id-ID', viewport: { width: 360, height: 740 } });
    page = await context.newPage();
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
  });

  it.each([375, 1280])('should show /peringkat at %i px without sideways scroll or accessibility violations', async (width) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${t.url}/peringkat?tahun=2025&triwulan=1`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Peringkat layanan informasi publik');
    await expect(page.getByRole('img', { name: /Indeks layanan portal per badan publik/ }).count()).resolves.toBe(1);
    await expect(page.locator('table.scorecards tbody tr').count()).resolves.toBeGreaterThan(30);
    expect(await inspectPage(page, `peringkat-${width}`)).toEqual([]);
    for (const w of fitWidths(width)) {
      await page.setViewportSize({ width: w, height: 800 });
      await expect(overflow()).resolves.toBeLessThanOrEqual(0);
    }
  });

  it.each([375, 1280])('should show a body page at %i px without sideways scroll or accessibility violations', async (width) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${t.url}/peringkat/35.73?tahun=2025&triwulan=1`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Pemerintah Kota Malang');
    await expect(page.getByRole('img', { name: /per triwulan 2025/ }).count()).resolves.toBe(1);
    expect(await inspectPage(page, `peringkat-badan-${width}`)).toEqual([]);
    for (const w of fitWidths(width)) {
      await page.setViewportSize({ width: w, height: 800 });
      await expect(overflow()).resolves.toBeLessThanOrEqual(0);
    }
  });

  it.each([375, 1280])('should land the bureau on its desk at %i px without sideways scroll or accessibility violations', async (width) => {
    const bureau = await createUser(t.app, { role: 'bureau' });
    const signIn = await browser.newContext({ locale: 'id-ID', viewport: { width, height: 800 } });
    const p = await signIn.newPage();
    try {
      await p.goto(`${t.url}/masuk`);
      await p.getByLabel('Alamat e-mail', { exact: true }).fill(bureau.email);
      await p.getByLabel('Kata sandi', { exact: true }).fill(TEST_PASSWORD);
      await navigateBy(p, () => p.getByRole('button', { name: 'Masuk', exact: true }).click());
      expect(new URL(p.url()).pathname).toBe('/biro');
      await expect(p.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Layanan informasi se-provinsi');
      expect(await inspectPage(p, `biro-${width}`)).toEqual([]);
      for (const w of fitWidths(width)) {
        await p.setViewportSize({ width: w, height: 800 });
        const wider = await p.evaluate(() => {
          const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
          return root.scrollWidth - root.clientWidth;
        });
        expect(wider).toBeLessThanOrEqual(0);
      }
    } finally {
      await signIn.close();
    }
  });
});
