import { DEFAULT_SCORECARD_WEIGHTS } from 'src/config/scorecard-weights';
import { componentScores, serviceIndex } from './scorecard-index';
import { computeMetrics, ZERO_COUNTS } from './scorecard-metrics';
import { quarterPeriod, rangePeriod, yearPeriod } from './scorecard-period';
import { rate } from './scorecard-stats';
import { reportFileName, scorecardReportData } from './scorecards-report.presenter';
import { BodyScorecard, ProvinceScorecards } from './scorecards.service';

function card(code: string, name: string, rank: number | null, onTime: number, received: number): BodyScorecard {
  const metrics = computeMetrics({ ...ZERO_COUNTS, received, settled: received, decided: received, onTime }, [], null, null);
  const scores = componentScores(metrics);
  const index = serviceIndex(scores, DEFAULT_SCORECARD_WEIGHTS);
  return { body: { id: Number(code.replace('.', '')), code, name, kind: 'kota' }, metrics, scores, index, enoughData: rank !== null, rank, band: rank === null ? null : 'informatif', previousIndex: rank === null ? null : 90 };
}

const province: ProvinceScorecards = {
  period: quarterPeriod(2025, 1),
  previous: quarterPeriod(2024, 4),
  asOf: '2025-03-31',
  refreshedAt: new Date('2025-04-01T01:00:00Z'),
  minRequests: 20,
  weights: DEFAULT_SCORECARD_WEIGHTS,
  notAvailable: ['objections', 'annualReport'],
  bodies: [card('35.78', 'Pemerintah Kota Surabaya', 1, 20, 20), card('35', 'Pemerintah Provinsi Jawa Timur', null, 1, 2)],
  province: computeMetrics(ZERO_COUNTS, [], null, null),
  medians: { index: 100, onTime: 1, completion: null, daysToNotice: null },
};

describe('reportFileName', () => {
  it.each([
    ['laporan-indeks-layanan-portal-2025.pdf', yearPeriod(2025)],
    ['laporan-indeks-layanan-portal-2025-tw3.pdf', quarterPeriod(2025, 3)],
    ['laporan-indeks-layanan-portal-2025-02-01-2025-02-28.pdf', rangePeriod('2025-02-01', '2025-02-28')],
  ])('should name the file %s', (name, period) => {
    expect(reportFileName(period)).toBe(name);
  });
});

describe('scorecardReportData', () => {
  const data = scorecardReportData(
    { province, pages: [] },
    { ranking: null, onTime: null, history: new Map() },
    { producedAt: new Date('2025-04-02T03:15:00Z'), timeZone: 'Asia/Jakarta', appUrl: 'https://ppid.example.id' },
  );

  it('should put the province on the cover, the period and the time it was made in WIB, and never call the index a monev result', () => {
    expect(data.authority).toBe('Pemerintah Provinsi Jawa Timur');
    expect(data.cover.period).toBe('Triwulan I 2025 (1 Januari 2025 – 31 Maret 2025)');
    expect(data.cover.lines).toContain('Dibuat 2 April 2025 pukul 10.15 WIB.');
    expect(data.cover.disclaimer).toContain('bukan hasil monitoring dan evaluasi (monev) Komisi Informasi');
    expect(data.cover.lines).toContain('Versi daring: https://ppid.example.id/peringkat?tahun=2025&triwulan=1');
  });

  it('should list the ranked bodies with rank, index, n, rate with interval and change, and the others apart', () => {
    const tables = data.ranking.filter((s) => s.kind === 'table');
    expect(tables).toHaveLength(2);
    expect(tables[0].kind === 'table' && tables[0].rows).toEqual([['1', 'Pemerintah Kota Surabaya', '100,0', 'Informatif', '20', '100,0% (20/20; 83,9–100,0)', '+10,0']]);
    expect(tables[1].kind === 'table' && tables[1].rows).toEqual([['Pemerintah Provinsi Jawa Timur', '2', '50,0% (1/2; 9,5–90,5)', 'Data belum cukup']]);
  });

  it('should give every weight of the setting in the method', () => {
    const components = data.method.find((s) => s.kind === 'table');
    expect(components?.kind === 'table' && components.rows.map((r) => r.slice(0, 3))).toEqual([
      ['Pemberitahuan tepat waktu', '35', 'ya'],
      ['Informasi tersampaikan', '20', 'ya'],
      ['Kecepatan', '10', 'ya'],
      ['Penolakan beralasan', '10', 'ya'],
      ['Tunggakan', '5', 'ya'],
      ['Keberatan dijawab tepat waktu', '10', 'belum tersedia'],
      ['Laporan tahunan', '10', 'belum tersedia'],
      ['Kelengkapan DIP', '5', 'ya'],
      ['Informasi berkala mutakhir', '5', 'ya'],
      ['Jawaban yang dipublikasikan', '0', 'ya'],
    ]);
  });

  it('should print a body page with DIP completeness and berkala freshness, each with k of n and its interval', () => {
    const metrics = computeMetrics({ ...ZERO_COUNTS, received: 20 }, [], null, null, { dipCompleteness: rate(1, 2), dipFreshness: rate(3, 4) });
    const current = { ...province.bodies[0], metrics };
    const withPage = scorecardReportData(
      { province, pages: [{ current, province, units: [], history: [], overdue: [] }] },
      { ranking: null, onTime: null, history: new Map() },
      { producedAt: new Date('2025-04-02T03:15:00Z'), timeZone: 'Asia/Jakarta', appUrl: 'https://ppid.example.id' },
    );
    const table = withPage.bodies[0].sections.find((s) => s.kind === 'table' && s.caption === 'Ukuran kepatuhan');
    const rows = table?.kind === 'table' ? table.rows : [];
    expect(rows).toContainEqual(['Kelengkapan DIP', '50,0%', '1 dari 2', '9,5–90,5%', '—']);
    expect(rows).toContainEqual(['Informasi berkala mutakhir', '75,0%', '3 dari 4', '30,1–95,4%', '—']);
  });

  it.each([
    [{ reportYear: 2024, deadline: '2025-03-31', publishedOn: '2025-04-15', onTime: false }, 'Tidak (laporan 2024 terbit 15 April 2025)'],
    [{ reportYear: 2024, deadline: '2025-03-31', publishedOn: '2025-03-20', onTime: true }, 'Ya (laporan 2024 terbit 20 Maret 2025)'],
    [{ reportYear: 2024, deadline: '2025-03-31', publishedOn: null, onTime: false }, 'Tidak (laporan 2024 belum terbit)'],
  ])('should print whether the annual report came out by 31 March as the web page says it: %o', (annualReport, text) => {
    const metrics = computeMetrics({ ...ZERO_COUNTS, received: 20 }, [], null, annualReport);
    const current = { ...province.bodies[0], metrics };
    const withPage = scorecardReportData(
      { province, pages: [{ current, province, units: [], history: [], overdue: [] }] },
      { ranking: null, onTime: null, history: new Map() },
      { producedAt: new Date('2025-04-02T03:15:00Z'), timeZone: 'Asia/Jakarta', appUrl: 'https://ppid.example.id' },
    );
    const table = withPage.bodies[0].sections.find((s) => s.kind === 'table' && s.caption === 'Ukuran kepatuhan');
    const rows = table?.kind === 'table' ? table.rows : [];
    expect(rows).toContainEqual(['Laporan tahunan terbit paling lambat 31 Maret', text, '—', '—', '—']);
  });
});
