import type { TopLevelSpec } from 'vega-lite';
import { loadEsm } from 'src/common/files/load-esm';

/** One bar of the ranking chart. */
export interface IndexBar {
  name: string;
  index: number;
  category: string;
}

/** One point of a body's quarterly history. */
export interface HistoryPoint {
  quarter: string;
  index: number | null;
}

const BAND_COLOURS = {
  domain: ['Informatif', 'Menuju Informatif', 'Cukup Informatif', 'Kurang Informatif', 'Tidak Informatif'],
  range: ['#1a7f37', '#4d8f1f', '#9a6700', '#bc4c00', '#cf222e'],
};

const FONT = { font: 'sans-serif', labelFontSize: 11, titleFontSize: 12 };

/** A chart for print: Vega's SVG at its natural size, in points. */
export interface PrintChart {
  svg: string;
  width: number;
  height: number;
}

/** The PDF's font, so Vega sizes labels for the type they are drawn in. */
const PRINT_FONT = 'DejaVu Sans';

async function vegaSvg(spec: TopLevelSpec): Promise<string> {
  // Loaded on first use: the libraries are large and only the scorecard pages and report need them.
  const vega = await loadEsm<typeof import('vega')>('vega');
  const { compile } = await loadEsm<typeof import('vega-lite')>('vega-lite');
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Compiles a vega-lite spec and renders it to SVG on the server (no canvas: Vega's own SVG renderer). */
export async function renderSvg(spec: TopLevelSpec, title: string): Promise<string> {
  const svg = await vegaSvg(spec);
  // A title for screen readers; the page gives a table with the same figures beside it.
  return svg
    .replace(/^<svg /, `<svg role="img" aria-label="${escapeXml(title)}" `)
    .replace(/(<svg[^>]*>)/, `$1<title>${escapeXml(title)}</title>`)
    .replace(/ width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/, ' width="100%" viewBox="0 0 $1 $2" preserveAspectRatio="xMinYMin meet"');
}

/** The same rendering for a PDF: the fixed size Vega gives, and the PDF's font. */
export async function renderPrintSvg(spec: TopLevelSpec): Promise<PrintChart> {
  const printed = { ...spec, config: { ...(spec.config ?? {}), font: PRINT_FONT } } as TopLevelSpec;
  const svg = await vegaSvg(printed);
  const size = /^<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  if (!size) throw new Error('Vega gave an SVG without a size');
  return { svg, width: Number(size[1]), height: Number(size[2]) };
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

/** Horizontal bars of the ranked bodies' service index, coloured by band, with the provincial median as a rule. */
export function rankingChart(bars: IndexBar[], provincialMedian: number | null, title: string): Promise<string> {
  return renderSvg(rankingSpec(bars, provincialMedian, { width: 190, step: 18 }), title);
}

/** The ranking chart for the PDF report: narrower bars so every body of a province fits one page. */
export function printRankingChart(bars: IndexBar[], provincialMedian: number | null): Promise<PrintChart> {
  return renderPrintSvg(rankingSpec(bars, provincialMedian, { width: 220, step: 12, labelLimit: 200, legendColumns: 3 }));
}

function rankingSpec(bars: IndexBar[], provincialMedian: number | null, size: { width: number; step: number; labelLimit?: number; legendColumns?: number }): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width: size.width,
    height: { step: size.step },
    config: { axis: FONT, legend: { ...FONT, orient: 'bottom', direction: 'vertical', columns: size.legendColumns ?? 1 }, view: { stroke: null } },
    layer: [
      {
        data: { values: bars },
        mark: { type: 'bar' },
        encoding: {
          y: { field: 'name', type: 'nominal', sort: '-x', title: null, axis: { labelLimit: size.labelLimit ?? 130 } },
          x: { field: 'index', type: 'quantitative', scale: { domain: [0, 100] }, title: 'Indeks layanan portal (0–100)' },
          color: { field: 'category', type: 'nominal', scale: BAND_COLOURS, title: 'Kategori' },
        },
      },
      ...(provincialMedian === null
        ? []
        : [
            {
              data: { values: [{ median: provincialMedian }] },
              mark: { type: 'rule', strokeDash: [4, 3], color: '#24292f' },
              encoding: { x: { field: 'median', type: 'quantitative' } },
            },
          ]),
    ],
  } as unknown as TopLevelSpec;
}

/** A body's service index per quarter, as a line with points. */
export function historyChart(points: HistoryPoint[], title: string): Promise<string> {
  return renderSvg(historySpec(points), title);
}

export function printHistoryChart(points: HistoryPoint[]): Promise<PrintChart> {
  return renderPrintSvg(historySpec(points));
}

function historySpec(points: HistoryPoint[]): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width: 240,
    height: 160,
    config: { axis: FONT, view: { stroke: null } },
    data: { values: points.filter((p) => p.index !== null) },
    mark: { type: 'line', point: true, color: '#0b5cad' },
    encoding: {
      x: { field: 'quarter', type: 'ordinal', title: 'Triwulan', sort: null, scale: { domain: points.map((p) => p.quarter) }, axis: { labelAngle: 0 } },
      y: { field: 'index', type: 'quantitative', scale: { domain: [0, 100] }, title: 'Indeks' },
    },
  } as unknown as TopLevelSpec;
}

/** One body's on-time rate with its 95% Wilson interval. */
export interface RateInterval {
  name: string;
  /** Percentages 0–100. */
  value: number;
  low: number;
  high: number;
  n: number;
  /** At least the minimum number of requests (ranked); the others are drawn in grey. */
  enoughData: boolean;
}

/**
 * Each body's on-time rate as a point on its 95% interval, highest first, with the provincial
 * median as a rule: small n shows as a wide interval rather than as a confident number.
 */
export function printOnTimeChart(rates: RateInterval[], provincialMedian: number | null): Promise<PrintChart> {
  const values = rates.map((r) => ({ ...r, group: r.enoughData ? 'Data cukup' : 'Data belum cukup' }));
  const group = { field: 'group', type: 'nominal', title: null, scale: { domain: ['Data cukup', 'Data belum cukup'], range: ['#0b5cad', '#8c959f'] } };
  const y = { field: 'name', type: 'nominal', sort: { field: 'value', order: 'descending' }, title: null, axis: { labelLimit: 170 } };
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width: 240,
    height: { step: 12 },
    config: { axis: { ...FONT, labelFontSize: 9 }, legend: { ...FONT, orient: 'bottom', direction: 'horizontal' }, view: { stroke: null } },
    data: { values },
    layer: [
      { mark: { type: 'rule' }, encoding: { y, x: { field: 'low', type: 'quantitative', scale: { domain: [0, 100] }, title: 'Pemberitahuan tepat waktu (%), dengan IK 95%' }, x2: { field: 'high' }, color: group } },
      { mark: { type: 'point', filled: true, size: 22 }, encoding: { y, x: { field: 'value', type: 'quantitative' }, color: group } },
      ...(provincialMedian === null
        ? []
        : [{ data: { values: [{ median: provincialMedian * 100 }] }, mark: { type: 'rule', strokeDash: [4, 3], color: '#24292f' }, encoding: { x: { field: 'median', type: 'quantitative' } } }]),
    ],
  } as unknown as TopLevelSpec;
  return renderPrintSvg(spec);
}
