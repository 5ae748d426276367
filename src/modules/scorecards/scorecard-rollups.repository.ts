import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { LocalDate } from 'src/common/time/local-time';
import { ObjectionDayFigures, PendingObjectionsDay } from 'src/modules/objections';
import { UnitObjectionFigures } from './compliance-sources';
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

/** The keberatan and sengketa figures kept per day, by column and by their name in UnitObjectionFigures. */
const OBJECTION_COUNTS = [
  ['objections', 'objections'],
  ['requests_objected', 'requestsObjected'],
  ['objections_overturned', 'overturned'],
  ['objections_answered', 'answered'],
  ['objections_answered_on_time', 'answeredOnTime'],
  ['disputes', 'disputes'],
  ['requests_disputed', 'requestsDisputed'],
] as const;

/** Every column of scorecard_rollup_counts that a month or a year sums from its parts. */
const SUMMED_COLUMNS = [...KEPT_COUNTS.map(([c]) => c), ...OBJECTION_COUNTS.map(([c]) => c)];

/**
 * The rows of a rollup table that add up to a period (parameters $1…$10: the years, two spans of
 * months, two spans of days), `columns` of each.
 */
function coverSql(table: string, columns: string): string {
  return `SELECT ${columns} FROM ${table} WHERE grain = 'y' AND day BETWEEN $1::date AND $2::date
          UNION ALL SELECT ${columns} FROM ${table} WHERE grain = 'm' AND day BETWEEN $3::date AND $4::date
          UNION ALL SELECT ${columns} FROM ${table} WHERE grain = 'm' AND day BETWEEN $5::date AND $6::date
          UNION ALL SELECT ${columns} FROM ${table} WHERE grain = 'd' AND day BETWEEN $7::date AND $8::date
          UNION ALL SELECT ${columns} FROM ${table} WHERE grain = 'd' AND day BETWEEN $9::date AND $10::date`;
}

function coverParams(cover: RollupCover): (LocalDate | null)[] {
  const span = (s: DaySpan | null | undefined): (LocalDate | null)[] => (s ? [s[0], s[1]] : [null, null]);
  return [...span(cover.years), ...span(cover.months[0]), ...span(cover.months[1]), ...span(cover.days[0]), ...span(cover.days[1])];
}

/** A body's working-day ordinals: the working days from its calendar's first day to each day (for a rebuild in SQL). */
export interface WorkingDayOrdinals {
  bodyId: number;
  days: LocalDate[];
  ordinals: number[];
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
    await m.query('DELETE FROM scorecard_rollup_objections_open');
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

  /** Removes the calendar marks (a rebuild reads every calendar afresh). */
  async clearCalendarMarks(m: EntityManager): Promise<void> {
    await m.query('DELETE FROM scorecard_rollup_calendar_marks');
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
    for (const table of ['scorecard_rollup_open', 'scorecard_rollup_objections_open']) {
      await m.query(
        `DELETE FROM ${table} t USING unnest($1::int[], $2::date[]) AS k (unit_id, day) WHERE t.received_on = k.day AND t.unit_id = k.unit_id`,
        [units, days],
      );
    }
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

  /**
   * Writes the keberatan and sengketa figures of day keys whose rows recomputeDays (or the rebuild)
   * has just written, and their unanswered keberatan by due date.
   */
  async writeObjectionDays(m: EntityManager, figures: readonly ObjectionDayFigures[], pending: readonly PendingObjectionsDay[]): Promise<void> {
    const CHUNK = 5000;
    for (let i = 0; i < figures.length; i += CHUNK) {
      const part = figures.slice(i, i + CHUNK);
      await m.query(
        `UPDATE scorecard_rollup_counts t SET ${OBJECTION_COUNTS.map(([column]) => `${column} = f.${column}`).join(', ')}
           FROM unnest($1::int[], $2::date[], ${OBJECTION_COUNTS.map((_, k) => `$${k + 3}::int[]`).join(', ')})
                AS f (unit_id, day, ${OBJECTION_COUNTS.map(([column]) => column).join(', ')})
          WHERE t.grain = 'd' AND t.day = f.day AND t.unit_id = f.unit_id`,
        [part.map((f) => f.unitId), part.map((f) => f.day), ...OBJECTION_COUNTS.map(([, name]) => part.map((f) => f[name]))],
      );
    }
    for (let i = 0; i < pending.length; i += CHUNK) {
      const part = pending.slice(i, i + CHUNK);
      await m.query(
        `INSERT INTO scorecard_rollup_objections_open (unit_id, received_on, body_id, due_on, count)
         SELECT * FROM unnest($1::int[], $2::date[], $3::int[], $4::date[], $5::int[])`,
        [part.map((p) => p.unitId), part.map((p) => p.day), part.map((p) => p.bodyId), part.map((p) => p.dueOn), part.map((p) => p.count)],
      );
    }
  }

  /**
   * The month rows of (unit, first day of month) again, as the sums of their day rows, and then the
   * year rows of those units and years, as the sums of their month rows.
   */
  async recomputeMonths(m: EntityManager, months: readonly { unitId: number; month: LocalDate }[]): Promise<void> {
    await this.resum(m, 'm', 'd', '1 month', months);
    const years = new Map<string, { unitId: number; month: LocalDate }>();
    for (const x of months) years.set(`${x.unitId}|${x.month.slice(0, 4)}`, { unitId: x.unitId, month: `${x.month.slice(0, 4)}-01-01` });
    await this.resum(m, 'y', 'm', '1 year', [...years.values()]);
  }

  /** The rows of grain `grain` of (unit, first day) again, as the sums of their rows of grain `part` within `length`. */
  private async resum(m: EntityManager, grain: 'm' | 'y', part: 'd' | 'm', length: string, keys: readonly { unitId: number; month: LocalDate }[]): Promise<void> {
    const params = [keys.map((x) => x.unitId), keys.map((x) => x.month)];
    const from = 'unnest($1::int[], $2::date[]) AS k (unit_id, month)';
    const within = `t.grain = '${part}' AND t.unit_id = k.unit_id AND t.day >= k.month AND t.day < (k.month + interval '${length}')::date`;
    for (const table of ['scorecard_rollup_counts', 'scorecard_rollup_notice_days']) {
      await m.query(`DELETE FROM ${table} t USING ${from} WHERE t.grain = '${grain}' AND t.day = k.month AND t.unit_id = k.unit_id`, params);
    }
    await m.query(
      `INSERT INTO scorecard_rollup_counts (grain, day, unit_id, body_id, ${SUMMED_COLUMNS.join(', ')})
       SELECT '${grain}', k.month, t.unit_id, t.body_id, ${SUMMED_COLUMNS.map((c) => `sum(t.${c})`).join(', ')}
         FROM ${from} JOIN scorecard_rollup_counts t ON ${within}
        GROUP BY k.month, t.unit_id, t.body_id`,
      params,
    );
    await m.query(
      `INSERT INTO scorecard_rollup_notice_days (grain, day, unit_id, working_days, body_id, count)
       SELECT '${grain}', k.month, t.unit_id, t.working_days, t.body_id, sum(t.count)
         FROM ${from} JOIN scorecard_rollup_notice_days t ON ${within}
        GROUP BY k.month, t.unit_id, t.working_days, t.body_id`,
      params,
    );
  }

  /**
   * Builds every rollup row from every request in a few set-based statements (the marks and the
   * old rows are removed first, in the same transaction): day rows of the counts and of the open
   * or late requests, the working days to notice counted in SQL from each body's working-day
   * ordinals, then the month and year rows from the day rows. Returns the day keys built. The
   * keberatan figures are written after it (writeObjectionDays) and the months and years summed
   * last (sumAllMonthsAndYears).
   */
  async rebuildDays(m: EntityManager, timeZone: string, ordinals: readonly WorkingDayOrdinals[]): Promise<number> {
    for (const table of ['scorecard_rollup_marks', 'scorecard_rollup_counts', 'scorecard_rollup_notice_days', 'scorecard_rollup_open', 'scorecard_rollup_objections_open']) {
      await m.query(`DELETE FROM ${table}`);
    }
    const params = [timeZone];
    const classified = `WITH facts AS (${factsFrom('requests', '$1')}), classified AS (SELECT *, true AS in_period, ${SETTLED} AS settled FROM facts)`;
    const [{ n: keys }] = (await m.query(
      `${classified}, written AS (
         INSERT INTO scorecard_rollup_counts (grain, day, unit_id, body_id, ${KEPT_COUNTS.map(([column]) => column).join(', ')})
         SELECT 'd', received_on, unit_id, body_id, ${KEPT_COUNTS.map(([, metric]) => `count(*) FILTER (WHERE ${METRIC_CONDITIONS[metric]})`).join(', ')}
           FROM classified GROUP BY received_on, unit_id, body_id
         RETURNING 1
       )
       SELECT count(*)::int AS n FROM written`,
      params,
    )) as { n: number }[];
    await m.query(
      `${classified}
       INSERT INTO scorecard_rollup_open (unit_id, received_on, body_id, due_on, resolved_on, count)
       SELECT unit_id, received_on, body_id, due, least(notice_on, withdrawn_on), count(*)
         FROM classified
        WHERE least(notice_on, withdrawn_on) IS NULL OR least(notice_on, withdrawn_on) > due
        GROUP BY 1, 2, 3, 4, 5`,
      params,
    );
    await m.query('CREATE TEMPORARY TABLE scorecard_rollup_working_days (body_id integer NOT NULL, day date NOT NULL, ordinal integer NOT NULL, PRIMARY KEY (body_id, day)) ON COMMIT DROP');
    const CHUNK = 20_000;
    for (const o of ordinals) {
      for (let i = 0; i < o.days.length; i += CHUNK) {
        await m.query('INSERT INTO scorecard_rollup_working_days (body_id, day, ordinal) SELECT $1, * FROM unnest($2::date[], $3::int[])', [
          o.bodyId,
          o.days.slice(i, i + CHUNK),
          o.ordinals.slice(i, i + CHUNK),
        ]);
      }
    }
    await m.query('ANALYZE scorecard_rollup_working_days');
    // As noticeDayRows does in the refresh: a pair whose days the body's calendar does not hold is left out.
    await m.query(
      `INSERT INTO scorecard_rollup_notice_days (grain, day, unit_id, working_days, body_id, count)
       SELECT 'd', p.day, p.unit_id, greatest(0, n.ordinal - r.ordinal), p.body_id, sum(p.count)
         FROM (SELECT q.body_id, q.unit_id, (q.received_at AT TIME ZONE $1)::date AS day, q.effective_receipt_date AS received_on,
                      (q.answered_at AT TIME ZONE u.time_zone)::date AS notice_on, count(*)::int AS count
                 FROM requests q JOIN ppid_units u ON u.id = q.unit_id
                WHERE q.answered_at IS NOT NULL AND (q.withdrawn_at IS NULL OR q.withdrawn_at >= q.answered_at)
                GROUP BY 1, 2, 3, 4, 5) p
         JOIN scorecard_rollup_working_days r ON r.body_id = p.body_id AND r.day = p.received_on
         JOIN scorecard_rollup_working_days n ON n.body_id = p.body_id AND n.day = p.notice_on
        GROUP BY 1, 2, 3, 4, 5`,
      [timeZone],
    );
    return keys;
  }

  /** Every month row as the sum of its day rows, then every year row as the sum of its month rows (after rebuildDays). */
  async sumAllMonthsAndYears(m: EntityManager): Promise<void> {
    for (const [grain, part, truncate] of [
      ['m', 'd', 'month'],
      ['y', 'm', 'year'],
    ] as const) {
      await m.query(
        `INSERT INTO scorecard_rollup_counts (grain, day, unit_id, body_id, ${SUMMED_COLUMNS.join(', ')})
         SELECT '${grain}', date_trunc('${truncate}', day)::date, unit_id, body_id, ${SUMMED_COLUMNS.map((c) => `sum(${c})`).join(', ')}
           FROM scorecard_rollup_counts WHERE grain = '${part}' GROUP BY 2, 3, 4`,
      );
      await m.query(
        `INSERT INTO scorecard_rollup_notice_days (grain, day, unit_id, working_days, body_id, count)
         SELECT '${grain}', date_trunc('${truncate}', day)::date, unit_id, working_days, body_id, sum(count)
           FROM scorecard_rollup_notice_days WHERE grain = '${part}' GROUP BY 2, 3, 4, 5`,
      );
    }
  }

  /** Every body's id (whose calendars a rebuild needs). */
  async bodyIds(): Promise<number[]> {
    return ((await this.dataSource.query('SELECT id FROM public_bodies ORDER BY id')) as { id: number }[]).map((r) => r.id);
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
           FROM (${coverSql('scorecard_rollup_counts', `unit_id, body_id, ${KEPT_COUNTS.map(([column]) => column).join(', ')}`)}) t GROUP BY unit_id, body_id`,
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
         FROM (${coverSql('scorecard_rollup_notice_days', 'unit_id, body_id, working_days, count')}) t GROUP BY 1, 2, 3`,
      coverParams(cover),
    )) as RollupNoticeDays[];
  }

  /**
   * The keberatan and sengketa figures of every unit for the requests received in the cover's
   * days, with the keberatan unanswered and past their due date on `today`.
   */
  async objectionsByUnit(cover: RollupCover, from: LocalDate, to: LocalDate, today: LocalDate): Promise<UnitObjectionFigures[]> {
    const [kept, overdue] = await Promise.all([
      this.dataSource.query(
        `SELECT unit_id AS "unitId", body_id AS "bodyId", ${OBJECTION_COUNTS.map(([column, name]) => `sum(${column})::int AS "${name}"`).join(', ')}
           FROM (${coverSql('scorecard_rollup_counts', `unit_id, body_id, ${OBJECTION_COUNTS.map(([column]) => column).join(', ')}`)}) t
          GROUP BY unit_id, body_id HAVING sum(objections) > 0 OR sum(disputes) > 0`,
        coverParams(cover),
      ) as Promise<Omit<UnitObjectionFigures, 'overdue'>[]>,
      this.dataSource.query(
        `SELECT unit_id AS "unitId", body_id AS "bodyId", sum(count)::int AS n FROM scorecard_rollup_objections_open
          WHERE received_on BETWEEN $1::date AND $2::date AND due_on < $3::date GROUP BY 1, 2`,
        [from, to, today],
      ) as Promise<{ unitId: number; bodyId: number; n: number }[]>,
    ]);
    const out = new Map<number, UnitObjectionFigures>();
    for (const k of kept) out.set(k.unitId, { ...k, overdue: 0 });
    for (const o of overdue) {
      const row = out.get(o.unitId);
      // An unanswered keberatan is a filed one: its unit has a row above.
      if (row) row.overdue += o.n;
    }
    return [...out.values()];
  }
}
