import { buildAnnualFigures, buildObjectionFigures } from './annual-figures';
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
  it('should say "belum ada data" for objections and disputes in a report published before they were recorded', () => {
    const tables = figureTables(buildAnnualFigures(2025, [], null));
    expect(tables.map((t) => t.caption)).toHaveLength(5);
    expect(tables[4].rows.map((r) => r.cells)).toEqual([[NO_DATA], [NO_DATA]]);
  });

  it('should show objections by ground and decision, and disputes by stage and outcome, zeros included', () => {
    const objections = buildObjectionFigures(
      [
        { grounds: ['a', 'd'], status: 'upheld', dueDate: '2025-03-10', responseDate: '2025-03-01' },
        { grounds: ['a'], status: 'overturned', dueDate: '2025-03-10', responseDate: '2025-03-12' },
        { grounds: ['c'], status: 'pending', dueDate: '2025-04-10', responseDate: null },
      ],
      [{ stage: 'putusan', outcome: 'rejected' }],
    );
    const tables = figureTables(buildAnnualFigures(2025, [], objections));
    expect(tables.slice(4).map((t) => t.caption)).toEqual([
      'Keberatan menurut alasan (Pasal 35 ayat (1) UU 14/2008)',
      'Tanggapan atasan PPID atas keberatan',
      'Sengketa informasi di Komisi Informasi',
    ]);
    expect(tables[4].rows.map((r) => [r.label.slice(0, 7), r.cells[0]])).toEqual([
      ['Keberat', '3'],
      ['Huruf a', '2'],
      ['Huruf b', '0'],
      ['Huruf c', '1'],
      ['Huruf d', '1'],
      ['Huruf e', '0'],
      ['Huruf f', '0'],
      ['Huruf g', '0'],
    ]);
    expect(tables[5].rows).toEqual([
      { label: 'Keputusan PPID dikuatkan (keberatan ditolak)', cells: ['1'] },
      { label: 'Keputusan PPID dibatalkan seluruhnya', cells: ['1'] },
      { label: 'Keputusan PPID dibatalkan sebagian', cells: ['0'] },
      { label: 'Belum ditanggapi', cells: ['1'] },
      { label: 'Ditanggapi secara tertulis', cells: ['2'] },
      { label: 'Ditanggapi dalam 30 hari kerja', cells: ['1'] },
    ]);
    expect(tables[6].rows.map((r) => r.cells[0])).toEqual(['1', '0', '0', '0', '1', '0', '0', '1', '0', '0', '0']);
    expect(tables[6].rows[7].label).toBe('Hasil: Permohonan sengketa ditolak (keputusan badan publik dikuatkan)');
  });

  it('should show zeros, never "belum ada data", for a year without objections', () => {
    const tables = figureTables(buildAnnualFigures(2025, [], buildObjectionFigures([], [])));
    expect(tables.slice(4).flatMap((t) => t.rows.map((r) => r.cells[0]))).toEqual(new Array(8 + 6 + 11).fill('0'));
  });

  it('should chart every month of every channel, and label unknown channels by their code', () => {
    const [months] = figureCharts({ ...buildAnnualFigures(2025, [], null), byChannel: [{ channel: 'whatsapp', months: new Array(12).fill(1), total: 12 }] });
    expect(months.points).toHaveLength(12);
    expect(months.points[0]).toEqual({ category: 'Jan', value: 1, series: 'whatsapp' });
  });
});
