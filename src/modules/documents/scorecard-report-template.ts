/**
 * The scorecards report for the Governor: a cover, the method, the ranking, the charts, then one
 * page per body. Every part starts on a new page; a body's page never runs onto a second one.
 */
import { DocumentMeta, PdfLayout } from './pdf-layout';
import { ScorecardBodyPage, ScorecardReportData, ScorecardReportSection } from './scorecard-report-data';

export const SCORECARD_REPORT_FONT_SIZE = 9.5;
export const SCORECARD_REPORT_MARGIN_CM = 2;
const TABLE_FONT_SIZE = 7.5;
const FIELDS_LABEL_WIDTH = 120;
/** A body's page: a chart that leaves room for its tables, labels on one line. */
const BODY_PAGE = { chartMaxHeight: 125, labelWidth: 150 };

export function scorecardReportMeta(data: ScorecardReportData): DocumentMeta {
  return { title: data.title, author: data.authority, subject: `${data.title} — ${data.cover.period}`, reference: data.footer };
}

export function drawScorecardReport(layout: PdfLayout, data: ScorecardReportData): void {
  drawCover(layout, data);
  for (const part of [data.method, data.ranking, data.charts]) {
    layout.startPage();
    for (const s of part) drawSection(layout, s);
  }
  for (const page of data.bodies) drawBodyPage(layout, page);
}

function drawCover(layout: PdfLayout, data: ScorecardReportData): void {
  const { cover } = data;
  layout.space(3);
  layout.centered(data.authority.toUpperCase(), { bold: true, size: SCORECARD_REPORT_FONT_SIZE + 4 });
  layout.space(5);
  layout.centered(cover.title, { bold: true, size: SCORECARD_REPORT_FONT_SIZE + 11 });
  layout.space(0.5);
  layout.centered(cover.subtitle, { size: SCORECARD_REPORT_FONT_SIZE + 3 });
  layout.space(1.5);
  layout.centered(cover.period, { bold: true, size: SCORECARD_REPORT_FONT_SIZE + 4 });
  layout.space(4);
  layout.framed(cover.disclaimer);
  layout.space(1);
  layout.table(cover.figures, { labelWidth: 230 });
  layout.space(2);
  layout.lines(cover.lines, { muted: true });
}

function drawSection(layout: PdfLayout, s: ScorecardReportSection, fit = { chartMaxHeight: Infinity, labelWidth: FIELDS_LABEL_WIDTH }): void {
  switch (s.kind) {
    case 'heading':
      layout.heading(s.text);
      break;
    case 'paragraph':
      layout.paragraph(s.text, { muted: s.muted });
      break;
    case 'fields':
      layout.table(s.rows, { labelWidth: fit.labelWidth });
      break;
    case 'table':
      layout.grid(s.columns, s.rows, TABLE_FONT_SIZE, s.caption);
      break;
    case 'chart': {
      // Caption, drawing and note stay on one page.
      const line = SCORECARD_REPORT_FONT_SIZE * 1.4;
      const note = s.note ? layout.textHeight(s.note, { size: TABLE_FONT_SIZE }) + line : 0;
      layout.needs(layout.textHeight(s.caption, { bold: true }) + line + layout.svgHeight(s.chart.width, s.chart.height, fit.chartMaxHeight) + note);
      layout.heading(s.caption);
      layout.svg(s.chart.svg, s.chart.width, s.chart.height, fit.chartMaxHeight);
      if (s.note) layout.paragraph(s.note, { muted: true, size: TABLE_FONT_SIZE });
      break;
    }
  }
}

/** The body's figures, then as many of its PPID units as the page still holds. */
function drawBodyPage(layout: PdfLayout, page: ScorecardBodyPage): void {
  layout.startPage();
  layout.centered(page.title, { bold: true, size: SCORECARD_REPORT_FONT_SIZE + 4 });
  layout.space(0.3);
  for (const s of page.sections) drawSection(layout, s, BODY_PAGE);
  const { units } = page;
  const heights: number[] = [];
  const whole = layout.gridHeight(units.columns, units.rows, TABLE_FONT_SIZE, units.caption, heights);
  if (whole <= layout.spaceLeft) {
    layout.grid(units.columns, units.rows, TABLE_FONT_SIZE, units.caption);
    return;
  }
  // Leave room for the note that says how many were left out.
  const room = layout.spaceLeft - layout.gridHeight(units.columns, [], TABLE_FONT_SIZE, units.caption) - 3 * SCORECARD_REPORT_FONT_SIZE * 1.5;
  let shown = 0;
  for (let used = 0; shown < heights.length && used + heights[shown] <= room; shown++) used += heights[shown];
  if (shown > 0) layout.grid(units.columns, units.rows.slice(0, shown), TABLE_FONT_SIZE, units.caption);
  layout.paragraph(page.unitsOverflowNote.replace('{n}', String(units.rows.length - shown)), { muted: true, size: TABLE_FONT_SIZE });
}
