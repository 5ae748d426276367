import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** A stored session of one account, as connect-pg-simple keeps it (table `session`). */
export interface SessionRow {
  sid: string;
  /** Sign-in time in epoch ms, when the session has one. */
  createdAt: number | null;
  userAgent: string | null;
  /** When the rolling row expires: the last request plus the rolling lifetime. */
  expiresAt: Date;
}

/**
 * Reads and deletes rows of the session table by account; connect-pg-simple (SessionStore)
 * writes them. Sessions carry the account in their data (`sess.userId`, indexed).
 */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The account's sessions that have not expired, most recently active first. */
  async findByUser(userId: number): Promise<SessionRow[]> {
    // `expire` is a timestamp without time zone written in the connection's zone: the cast reads it back alike.
    const rows = (await this.dataSource.query(
      `SELECT sid, sess->>'createdAt' AS "createdAt", sess->>'userAgent' AS "userAgent", expire::timestamptz AS "expiresAt"
       FROM session WHERE sess->>'userId' = $1 AND expire > now()
       ORDER BY expire DESC, sid`,
      [String(userId)],
    )) as { sid: string; createdAt: string | null; userAgent: string | null; expiresAt: Date }[];
    return rows.map((r) => ({
      sid: r.sid,
      createdAt: r.createdAt !== null && /^\d+$/.test(r.createdAt) ? Number(r.createdAt) : null,
      userAgent: r.userAgent,
      expiresAt: r.expiresAt,
    }));
  }

  /** Deletes one session of the account; false when the account has no such session. */
  async deleteOfUser(userId: number, sid: string): Promise<boolean> {
    const result = (await this.dataSource.query(`DELETE FROM session WHERE sid = $1 AND sess->>'userId' = $2 RETURNING sid`, [
      sid,
      String(userId),
    ])) as [unknown[], number];
    return result[1] > 0;
  }
}
