import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { DatabaseService } from 'src/database/database.service';
import { MailAttachments } from 'src/modules/notifications/mail-attachments';
import { MailService } from 'src/modules/notifications/mail.service';
import { parseMail, SmtpSink } from 'test/support/smtp-sink';
import { startTestApp, TestApp } from 'test/support/test-app';
import { pause, waitFor } from 'test/support/wait-for';

interface MailRow {
  attempts: number;
  last_error: string | null;
  sent_at: Date | null;
  message_id: string | null;
  data: Record<string, unknown>;
}

const RECIPIENT = 'siti.rahayu@warga.test';

function receiptData(registrationNumber: string): Record<string, unknown> {
  return {
    registrationNumber,
    bodyName: 'Pemerintah Kota Surabaya',
    unitName: 'PPID Utama Kota Surabaya',
    receivedAtText: 'Kamis, 27 Maret 2025 pukul 10.00 WIB',
    dueDateText: 'Selasa, 22 April 2025 pukul 23.59 WIB',
    dueExplanation: 'Hari ke-0 adalah Kamis, 27 Maret 2025; batas waktu adalah akhir hari kerja ke-10 sesudahnya.',
    dueProvisional: false,
    trackingCode: 'K7PM-Q2XD-9HBT',
    trackingUrl: `https://kip.example.test/lacak?nomor=${registrationNumber}`,
    requesterName: 'Siti Rahayu',
  };
}

async function mailRow(t: TestApp, id: string): Promise<MailRow | undefined> {
  const rows = (await t.app
    .get(DataSource)
    .query('SELECT attempts, last_error, sent_at, message_id, data FROM outbound_mails WHERE id = $1', [id])) as MailRow[];
  return rows[0];
}

async function jobStates(t: TestApp, mailId: string): Promise<string[]> {
  const rows = (await t.app
    .get(DataSource)
    .query(`SELECT state::text AS state FROM pgboss.job WHERE name = 'mail.send' AND data->>'mailId' = $1`, [mailId])) as {
    state: string;
  }[];
  return rows.map((r) => r.state);
}

/** The job is marked completed only after its handler has stored sent_at and returned: wait until it is no longer active. */
async function settledJobStates(t: TestApp, mailId: string): Promise<string[]> {
  return waitFor(async () => {
    const states = await jobStates(t, mailId);
    return states.includes('active') ? null : states;
  });
}

/** Enqueues a receipt mail in a transaction of its own, as a use case would with its writes. */
function enqueueReceipt(t: TestApp, registrationNumber: string, attachments = [{ kind: 'test_document', ref: registrationNumber }]): Promise<string> {
  return t.app.get(DatabaseService).transaction((m) =>
    t.app.get(MailService).enqueue(m, { template: 'request_receipt', to: RECIPIENT, data: receiptData(registrationNumber), attachments }),
  );
}

describe('mail delivery', () => {
  describe('over SMTP', () => {
    let sink: SmtpSink;
    let t: TestApp;

    beforeAll(async () => {
      sink = await SmtpSink.start();
      t = await startTestApp({ SMTP_URL: sink.url, MAIL_FROM: 'PPID Uji <ppid@portal.test>', APP_URL: 'https://kip.example.test' });
      t.app.get(MailAttachments).register('test_document', async (ref) => ({
        filename: `dokumen-${ref}.pdf`,
        contentType: 'application/pdf',
        content: Buffer.from(`%PDF-1.4 uji ${ref}`),
      }));
    });

    afterAll(async () => {
      await t?.close();
      await sink?.stop();
    });

    it('should deliver a mail enqueued in a committed transaction, with its subject and attachment', async () => {
      const id = await enqueueReceipt(t, '35.78-2025-000001');
      const messageId = `<${id}@portal-kip>`;

      const [received] = await waitFor(() => (sink.withMessageId(messageId).length > 0 ? sink.withMessageId(messageId) : null), 15_000);
      expect(received.subject).toBe('Tanda bukti penerimaan permohonan informasi 35.78-2025-000001');
      expect(received.envelopeTo).toEqual([RECIPIENT]);
      expect(received.headers['from']).toContain('ppid@portal.test');
      expect(received.attachmentNames).toEqual(['dokumen-35.78-2025-000001.pdf']);

      const row = await waitFor(async () => {
        const r = await mailRow(t, id);
        return r?.sent_at ? r : null;
      });
      expect(row).toMatchObject({ attempts: 0, last_error: null, message_id: messageId, data: {} });
      await expect(settledJobStates(t, id)).resolves.toEqual(['completed']);
    });

    it('should never send a mail whose transaction rolled back', async () => {
      let rolledBack = '';
      await expect(
        t.app.get(DatabaseService).transaction(async (m) => {
          rolledBack = await t.app
            .get(MailService)
            .enqueue(m, { template: 'request_receipt', to: RECIPIENT, data: receiptData('35.78-2025-000002') });
          throw new Error('batal');
        }),
      ).rejects.toThrow('batal');
      expect(rolledBack).toMatch(/^[0-9a-f-]{36}$/);

      // Jobs run in the order they were enqueued: once a later mail is in, the earlier one had its chance.
      const later = await enqueueReceipt(t, '35.78-2025-000003');
      await waitFor(() => sink.withMessageId(`<${later}@portal-kip>`).length === 1, 15_000);
      expect(sink.withMessageId(`<${rolledBack}@portal-kip>`)).toHaveLength(0);
      await expect(mailRow(t, rolledBack)).resolves.toBeUndefined();
      await expect(jobStates(t, rolledBack)).resolves.toEqual([]);
    });

    it('should retry while the SMTP server is down and deliver exactly once when it is back', async () => {
      await sink.stop();
      const id = await enqueueReceipt(t, '35.78-2025-000004');
      const messageId = `<${id}@portal-kip>`;

      const failing = await waitFor(async () => {
        const row = await mailRow(t, id);
        return row && row.attempts >= 2 ? row : null;
      }, 20_000);
      expect(failing.sent_at).toBeNull();
      expect(failing.last_error).toContain('ECONNREFUSED');
      expect(failing.last_error).not.toContain(RECIPIENT);

      await sink.start();
      await waitFor(() => sink.withMessageId(messageId).length > 0, 20_000);
      // A few more polling rounds: a second delivery would show up now.
      await pause(2_000);
      expect(sink.withMessageId(messageId)).toHaveLength(1);
      const row = await mailRow(t, id);
      expect(row?.sent_at).toBeInstanceOf(Date);
      expect(row?.message_id).toBe(messageId);
      expect(row?.attempts).toBeGreaterThanOrEqual(2);
      await expect(settledJobStates(t, id)).resolves.toEqual(['completed']);
    });
  });

  describe('without SMTP_URL', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await startTestApp({ MAIL_FROM: 'PPID Uji <ppid@portal.test>' });
      t.app.get(MailAttachments).register('test_document', async (ref) => ({
        filename: `dokumen-${ref}.pdf`,
        contentType: 'application/pdf',
        content: Buffer.from(`%PDF-1.4 uji ${ref}`),
      }));
    });

    afterAll(async () => {
      await t?.close();
    });

    it('should write each message as an .eml file under DATA_DIR/mail', async () => {
      const id = await enqueueReceipt(t, '35.78-2025-000005');
      const dir = join(t.config.dataDir, 'mail');

      const file = await waitFor(() => {
        const names = readdirSync(dir).filter((n) => n.endsWith(`-${id}.eml`));
        return names.length === 1 ? join(dir, names[0]) : null;
      }, 15_000);
      const mail = parseMail(readFileSync(file, 'utf8'), null, []);
      expect(mail.subject).toBe('Tanda bukti penerimaan permohonan informasi 35.78-2025-000005');
      expect(mail.messageId).toBe(`<${id}@portal-kip>`);
      expect(mail.headers['to']).toBe(RECIPIENT);
      expect(mail.attachmentNames).toEqual(['dokumen-35.78-2025-000005.pdf']);
      await waitFor(async () => (await mailRow(t, id))?.sent_at instanceof Date);
    });
  });
});
