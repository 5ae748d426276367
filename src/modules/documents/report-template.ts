/** A report with a letterhead: title, headed sections of paragraphs, tables and charts. */
import { ReportData } from './document-data';
import { DocumentMeta, PdfLayout } from './pdf-layout';
import { RenderedChart } from './report-charts';

export const REPORT_FONT_SIZE = 10;
const TABLE_FONT_SIZE = 8;
const FIELDS_LABEL_WIDTH = 230;

export function reportMeta(data: ReportData): DocumentMeta {
  return { title: data.title, author: data.bodyName, subject: `${data.title} — ${data.bodyName}`, reference: data.reference };
}

/** `charts` holds the rendered chart of each chart section, in order. */
export function drawReport(layout: PdfLayout, data: ReportData, charts: RenderedChart[]): void {
  layout.letterhead({ bodyName: data.bodyName, unitName: data.unitName, lines: data.kopLines });
  layout.centered(data.title, { bold: true, size: REPORT_FONT_SIZE + 3 });
  for (const line of data.subtitleLines) layout.centered(line);
  layout.space(0.5);
  let chart = 0;
  for (const s of data.sections) {
    switch (s.kind) {
      case 'heading':
        layout.heading(s.text);
        break;
      case 'paragraph':
        layout.paragraph(s.text);
        break;
      case 'fields':
        layout.table(s.rows, { labelWidth: FIELDS_LABEL_WIDTH });
        break;
      case 'table':
        layout.grid(s.columns, s.rows, TABLE_FONT_SIZE, s.caption);
        break;
      case 'chart': {
        const c = charts[chart++];
        layout.svg(c.svg, c.width, c.height);
        break;
      }
    }
  }
  if (data.footerNote) layout.note(data.footerNote);
}
