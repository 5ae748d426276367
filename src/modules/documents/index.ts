/** The documents module's public surface: other modules import only from here. */
export type { BarChart, FieldRow, LetterData, LetterSection, LetterSigner, ReceiptData, RegisterDocumentData, ReportData, ReportSection } from './document-data';
export type { ReportTable, ScorecardBodyPage, ScorecardReportData, ScorecardReportSection, SvgChart } from './scorecard-report-data';
export { DocumentsModule } from './documents.module';
export { DocumentsService } from './documents.service';
export { flat, keepPdf, pdfPages } from './testing/pdf-pages';
