import { Inject, Injectable, OnApplicationShutdown, Optional } from '@nestjs/common';
import { LetterData, ReceiptData, RegisterDocumentData, ReportData } from './document-data';
import { INLINE_RENDERER, PdfRenderer } from './pdf-threads';
import { ScorecardReportData } from './scorecard-report-data';

/** Injection token of the PdfRenderer in force (documents.module.ts: PDF_THREADS). */
export const PDF_RENDERER = Symbol('PDF_RENDERER');

/**
 * The portal's one door to PDF: every document the portal issues is rendered here, in the PDF
 * worker threads (PDF_THREADS) or, without them, inline. Built with `new DocumentsService()` it
 * renders inline.
 */
@Injectable()
export class DocumentsService implements OnApplicationShutdown {
  constructor(@Optional() @Inject(PDF_RENDERER) private readonly renderer: PdfRenderer = INLINE_RENDERER) {}

  /** Tanda bukti penerimaan permohonan informasi publik. */
  renderReceipt(data: ReceiptData): Promise<Buffer> {
    return this.renderer.render({ kind: 'receipt', data });
  }

  /** A letter in Indonesian government style (extension, written notice, refusal, …). */
  renderLetter(data: LetterData): Promise<Buffer> {
    return this.renderer.render({ kind: 'letter', data });
  }

  /** A register (permohonan, keberatan) as a table on A4 landscape. */
  renderRegister(data: RegisterDocumentData): Promise<Buffer> {
    return this.renderer.render({ kind: 'register', data });
  }

  /** A report with charts (each rendered to SVG first, then drawn in place). */
  renderReport(data: ReportData): Promise<Buffer> {
    return this.renderer.render({ kind: 'report', data });
  }

  /** The province's scorecards for the Governor: cover, method, ranking, charts, a page per body. */
  renderScorecardReport(data: ScorecardReportData): Promise<Buffer> {
    return this.renderer.render({ kind: 'scorecard-report', data });
  }

  /** After the jobs stopped and the HTTP server closed: lets running renders finish, then ends the threads. */
  async onApplicationShutdown(): Promise<void> {
    await this.renderer.close();
  }
}
