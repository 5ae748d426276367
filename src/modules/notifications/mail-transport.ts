import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, SendMailOptions, Transporter } from 'nodemailer';
import { AppConfig } from 'src/config/app-config';
import { MailAttachment } from './mail-attachments';

export interface OutgoingMessage {
  /** The Message-ID header, angle brackets included. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
}

/**
 * The one place that talks to nodemailer. SMTP_URL set: SMTP, one connection per message. Unset:
 * each message is written as DATA_DIR/mail/<timestamp>-<file name>.eml, so a newcomer sees
 * what would have been sent.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly smtp?: Transporter;
  private readonly files?: Transporter;
  readonly mailDir: string;

  constructor(private readonly config: AppConfig) {
    this.mailDir = join(config.dataDir, 'mail');
    if (config.smtpUrl) {
      // Bounded waits, so a stuck server fails the attempt (and it is retried) instead of holding the worker.
      this.smtp = createTransport({
        url: config.smtpUrl,
        connectionTimeout: 30_000,
        greetingTimeout: 30_000,
        socketTimeout: 60_000,
      });
    } else {
      this.files = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
    }
  }

  get kind(): 'smtp' | 'eml' {
    return this.smtp ? 'smtp' : 'eml';
  }

  /** Sends the message; `fileStem` names the .eml file when there is no SMTP server. */
  async send(message: OutgoingMessage, fileStem: string): Promise<void> {
    const options: SendMailOptions = {
      from: this.config.mailFrom,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: message.messageId,
      headers: { 'Auto-Submitted': 'auto-generated' },
      attachments: message.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
    };
    if (this.smtp) {
      await this.smtp.sendMail(options);
      return;
    }
    const info = (await (this.files as Transporter).sendMail(options)) as { message?: unknown };
    if (!Buffer.isBuffer(info.message)) throw new Error('the stream transport returned no message buffer');
    await mkdir(this.mailDir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = join(this.mailDir, `${stamp}-${fileStem}.eml`);
    // Written whole, then renamed: a reader never sees half a message.
    await writeFile(`${file}.tmp`, info.message);
    await rename(`${file}.tmp`, file);
  }

  onApplicationShutdown(): void {
    this.smtp?.close();
    this.files?.close();
  }
}
