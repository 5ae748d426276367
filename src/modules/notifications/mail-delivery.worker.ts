import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { safeErrorSummary } from 'src/common/logging/error-summary';
import { JobQueue } from 'src/modules/jobs';
import { MailAttachments } from './mail-attachments';
import { MailRenderer } from './mail-renderer';
import { MAIL_SEND_QUEUE, MailSendJob } from './mail.service';
import { MailTransport } from './mail-transport';
import { OutboundMailsRepository } from './outbound-mails.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The Message-ID of a mail: the same on every attempt, so a receiver can spot a repeat. */
export function messageIdOf(mailId: string): string {
  return `<${mailId}@portal-kip>`;
}

/**
 * Sends the mails of the mail.send queue: render, resolve attachments, send, record. A mail already
 * sent is never sent again. A failure is counted on the row (without personal data) and thrown, so
 * the job is retried with backoff. A crash between sending and recording can still repeat a mail,
 * under the same Message-ID.
 */
@Injectable()
export class MailDeliveryWorker implements OnModuleInit {
  private readonly logger = new Logger('MailDelivery');

  constructor(
    private readonly jobs: JobQueue,
    private readonly mails: OutboundMailsRepository,
    private readonly renderer: MailRenderer,
    private readonly attachments: MailAttachments,
    private readonly transport: MailTransport,
  ) {}

  onModuleInit(): void {
    // Longer than the SMTP timeouts together, so an attempt ends on its own before the job expires.
    void this.jobs.work<MailSendJob>(MAIL_SEND_QUEUE, (job) => this.deliver(job.mailId), { expireInSeconds: 5 * 60 });
  }

  async deliver(mailId: unknown): Promise<void> {
    if (typeof mailId !== 'string' || !UUID.test(mailId)) {
      this.logger.error({ msg: 'mail job without a valid mail id, dropped' });
      return;
    }
    const mail = await this.mails.findById(mailId);
    if (!mail) {
      this.logger.warn({ msg: 'mail not found, dropped', mailId });
      return;
    }
    if (mail.sentAt) return;
    const messageId = messageIdOf(mail.id);
    try {
      const rendered = this.renderer.render(mail.template, mail.data);
      const attachments = await Promise.all(mail.attachments.map((a) => this.attachments.resolve(a)));
      await this.transport.send({ messageId, to: mail.recipient, ...rendered, attachments }, mail.id);
    } catch (error) {
      const summary = safeErrorSummary(error);
      await this.mails.recordFailure(mail.id, summary);
      this.logger.warn({ msg: 'mail not sent', mailId, template: mail.template, attempt: mail.attempts + 1, error: summary });
      throw error;
    }
    await this.mails.markSent(mail.id, messageId);
  }
}
