/**
 * Charts for reports: a Vega-Lite specification compiled and rendered to SVG by Vega on the
 * server (no browser, no canvas), then drawn into the PDF by PdfLayout.svg. The only user of vega.
 */
import type { TopLevelSpec } from 'vega-lite';
import { loadEsm } from 'src/common/files/load-esm';
import { BarChart } from './document-data';

const WIDTH = 420;
const HEIGHT = 170;

export interface RenderedChart {
  svg: string;
  width: number;
  height: number;
}

export function barChartSpec(chart: BarChart): TopLevelSpec {
  const stacked = chart.points.some((p) => p.series !== undefined);
  const categories = [...new Set(chart.points.map((p) => p.category))];
  // Counts are whole numbers: small ones get one tick per unit, larger ones a few round ticks.
  const totals = new Map<string, number>();
  for (const p of chart.points) totals.set(p.category, (totals.get(p.category) ?? 0) + p.value);
  const max = Math.max(1, ...totals.values());
  const ticks = max <= 10 ? { values: Array.from({ length: max + 1 }, (_, i) => i) } : { tickCount: 5 };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: { text: chart.title, font: 'DejaVu Sans', fontSize: 11, anchor: 'start' },
    width: WIDTH,
    height: HEIGHT,
    background: 'white',
    data: { values: chart.points },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'category', type: 'nominal', sort: categories, title: chart.categoryTitle, axis: { labelAngle: 0, labelLimit: 140 } },
      y: { field: 'value', type: 'quantitative', title: chart.valueTitle, scale: { domainMin: 0 }, axis: { format: 'd', ...ticks } },
      ...(stacked ? { color: { field: 'series', type: 'nominal', title: null, legend: { orient: 'bottom', columns: 3, labelLimit: 220 } } } : {}),
    },
    config: {
      font: 'DejaVu Sans',
      axis: { labelFontSize: 8, titleFontSize: 9 },
      legend: { labelFontSize: 8 },
      range: { category: ['#1f4e79', '#c55a11', '#548235', '#7f6000', '#7030a0', '#2e75b6', '#a5a5a5'] },
    },
  };
}

/** The chart as SVG with its size in points. */
export async function renderBarChart(chart: BarChart): Promise<RenderedChart> {
  // Loaded on first use: the libraries are large and only reports need them.
  const vega = await loadEsm<typeof import('vega')>('vega');
  const vegaLite = await loadEsm<typeof import('vega-lite')>('vega-lite');
  const view = new vega.View(vega.parse(vegaLite.compile(barChartSpec(chart)).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  const size = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  return { svg, width: size ? Number(size[1]) : WIDTH, height: size ? Number(size[2]) : HEIGHT };
}
