import { DocumentsService } from './documents.service';
import { ScorecardBodyPage, ScorecardReportData } from './scorecard-report-data';
import { flat, pdfPages } from './testing/pdf-pages';

const LONG = 'Pemerintah Kabupaten dengan Nama Percobaan yang Sangat Panjang Sekali untuk Memeriksa Pembungkusan Teks di Dalam Kotak';

function bodyPage(title: string, units: number): ScorecardBodyPage {
  return {
    title,
    sections: [
      { kind: 'fields', rows: [{ label: 'Peringkat', value: '1 dari 2' }] },
      { kind: 'table', caption: 'Ukuran kepatuhan', columns: [{ header: 'Ukuran', width: 3 }, { header: 'Nilai', width: 1 }], rows: Array.from({ length: 13 }, (_, i) => [`Ukuran ${i + 1}`, '50,0%']) },
    ],
    units: {
      caption: 'Unit PPID',
      columns: [{ header: 'Unit PPID', width: 4 }, { header: 'n', width: 1 }],
      rows: Array.from({ length: units }, (_, i) => [`PPID Pelaksana ${LONG} nomor ${i + 1}`, String(units - i)]),
    },
    unitsOverflowNote: '{n} unit PPID lain tidak muat di halaman ini.',
  };
}

function report(bodies: ScorecardBodyPage[]): ScorecardReportData {
  return {
    title: 'Laporan Indeks layanan portal — Tahun 2025',
    authority: 'Pemerintah Provinsi Jawa Timur',
    cover: { title: 'INDEKS LAYANAN PORTAL', subtitle: LONG, period: 'Tahun 2025', figures: [{ label: 'Permohonan', value: '12' }], lines: ['Dibuat 2 Januari 2026.'], disclaimer: 'Bukan hasil monev Komisi Informasi.' },
    method: [{ kind: 'heading', text: 'Metode' }, { kind: 'paragraph', text: 'Rumus.' }],
    ranking: [{ kind: 'heading', text: 'Peringkat' }, { kind: 'table', columns: [{ header: 'Badan publik', width: 1 }], rows: [[LONG]] }],
    charts: [{ kind: 'heading', text: 'Grafik' }],
    bodies,
    footer: 'Indeks layanan portal · Tahun 2025',
  };
}

describe('the scorecards report for the Governor as PDF', () => {
  const documents = new DocumentsService();

  it('should give each part a page of its own and each body exactly one page, cutting a long list of units with a note', async () => {
    const pdf = await documents.renderScorecardReport(report([bodyPage(`35.01 · ${LONG}`, 60), bodyPage('35.02 · Pemerintah Kabupaten Ponorogo', 2)]));
    const [pages] = await pdfPages([pdf]);
    const text = pages.map(flat);
    expect(text).toHaveLength(6);
    expect(text[0]).toContain('PEMERINTAH PROVINSI JAWA TIMUR');
    expect(text[1].startsWith('Metode')).toBe(true);
    expect(text[2].startsWith('Peringkat')).toBe(true);
    expect(text[3].startsWith('Grafik')).toBe(true);
    expect(text[4].startsWith(`35.01 · ${LONG}`)).toBe(true);
    const shown = (text[4].match(/nomor \d+/g) ?? []).length;
    expect(shown).toBeGreaterThan(0);
    expect(text[4]).toContain(`${60 - shown} unit PPID lain tidak muat di halaman ini.`);
    expect(text[5]).toContain('nomor 2');
    expect(text[5]).not.toContain('tidak muat');
    text.forEach((p, i) => expect(p).toContain(`Halaman ${i + 1} dari 6`));
  });
});
