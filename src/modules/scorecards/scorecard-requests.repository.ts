import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LocalDate } from 'src/common/time/local-time';
import { classifiedCte, METRIC_CONDITIONS, QueueState, ScorecardMetricKey, STATE_CONDITIONS } from './scorecard-classification';

/** Which requests of a period: the classification's parameters and the bureau's filters. */
export interface RequestFilter {
  from: LocalDate;
  to: LocalDate;
  /** The day the backlog is counted at: the period's end, or today while it runs. */
  end: LocalDate;
  today: LocalDate;
  provinceZone: string;
  bodyId: number | null;
  unitId: number | null;
  metric: ScorecardMetricKey | null;
  state: QueueState | null;
}

/** One request as the bureau's lists show it: registration data only, never the requester. */
export interface ListedRequest {
  id: string;
  registrationNumber: string;
  bodyId: number;
  bodyCode: string;
  unitName: string;
  receivedOn: LocalDate;
  /** The due date that counts (an extension made after it passed does not move it). */
  dueDate: LocalDate;
  status: string;
  noticeOn: LocalDate | null;
  withdrawnOn: LocalDate | null;
}

/** One body's totals for a period, as of today. */
export interface BodyTotals {
  bodyId: number;
  received: number;
  open: number;
  overdue: number;
  answeredOnTime: number;
}

/** A request still without its notice past its due date on `today`, for the weekly summary. */
export interface OpenOverdue {
  bodyId: number;
  dueDate: LocalDate;
}

/**
 * The requests behind the scorecards' figures, read with the very conditions the figures are
 * counted with (scorecard-classification.ts). Read-only.
 */
@Injectable()
export class ScorecardRequestsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** How many requests the filter matches. */
  async count(f: RequestFilter): Promise<number> {
    const { sql, params } = this.statement(f);
    const [row] = (await this.dataSource.query(`WITH ${sql} SELECT count(*)::int AS n FROM classified c WHERE ${this.where(f)}`, params)) as {
      n: number;
    }[];
    return row.n;
  }

  /** One page of the requests the filter matches: the earliest due first. */
  async list(f: RequestFilter, limit: number, offset: number): Promise<ListedRequest[]> {
    const { sql, params } = this.statement(f);
    return (await this.dataSource.query(
      `WITH ${sql}, picked AS (
         SELECT * FROM classified WHERE ${this.where(f)} ORDER BY due, id LIMIT ${Number(limit)} OFFSET ${Number(offset)}
       )
       SELECT c.id::text AS id, q.registration_number AS "registrationNumber", c.body_id AS "bodyId", b.region_code AS "bodyCode",
              u.name AS "unitName", to_char(c.received_on, 'YYYY-MM-DD') AS "receivedOn", to_char(c.due, 'YYYY-MM-DD') AS "dueDate",
              q.status, to_char(c.notice_on, 'YYYY-MM-DD') AS "noticeOn", to_char(c.withdrawn_on, 'YYYY-MM-DD') AS "withdrawnOn"
         FROM picked c
         JOIN requests q ON q.id = c.id
         JOIN ppid_units u ON u.id = c.unit_id
         JOIN public_bodies b ON b.id = c.body_id
        ORDER BY c.due, c.id`,
      params,
    )) as ListedRequest[];
  }

  /** Received, open, overdue and answered on time per body, for the period (and body) of the filter. */
  async totalsByBody(f: RequestFilter): Promise<BodyTotals[]> {
    const { sql, params } = this.statement({ ...f, unitId: null });
    return (await this.dataSource.query(
      `WITH ${sql}
       SELECT body_id AS "bodyId",
              count(*) FILTER (WHERE ${METRIC_CONDITIONS.received})::int AS received,
              count(*) FILTER (WHERE ${STATE_CONDITIONS.open})::int AS open,
              count(*) FILTER (WHERE ${STATE_CONDITIONS.overdue})::int AS overdue,
              count(*) FILTER (WHERE ${STATE_CONDITIONS.answeredOnTime})::int AS "answeredOnTime"
         FROM classified
        GROUP BY body_id
       HAVING count(*) FILTER (WHERE in_period) > 0`,
      params,
    )) as BodyTotals[];
  }

  /** Every request without its notice past its due date on `today`, whenever it was received. */
  async openOverdue(today: LocalDate, provinceZone: string, firstDay: LocalDate): Promise<OpenOverdue[]> {
    const f: RequestFilter = { from: firstDay, to: today, end: today, today, provinceZone, bodyId: null, unitId: null, metric: 'overdueAtEnd', state: null };
    const { sql, params } = this.statement(f);
    return (await this.dataSource.query(
      `WITH ${sql} SELECT body_id AS "bodyId", to_char(due, 'YYYY-MM-DD') AS "dueDate" FROM classified c WHERE ${this.where(f)} AND closed_at IS NULL`,
      params,
    )) as OpenOverdue[];
  }

  /** Objections without the atasan's answer past their due date on `today`, per body. */
  async objectionsPastDue(today: LocalDate): Promise<{ bodyId: number; count: number }[]> {
    return (await this.dataSource.query(
      `SELECT body_id AS "bodyId", count(*)::int AS count FROM objections WHERE status = 'pending' AND due_date < $1 GROUP BY body_id`,
      [today],
    )) as { bodyId: number; count: number }[];
  }

  private statement(f: RequestFilter): { sql: string; params: unknown[] } {
    return {
      // $4 and $5 typed here too: not every figure's condition names them.
      sql: classifiedCte('AND ($6::int IS NULL OR q.body_id = $6) AND ($7::int IS NULL OR q.unit_id = $7) AND $4::date IS NOT NULL AND $5::date IS NOT NULL'),
      params: [f.from, f.to, f.provinceZone, f.end, f.today, f.bodyId, f.unitId],
    };
  }

  private where(f: RequestFilter): string {
    const parts = ['true'];
    if (f.metric) parts.push(`(${METRIC_CONDITIONS[f.metric]})`);
    if (f.state) parts.push(`(${STATE_CONDITIONS[f.state]})`);
    // Neither: the period's requests.
    if (!f.metric && !f.state) parts.push(`(${METRIC_CONDITIONS.received})`);
    return parts.join(' AND ');
  }
}
