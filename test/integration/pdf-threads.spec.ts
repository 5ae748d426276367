import request from 'supertest';
import type { Worker } from 'node:worker_threads';
import { PDF_RENDERER } from 'src/modules/documents/documents.service';
import { PdfThreads } from 'src/modules/documents/pdf-threads';
import { binary } from 'test/support/binary';
import { pdfText } from 'test/support/pdf-text';
import { requestPayload } from 'test/support/request-factory';
import { attachmentOf, SmtpSink } from 'test/support/smtp-sink';
import { startTestApp, TestApp } from 'test/support/test-app';
import { waitFor } from 'test/support/wait-for';

/** The portal with PDF_THREADS=1: receipts in the mail job and downloads rendered in a worker thread. */
describe('PDFs rendered in worker threads by the running portal', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let unitId: number;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await startTestApp({ PDF_THREADS: '1', SMTP_URL: sink.url, INTAKE_LIMIT_PER_IP_HOUR: '1000' });
    const bodies = (await http().get('/api/v1/bodies')).body as { code: string; units: { id: number }[] }[];
    unitId = bodies.find((b) => b.code === '35.78')!.units[0].id;
  });

  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  it('should start no thread before the first PDF, then mail the receipt rendered in one', async () => {
    const threads = t.app.get<PdfThreads>(PDF_RENDERER);
    expect(threads).toBeInstanceOf(PdfThreads);
    expect(threads.threads).toHaveLength(0);
    const payload = requestPayload(unitId);
    const created = await http().post('/api/v1/requests').send(payload);
    expect(created.status).toBe(201);
    const number = created.body.registrationNumber as string;
    const mail = await waitFor(() => sink.messages.find((m) => m.attachmentNames.includes(`tanda-terima-${number}.pdf`)), 30_000);
    expect(threads.threads).toHaveLength(1);
    const pdf = attachmentOf(mail.raw, `tanda-terima-${number}.pdf`);
    expect(pdf?.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf!);
    expect(text).toContain(number);

    const download = await http()
      .get(`/api/v1/requests/${number}/receipt.pdf`)
      .set('X-Tracking-Code', created.body.trackingCode as string)
      .buffer(true)
      .parse(binary);
    expect(download.status).toBe(200);
    expect(await pdfText(download.body as Buffer)).toContain(number);
  });

  it('should leave no thread running once the app is closed', async () => {
    const workers: readonly Worker[] = t.app.get<PdfThreads>(PDF_RENDERER).threads;
    expect(workers.length).toBeGreaterThan(0);
    await t.close();
    expect(workers.every((w) => w.threadId === -1)).toBe(true);
    t = undefined as unknown as TestApp;
  });
});
