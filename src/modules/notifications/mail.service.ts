import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JobQueue } from 'src/modules/jobs';
import { AttachmentRef, MailAttachments } from './mail-attachments';
import { MailRenderer } from './mail-renderer';
import { OutboundMailsRepository } from './outbound-mails.repository';

/** The job queue of mail delivery; its jobs carry only the outbound_mails id. */
export const MAIL_SEND_QUEUE = 'mail.send';

export interface MailSendJob {
  mailId: string;
}

export interface MailRequest {
  /** A folder of views/mail, e.g. 'request_receipt'. */
  template: string;
  to: string;
  /** What the template shows; kept until the mail is sent, then dropped. */
  data: Record<string, unknown>;
  attachments?: AttachmentRef[];
  requestId?: string | number;
}

/** A mail that cannot be enqueued as asked: a bug in the caller, not a user error. */
export class MailRequestInvalid extends Error {
  constructor(reason: string) {
    super(`mail not enqueued: ${reason}`);
    this.name = 'MailRequestInvalid';
  }
}

const ADDRESS = /^[^\s@<>"',;]+@[^\s@<>"',;]+$/;

/**
 * The door to outgoing mail. enqueue() writes the mail and its delivery job in the caller's
 * transaction: both exist only if the caller's writes commit, and sending happens later in a
 * worker (MailDeliveryWorker), never in the HTTP request.
 */
@Injectable()
export class MailService {
  constructor(
    private readonly mails: OutboundMailsRepository,
    private readonly jobs: JobQueue,
    private readonly renderer: MailRenderer,
    private readonly attachments: MailAttachments,
  ) {}

  /** Returns the id of the outbound_mails row (also the left part of the Message-ID). */
  async enqueue(manager: EntityManager, mail: MailRequest): Promise<string> {
    if (!this.renderer.has(mail.template)) throw new MailRequestInvalid(`no template ${mail.template} under views/mail`);
    if (!ADDRESS.test(mail.to)) throw new MailRequestInvalid('the recipient is not an e-mail address');
    const attachments = mail.attachments ?? [];
    const unknown = attachments.find((a) => !this.attachments.has(a.kind));
    if (unknown) throw new MailRequestInvalid(`no resolver registered for attachment kind ${unknown.kind}`);
    const id = await this.mails.insert(manager, {
      template: mail.template,
      recipient: mail.to,
      data: mail.data,
      attachments: attachments.map((a) => ({ kind: a.kind, ref: a.ref })),
      requestId: mail.requestId ?? null,
    });
    const job: MailSendJob = { mailId: id };
    await this.jobs.sendInTransaction(manager, MAIL_SEND_QUEUE, job);
    return id;
  }
}
