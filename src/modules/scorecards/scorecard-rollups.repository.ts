import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { LocalDate } from 'src/common/time/local-time';
import { factsFrom, METRIC_CONDITIONS, SETTLED } from './scorecard-classification';
import { DaySpan, RollupCover } from './scorecard-rollup-cover';
import { UnitCounts } from './scorecards.repository';

/** One (body, unit, local day of receipt) whose rollup rows are to be computed again. */
export interface RollupKey {
  bodyId: number;
  unitId: number;
  day: LocalDate;
}

/** Notices of a rollup key's requests on a pair of local dates (day 0, notice day), for the working days between. */
export interface RollupNoticePair extends RollupKey {
  receivedOn: LocalDate;
  noticeOn: LocalDate;
  count: number;
}

/** One bar of a unit's histogram of working days to notice. */
export interface RollupNoticeDays {
  unitId: number;
  bodyId: number;
  workingDays: number;
  count: number;
}

export interface RollupState {
  timeZone: string;
  calendarBasis: string;
  refreshedAt: Date | null;
  rebuiltAt: Date | null;
  calendarChangedAt: Date | null;
}

/** Any number that keeps the rollups' refreshes one at a time across instances (pg_advisory_xact_lock). */
const REFRESH_LOCK = 7_265_401;

/**
 * The requests of the keys $1 (bodies), $2 (units), $4 (days), each day read in the zone $3, as
 * a derived table for factsFrom(): found through the index on (body_id, received_at).
 */
const KEYED_REQUESTS = `(
  SELECT r.* FROM (SELECT DISTINCT * FROM unnest($1::int[], $2::int[], $4::date[]) AS k (body_id, unit_id, day)) k
    JOIN requests r ON r.body_id = k.body_id AND r.unit_id = k.unit_id
     AND r.received_at >= (k.day::timestamp AT TIME ZONE $3) AND r.received_at < ((k.day + 1)::timestamp AT TIME ZONE $3)
)`;

/** The counts kept per day, each with the very condition the direct classification counts it with. */
const KEPT_COUNTS = [
  ['received', 'received'],
  ['settled', 'settled'],
  ['answered', 'answered'],
  ['on_time', 'onTime'],
  ['extended', 'extended'],
  ['refused', 'refused'],
  ['justified_refusals', 'justifiedRefusals'],
  ['grants', 'grants'],
  ['delivered', 'delivered'],
] as const;

/** The rows of a rollup table that add up to a period (parameters $1…$6: months, first days, last days). */
function coverSql(table: string): string {
  return `SELECT * FROM ${table} WHERE grain = 'm' AND day BETWEEN $1::date AND $2::date
          UNION ALL SELECT * FROM ${table} WHERE grain = 'd' AND day BETWEEN $3::date AND $4::date
          UNION ALL SELECT * FROM ${table} WHERE grain = 'd' AND day BETWEEN $5::date AND $6::date`;
}

function coverParams(cover: RollupCover): (LocalDate | null)[] {
  const span = (s: DaySpan | null | undefined): (LocalDate | null)[] => (s ? [s[0], s[1]] : [null, null]);
  return [...span(cover.months), ...span(cover.days[0]), ...span(cover.days[1])];
}

/**
 * The scorecards' rollup tables (migration 1765400000000): written only here, by the refresh;
 * the marks that say what to refresh are written by triggers in the transaction of each change.
 */
@Injectable()
export class ScorecardRollupsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async state(): Promise<RollupState | null> {
    const [row] = (await this.dataSource.query(
      `SELECT time_zone AS "timeZone", calendar_basis AS "calendarBasis", refreshed_at AS "refreshedAt", rebuilt_at AS "rebuiltAt",
              calendar_changed_at AS "calendarChangedAt"
         FROM scorecard_rollup_state WHERE id = 1`,
    )) as RollupState[];
    return row ?? null;
  }

  /** How many marks wait, counting no further than `limit`. */
  async pendingUpTo(limit: number): Promise<{ marks: number; calendar: boolean }> {
    const [row] = (await this.dataSource.query(
      `SELECT (SELECT count(*) FROM (SELECT 1 FROM scorecard_rollup_marks LIMIT $1) m)::int AS marks,
              EXISTS (SELECT 1 FROM scorecard_rollup_calendar_marks) AS calendar`,
      [limit],
    )) as { marks: number; calendar: boolean }[];
    return row;
  }

  /** The bodies of the next `limit` marks (the calendars a refresh of them needs). */
  async bodiesOfNextMarks(limit: number): Promise<number[]> {
    const rows = (await this.dataSource.query(
      'SELECT DISTINCT body_id AS id FROM (SELECT body_id FROM scorecard_rollup_marks ORDER BY id LIMIT $1) m ORDER BY 1',
      [limit],
    )) as { id: number }[];
    return rows.map((r) => r.id);
  }

  /** Takes the refresh lock for the transaction; false when `wait` is off and another refresh holds it. */
  async lock(m: EntityManager, wait: boolean): Promise<boolean> {
    if (wait) {
      await m.query('SELECT pg_advisory_xact_lock($1)', [REFRESH_LOCK]);
      return true;
    }
    const [row] = (await m.query('SELECT pg_try_advisory_xact_lock($1) AS ok', [REFRESH_LOCK])) as { ok: boolean }[];
    return row.ok;
  }

  async clock(m: EntityManager): Promise<Date> {
    const [row] = (await m.query('SELECT clock_timestamp() AS now')) as { now: Date }[];
    return row.now;
  }

  /** Records the zone and calendar basis the rollups are built with; from its commit on, writes are marked. */
  async writeState(m: EntityManager, timeZone: string, calendarBasis: string): Promise<void> {
    await m.query(
      `INSERT INTO scorecard_rollup_state (id, time_zone, calendar_basis, refreshed_at, rebuilt_at) VALUES (1, $1, $2, NULL, now())
       ON CONFLICT (id) DO UPDATE SET time_zone = EXCLUDED.time_zone, calendar_basis = EXCLUDED.calendar_basis, refreshed_at = NULL, rebuilt_at = now()`,
      [timeZone, calendarBasis],
    );
  }

  /** Empties the rollups and marks the day of every request: the refreshes build them again. */
  async clearAndMarkEverything(m: EntityManager, timeZone: string): Promise<number> {
    await m.query('DELETE FROM scorecard_rollup_counts');
    await m.query('DELETE FROM scorecard_rollup_notice_days');
    await m.query('DELETE FROM scorecard_rollup_open');
    await m.query('DELETE FROM scorecard_rollup_marks');
    await m.query('DELETE FROM scorecard_rollup_calendar_marks');
    const [row] = (await m.query(
      `WITH marked AS (
         INSERT INTO scorecard_rollup_marks (body_id, unit_id, day)
         SELECT DISTINCT body_id, unit_id, (received_at AT TIME ZONE $1)::date FROM requests RETURNING 1
       )
       SELECT count(*)::int AS n FROM marked`,
      [timeZone],
    )) as { n: number }[];
    return row.n;
  }

  /**
   * Turns changed calendar days into marks of the requests whose span from day 0 to the notice
   * holds one of them (their working days to notice may change). Returns how many calendar
   * changes there were.
   */
  async expandCalendarMarks(m: EntityManager, timeZone: string): Promise<number> {
    // Read through a WITH: TypeORM answers a bare DELETE … RETURNING with [rows, count].
    const changes = (await m.query(
      `WITH taken AS (DELETE FROM scorecard_rollup_calendar_marks RETURNING body_id, first_day, last_day)
       SELECT body_id AS "bodyId", to_char(first_day, 'YYYY-MM-DD') AS "firstDay", to_char(last_day, 'YYYY-MM-DD') AS "lastDay" FROM taken`,
    )) as { bodyId: number | null; firstDay: LocalDate; lastDay: LocalDate }[];
    if (changes.length === 0) return 0;
    await m.query(
      `INSERT INTO scorecard_rollup_marks (body_id, unit_id, day)
       SELECT DISTINCT q.body_id, q.unit_id, (q.received_at AT TIME ZONE $4)::date
         FROM unnest($1::int[], $2::date[], $3::date[]) AS c (body_id, first_day, last_day)
         JOIN requests q ON c.body_id IS NULL OR q.body_id = c.body_id
         JOIN ppid_units u ON u.id = q.unit_id
        WHERE q.answered_at IS NOT NULL AND q.effective_receipt_date <= c.last_day
          AND (q.answered_at AT TIME ZONE u.time_zone)::date >= c.first_day`,
      [changes.map((c) => c.bodyId), changes.map((c) => c.firstDay), changes.map((c) => c.lastDay), timeZone],
    );
    return changes.length;
  }

  /** Takes up to `limit` of the oldest marks of the bodies `bodyIds` off the list; each key once. */
  async claimMarks(m: EntityManager, limit: number, bodyIds: readonly number[]): Promise<RollupKey[]> {
    return (await m.query(
      `WITH taken AS (
         DELETE FROM scorecard_rollup_marks
          WHERE id IN (SELECT id FROM scorecard_rollup_marks WHERE body_id = ANY ($2::int[]) ORDER BY id LIMIT $1)
         RETURNING body_id, unit_id, day
       )
       SELECT DISTINCT body_id AS "bodyId", unit_id AS "unitId", to_char(day, 'YYYY-MM-DD') AS day FROM taken`,
      [limit, bodyIds],
    )) as RollupKey[];
  }

  async hasMarks(m: EntityManager): Promise<boolean> {
    const [row] = (await m.query('SELECT EXISTS (SELECT 1 FROM scorecard_rollup_marks) AS any')) as { any: boolean }[];
    return row.any;
  }

  async markRefreshed(m: EntityManager, at: Date): Promise<void> {
    await m.query('UPDATE scorecard_rollup_state SET refreshed_at = $1 WHERE id = 1 AND (refreshed_at IS NULL OR refreshed_at < $1)', [at]);
  }

  /**
   * Computes the keys' day rows again from their requests: the counts and the open or late
   * requests are written here; the notice day pairs are returned for the working days, which
   * need each body's calendar.
   */
  async recomputeDays(m: EntityManager, keys: readonly RollupKey[], timeZone: string): Promise<RollupNoticePair[]> {
    const units = keys.map((k) => k.unitId);
    const days = keys.map((k) => k.day);
    for (const table of ['scorecard_rollup_counts', 'scorecard_rollup_notice_days']) {
      await m.query(
        `DELETE FROM ${table} t USING unnest($1::int[], $2::date[]) AS k (unit_id, day) WHERE t.grain = 'd' AND t.day = k.day AND t.unit_id = k.unit_id`,
        [units, days],
      );
    }
    await m.query(
      `DELETE FROM scorecard_rollup_open t USING unnest($1::int[], $2::date[]) AS k (unit_id, day) WHERE t.received_on = k.day AND t.unit_id = k.unit_id`,
      [units, days],
    );
    const params = [keys.map((k) => k.bodyId), units, timeZone, days];
    const classified = `WITH facts AS (${factsFrom(KEYED_REQUESTS)}), classified AS (SELECT *, true AS in_period, ${SETTLED} AS settled FROM facts)`;
    await m.query(
      `${classified}
       INSERT INTO scorecard_rollup_counts (grain, day, unit_id, body_id, ${KEPT_COUNTS.map(([column]) => column).join(', ')})
       SELECT 'd', received_on, unit_id, body_id, ${KEPT_COUNTS.map(([, metric]) => `count(*) FILTER (WHERE ${METRIC_CONDITIONS[metric]})`).join(', ')}
         FROM classified GROUP BY received_on, unit_id, body_id`,
      params,
    );
    await m.query(
      `${classified}
       INSERT INTO scorecard_rollup_open (unit_id, received_on, body_id, due_on, resolved_on, count)
       SELECT unit_id, received_on, body_id, due, least(notice_on, withdrawn_on), count(*)
         FROM classified
        WHERE least(notice_on, withdrawn_on) IS NULL OR least(notice_on, withdrawn_on) > due
        GROUP BY 1, 2, 3, 4, 5`,
      params,
    );
    return (await m.query(
      `SELECT q.body_id AS "bodyId", q.unit_id AS "unitId", to_char((q.received_at AT TIME ZONE $3)::date, 'YYYY-MM-DD') AS day,
              to_char(q.effective_receipt_date, 'YYYY-MM-DD') AS "receivedOn",
              to_char((q.answered_at AT TIME ZONE u.time_zone)::date, 'YYYY-MM-DD') AS "noticeOn", count(*)::int AS count
         FROM ${KEYED_REQUESTS} q JOIN ppid_units u ON u.id = q.unit_id
        WHERE q.answered_at IS NOT NULL AND (q.withdrawn_at IS NULL OR q.withdrawn_at >= q.answered_at)
        GROUP BY 1, 2, 3, 4, 5`,
      params,
    )) as RollupNoticePair[];
  }

  /** Writes day rows of the working-days histogram (the keys' old rows were removed by recomputeDays). */
  async insertNoticeDays(m: EntityManager, rows: readonly (RollupNoticeDays & { day: LocalDate })[]): Promise<void> {
    const CHUNK = 5000;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const part = rows.slice(i, i + CHUNK);
      await m.query(
        `INSERT INTO scorecard_rollup_notice_days (grain, day, unit_id, working_days, body_id, count)
         SELECT 'd', * FROM unnest($1::date[], $2::int[], $3::int[], $4::int[], $5::int[])`,
        [part.map((r) => r.day), part.map((r) => r.unitId), part.map((r) => r.workingDays), part.map((r) => r.bodyId), part.map((r) => r.count)],
      );
    }
  }

  /** The month rows of (unit, first day of month) again, as the sums of their day rows. */
  async recomputeMonths(m: EntityManager, months: readonly { unitId: number; month: LocalDate }[]): Promise<void> {
    const params = [months.map((x) => x.unitId), months.map((x) => x.month)];
    const keys = 'unnest($1::int[], $2::date[]) AS k (unit_id, month)';
    const within = `t.grain = 'd' AND t.unit_id = k.unit_id AND t.day >= k.month AND t.day < (k.month + interval '1 month')::date`;
    for (const table of ['scorecard_rollup_counts', 'scorecard_rollup_notice_days']) {
      await m.query(`DELETE FROM ${table} t USING ${keys} WHERE t.grain = 'm' AND t.day = k.month AND t.unit_id = k.unit_id`, params);
    }
    const columns = KEPT_COUNTS.map(([column]) => column);
    await m.query(
      `INSERT INTO scorecard_rollup_counts (grain, day, unit_id, body_id, ${columns.join(', ')})
       SELECT 'm', k.month, t.unit_id, t.body_id, ${columns.map((c) => `sum(t.${c})`).join(', ')}
         FROM ${keys} JOIN scorecard_rollup_counts t ON ${within}
        GROUP BY k.month, t.unit_id, t.body_id`,
      params,
    );
    await m.query(
      `INSERT INTO scorecard_rollup_notice_days (grain, day, unit_id, working_days, body_id, count)
       SELECT 'm', k.month, t.unit_id, t.working_days, t.body_id, sum(t.count)
         FROM ${keys} JOIN scorecard_rollup_notice_days t ON ${within}
        GROUP BY k.month, t.unit_id, t.working_days, t.body_id`,
      params,
    );
  }

  /**
   * The counts of every unit for the requests received in the cover's days, as they stand on
   * `today`, and the overdue backlog at `end`: the summed rollup rows, and two indexed reads of
   * the open requests (past due today; past due at `end`).
   */
  async countsByUnit(cover: RollupCover, from: LocalDate, to: LocalDate, end: LocalDate, today: LocalDate): Promise<UnitCounts[]> {
    const [kept, decidedOpen, overdue] = await Promise.all([
      this.dataSource.query(
        `SELECT unit_id AS "unitId", body_id AS "bodyId", ${KEPT_COUNTS.map(([column, metric]) => `sum(${column})::int AS "${metric}"`).join(', ')}
           FROM (${coverSql('scorecard_rollup_counts')}) t GROUP BY unit_id, body_id`,
        coverParams(cover),
      ) as Promise<Omit<UnitCounts, 'decided' | 'overdueAtEnd'>[]>,
      this.dataSource.query(
        `SELECT unit_id AS "unitId", body_id AS "bodyId", sum(count)::int AS n FROM scorecard_rollup_open
          WHERE resolved_on IS NULL AND received_on BETWEEN $1::date AND $2::date AND due_on < $3::date GROUP BY 1, 2`,
        [from, to, today],
      ) as Promise<{ unitId: number; bodyId: number; n: number }[]>,
      this.dataSource.query(
        `SELECT unit_id AS "unitId", body_id AS "bodyId", sum(count)::int AS n FROM scorecard_rollup_open
          WHERE coalesce(resolved_on, 'infinity'::date) > $1::date AND due_on < $1::date AND received_on <= $1::date GROUP BY 1, 2`,
        [end],
      ) as Promise<{ unitId: number; bodyId: number; n: number }[]>,
    ]);
    const out = new Map<number, UnitCounts>();
    const row = (unitId: number, bodyId: number): UnitCounts => {
      let r = out.get(unitId);
      if (!r) {
        r = { unitId, bodyId, received: 0, settled: 0, decided: 0, onTime: 0, extended: 0, answered: 0, refused: 0, justifiedRefusals: 0, grants: 0, delivered: 0, overdueAtEnd: 0 };
        out.set(unitId, r);
      }
      return r;
    };
    for (const k of kept) {
      const r = row(k.unitId, k.bodyId);
      Object.assign(r, k);
      r.decided += k.answered;
    }
    for (const d of decidedOpen) row(d.unitId, d.bodyId).decided += d.n;
    for (const o of overdue) row(o.unitId, o.bodyId).overdueAtEnd += o.n;
    return [...out.values()];
  }

  /** Each unit's histogram of working days to notice over the cover's days. */
  async noticeDays(cover: RollupCover): Promise<RollupNoticeDays[]> {
    return (await this.dataSource.query(
      `SELECT unit_id AS "unitId", body_id AS "bodyId", working_days AS "workingDays", sum(count)::int AS count
         FROM (${coverSql('scorecard_rollup_notice_days')}) t GROUP BY 1, 2, 3`,
      coverParams(cover),
    )) as RollupNoticeDays[];
  }
}
