import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LocalDate } from 'src/common/time/local-time';
import { RequestCounts } from './scorecard-metrics';

/** A badan publik as the scorecards list it: its region code (e.g. "35.78") is its public code. */
export interface ScorecardBody {
  id: number;
  code: string;
  name: string;
  /** 'province' for the Pemerintah Provinsi, else the kab/kota kind. */
  kind: string;
}

export interface ScorecardUnit {
  id: number;
  bodyId: number;
  level: 'utama' | 'pelaksana';
  name: string;
}

/** The counts of one unit for a period. */
export interface UnitCounts extends RequestCounts {
  unitId: number;
  bodyId: number;
}

/** How many notices of a unit came on a pair of local dates (received, notice), for working-day counts. */
export interface NoticeDayPairs {
  unitId: number;
  bodyId: number;
  receivedOn: LocalDate;
  noticeOn: LocalDate;
  count: number;
}

/** An open request past its due date: public registration data only, never the requester. */
export interface OverdueRequest {
  registrationNumber: string;
  unitName: string;
  dueDate: LocalDate;
}

/**
 * The local date of the notice in the handling unit's zone, the due date that counts (an
 * extension made after the original due date had passed does not move it), and whether the
 * refusal names a ground and records a full consequence test. Read-only over the requests' tables.
 */
const FACTS = `
  SELECT q.id, q.unit_id, q.body_id, q.decision, q.delivered_on, q.closed_at, q.effective_receipt_date,
         (q.received_at AT TIME ZONE $3)::date AS received_on,
         (q.answered_at AT TIME ZONE u.time_zone)::date AS notice_on,
         (q.withdrawn_at AT TIME ZONE u.time_zone)::date AS withdrawn_on,
         x.request_id IS NOT NULL AS extended,
         CASE WHEN x.request_id IS NOT NULL AND (x.occurred_at AT TIME ZONE u.time_zone)::date > x.old_due_date
              THEN x.old_due_date ELSE q.due_date END AS due,
         f.justified
    FROM requests q
    JOIN ppid_units u ON u.id = q.unit_id
    LEFT JOIN LATERAL (
      SELECT e.request_id, e.occurred_at, e.old_due_date FROM request_events e
       WHERE e.request_id = q.id AND e.type = 'extended' ORDER BY e.id LIMIT 1
    ) x ON true
    LEFT JOIN LATERAL (
      SELECT e.data->'notice'->>'exemptionGround' IS NOT NULL
             AND jsonb_typeof(e.data->'notice'->'consequenceTest') = 'object'
             AND coalesce(e.data->'notice'->'consequenceTest'->>'date', '') <> ''
             AND coalesce(e.data->'notice'->'consequenceTest'->>'consequence', '') <> ''
             AND CASE WHEN jsonb_typeof(e.data->'notice'->'consequenceTest'->'participants') = 'array'
                      THEN jsonb_array_length(e.data->'notice'->'consequenceTest'->'participants') > 0 ELSE false END AS justified
        FROM request_events e
       WHERE e.request_id = q.id AND q.decision = 'refused' AND e.type IN ('refused', 'refusal_approved')
       ORDER BY e.id DESC LIMIT 1
    ) f ON true`;

/** Read-only report queries over requests, their events, bodies and units (the scorecards own no table). */
@Injectable()
export class ScorecardsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The Pemerintah Provinsi and every kab/kota of the province, by code. */
  async findBodies(): Promise<ScorecardBody[]> {
    return (await this.dataSource.query(
      `SELECT b.id, r.code, b.name, r.kind FROM public_bodies b JOIN regions r ON r.code = b.region_code ORDER BY r.code`,
    )) as ScorecardBody[];
  }

  async findUnits(bodyId: number): Promise<ScorecardUnit[]> {
    return (await this.dataSource.query(
      `SELECT id, body_id AS "bodyId", level, name FROM ppid_units WHERE body_id = $1 ORDER BY level DESC, name, id`,
      [bodyId],
    )) as ScorecardUnit[];
  }

  /**
   * The counts of every unit for requests received from `from` to `to` (local dates in
   * `provinceZone`), as they stand on `today`, and the overdue backlog at `end` (the period's
   * last day, or today while it runs): one grouped statement.
   */
  async countsByUnit(from: LocalDate, to: LocalDate, end: LocalDate, today: LocalDate, provinceZone: string): Promise<UnitCounts[]> {
    const rows = (await this.dataSource.query(
      `WITH facts AS (${FACTS}
         WHERE q.received_at < (($2::date + 1)::timestamp AT TIME ZONE $3)
           AND (q.received_at >= ($1::date::timestamp AT TIME ZONE $3) OR q.answered_at IS NULL OR q.answered_at >= ($1::date::timestamp AT TIME ZONE $3))
       ), classified AS (
         SELECT *, received_on >= $1 AS in_period,
                (withdrawn_on IS NULL OR (notice_on IS NOT NULL AND notice_on <= withdrawn_on)) AS settled
           FROM facts
       )
       SELECT unit_id AS "unitId", body_id AS "bodyId",
              count(*) FILTER (WHERE in_period)::int AS received,
              count(*) FILTER (WHERE in_period AND settled)::int AS settled,
              count(*) FILTER (WHERE in_period AND settled AND (notice_on IS NOT NULL OR due < $5))::int AS decided,
              count(*) FILTER (WHERE in_period AND settled AND notice_on IS NOT NULL AND notice_on <= due)::int AS "onTime",
              count(*) FILTER (WHERE in_period AND settled AND extended)::int AS extended,
              count(*) FILTER (WHERE in_period AND notice_on IS NOT NULL AND settled)::int AS answered,
              count(*) FILTER (WHERE in_period AND settled AND decision = 'refused')::int AS refused,
              count(*) FILTER (WHERE in_period AND settled AND decision = 'refused' AND justified)::int AS "justifiedRefusals",
              count(*) FILTER (WHERE in_period AND settled AND decision IN ('granted', 'partially_granted'))::int AS grants,
              count(*) FILTER (WHERE in_period AND settled AND decision IN ('granted', 'partially_granted')
                                 AND (delivered_on IS NOT NULL OR closed_at IS NOT NULL))::int AS delivered,
              count(*) FILTER (WHERE received_on <= $4 AND due < $4
                                 AND (notice_on IS NULL OR notice_on > $4)
                                 AND (withdrawn_on IS NULL OR withdrawn_on > $4))::int AS "overdueAtEnd"
         FROM classified
        GROUP BY unit_id, body_id`,
      [from, to, provinceZone, end, today],
    )) as UnitCounts[];
    return rows;
  }

  /** The notices of the period's requests grouped by (unit, day counted as received, notice day). */
  async noticeDayPairs(from: LocalDate, to: LocalDate, provinceZone: string): Promise<NoticeDayPairs[]> {
    return (await this.dataSource.query(
      `SELECT q.unit_id AS "unitId", q.body_id AS "bodyId", to_char(q.effective_receipt_date, 'YYYY-MM-DD') AS "receivedOn",
              to_char((q.answered_at AT TIME ZONE u.time_zone)::date, 'YYYY-MM-DD') AS "noticeOn", count(*)::int AS count
         FROM requests q JOIN ppid_units u ON u.id = q.unit_id
        WHERE q.received_at >= ($1::date::timestamp AT TIME ZONE $3)
          AND q.received_at < (($2::date + 1)::timestamp AT TIME ZONE $3)
          AND q.answered_at IS NOT NULL
          AND (q.withdrawn_at IS NULL OR q.withdrawn_at >= q.answered_at)
        GROUP BY 1, 2, 3, 4`,
      [from, to, provinceZone],
    )) as NoticeDayPairs[];
  }

  /** A body's open requests past their due date on `today`, oldest due first. */
  async findOldestOverdue(bodyId: number, today: LocalDate, limit: number): Promise<OverdueRequest[]> {
    return (await this.dataSource.query(
      `SELECT q.registration_number AS "registrationNumber", u.name AS "unitName", to_char(q.due_date, 'YYYY-MM-DD') AS "dueDate"
         FROM requests q JOIN ppid_units u ON u.id = q.unit_id
        WHERE q.body_id = $1 AND q.answered_at IS NULL AND q.withdrawn_at IS NULL AND q.closed_at IS NULL AND q.due_date < $2
        ORDER BY q.due_date, q.id LIMIT $3`,
      [bodyId, today, limit],
    )) as OverdueRequest[];
  }
}
