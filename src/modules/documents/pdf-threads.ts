import { Logger } from '@nestjs/common';
import { Piscina } from 'piscina';
import { extname, join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { safeErrorSummary } from 'src/common/logging/error-summary';
import { DocumentJob, DocumentKind, renderDocument } from './render-document';

/** Renders documents somewhere: inline on the caller's event loop, or in worker threads. */
export interface PdfRenderer {
  render(job: DocumentJob): Promise<Buffer>;
  /** Ends whatever the renderer started (the threads, which refuse to render after it). */
  close(): Promise<void>;
}

/** On the caller's event loop: for PDF_THREADS=0, the unit specs and the tools. */
export const INLINE_RENDERER: PdfRenderer = {
  render: renderDocument,
  close: async () => undefined,
};

/** A render that did not finish: its thread crashed, it ran past its time, or the threads are closed. */
export class PdfRenderFailed extends Error {
  constructor(
    readonly kind: DocumentKind,
    reason: string,
    options?: { cause: unknown },
  ) {
    super(`PDF ${kind} not rendered: ${reason}`, options);
    this.name = 'PdfRenderFailed';
  }
}

export interface PdfThreadsOptions {
  /** Threads at most (PDF_THREADS, at least 1). */
  threads: number;
  /** A render not finished this long after it was asked for is stopped (its thread is ended and replaced) and fails. */
  timeoutMs: number;
  /** The module a thread runs for each task (its default export); tests name a faulty one. */
  handler?: string;
}

/** Compiled JavaScript beside this file in the build, TypeScript under Jest and ts-node. */
const OWN_EXTENSION = extname(__filename);
const ENTRY = join(__dirname, 'pdf-thread-entry.js');
const DEFAULT_HANDLER = join(__dirname, `pdf-thread${OWN_EXTENSION}`);
const CLOSE_TIMEOUT_MS = 10_000;

/**
 * PDF rendering in a small pool of worker threads (piscina), off the event loop that serves
 * requests and runs jobs. Documents go in and come back as plain data (structured clone). No
 * thread starts before the first render; then all `threads` start, each loads pdfkit and parses
 * the fonts once and keeps them while it lives (an idle thread does not keep the process alive).
 * A thread that crashes, or a render that runs past `timeoutMs`, fails that render alone with
 * PdfRenderFailed (a mail job is then retried); a new thread takes the crashed one's place.
 */
export class PdfThreads implements PdfRenderer {
  private readonly logger = new Logger('PdfThreads');
  private pool?: Piscina<DocumentJob, Uint8Array>;
  private closed = false;

  constructor(private readonly options: PdfThreadsOptions) {
    if (!Number.isInteger(options.threads) || options.threads < 1) throw new Error('PdfThreads needs at least one thread');
  }

  /** The threads running now (none before the first render, none after close). */
  get threads(): readonly Worker[] {
    return this.pool?.threads ?? [];
  }

  async render(job: DocumentJob): Promise<Buffer> {
    if (this.closed) throw new PdfRenderFailed(job.kind, 'the PDF threads are closed');
    const pool = (this.pool ??= this.start());
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.options.timeoutMs);
    try {
      const pdf = await pool.run(job, { signal: timeout.signal });
      return Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } catch (error) {
      // The thread's error is summarised (addresses and long numbers masked): it may end up in a log or a job's row.
      const reason = timeout.signal.aborted ? `still running after ${this.options.timeoutMs} ms` : `failed in its thread (${safeErrorSummary(error, 200)})`;
      throw new PdfRenderFailed(job.kind, reason, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Lets running renders finish (for up to 10 s), then ends every thread and waits until each has
   * exited. A thread already being ended for a render past its time exits on its own a moment later.
   */
  async close(): Promise<void> {
    this.closed = true;
    const pool = this.pool;
    this.pool = undefined;
    // Resolves once every thread has exited (piscina waits for their 'exit' events).
    await pool?.close();
  }

  private start(): Piscina<DocumentJob, Uint8Array> {
    const pool = new Piscina<DocumentJob, Uint8Array>({
      filename: ENTRY,
      workerData: { handler: this.options.handler ?? DEFAULT_HANDLER },
      // All threads from the first render on: piscina replaces a thread that died only up to
      // minThreads, and with fewer the renders queued behind a crash would wait for the next one.
      minThreads: this.options.threads,
      maxThreads: this.options.threads,
      closeTimeout: CLOSE_TIMEOUT_MS,
    });
    // A thread's failure outside any task (or a close that timed out); a task's own failure goes to its caller.
    pool.on('error', (error: unknown) => this.logger.warn({ msg: 'PDF thread failed', error: safeErrorSummary(error) }));
    return pool;
  }
}
