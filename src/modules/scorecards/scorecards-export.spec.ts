import ExcelJS from 'exceljs';
import { DEFAULT_SCORECARD_WEIGHTS } from 'src/config/scorecard-weights';
import { componentScores, serviceIndex } from './scorecard-index';
import { computeMetrics, ZERO_COUNTS } from './scorecard-metrics';
import { rate } from './scorecard-stats';
import { yearPeriod } from './scorecard-period';
import { SCORECARD_COLUMNS, scorecardsCsv } from './scorecards-csv';
import { scorecardsXlsx } from './scorecards-xlsx';
import { monevBeside } from './scorecards-monev';
import { BodyScorecard, ProvinceScorecards } from './scorecards.service';

function card(code: string, name: string, rank: number | null, onTime: number, received: number): BodyScorecard {
  const metrics = computeMetrics({ ...ZERO_COUNTS, received, settled: received, decided: received, onTime }, [], null, null);
  const scores = componentScores(metrics);
  const index = serviceIndex(scores, DEFAULT_SCORECARD_WEIGHTS);
  return { body: { id: Number(code.replace('.', '')), code, name, kind: 'kota' }, metrics, scores, index, enoughData: rank !== null, rank, band: rank === null ? null : 'informatif', previousIndex: null };
}

const scorecards: ProvinceScorecards = {
  period: yearPeriod(2025),
  previous: yearPeriod(2024),
  asOf: '2025-12-31',
  refreshedAt: new Date('2026-01-05T01:00:00Z'),
  minRequests: 20,
  weights: DEFAULT_SCORECARD_WEIGHTS,
  notAvailable: ['objections', 'annualReport'],
  bodies: [card('35.78', 'Pemerintah Kota Surabaya', 1, 20, 20), card('35.07', '=HYPERLINK("x")', null, 1, 2)],
  province: computeMetrics(ZERO_COUNTS, [], null, null),
  medians: { index: 100, onTime: 1, completion: null, daysToNotice: null },
};

describe('scorecardsCsv', () => {
  it('should write a header and one line per body, an unranked body with empty rank and index', () => {
    const lines = scorecardsCsv(scorecards).trimEnd().split('\r\n');
    expect(lines[0]).toBe(SCORECARD_COLUMNS.join(','));
    expect(lines[1]).toBe(`35.78,Pemerintah Kota Surabaya,1,100,informatif,20,20,20,100,0,0,,,0,0,0,0,0,${',,'.repeat(10)}${','.repeat(15)},,,`);
    expect(lines[2].startsWith(`35.07,"'=HYPERLINK(""x"")",,,data_belum_cukup,2,1,2,50,`)).toBe(true);
  });
});

describe('scorecardsCsv of keberatan and the annual report', () => {
  it('should write counts, k, n and the Wilson interval of each keberatan rate, and the report standing', () => {
    const metrics = computeMetrics(
      { ...ZERO_COUNTS, received: 10 },
      [],
      { objections: 3, requestsObjected: 2, overturned: 1, answered: 2, answeredOnTime: 1, overdue: 1, disputes: 1, requestsDisputed: 1 },
      { reportYear: 2024, deadline: '2025-03-31', publishedOn: '2025-04-01', onTime: false },
    );
    const base = scorecards.bodies[0];
    const csv = scorecardsCsv({ ...scorecards, notAvailable: [], bodies: [{ ...base, metrics }] });
    const [header, line] = csv.trimEnd().split('\r\n').map((l) => l.split(','));
    const cell = (name: string): string => line[header.indexOf(name)];
    expect([cell('keberatan'), cell('sengketa')]).toEqual(['3', '1']);
    expect([cell('permohonan_dengan_keberatan_k'), cell('permohonan_dengan_keberatan_n')]).toEqual(['2', '10']);
    expect([cell('keberatan_dikabulkan_k'), cell('keberatan_dikabulkan_n')]).toEqual(['1', '2']);
    // 1 of 3 (the overdue one counts as late): Wilson 95% 6.1–79.2%.
    expect(['k', 'n', 'ik95_bawah', 'ik95_atas'].map((x) => cell(`keberatan_tepat_waktu_${x}`))).toEqual(['1', '3', '6.1', '79.2']);
    expect([cell('permohonan_sampai_sengketa_k'), cell('permohonan_sampai_sengketa_n')]).toEqual(['1', '10']);
    expect([cell('laporan_tahunan_tepat_waktu'), cell('laporan_tahunan_terbit')]).toEqual(['tidak', '2025-04-01']);
  });
});

describe('scorecardsCsv of information already public', () => {
  it('should write k, n, the percentage and the Wilson interval of DIP completeness and berkala freshness', () => {
    const metrics = computeMetrics({ ...ZERO_COUNTS, received: 10 }, [], null, null, { dipCompleteness: rate(1, 2), dipFreshness: rate(3, 4) });
    const base = scorecards.bodies[0];
    const csv = scorecardsCsv({ ...scorecards, bodies: [{ ...base, metrics }] });
    const [header, line] = csv.trimEnd().split('\r\n').map((l) => l.split(','));
    const cells = (prefix: string): string[] => ['k', 'n', 'persen', 'ik95_bawah', 'ik95_atas'].map((x) => line[header.indexOf(`${prefix}_${x}`)]);
    // 1 of 2: Wilson 95% 9.5–90.5%; 3 of 4: 30.1–95.4%.
    expect(cells('dip_kelengkapan')).toEqual(['1', '2', '50', '9.5', '90.5']);
    expect(cells('dip_berkala_mutakhir')).toEqual(['3', '4', '75', '30.1', '95.4']);
    expect(header.indexOf('dip_kelengkapan_k')).toBeLessThan(header.indexOf('monev_ki_tahun'));
  });
});

describe('scorecardsCsv with monev results', () => {
  it('should add the Komisi Informasi result of the year in its own columns, apart from the index', () => {
    const monev = monevBeside(scorecards, [{ year: 2025, bodyId: 3578, score: 98.56, qualification: 'informatif', importedAt: new Date() }]);
    const lines = scorecardsCsv(scorecards, monev).trimEnd().split('\r\n');
    expect(lines[0].endsWith(',monev_ki_tahun,monev_ki_nilai,monev_ki_kualifikasi')).toBe(true);
    expect(lines[1].endsWith(`,0,${',,'.repeat(10)}${','.repeat(15)},2025,98.56,informatif`)).toBe(true);
    expect(lines[2].endsWith(',,,')).toBe(true);
  });
});

describe('scorecardsXlsx', () => {
  it('should write the same columns and rows, and the method with its weights', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await scorecardsXlsx(scorecards)) as unknown as Parameters<typeof book.xlsx.load>[0]);
    const sheet = book.getWorksheet('Peringkat');
    expect(sheet?.getRow(1).values).toEqual([undefined, ...SCORECARD_COLUMNS]);
    expect(sheet?.getRow(2).getCell(2).value).toBe('Pemerintah Kota Surabaya');
    expect(sheet?.getRow(2).getCell(4).value).toBe(100);
    expect(sheet?.getRow(3).getCell(3).value).toBeNull();
    expect(sheet?.rowCount).toBe(3);
    const method = book.getWorksheet('Metode');
    expect(method?.getRow(5).values).toEqual([undefined, 'Pemberitahuan tepat waktu', 35, 'ya', expect.any(String)]);
    expect(method?.getRow(10).getCell(3).value).toBe('tidak');
  });
});
