import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The scorecards' rollups take in keberatan and sengketa, and a year grain, so a ranking reads no
 * request or objection row at all.
 *
 * - scorecard_rollup_counts gains the keberatan and sengketa figures of each (unit, local day of
 *   receipt) key's requests (filed, requests objected, overturned, answered, answered on time,
 *   sengketa, requests disputed), and rows of grain 'y' (per unit and year, the sum of its months);
 *   scorecard_rollup_notice_days the same grain.
 * - scorecard_rollup_objections_open: the keberatan not yet answered, by (unit, day the request was
 *   received, due date), so "answered late or past due today" is counted for any day through an index.
 * - Triggers on objections and disputes mark the (body, unit, day) key of their request in the
 *   transaction of the change, as those on requests do.
 *
 * The rollups are emptied and their state removed: the next start builds them again with these
 * figures (a large database through the job, or `npm run bench`, which rebuilds them).
 */
export class ScorecardObjectionRollups1765700000000 implements MigrationInterface {
  name = 'ScorecardObjectionRollups1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM scorecard_rollup_counts');
    await q.query('DELETE FROM scorecard_rollup_notice_days');
    await q.query('DELETE FROM scorecard_rollup_open');
    await q.query('DELETE FROM scorecard_rollup_marks');
    await q.query('DELETE FROM scorecard_rollup_calendar_marks');
    await q.query('DELETE FROM scorecard_rollup_state');
    for (const table of ['scorecard_rollup_counts', 'scorecard_rollup_notice_days']) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_grain_check`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_grain_check CHECK (grain IN ('d', 'm', 'y'))`);
    }
    await q.query(`
      ALTER TABLE scorecard_rollup_counts
        ADD COLUMN objections integer NOT NULL DEFAULT 0,
        ADD COLUMN requests_objected integer NOT NULL DEFAULT 0,
        ADD COLUMN objections_overturned integer NOT NULL DEFAULT 0,
        ADD COLUMN objections_answered integer NOT NULL DEFAULT 0,
        ADD COLUMN objections_answered_on_time integer NOT NULL DEFAULT 0,
        ADD COLUMN disputes integer NOT NULL DEFAULT 0,
        ADD COLUMN requests_disputed integer NOT NULL DEFAULT 0`);
    await q.query(`
      CREATE TABLE scorecard_rollup_objections_open (
        unit_id integer NOT NULL,
        received_on date NOT NULL,
        body_id integer NOT NULL,
        due_on date NOT NULL,
        count integer NOT NULL
      )`);
    await q.query('CREATE INDEX scorecard_rollup_objections_open_by_key ON scorecard_rollup_objections_open (received_on, unit_id)');

    await q.query(`
      CREATE FUNCTION scorecard_rollup_mark_objections() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE zone text;
      BEGIN
        SELECT time_zone INTO zone FROM scorecard_rollup_state WHERE id = 1;
        IF zone IS NULL THEN RETURN NULL; END IF;
        IF TG_OP = 'INSERT' THEN
          INSERT INTO scorecard_rollup_marks (body_id, unit_id, day)
            SELECT DISTINCT q.body_id, q.unit_id, (q.received_at AT TIME ZONE zone)::date FROM new_rows n JOIN requests q ON q.id = n.request_id;
        ELSIF TG_OP = 'DELETE' THEN
          INSERT INTO scorecard_rollup_marks (body_id, unit_id, day)
            SELECT DISTINCT q.body_id, q.unit_id, (q.received_at AT TIME ZONE zone)::date FROM old_rows o JOIN requests q ON q.id = o.request_id;
        ELSIF TG_TABLE_NAME = 'objections' THEN
          INSERT INTO scorecard_rollup_marks (body_id, unit_id, day)
            SELECT DISTINCT q.body_id, q.unit_id, (q.received_at AT TIME ZONE zone)::date
              FROM old_rows o JOIN new_rows n ON n.id = o.id
             CROSS JOIN LATERAL (VALUES (o.request_id), (n.request_id)) AS k (request_id)
              JOIN requests q ON q.id = k.request_id
             WHERE (o.request_id, o.status, o.response_date, o.due_date) IS DISTINCT FROM (n.request_id, n.status, n.response_date, n.due_date);
        ELSE
          INSERT INTO scorecard_rollup_marks (body_id, unit_id, day)
            SELECT DISTINCT q.body_id, q.unit_id, (q.received_at AT TIME ZONE zone)::date
              FROM old_rows o JOIN new_rows n ON n.id = o.id
             CROSS JOIN LATERAL (VALUES (o.request_id), (n.request_id)) AS k (request_id)
              JOIN requests q ON q.id = k.request_id
             WHERE o.request_id IS DISTINCT FROM n.request_id;
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of ['objections', 'disputes']) {
      await q.query(`CREATE TRIGGER scorecard_rollup_${table}_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
                       FOR EACH STATEMENT EXECUTE FUNCTION scorecard_rollup_mark_objections()`);
      await q.query(`CREATE TRIGGER scorecard_rollup_${table}_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                       FOR EACH STATEMENT EXECUTE FUNCTION scorecard_rollup_mark_objections()`);
      await q.query(`CREATE TRIGGER scorecard_rollup_${table}_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows
                       FOR EACH STATEMENT EXECUTE FUNCTION scorecard_rollup_mark_objections()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['objections', 'disputes']) {
      for (const op of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER scorecard_rollup_${table}_${op} ON ${table}`);
    }
    await q.query('DROP FUNCTION scorecard_rollup_mark_objections()');
    await q.query('DROP TABLE scorecard_rollup_objections_open');
    await q.query('DELETE FROM scorecard_rollup_state');
    await q.query(`DELETE FROM scorecard_rollup_counts WHERE grain = 'y'`);
    await q.query(`DELETE FROM scorecard_rollup_notice_days WHERE grain = 'y'`);
    await q.query(`
      ALTER TABLE scorecard_rollup_counts
        DROP COLUMN objections, DROP COLUMN requests_objected, DROP COLUMN objections_overturned, DROP COLUMN objections_answered,
        DROP COLUMN objections_answered_on_time, DROP COLUMN disputes, DROP COLUMN requests_disputed`);
    for (const table of ['scorecard_rollup_counts', 'scorecard_rollup_notice_days']) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_grain_check`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_grain_check CHECK (grain IN ('d', 'm'))`);
    }
  }
}
