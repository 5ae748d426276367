import { historyChart, rankingChart } from './scorecard-charts';

describe('rankingChart', () => {
  it('should render an SVG from vega-lite with a title and a bar per body', async () => {
    const svg = await rankingChart(
      [
        { name: 'Kota Batu', index: 91.2, category: 'Informatif' },
        { name: 'Kabupaten Malang', index: 55, category: 'Kurang Informatif' },
      ],
      73.1,
      'Indeks layanan portal per badan publik',
    );
    expect(svg.startsWith('<svg role="img" aria-label="Indeks layanan portal per badan publik"')).toBe(true);
    expect(svg).toContain('<title>Indeks layanan portal per badan publik</title>');
    expect(svg).toContain('viewBox=');
    expect(svg).toContain('Kota Batu');
    expect(svg).toContain('Kabupaten Malang');
    expect(svg.match(/role-mark/g)?.length).toBeGreaterThanOrEqual(2);
  });
});

describe('historyChart', () => {
  it('should render the quarters even when one has no index', async () => {
    const svg = await historyChart(
      [
        { quarter: 'TW I', index: 80 },
        { quarter: 'TW II', index: null },
        { quarter: 'TW III', index: 70.5 },
      ],
      'Riwayat indeks',
    );
    expect(svg).toContain('<title>Riwayat indeks</title>');
    expect(svg).toContain('TW II');
  });
});
