import * as vega from 'vega';
import { compile, TopLevelSpec } from 'vega-lite';

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

/** Compiles a vega-lite spec and renders it to SVG on the server (no canvas: Vega's own SVG renderer). */
export async function renderSvg(spec: TopLevelSpec, title: string): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    // A title for screen readers; the page gives a table with the same figures beside it.
    return svg
      .replace(/^<svg /, `<svg role="img" aria-label="${escapeXml(title)}" `)
      .replace(/(<svg[^>]*>)/, `$1<title>${escapeXml(title)}</title>`)
      .replace(/ width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/, ' width="100%" viewBox="0 0 $1 $2" preserveAspectRatio="xMinYMin meet"');
  } finally {
    view.finalize();
  }
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

/** Horizontal bars of the ranked bodies' service index, coloured by band, with the provincial median as a rule. */
export function rankingChart(bars: IndexBar[], provincialMedian: number | null, title: string): Promise<string> {
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width: 190,
    height: { step: 18 },
    config: { axis: FONT, legend: { ...FONT, orient: 'bottom', direction: 'vertical', columns: 1 }, view: { stroke: null } },
    layer: [
      {
        data: { values: bars },
        mark: { type: 'bar' },
        encoding: {
          y: { field: 'name', type: 'nominal', sort: '-x', title: null, axis: { labelLimit: 130 } },
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
  return renderSvg(spec, title);
}

/** A body's service index per quarter, as a line with points. */
export function historyChart(points: HistoryPoint[], title: string): Promise<string> {
  const spec = {
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
  return renderSvg(spec, title);
}
