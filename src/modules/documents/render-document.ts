import { LetterData, ReceiptData, RegisterDocumentData, ReportData } from './document-data';
import { drawLetter, LETTER_FONT_SIZE, letterMeta } from './letter-template';
import { PdfLayout } from './pdf-layout';
import { drawReceipt, RECEIPT_FONT_SIZE, receiptMeta } from './receipt-template';
import { drawRegister, REGISTER_FONT_SIZE, registerMeta } from './register-template';
import { renderBarChart } from './report-charts';
import { drawReport, REPORT_FONT_SIZE, reportMeta } from './report-template';
import { ScorecardReportData } from './scorecard-report-data';
import { drawScorecardReport, SCORECARD_REPORT_FONT_SIZE, SCORECARD_REPORT_MARGIN_CM, scorecardReportMeta } from './scorecard-report-template';

/**
 * One document to render: its kind and its data, plain values only (text, numbers, SVG strings),
 * so it can be handed to a worker thread as it is.
 */
export type DocumentJob =
  | { kind: 'receipt'; data: ReceiptData }
  | { kind: 'letter'; data: LetterData }
  | { kind: 'register'; data: RegisterDocumentData }
  | { kind: 'report'; data: ReportData }
  | { kind: 'scorecard-report'; data: ScorecardReportData };

export type DocumentKind = DocumentJob['kind'];

/** Lays out one document and returns the PDF's bytes; the same in a worker thread and inline. */
export async function renderDocument(job: DocumentJob): Promise<Buffer> {
  switch (job.kind) {
    case 'receipt': {
      const layout = new PdfLayout(receiptMeta(job.data), RECEIPT_FONT_SIZE);
      drawReceipt(layout, job.data);
      return layout.finish();
    }
    case 'letter': {
      const layout = new PdfLayout(letterMeta(job.data), LETTER_FONT_SIZE);
      drawLetter(layout, job.data);
      return layout.finish();
    }
    case 'register': {
      const layout = new PdfLayout(registerMeta(job.data), REGISTER_FONT_SIZE, { landscape: true, marginCm: 1 });
      drawRegister(layout, job.data);
      return layout.finish();
    }
    case 'report': {
      // Each chart rendered to SVG first (Vega), then drawn in place.
      const charts = [];
      for (const s of job.data.sections) if (s.kind === 'chart') charts.push(await renderBarChart(s.chart));
      const layout = new PdfLayout(reportMeta(job.data), REPORT_FONT_SIZE);
      drawReport(layout, job.data, charts);
      return layout.finish();
    }
    case 'scorecard-report': {
      const layout = new PdfLayout(scorecardReportMeta(job.data), SCORECARD_REPORT_FONT_SIZE, { marginCm: SCORECARD_REPORT_MARGIN_CM });
      drawScorecardReport(layout, job.data);
      return layout.finish();
    }
  }
}
