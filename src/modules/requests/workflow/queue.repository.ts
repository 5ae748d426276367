import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { StateBounds } from './deadline-state';

export interface QueueQuery {
  /** null = every unit (bureau, admin). */
  unitIds: number[] | null;
  status?: string;
  state?: 'aman' | 'segera' | 'terlambat';
  channel?: string;
  assignee?: number | 'none';
  search?: string;
  after?: { dueDate: string; id: string };
  limit: number;
}

export interface QueueRow {
  id: string;
  registration_number: string;
  requester_name: string;
  due_date: string;
  due_provisional: boolean;
  status: string;
  channel: string;
  unit_id: number;
  unit_name: string;
  assignee_id: number | null;
  assignee_name: string | null;
  received_at: Date;
  extended_days: number | null;
}

/** Requests still waiting for the written notice, the only ones with a deadline state. */
const OPEN = `r.status IN ('received', 'in_process', 'awaiting_approval')`;

/** Open requests ordered by due date, read through the partial index requests_open_by_unit_due. */
@Injectable()
export class QueueRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private where(q: QueueQuery, bounds: StateBounds, withState: boolean): { sql: string; params: unknown[] } {
    const params: unknown[] = [];
    const clauses = ['r.closed_at IS NULL'];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (q.unitIds) clauses.push(`r.unit_id = ANY(${p(q.unitIds)}::int[])`);
    if (q.status) clauses.push(`r.status = ${p(q.status)}`);
    if (q.channel) clauses.push(`r.channel = ${p(q.channel)}`);
    if (q.assignee === 'none') clauses.push('r.assignee_id IS NULL');
    else if (q.assignee !== undefined) clauses.push(`r.assignee_id = ${p(q.assignee)}`);
    if (q.search) {
      const like = p(`%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      clauses.push(`(r.registration_number ILIKE ${like} OR r.requester_name ILIKE ${like})`);
    }
    // Deadline states belong to requests still waiting for the written notice.
    if (withState && q.state) clauses.push(OPEN);
    if (withState && q.state === 'terlambat') clauses.push(`r.due_date < ${p(bounds.today)}::date`);
    if (withState && q.state === 'segera') clauses.push(`r.due_date BETWEEN ${p(bounds.today)}::date AND ${p(bounds.dueSoonUntil)}::date`);
    if (withState && q.state === 'aman') clauses.push(`r.due_date > ${p(bounds.dueSoonUntil)}::date`);
    return { sql: clauses.join(' AND '), params };
  }

  async findPage(q: QueueQuery, bounds: StateBounds): Promise<QueueRow[]> {
    const { sql, params } = this.where(q, bounds, true);
    let cursor = '';
    if (q.after) {
      params.push(q.after.dueDate, q.after.id);
      cursor = ` AND (r.due_date, r.id) > ($${params.length - 1}::date, $${params.length}::bigint)`;
    }
    params.push(q.limit);
    return this.dataSource.query(
      `SELECT r.id, r.registration_number, r.requester_name, to_char(r.due_date, 'YYYY-MM-DD') AS due_date, r.due_provisional,
              r.status, r.channel, r.unit_id, u.name AS unit_name, r.assignee_id, a.name AS assignee_name, r.received_at, r.extended_days
         FROM requests r
         JOIN ppid_units u ON u.id = r.unit_id
         LEFT JOIN users a ON a.id = r.assignee_id
        WHERE ${sql}${cursor}
        ORDER BY r.due_date, r.id
        LIMIT $${params.length}`,
      params,
    ) as Promise<QueueRow[]>;
  }

  /**
   * Rows findPage would list without a state filter, by deadline state; `answered` are those past
   * their written notice (no deadline state), so the four add up to every row listed.
   */
  async countByState(q: QueueQuery, bounds: StateBounds): Promise<{ aman: number; segera: number; terlambat: number; answered: number }> {
    const { sql, params } = this.where(q, bounds, false);
    params.push(bounds.today, bounds.dueSoonUntil);
    const [row] = (await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE ${OPEN} AND r.due_date < $${params.length - 1}::date)::int AS terlambat,
              count(*) FILTER (WHERE ${OPEN} AND r.due_date BETWEEN $${params.length - 1}::date AND $${params.length}::date)::int AS segera,
              count(*) FILTER (WHERE ${OPEN} AND r.due_date > $${params.length}::date)::int AS aman,
              count(*) FILTER (WHERE NOT ${OPEN})::int AS answered
         FROM requests r WHERE ${sql}`,
      params,
    )) as { aman: number; segera: number; terlambat: number; answered: number }[];
    return row;
  }

  /** Officers who may work a unit's requests: its own, and those of its body's PPID Utama. */
  findAssignableOfficers(unitId: number): Promise<{ id: number; name: string }[]> {
    return this.dataSource.query(
      `SELECT u.id, u.name FROM users u
        WHERE u.active AND u.role = 'officer'
          AND (u.unit_id = $1 OR u.unit_id IN (
                SELECT p.id FROM ppid_units p JOIN ppid_units me ON me.body_id = p.body_id
                 WHERE me.id = $1 AND p.level = 'utama'))
        ORDER BY u.name`,
      [unitId],
    ) as Promise<{ id: number; name: string }[]>;
  }
}
