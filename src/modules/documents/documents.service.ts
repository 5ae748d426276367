import { Injectable } from '@nestjs/common';
import { LetterData, ReceiptData, RegisterDocumentData, ReportData } from './document-data';
import { drawLetter, LETTER_FONT_SIZE, letterMeta } from './letter-template';
import { PdfLayout } from './pdf-layout';
import { drawReceipt, RECEIPT_FONT_SIZE, receiptMeta } from './receipt-template';
import { drawRegister, REGISTER_FONT_SIZE, registerMeta } from './register-template';
import { renderBarChart } from './report-charts';
import { drawReport, REPORT_FONT_SIZE, reportMeta } from './report-template';
import { ScorecardReportData } from './scorecard-report-data';
import { drawScorecardReport, SCORECARD_REPORT_FONT_SIZE, SCORECARD_REPORT_MARGIN_CM, scorecardReportMeta } from './scorecard-report-template';

/** The portal's one door to PDF: every document the portal issues is rendered here. */
@Injectable()
export class DocumentsService {
  /** Tanda bukti penerimaan permohonan informasi publik. */
  async renderReceipt(data: ReceiptData): Promise<Buffer> {
    const layout = new PdfLayout(receiptMeta(data), RECEIPT_FONT_SIZE);
    drawReceipt(layout, data);
    return layout.finish();
  }

  /** A letter in Indonesian government style (extension, written notice, refusal, …). */
  async renderLetter(data: LetterData): Promise<Buffer> {
    const layout = new PdfLayout(letterMeta(data), LETTER_FONT_SIZE);
    drawLetter(layout, data);
    return layout.finish();
  }

  /** A register (permohonan, keberatan) as a table on A4 landscape. */
  async renderRegister(data: RegisterDocumentData): Promise<Buffer> {
    const layout = new PdfLayout(registerMeta(data), REGISTER_FONT_SIZE, { landscape: true, marginCm: 1 });
    drawRegister(layout, data);
    return layout.finish();
  }

  /** A report with charts (each rendered to SVG first, then drawn in place). */
  async renderReport(data: ReportData): Promise<Buffer> {
    const charts = [];
    for (const s of data.sections) if (s.kind === 'chart') charts.push(await renderBarChart(s.chart));
    const layout = new PdfLayout(reportMeta(data), REPORT_FONT_SIZE);
    drawReport(layout, data, charts);
    return layout.finish();
  }

  /** The province's scorecards for the Governor: cover, method, ranking, charts, a page per body. */
  async renderScorecardReport(data: ScorecardReportData): Promise<Buffer> {
    const layout = new PdfLayout(scorecardReportMeta(data), SCORECARD_REPORT_FONT_SIZE, { marginCm: SCORECARD_REPORT_MARGIN_CM });
    drawScorecardReport(layout, data);
    return layout.finish();
  }
}
