import renderInThread from '../pdf-thread';
import { DocumentJob } from '../render-document';

/**
 * A PDF thread handler for the specs that plays the failures a real thread can meet: a receipt
 * numbered CRASH ends its thread (as an out-of-memory kill would), one numbered HANG never returns;
 * every other document is rendered as usual.
 */
export default function faultyRenderInThread(job: DocumentJob): Promise<Uint8Array> {
  if (job.kind === 'receipt' && job.data.registrationNumber === 'CRASH') process.exit(70);
  if (job.kind === 'receipt' && job.data.registrationNumber === 'HANG') for (;;);
  return renderInThread(job);
}
