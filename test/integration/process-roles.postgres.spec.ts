import request from 'supertest';
import type { INestApplicationContext } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createWorker } from 'src/app';
import { loadConfig } from 'src/config/app-config';
import { requestPayload } from 'test/support/request-factory';
import { SmtpSink } from 'test/support/smtp-sink';
import { startTestApp, TEST_SECRETS, TestApp } from 'test/support/test-app';
import { pause, waitFor } from 'test/support/wait-for';

interface MailRow {
  sent_at: Date | null;
  state: string;
}

/**
 * A web process (PROCESS_ROLE=web) and a worker process (PROCESS_ROLE=worker) on one PostgreSQL:
 * the web process takes the request and enqueues its receipt mail, only the worker sends it.
 * PostgreSQL only: the embedded database serves one process.
 */
describe('web and worker processes on one PostgreSQL', () => {
  let sink: SmtpSink;
  let web: TestApp;
  let worker: INestApplicationContext | undefined;
  let workerDataDir: string;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    web = await startTestApp({ PROCESS_ROLE: 'web', SMTP_URL: sink.url, INTAKE_LIMIT_PER_IP_HOUR: '1000' });
    workerDataDir = mkdtempSync(join(tmpdir(), 'portal-kip-worker-'));
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    rmSync(workerDataDir, { recursive: true, force: true });
    await web?.close();
    await sink?.stop();
  });

  async function receiptMail(number: string): Promise<MailRow | undefined> {
    const rows = (await web.app.get(DataSource).query(
      `SELECT m.sent_at, j.state::text AS state
         FROM outbound_mails m JOIN requests r ON r.id = m.request_id
         JOIN pgboss.job j ON j.name = 'mail.send' AND j.data->>'mailId' = m.id::text
        WHERE r.registration_number = $1 AND m.template = 'request_receipt'`,
      [number],
    )) as MailRow[];
    return rows[0];
  }

  it('should leave the receipt mail queued in the web process and send it from the worker process', async () => {
    const bodies = (await request(web.app.getHttpServer()).get('/api/v1/bodies')).body as { code: string; units: { id: number }[] }[];
    const unitId = bodies.find((b) => b.code === '35.78')!.units[0].id;
    const payload = requestPayload(unitId) as { requester: { email: string } };
    const created = await request(web.app.getHttpServer()).post('/api/v1/requests').send(payload);
    expect(created.status).toBe(201);
    const number = created.body.registrationNumber as string;

    // Several polling intervals of a worker (0.5 s in tests): a web process never fetches the job.
    await pause(3_000);
    await expect(receiptMail(number)).resolves.toEqual({ sent_at: null, state: 'created' });
    expect(sink.messages).toHaveLength(0);

    worker = await createWorker(
      loadConfig({
        NODE_ENV: 'test',
        DATA_DIR: workerDataDir,
        DEMO_DATA: 'false',
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
        DATABASE_URL: web.config.databaseUrl,
        ...TEST_SECRETS,
        SMTP_URL: sink.url,
        PROCESS_ROLE: 'worker',
        PDF_THREADS: '1',
      }),
    );
    await worker.init();
    const mail = await waitFor(() => sink.messages.find((m) => m.attachmentNames.includes(`tanda-terima-${number}.pdf`)), 30_000);
    expect(mail.envelopeTo).toEqual([payload.requester.email]);
    const row = await waitFor(async () => {
      const r = await receiptMail(number);
      return r?.state === 'completed' ? r : null;
    });
    expect(row.sent_at).not.toBeNull();
  });
});
