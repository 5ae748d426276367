import { Module } from '@nestjs/common';
import { AppConfig } from 'src/config/app-config';
import { DocumentsService, PDF_RENDERER } from './documents.service';
import { INLINE_RENDERER, PdfRenderer, PdfThreads } from './pdf-threads';

/** A render still running after this long is stopped: the Governor's report takes seconds, a receipt milliseconds. */
const RENDER_TIMEOUT_MS = 120_000;

/** PDF_THREADS worker threads, started on the first render; 0 renders on the caller's event loop. */
export function pdfRendererFor(config: AppConfig): PdfRenderer {
  return config.pdfThreads > 0 ? new PdfThreads({ threads: config.pdfThreads, timeoutMs: RENDER_TIMEOUT_MS }) : INLINE_RENDERER;
}

@Module({
  providers: [{ provide: PDF_RENDERER, inject: [AppConfig], useFactory: pdfRendererFor }, DocumentsService],
  exports: [DocumentsService],
})
export class DocumentsModule {}
