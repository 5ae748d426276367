import { DocumentsService } from './documents.service';
import { barChartSpec, renderBarChart } from './report-charts';
import { flat, pdfPages } from './testing/pdf-pages';

describe('registers and reports as PDF', () => {
  const documents = new DocumentsService();

  it('should lay a register on A4 landscape, repeating the headings on every page', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => [`3578-U-2026-${String(i + 1).padStart(5, '0')}`, 'Informasi yang cukup panjang untuk dibungkus dalam sel yang sempit '.repeat(2)]);
    const pdf = await documents.renderRegister({
      title: 'Register Permohonan Informasi Publik',
      subtitleLines: ['Pemerintah Kota Surabaya'],
      columns: [{ header: 'Nomor pendaftaran', width: 1 }, { header: 'Informasi yang diminta', width: 3 }],
      rows,
      note: 'Dibuat oleh Portal KIP.',
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // A4 landscape: 841.89 × 595.28 points.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89\d* 595\.28\d*\]/);
    const [pages] = await pdfPages([pdf]);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(flat(page)).toContain('Nomor pendaftaran');
    expect(flat(pages.join(' '))).toContain('3578-U-2026-00060');
  });

  it('should render a bar chart to SVG with whole-number ticks and draw it into a report', async () => {
    const chart = { title: 'Penolakan menurut huruf Pasal 17', categoryTitle: 'Huruf', valueTitle: 'Penolakan', points: [{ category: 'h', value: 2 }, { category: 'j', value: 1 }] };
    expect(barChartSpec(chart)).toMatchObject({ encoding: { y: { axis: { values: [0, 1, 2] } } } });
    const svg = await renderBarChart(chart);
    expect(svg.svg).toContain('<svg');
    expect(svg.svg).toContain('Penolakan menurut huruf Pasal 17');
    const pdf = await documents.renderReport({
      bodyName: 'Pemerintah Kota Surabaya',
      unitName: 'PPID Utama Kota Surabaya',
      title: 'LAPORAN LAYANAN INFORMASI PUBLIK TAHUN 2025',
      subtitleLines: ['Rancangan'],
      sections: [{ kind: 'heading', text: 'Penolakan' }, { kind: 'chart', chart }, { kind: 'fields', rows: [{ label: 'Jumlah', value: '3' }] }],
      reference: 'Laporan 2025',
    });
    const [pages] = await pdfPages([pdf]);
    const text = flat(pages.join(' '));
    expect(text).toContain('LAPORAN LAYANAN INFORMASI PUBLIK TAHUN 2025');
    // The chart's own text (title, axis titles) is drawn as PDF text.
    expect(text).toContain('Penolakan menurut huruf Pasal 17');
    expect(text).toContain('Huruf');
  });
});
