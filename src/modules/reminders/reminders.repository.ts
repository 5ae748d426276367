import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { LocalDate } from 'src/common/time/local-time';
import { AwaitingRequest, Recipient, ReminderKind } from './reminder-rules';

interface AwaitingRow {
  id: string;
  registration_number: string;
  requester_name: string;
  due_date: string;
  unit_id: number;
  unit_name: string;
  unit_email: string | null;
  time_zone: string;
  body_id: number;
  body_name: string;
  assignee_id: number | null;
  assignee_name: string | null;
  assignee_email: string | null;
  assignee_active: boolean | null;
}

export interface UnitRecipient extends Recipient {
  unitId: number;
}

export interface BodyRecipient extends Recipient {
  bodyId: number;
}

/** What the reminder jobs read, and their log of what was sent (reminder_log, unit_digest_log). */
@Injectable()
export class RemindersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Open requests still waiting for the written notice, due on or before `dueBy`; with
   * `notRemindedOf`, only those not yet reminded of that kind for their current due date.
   * Read through the partial index requests_open_by_unit_due.
   */
  async findAwaitingNotice(dueBy: LocalDate, notRemindedOf?: ReminderKind): Promise<AwaitingRequest[]> {
    const params: unknown[] = [dueBy];
    let notReminded = '';
    if (notRemindedOf) {
      params.push(notRemindedOf);
      notReminded = `AND NOT EXISTS (SELECT 1 FROM reminder_log l
                                       WHERE l.request_id = r.id AND l.kind = $2 AND l.sent_for_due_date = r.due_date)`;
    }
    const rows = (await this.dataSource.query(
      `SELECT r.id::text AS id, r.registration_number, r.requester_name, to_char(r.due_date, 'YYYY-MM-DD') AS due_date,
              r.unit_id, u.name AS unit_name, u.email AS unit_email, u.time_zone, u.body_id, b.name AS body_name,
              a.id AS assignee_id, a.name AS assignee_name, a.email AS assignee_email, a.active AS assignee_active
         FROM requests r
         JOIN ppid_units u ON u.id = r.unit_id
         JOIN public_bodies b ON b.id = u.body_id
         LEFT JOIN users a ON a.id = r.assignee_id
        WHERE r.closed_at IS NULL
          AND r.status IN ('received', 'in_process', 'awaiting_approval')
          AND r.due_date <= $1::date
          ${notReminded}
        ORDER BY r.due_date, r.id`,
      params,
    )) as AwaitingRow[];
    return rows.map((r) => ({
      id: r.id,
      registrationNumber: r.registration_number,
      requesterName: r.requester_name,
      dueDate: r.due_date,
      unitId: r.unit_id,
      unitName: r.unit_name,
      unitEmail: r.unit_email?.trim() || null,
      timeZone: r.time_zone,
      bodyId: r.body_id,
      bodyName: r.body_name,
      assignee:
        r.assignee_id !== null && r.assignee_email !== null
          ? { id: r.assignee_id, name: r.assignee_name ?? '', email: r.assignee_email, active: r.assignee_active === true }
          : null,
    }));
  }

  /** Active officers of the given units. */
  findActiveOfficers(unitIds: readonly number[]): Promise<UnitRecipient[]> {
    if (unitIds.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT unit_id AS "unitId", email, name FROM users
        WHERE role = 'officer' AND active AND unit_id = ANY($1::int[])
        ORDER BY name, id`,
      [unitIds],
    ) as Promise<UnitRecipient[]>;
  }

  /** Active atasan PPID of the given bodies. */
  findActiveSupervisors(bodyIds: readonly number[]): Promise<BodyRecipient[]> {
    if (bodyIds.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT body_id AS "bodyId", email, name FROM users
        WHERE role = 'supervisor' AND active AND body_id = ANY($1::int[])
        ORDER BY name, id`,
      [bodyIds],
    ) as Promise<BodyRecipient[]>;
  }

  /**
   * In the caller's transaction, the one that enqueues the mails: true when this reminder is now
   * recorded, false when it already was (sent before, or by another instance right now; the
   * unique key makes the second writer wait for the first and then find the row).
   */
  async claimReminder(manager: EntityManager, requestId: string, kind: ReminderKind, dueDate: LocalDate, recipients: number): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO reminder_log (request_id, kind, sent_for_due_date, recipients)
       VALUES ($1, $2, $3::date, $4)
       ON CONFLICT (request_id, kind, sent_for_due_date) DO NOTHING
       RETURNING id`,
      [requestId, kind, dueDate, recipients],
    )) as { id: string }[];
    return rows.length === 1;
  }

  /** Records a mail about a DIP item (dip_reminder_log); false when it went already for this kind and due date. */
  async claimDipReminder(manager: EntityManager, itemId: number, kind: 'due_soon' | 'stale', dueDate: LocalDate, recipients: number): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO dip_reminder_log (item_id, kind, due_date, recipients) VALUES ($1, $2, $3::date, $4)
       ON CONFLICT (item_id, kind, due_date) DO NOTHING RETURNING item_id`,
      [itemId, kind, dueDate, recipients],
    )) as unknown[];
    return rows.length === 1;
  }

  /** The same for a unit's digest of one local date. */
  async claimDigest(
    manager: EntityManager,
    unitId: number,
    digestDate: LocalDate,
    counts: { dueSoon: number; overdue: number; recipients: number },
  ): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO unit_digest_log (unit_id, digest_date, due_soon_count, overdue_count, recipients)
       VALUES ($1, $2::date, $3, $4, $5)
       ON CONFLICT (unit_id, digest_date) DO NOTHING
       RETURNING unit_id`,
      [unitId, digestDate, counts.dueSoon, counts.overdue, counts.recipients],
    )) as { unit_id: number }[];
    return rows.length === 1;
  }
}
