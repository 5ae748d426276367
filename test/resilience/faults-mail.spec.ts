import request from 'supertest';
import { DataSource } from 'typeorm';
import { utamaUnitOf } from 'test/support/auth-helpers';
import { requestPayload } from 'test/support/request-factory';
import { SmtpSink } from 'test/support/smtp-sink';
import { startTestApp, TestApp } from 'test/support/test-app';
import { pause, waitFor } from 'test/support/wait-for';

const BURST = 24;

/** The mail server is down while citizens submit: every receipt arrives once it is back, and only once. */
describe('SMTP down during a burst of submissions', () => {
  let sink: SmtpSink;
  let t: TestApp;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await startTestApp({ SMTP_URL: sink.url, INTAKE_LIMIT_PER_IP_HOUR: '1000' });
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  it('should deliver every receipt exactly once after the mail server returns', async () => {
    await sink.stop();
    const units = [(await utamaUnitOf(t.app, '35.78')).id, (await utamaUnitOf(t.app, '35.07')).id, (await utamaUnitOf(t.app, '35')).id];
    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, i) => request(t.app.getHttpServer()).post('/api/v1/requests').send(requestPayload(units[i % units.length]))),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(BURST).fill(201));
    const numbers = answers.map((a) => a.body.registrationNumber as string);

    // Every receipt is queued and has failed at least once against the closed port.
    const db = t.app.get(DataSource);
    await waitFor(async () => {
      const rows = (await db.query(`SELECT count(*)::int AS n FROM outbound_mails WHERE attempts >= 1 AND sent_at IS NULL`)) as { n: number }[];
      return rows[0].n >= BURST;
    }, 45_000, 250);
    expect(sink.messages).toHaveLength(0);

    await sink.start();
    const subjectOf = (n: string): string => `Tanda bukti penerimaan permohonan informasi ${n}`;
    await waitFor(() => numbers.every((n) => sink.messages.some((m) => m.subject === subjectOf(n))), 90_000, 250);
    // A few more polling and retry rounds: a second delivery of any of them would show up now.
    await pause(3_000);
    for (const n of numbers) {
      expect(sink.messages.filter((m) => m.subject === subjectOf(n))).toHaveLength(1);
    }
    expect(sink.messages).toHaveLength(BURST);
    const unsent = (await db.query(`SELECT count(*)::int AS n FROM outbound_mails WHERE sent_at IS NULL`)) as { n: number }[];
    expect(unsent[0].n).toBe(0);
  }, 180_000);
});
