import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { StateBounds } from './deadline-state';

/** The deadline-state bounds of one unit: its local today and its body's calendar. */
export interface UnitBounds extends StateBounds {
  unitId: number;
}

/** Where a unit keeps time and whose calendar it follows. */
export interface UnitClock {
  unitId: number;
  bodyId: number;
  timeZone: string;
}

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
  extended_days: number | null;
}

/** Requests still waiting for the written notice, the only ones with a deadline state. */
const OPEN = `r.status IN ('received', 'in_process', 'awaiting_approval')`;

/** Open requests ordered by due date, read through the partial index requests_open_by_unit_due. */
@Injectable()
export class QueueRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Each unit's bounds as a joinable row set `sb(unit_id, today, soon)`: the states of a request
   * follow its own body's calendar (closures included) and its unit's local date.
   */
  private boundsJoin(bounds: readonly UnitBounds[], params: unknown[]): string {
    params.push(bounds.map((b) => b.unitId), bounds.map((b) => b.today), bounds.map((b) => b.dueSoonUntil));
    const n = params.length;
    return ` JOIN unnest($${n - 2}::int[], $${n - 1}::date[], $${n}::date[]) AS sb(unit_id, today, soon) ON sb.unit_id = r.unit_id`;
  }

  private where(q: QueueQuery, withState: boolean, params: unknown[]): string {
    const clauses = ['r.closed_at IS NULL'];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    // One unit as an equality, so the open-requests index gives the rows in due-date order (no sort of the whole unit).
    if (q.unitIds?.length === 1) clauses.push(`r.unit_id = ${p(q.unitIds[0])}::int`);
    else if (q.unitIds) clauses.push(`r.unit_id = ANY(${p(q.unitIds)}::int[])`);
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
    if (withState && q.state === 'terlambat') clauses.push('r.due_date < sb.today');
    if (withState && q.state === 'segera') clauses.push('r.due_date BETWEEN sb.today AND sb.soon');
    if (withState && q.state === 'aman') clauses.push('r.due_date > sb.soon');
    return clauses.join(' AND ');
  }

  /** The units of the given ids (null: every unit) with their body and zone. */
  async findUnitClocks(unitIds: number[] | null): Promise<UnitClock[]> {
    const rows = (await this.dataSource.query(
      `SELECT id AS unit_id, body_id, time_zone FROM ppid_units ${unitIds ? 'WHERE id = ANY($1::int[])' : ''} ORDER BY id`,
      unitIds ? [unitIds] : [],
    )) as { unit_id: number; body_id: number; time_zone: string }[];
    return rows.map((r) => ({ unitId: r.unit_id, bodyId: r.body_id, timeZone: r.time_zone }));
  }

  async findPage(q: QueueQuery, bounds: readonly UnitBounds[]): Promise<QueueRow[]> {
    const params: unknown[] = [];
    const join = q.state ? this.boundsJoin(bounds, params) : '';
    const sql = this.where(q, true, params);
    let cursor = '';
    if (q.after) {
      params.push(q.after.dueDate, q.after.id);
      cursor = ` AND (r.due_date, r.id) > ($${params.length - 1}::date, $${params.length}::bigint)`;
    }
    params.push(q.limit);
    return this.dataSource.query(
      `SELECT r.id, r.registration_number, r.requester_name, to_char(r.due_date, 'YYYY-MM-DD') AS due_date, r.due_provisional,
              r.status, r.channel, r.unit_id, u.name AS unit_name, r.assignee_id, a.name AS assignee_name, r.extended_days
         FROM requests r
         JOIN ppid_units u ON u.id = r.unit_id
         LEFT JOIN users a ON a.id = r.assignee_id${join}
        WHERE ${sql}${cursor}
        ORDER BY r.due_date, r.id
        LIMIT $${params.length}`,
      params,
    ) as Promise<QueueRow[]>;
  }

  /**
   * Rows findPage would list without a state filter, by deadline state; `answered` are those past
   * their written notice (no deadline state), so the four add up to every row listed. Counted per
   * unit, status and due date first (read from request_queue_counts when no search or other filter
   * needs the rows, else from the rows), then those groups are put in their states.
   */
  async countByState(q: QueueQuery, bounds: readonly UnitBounds[]): Promise<{ aman: number; segera: number; terlambat: number; answered: number }> {
    const params: unknown[] = [];
    // Without a filter beyond the units, the groups are kept ready in request_queue_counts (migration 1765750000000).
    const kept = !q.status && !q.channel && q.assignee === undefined && !q.search;
    const groups = kept ? this.keptGroups(q, params) : `SELECT r.unit_id, r.status, r.due_date, count(*) AS n FROM requests r WHERE ${this.where(q, false, params)} GROUP BY r.unit_id, r.status, r.due_date`;
    const join = this.boundsJoin(bounds, params).replace('sb.unit_id = r.unit_id', 'sb.unit_id = g.unit_id');
    const open = OPEN.replace('r.status', 'g.status');
    const [row] = (await this.dataSource.query(
      `WITH g AS (${groups})
       SELECT coalesce(sum(g.n) FILTER (WHERE ${open} AND g.due_date < sb.today), 0)::int AS terlambat,
              coalesce(sum(g.n) FILTER (WHERE ${open} AND g.due_date BETWEEN sb.today AND sb.soon), 0)::int AS segera,
              coalesce(sum(g.n) FILTER (WHERE ${open} AND g.due_date > sb.soon), 0)::int AS aman,
              coalesce(sum(g.n) FILTER (WHERE NOT ${open}), 0)::int AS answered
         FROM g${join}`,
      params,
    )) as { aman: number; segera: number; terlambat: number; answered: number }[];
    return row;
  }

  /** The open requests of the units per status and due date, as the triggers on requests keep them. */
  private keptGroups(q: QueueQuery, params: unknown[]): string {
    const base = 'SELECT c.unit_id, c.status, c.due_date, c.n FROM request_queue_counts c';
    if (!q.unitIds) return base;
    params.push(q.unitIds.length === 1 ? q.unitIds[0] : q.unitIds);
    return q.unitIds.length === 1 ? `${base} WHERE c.unit_id = $${params.length}::int` : `${base} WHERE c.unit_id = ANY($${params.length}::int[])`;
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
