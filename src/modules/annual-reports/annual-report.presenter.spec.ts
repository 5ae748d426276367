import { buildAnnualFigures } from './annual-figures';
import { figureCharts, figureTables, NO_DATA, reportDueNotices } from './annual-report.presenter';

const body = { id: 7, regionCode: '35.78', name: 'Pemerintah Kota Surabaya' };

describe('reportDueNotices', () => {
  it.each([
    ['2026-01-05', 'info', 'wajib diumumkan paling lambat 31 Maret 2026 (85 hari lagi).'],
    ['2026-03-20', 'warning', 'wajib diumumkan paling lambat 31 Maret 2026 (11 hari lagi).'],
    ['2026-03-31', 'warning', '(0 hari lagi).'],
    ['2026-04-01', 'danger', 'terlambat: batas waktunya 31 Maret 2026 dan laporan belum diumumkan.'],
  ])('should on %s say %s: %s', (today, tone, text) => {
    const [notice] = reportDueNotices([{ body, year: 2025, deadline: '2026-03-31', today, published: false }]);
    expect(notice.tone).toBe(tone);
    expect(notice.text).toContain(text);
    expect(notice.href).toBe('/petugas/laporan-tahunan?badan=7&tahun=2025');
  });

  it('should say nothing once the report is published', () => {
    expect(reportDueNotices([{ body, year: 2025, deadline: '2026-03-31', today: '2026-04-01', published: true }])).toEqual([]);
  });
});

describe('figure tables and charts', () => {
  it('should say "belum ada data" for objections and disputes until they are recorded', () => {
    const tables = figureTables(buildAnnualFigures(2025, [], null));
    expect(tables.map((t) => t.caption)).toHaveLength(5);
    expect(tables[4].rows.map((r) => r.cells)).toEqual([[NO_DATA], [NO_DATA]]);
  });

  it('should show recorded objections and disputes with their outcomes', () => {
    const f = buildAnnualFigures(2025, [], { objections: 3, objectionOutcomes: { dikabulkan: 2 }, disputes: 1, disputeOutcomes: { mediasi: 1 } });
    expect(figureTables(f)[4].rows).toEqual([
      { label: 'Keberatan yang diterima', cells: ['3'] },
      { label: 'Tanggapan atasan PPID: dikabulkan', cells: ['2'] },
      { label: 'Sengketa ke Komisi Informasi', cells: ['1'] },
      { label: 'Putusan sengketa: mediasi', cells: ['1'] },
    ]);
  });

  it('should chart every month of every channel, and label unknown channels by their code', () => {
    const [months] = figureCharts({ ...buildAnnualFigures(2025, [], null), byChannel: [{ channel: 'whatsapp', months: new Array(12).fill(1), total: 12 }] });
    expect(months.points).toHaveLength(12);
    expect(months.points[0]).toEqual({ category: 'Jan', value: 1, series: 'whatsapp' });
  });
});
