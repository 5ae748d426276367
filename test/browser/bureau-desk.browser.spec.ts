import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { createUser, TEST_PASSWORD } from 'test/support/auth-helpers';
import { ACTION_TIMEOUT_MS, describeBrowser, inspectPage, launchBrowser, navigateBy } from 'test/support/browser';
import { startTestApp, TestApp } from 'test/support/test-app';

/** Requests of this quarter in three bodies, some answered, some overdue, so every column has values. */
async function seed(db: DataSource): Promise<void> {
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4));
  const start = new Date(Date.UTC(year, Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3, 1)).toISOString().slice(0, 10);
  const units = (await db.query(
    `SELECT u.id, u.body_id FROM ppid_units u JOIN public_bodies b ON b.id = u.body_id
      WHERE u.level = 'utama' AND b.region_code IN ('35.78', '35.07', '35.73') ORDER BY b.region_code`,
  )) as { id: number; body_id: number }[];
  let seq = 0;
  for (const u of units) {
    for (let j = 0; j < 4; j += 1) {
      seq += 1;
      const answered = j % 2 === 0;
      await db.query(
        `INSERT INTO requests (registration_number, receiving_unit_id, registration_year, registration_seq, unit_id, body_id, channel, status,
            decision, requester_type, requester_name, requester_address, information, purpose, obtain_method, received_at,
            effective_receipt_date, due_date, due_provisional, version, answered_at)
         VALUES ($1, $2, $3, $4, $2, $5, 'online', $6, $7, 'individual', 'Pemohon Uji', '\\x00', 'Informasi uji', 'Uji', 'copy_soft',
            $8, $9, $9, false, 1, $10)`,
        [`3500-B-${year}-${String(seq).padStart(5, '0')}`, u.id, year, seq, u.body_id, answered ? 'answered' : 'in_process', answered ? 'granted' : null,
          `${start}T03:00:00Z`, start, answered ? `${start}T04:00:00Z` : null],
      );
    }
  }
}

describeBrowser('the bureau desk and its queue at 375 px and 1280 px', () => {
  let t: TestApp;
  let browser: Browser;

  const overflow = (p: Page) =>
    p.evaluate(() => {
      const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp({}, { listen: true }), launchBrowser()]);
    await seed(t.app.get(DataSource));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it.each([375, 1280])('should follow a desk figure to its list and filter the queue at %i px, readable and without sideways scroll', async (width) => {
    const bureau = await createUser(t.app, { role: 'bureau' });
    const context = await browser.newContext({ locale: 'id-ID', viewport: { width, height: 800 } });
    const p = await context.newPage();
    p.setDefaultTimeout(ACTION_TIMEOUT_MS);
    try {
      await p.goto(`${t.url}/masuk`);
      await p.getByLabel('Alamat e-mail', { exact: true }).fill(bureau.email);
      await p.getByLabel('Kata sandi', { exact: true }).fill(TEST_PASSWORD);
      await navigateBy(p, () => p.getByRole('button', { name: 'Masuk', exact: true }).click());
      expect(new URL(p.url()).pathname).toBe('/biro');
      await expect(p.locator('#angka-diterima').textContent()).resolves.toBe('12');
      await expect(overflow(p)).resolves.toBeLessThanOrEqual(0);
      expect(await inspectPage(p, `biro-angka-${width}`)).toEqual([]);

      // The overdue figure leads to its list, as long as the figure.
      const overdue = await p.locator('#angka-terlambat').textContent();
      await navigateBy(p, () => p.locator('#angka-terlambat').click());
      expect(new URL(p.url()).pathname).toBe('/biro/permohonan');
      await expect(p.locator('#jumlah-daftar').textContent()).resolves.toBe(overdue);
      await expect(p.locator('table.queue tbody tr').count()).resolves.toBe(Number(overdue));
      await expect(p.content()).resolves.not.toContain('Pemohon Uji');
      await expect(overflow(p)).resolves.toBeLessThanOrEqual(0);
      expect(await inspectPage(p, `biro-daftar-${width}`)).toEqual([]);

      // Filter by body and state from the form.
      await p.goto(`${t.url}/biro/permohonan`);
      await p.getByLabel('Badan publik', { exact: true }).selectOption('35.78');
      await p.getByLabel('Status', { exact: true }).selectOption('answered');
      await navigateBy(p, () => p.getByRole('button', { name: 'Tampilkan', exact: true }).click());
      await expect(p.locator('#jumlah-daftar').textContent()).resolves.toBe('2');
      await expect(p.locator('table.queue-totals tbody tr').count()).resolves.toBe(1);
      await expect(overflow(p)).resolves.toBeLessThanOrEqual(0);
      expect(await inspectPage(p, `biro-antrean-${width}`)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
