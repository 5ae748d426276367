import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rollups behind the scorecards, so a ranking reads a few thousand summed rows instead of every
 * request of its period.
 *
 * - scorecard_rollup_counts: per PPID unit and local day of receipt (province zone), grain 'd', and
 *   per unit and month, grain 'm' (the sum of its days), the counts that do not depend on the day
 *   they are read (received, settled, answered, on time, extended, refused, justified, grants,
 *   delivered).
 * - scorecard_rollup_notice_days: the same keys with a histogram of whole working days to notice,
 *   so medians and percentiles stay exact.
 * - scorecard_rollup_open: every request that was ever past its due date without a notice, or is
 *   still open, grouped by (unit, day received, due date, first day it was answered or withdrawn).
 *   The base of the on-time rate ("past due today") and the overdue backlog at any day are counted
 *   from it exactly, through its indexes.
 * - scorecard_rollup_marks: (body, unit, day) keys whose rows are stale. Triggers on requests and
 *   request_events write them in the transaction of the change; the refresh removes them. An
 *   append-only list (no unique key) so a writer never waits on the refresh nor the other way round.
 * - scorecard_rollup_calendar_marks: holidays, closures or confirmed years changed; the refresh
 *   turns them into marks of the requests whose working days to notice span the changed days.
 * - scorecard_rollup_state: one row, the zone and calendar basis the rollups were built with and
 *   when they were last refreshed. Until it exists (rollups never built) the triggers mark nothing.
 */
export class ScorecardRollups1765400000000 implements MigrationInterface {
  name = 'ScorecardRollups1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE scorecard_rollup_state (
        id smallint PRIMARY KEY CHECK (id = 1),
        time_zone text NOT NULL,
        calendar_basis text NOT NULL,
        refreshed_at timestamptz,
        rebuilt_at timestamptz,
        calendar_changed_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE scorecard_rollup_marks (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        body_id integer NOT NULL,
        unit_id integer NOT NULL,
        day date NOT NULL
      )`);
    await q.query(`
      CREATE TABLE scorecard_rollup_calendar_marks (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        body_id integer,
        first_day date NOT NULL,
        last_day date NOT NULL
      )`);
    await q.query(`
      CREATE TABLE scorecard_rollup_counts (
        grain char(1) NOT NULL CHECK (grain IN ('d', 'm')),
        day date NOT NULL,
        unit_id integer NOT NULL,
        body_id integer NOT NULL,
        received integer NOT NULL,
        settled integer NOT NULL,
        answered integer NOT NULL,
        on_time integer NOT NULL,
        extended integer NOT NULL,
        refused integer NOT NULL,
        justified_refusals integer NOT NULL,
        grants integer NOT NULL,
        delivered integer NOT NULL,
        PRIMARY KEY (grain, day, unit_id)
      )`);
    await q.query(`
      CREATE TABLE scorecard_rollup_notice_days (
        grain char(1) NOT NULL CHECK (grain IN ('d', 'm')),
        day date NOT NULL,
        unit_id integer NOT NULL,
        working_days integer NOT NULL,
        body_id integer NOT NULL,
        count integer NOT NULL,
        PRIMARY KEY (grain, day, unit_id, working_days)
      )`);
    await q.query(`
      CREATE TABLE scorecard_rollup_open (
        unit_id integer NOT NULL,
        received_on date NOT NULL,
        body_id integer NOT NULL,
        due_on date NOT NULL,
        resolved_on date,
        count integer NOT NULL
      )`);
    await q.query('CREATE INDEX scorecard_rollup_open_by_key ON scorecard_rollup_open (received_on, unit_id)');
    await q.query(`CREATE INDEX scorecard_rollup_open_by_resolution ON scorecard_rollup_open ((coalesce(resolved_on, 'infinity'::date)), due_on)`);
    await q.query('CREATE INDEX scorecard_rollup_open_unresolved ON scorecard_rollup_open (received_on) WHERE resolved_on IS NULL');

    await q.query(`
      CREATE FUNCTION scorecard_rollup_mark_requests() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE zone text;
      BEGIN
        SELECT time_zone INTO zone FROM scorecard_rollup_state WHERE id = 1;
        IF zone IS NULL THEN RETURN NULL; END IF;
        IF TG_OP = 'INSERT' THEN
          INSERT INTO scorecard_rollup_marks (body_id, unit_id, day)
            SELECT DISTINCT n.body_id, n.unit_id, (n.received_at AT TIME ZONE zone)::date FROM new_rows n;
        ELSIF TG_OP = 'DELETE' THEN
          INSERT INTO scorecard_rollup_marks (body_id, unit_id, day)
            SELECT DISTINCT o.body_id, o.unit_id, (o.received_at AT TIME ZONE zone)::date FROM old_rows o;
        ELSE
          INSERT INTO scorecard_rollup_marks (body_id, unit_id, day)
            SELECT DISTINCT k.body_id, k.unit_id, (k.received_at AT TIME ZONE zone)::date
              FROM old_rows o JOIN new_rows n ON n.id = o.id
             CROSS JOIN LATERAL (VALUES (o.body_id, o.unit_id, o.received_at), (n.body_id, n.unit_id, n.received_at)) AS k (body_id, unit_id, received_at)
             WHERE (o.body_id, o.unit_id, o.received_at, o.effective_receipt_date, o.due_date, o.answered_at, o.withdrawn_at, o.decision, o.delivered_on, o.closed_at)
                   IS DISTINCT FROM
                   (n.body_id, n.unit_id, n.received_at, n.effective_receipt_date, n.due_date, n.answered_at, n.withdrawn_at, n.decision, n.delivered_on, n.closed_at);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER scorecard_rollup_requests_insert AFTER INSERT ON requests REFERENCING NEW TABLE AS new_rows
                     FOR EACH STATEMENT EXECUTE FUNCTION scorecard_rollup_mark_requests()`);
    await q.query(`CREATE TRIGGER scorecard_rollup_requests_update AFTER UPDATE ON requests REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                     FOR EACH STATEMENT EXECUTE FUNCTION scorecard_rollup_mark_requests()`);
    await q.query(`CREATE TRIGGER scorecard_rollup_requests_delete AFTER DELETE ON requests REFERENCING OLD TABLE AS old_rows
                     FOR EACH STATEMENT EXECUTE FUNCTION scorecard_rollup_mark_requests()`);

    await q.query(`
      CREATE FUNCTION scorecard_rollup_mark_events() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE zone text;
      BEGIN
        SELECT time_zone INTO zone FROM scorecard_rollup_state WHERE id = 1;
        IF zone IS NULL THEN RETURN NULL; END IF;
        INSERT INTO scorecard_rollup_marks (body_id, unit_id, day)
          SELECT DISTINCT q.body_id, q.unit_id, (q.received_at AT TIME ZONE zone)::date
            FROM new_rows e JOIN requests q ON q.id = e.request_id
           WHERE e.type IN ('extended', 'refused', 'refusal_approved');
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER scorecard_rollup_events_insert AFTER INSERT ON request_events REFERENCING NEW TABLE AS new_rows
                     FOR EACH STATEMENT EXECUTE FUNCTION scorecard_rollup_mark_events()`);

    await q.query(`
      CREATE FUNCTION scorecard_rollup_mark_calendar() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM scorecard_rollup_state WHERE id = 1) THEN RETURN NULL; END IF;
        IF TG_TABLE_NAME = 'holidays' THEN
          IF TG_OP = 'UPDATE' AND (OLD.date, OLD.body_id, OLD.kind) IS NOT DISTINCT FROM (NEW.date, NEW.body_id, NEW.kind) THEN RETURN NULL; END IF;
          IF TG_OP <> 'INSERT' THEN
            INSERT INTO scorecard_rollup_calendar_marks (body_id, first_day, last_day) VALUES (OLD.body_id, OLD.date, OLD.date);
          END IF;
          IF TG_OP <> 'DELETE' THEN
            INSERT INTO scorecard_rollup_calendar_marks (body_id, first_day, last_day) VALUES (NEW.body_id, NEW.date, NEW.date);
          END IF;
        ELSE
          IF TG_OP = 'UPDATE' AND OLD.confirmed IS NOT DISTINCT FROM NEW.confirmed THEN RETURN NULL; END IF;
          IF TG_OP <> 'INSERT' THEN
            INSERT INTO scorecard_rollup_calendar_marks (body_id, first_day, last_day) VALUES (NULL, make_date(OLD.year, 1, 1), make_date(OLD.year, 12, 31));
          END IF;
          IF TG_OP <> 'DELETE' THEN
            INSERT INTO scorecard_rollup_calendar_marks (body_id, first_day, last_day) VALUES (NULL, make_date(NEW.year, 1, 1), make_date(NEW.year, 12, 31));
          END IF;
        END IF;
        UPDATE scorecard_rollup_state SET calendar_changed_at = clock_timestamp() WHERE id = 1;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER scorecard_rollup_holidays AFTER INSERT OR UPDATE OR DELETE ON holidays
                     FOR EACH ROW EXECUTE FUNCTION scorecard_rollup_mark_calendar()`);
    await q.query(`CREATE TRIGGER scorecard_rollup_calendar_years AFTER INSERT OR UPDATE OR DELETE ON calendar_years
                     FOR EACH ROW EXECUTE FUNCTION scorecard_rollup_mark_calendar()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER scorecard_rollup_calendar_years ON calendar_years');
    await q.query('DROP TRIGGER scorecard_rollup_holidays ON holidays');
    await q.query('DROP TRIGGER scorecard_rollup_events_insert ON request_events');
    await q.query('DROP TRIGGER scorecard_rollup_requests_delete ON requests');
    await q.query('DROP TRIGGER scorecard_rollup_requests_update ON requests');
    await q.query('DROP TRIGGER scorecard_rollup_requests_insert ON requests');
    await q.query('DROP FUNCTION scorecard_rollup_mark_calendar()');
    await q.query('DROP FUNCTION scorecard_rollup_mark_events()');
    await q.query('DROP FUNCTION scorecard_rollup_mark_requests()');
    await q.query(
      'DROP TABLE scorecard_rollup_open, scorecard_rollup_notice_days, scorecard_rollup_counts, scorecard_rollup_calendar_marks, scorecard_rollup_marks, scorecard_rollup_state',
    );
  }
}
