import { DocumentJob, renderDocument } from './render-document';

/**
 * What a PDF worker thread does for each task of PdfThreads: render one document. Loaded by
 * pdf-thread-entry.js, once per thread, so the fonts parsed by the first document serve the rest.
 * The bytes go back to the main thread as a copy (a Uint8Array): a small PDF may sit in Node's
 * shared buffer pool, which cannot be transferred.
 */
export default function renderInThread(job: DocumentJob): Promise<Uint8Array> {
  return renderDocument(job);
}
