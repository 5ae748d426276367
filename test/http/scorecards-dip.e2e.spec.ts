import request from 'supertest';
import { DataSource } from 'typeorm';
import { createUser, TestUser, utamaUnitOf } from 'test/support/auth-helpers';
import { DipExemptionsService, DipService } from 'src/modules/dip';
import { startTestApp, TestApp } from 'test/support/test-app';

/** An item as an officer enters it; the rhythm only for berkala. */
function item(unitId: number, category: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    unitId,
    category,
    title: `Informasi ${category} uji`,
    summary: 'Ringkasan informasi uji untuk peringkat.',
    responsibleOfficial: 'Kepala Bidang Uji',
    madeWhen: '2025',
    madeWhere: 'Surabaya',
    form: 'electronic',
    retention: '5 tahun',
    links: ['https://jdih.example.org/uji'],
    ...extra,
  };
}

const at = (day: string): Date => new Date(`${day}T03:00:00Z`); // 10.00 WIB

interface ApiRate {
  k: number;
  n: number;
  value: number | null;
  low: number | null;
  high: number | null;
}
interface ApiBody {
  code: string;
  metrics: { publicInformation: { dipCompleteness: ApiRate; dipFreshness: ApiRate } };
}

/**
 * The scorecards' DIP figures over the real database, for the third quarter of 2025 (1 July – 30
 * September), evaluated at the end of 30 September 2025 from each item's history:
 * - Kota Surabaya (35.78): every category, its berkala item fresh; an item added in November is not
 *   in the quarter;
 * - Kota Malang (35.73): its berkala item fell due on 10 July 2025 and was brought up to date only on
 *   20 October: stale for the third quarter, fresh for the fourth and today;
 * - Kabupaten Malang (35.07): one item available at any time, and a stale berkala item withdrawn in
 *   November: complete in the third quarter, half complete in the fourth;
 * - Kabupaten Lumajang (35.08): no DIP at all;
 * - Kabupaten Jember (35.09): an item available at any time, made berkala in November;
 * - Kabupaten Banyuwangi (35.10): an exempted item, opened in November.
 */
describe('scorecards: DIP completeness and berkala freshness', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());

  async function officerOf(code: string): Promise<{ unitId: number; officer: TestUser }> {
    const unit = await utamaUnitOf(t.app, code);
    return { unitId: unit.id, officer: await createUser(t.app, { role: 'officer', unitId: unit.id }) };
  }

  async function bodies(query: string): Promise<Map<string, ApiBody>> {
    const res = await http().get(`/api/v1/scorecards?${query}`).expect(200);
    return new Map((res.body.bodies as ApiBody[]).map((b) => [b.code, b]));
  }

  beforeAll(async () => {
    t = await startTestApp({ SCORECARD_MIN_REQUESTS: '1' });
    const dip = t.app.get(DipService);

    const surabaya = await officerOf('35.78');
    await dip.create(surabaya.officer.actor, item(surabaya.unitId, 'berkala', { updatePeriodMonths: 6, lastUpdatedOn: '2025-07-15' }), [], at('2025-07-15'));
    await dip.create(surabaya.officer.actor, item(surabaya.unitId, 'setiap_saat'), [], at('2025-03-01'));
    await dip.create(surabaya.officer.actor, item(surabaya.unitId, 'serta_merta'), [], at('2025-03-01'));
    // Added after the quarter: stale from the start, but not in the quarter's DIP.
    await dip.create(surabaya.officer.actor, item(surabaya.unitId, 'berkala', { updatePeriodMonths: 1, lastUpdatedOn: '2025-01-02' }), [], at('2025-11-05'));

    const kotaMalang = await officerOf('35.73');
    const late = await dip.create(kotaMalang.officer.actor, item(kotaMalang.unitId, 'berkala', { updatePeriodMonths: 6, lastUpdatedOn: '2025-01-10' }), [], at('2025-01-10'));
    await dip.create(kotaMalang.officer.actor, item(kotaMalang.unitId, 'setiap_saat'), [], at('2025-01-10'));
    await dip.markRefreshed(kotaMalang.officer.actor, late, at('2025-10-20'));

    const kabMalang = await officerOf('35.07');
    await dip.create(kabMalang.officer.actor, item(kabMalang.unitId, 'setiap_saat'), [], at('2025-02-01'));
    const gone = await dip.create(kabMalang.officer.actor, item(kabMalang.unitId, 'berkala', { updatePeriodMonths: 6, lastUpdatedOn: '2025-02-01' }), [], at('2025-02-01'));
    await dip.withdraw(kabMalang.officer.actor, gone, { reason: 'Digabung dengan laporan keuangan tahunan.' }, at('2025-11-01'));

    // Kabupaten Jember: an item available at any time made a berkala item in November.
    const jember = await officerOf('35.09');
    const moved = await dip.create(jember.officer.actor, item(jember.unitId, 'setiap_saat'), [], at('2025-03-01'));
    await dip.update(jember.officer.actor, moved, item(jember.unitId, 'berkala', { updatePeriodMonths: 3, lastUpdatedOn: '2025-11-10' }), [], at('2025-11-10'));

    // Kabupaten Banyuwangi: only an exempted item, opened (Pasal 11(2)) in November.
    const banyuwangi = await officerOf('35.10');
    const exempt = await dip.create(banyuwangi.officer.actor, item(banyuwangi.unitId, 'dikecualikan', { exemptionGround: 'h', links: [] }), [], at('2025-02-01'));
    await t.app.get(DipExemptionsService).reclassify(banyuwangi.officer.actor, exempt, { reason: 'Tidak lagi memuat rahasia pribadi setelah disunting.' }, at('2025-11-15'));
  }, 120_000);

  afterAll(async () => {
    await t.close();
  });

  it('should give each body its DIP completeness and berkala freshness as the DIP stood at the end of the quarter', async () => {
    const q3 = await bodies('year=2025&quarter=3');
    const pi = (code: string) => q3.get(code)?.metrics.publicInformation;
    expect(pi('35.78')?.dipCompleteness).toMatchObject({ k: 2, n: 2, value: 1 });
    expect(pi('35.78')?.dipFreshness).toMatchObject({ k: 1, n: 1, value: 1 });
    // Stale on 30 September, though brought up to date since.
    expect(pi('35.73')?.dipCompleteness).toMatchObject({ k: 2, n: 2 });
    expect(pi('35.73')?.dipFreshness).toMatchObject({ k: 0, n: 1, value: 0 });
    expect(pi('35.07')?.dipCompleteness).toMatchObject({ k: 2, n: 2 });
    expect(pi('35.07')?.dipFreshness).toMatchObject({ k: 0, n: 1 });
    expect(pi('35.08')?.dipCompleteness).toMatchObject({ k: 0, n: 2, value: 0 });
    expect(pi('35.08')?.dipFreshness).toEqual({ k: 0, n: 0, value: null, low: null, high: null });
    // 1 of 2 has a 95% Wilson interval of 9.5–90.5%.
    const half = (await bodies('year=2025&quarter=4')).get('35.07')?.metrics.publicInformation.dipCompleteness;
    expect(half).toMatchObject({ k: 1, n: 2, value: 0.5 });
    expect(half?.low).toBeCloseTo(0.0945, 3);
    expect(half?.high).toBeCloseTo(0.9055, 3);
  });

  it('should judge the fourth quarter and the running one on the DIP of their own last day', async () => {
    const q4 = await bodies('year=2025&quarter=4');
    expect(q4.get('35.73')?.metrics.publicInformation.dipFreshness).toMatchObject({ k: 1, n: 1 });
    // Surabaya's November item was due 2 February 2025: stale from the day it was added.
    expect(q4.get('35.78')?.metrics.publicInformation.dipFreshness).toMatchObject({ k: 1, n: 2 });
    expect(q4.get('35.07')?.metrics.publicInformation.dipFreshness).toMatchObject({ k: 0, n: 0 });
    // The category, period and last update of the day: setiap saat in the third quarter, berkala in the fourth.
    const q3 = await bodies('year=2025&quarter=3');
    expect(q3.get('35.09')?.metrics.publicInformation).toMatchObject({ dipCompleteness: { k: 1, n: 2 }, dipFreshness: { k: 0, n: 0 } });
    expect(q4.get('35.09')?.metrics.publicInformation).toMatchObject({ dipCompleteness: { k: 1, n: 2 }, dipFreshness: { k: 1, n: 1 } });
    // An exempted item is no information available at any time until it is opened.
    expect(q3.get('35.10')?.metrics.publicInformation.dipCompleteness).toMatchObject({ k: 0, n: 2 });
    expect(q4.get('35.10')?.metrics.publicInformation.dipCompleteness).toMatchObject({ k: 1, n: 2 });
  });

  it('should carry the DIP weights in the API, and the DIP columns in the CSV', async () => {
    const res = await http().get('/api/v1/scorecards?year=2025&quarter=3').expect(200);
    expect(res.body.weights).toMatchObject({ dipCompleteness: 5, dipFreshness: 5 });
    expect(res.body.notAvailable).not.toContain('dipCompleteness');
    const csv = await http().get('/api/v1/scorecards?year=2025&quarter=3&format=csv').expect(200);
    const [header, ...lines] = csv.text.trimEnd().split('\r\n').map((l) => l.split(','));
    const line = lines.find((l) => l[0] === '35.73') as string[];
    const cell = (name: string): string => line[header.indexOf(name)];
    expect(['k', 'n', 'persen'].map((x) => cell(`dip_kelengkapan_${x}`))).toEqual(['2', '2', '100']);
    expect(['k', 'n', 'persen'].map((x) => cell(`dip_berkala_mutakhir_${x}`))).toEqual(['0', '1', '0']);
  });

  it('should show the DIP figures on the ranking, on a body page and, with formula and weight, on the methodology page', async () => {
    const ranking = await http().get('/peringkat?tahun=2025&triwulan=3').expect(200);
    expect(ranking.text).toContain('<h2 id="informasi-publik">Daftar Informasi Publik</h2>');
    expect(ranking.text).toMatch(/<tr id="dip-35\.73">[\s\S]*?<td data-label="Berkala mutakhir">0,0%<br><span class="muted">0 dari 1; IK 95%: 0,0–79,3%<\/span><\/td>/);
    const body = await http().get('/peringkat/35.78?tahun=2025&triwulan=3').expect(200);
    expect(body.text).toContain('<dt>Kelengkapan DIP</dt><dd>100,0% <span class="muted">(2 dari 2;');
    const method = await http().get('/peringkat/metodologi').expect(200);
    expect(method.text).toMatch(/<td data-label="Komponen">Kelengkapan DIP<\/td><td data-label="Bobot">5<\/td>/);
    expect(method.text).toMatch(/<td data-label="Komponen">Informasi berkala mutakhir<\/td><td data-label="Bobot">5<\/td>/);
    expect(method.text).toContain('Informasi serta merta (Pasal 10) tidak diwajibkan');
  });

  it('should read the DIP of every body at once: one read per period shown, not one per body', async () => {
    const dip = t.app.get(DipService);
    const reads = jest.spyOn(dip, 'itemsAsOf');
    try {
      const res = await http().get('/api/v1/scorecards?year=2025').expect(200);
      expect((res.body.bodies as unknown[]).length).toBeGreaterThan(30);
      // The year and the year before (for the change): two reads for every body of the province.
      expect(reads.mock.calls.map(([day]) => day)).toEqual(['2025-12-31', '2024-12-31']);
    } finally {
      reads.mockRestore();
    }
    await expect(t.app.get(DataSource).query(`SELECT indexname FROM pg_indexes WHERE tablename = 'dip_item_history' AND indexname = 'dip_item_history_at'`)).resolves.toHaveLength(1);
  });
});
