import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AttachmentRef } from './mail-attachments';

/** A row of outbound_mails: one message to send, with what it needs to be rendered. */
export interface OutboundMail {
  id: string;
  template: string;
  recipient: string;
  data: Record<string, unknown>;
  attachments: AttachmentRef[];
  requestId: string | null;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
  messageId: string | null;
}

export interface NewOutboundMail {
  template: string;
  recipient: string;
  data: Record<string, unknown>;
  attachments: AttachmentRef[];
  requestId: string | number | null;
}

const COLUMNS = `id, template, recipient, data, attachments, request_id::text AS "requestId", attempts,
  last_error AS "lastError", sent_at AS "sentAt", message_id AS "messageId"`;

@Injectable()
export class OutboundMailsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** In the caller's transaction. */
  async insert(manager: EntityManager, mail: NewOutboundMail): Promise<string> {
    const rows = (await manager.query(
      `INSERT INTO outbound_mails (template, recipient, data, attachments, request_id)
       VALUES ($1, $2, $3::jsonb, $4::jsonb, $5) RETURNING id`,
      [mail.template, mail.recipient, JSON.stringify(mail.data), JSON.stringify(mail.attachments), mail.requestId],
    )) as { id: string }[];
    return rows[0].id;
  }

  async findById(id: string): Promise<OutboundMail | null> {
    const rows = (await this.dataSource.query(`SELECT ${COLUMNS} FROM outbound_mails WHERE id = $1`, [id])) as OutboundMail[];
    return rows[0] ?? null;
  }

  /**
   * Sent: record when and under which Message-ID, and drop the data it was rendered from, which
   * can hold the tracking code (a secret stored elsewhere only as a hash).
   */
  async markSent(id: string, messageId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE outbound_mails SET sent_at = now(), message_id = $2, last_error = NULL, data = '{}'::jsonb
       WHERE id = $1 AND sent_at IS NULL`,
      [id, messageId],
    );
  }

  /** `error` must already be free of personal data. */
  async recordFailure(id: string, error: string): Promise<void> {
    await this.dataSource.query('UPDATE outbound_mails SET attempts = attempts + 1, last_error = $2 WHERE id = $1', [id, error]);
  }
}
