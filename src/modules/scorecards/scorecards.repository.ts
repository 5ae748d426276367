import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LocalDate } from 'src/common/time/local-time';
import { classifiedCte, countColumns } from './scorecard-classification';
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
      `WITH ${classifiedCte()}
       SELECT unit_id AS "unitId", body_id AS "bodyId",
              ${countColumns()}
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
