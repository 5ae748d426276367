import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The officer queue's state counts without reading the unit's open requests: how many open
 * requests (closed_at IS NULL) each unit has per status and due date, kept by statement triggers
 * on requests in the same transaction as the change, whoever makes it (intake, workflow, due-date
 * recomputation, objections reopening a request). The queue puts these groups in their deadline
 * states (QueueRepository.countByState); with a search or another filter it still counts the rows.
 * Each statement adds its net changes in key order, so two statements wait on each other's rows
 * in the same order instead of deadlocking; groups that reach zero are removed.
 */
export class QueueCounts1765750000000 implements MigrationInterface {
  name = 'QueueCounts1765750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE request_queue_counts (
        unit_id integer NOT NULL,
        status text NOT NULL,
        due_date date NOT NULL,
        n integer NOT NULL,
        PRIMARY KEY (unit_id, status, due_date)
      )`);
    await q.query(`
      CREATE FUNCTION request_queue_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO request_queue_counts AS c (unit_id, status, due_date, n)
            SELECT unit_id, status, due_date, count(*)::int FROM new_rows WHERE closed_at IS NULL
             GROUP BY unit_id, status, due_date ORDER BY unit_id, status, due_date
          ON CONFLICT (unit_id, status, due_date) DO UPDATE SET n = c.n + excluded.n;
          RETURN NULL;
        END IF;
        INSERT INTO request_queue_counts AS c (unit_id, status, due_date, n)
          SELECT unit_id, status, due_date, sum(d)::int FROM (
            SELECT o.unit_id, o.status, o.due_date, -1 AS d FROM old_rows o WHERE o.closed_at IS NULL
            UNION ALL
            SELECT n.unit_id, n.status, n.due_date, 1 AS d FROM new_rows n WHERE n.closed_at IS NULL
          ) x GROUP BY unit_id, status, due_date HAVING sum(d) <> 0 ORDER BY unit_id, status, due_date
        ON CONFLICT (unit_id, status, due_date) DO UPDATE SET n = c.n + excluded.n;
        IF FOUND THEN
          DELETE FROM request_queue_counts WHERE n <= 0 AND unit_id IN (SELECT unit_id FROM old_rows);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION request_queue_counts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE request_queue_counts c SET n = c.n - o.n
          FROM (SELECT unit_id, status, due_date, count(*)::int AS n FROM old_rows WHERE closed_at IS NULL
                 GROUP BY unit_id, status, due_date ORDER BY unit_id, status, due_date) o
         WHERE c.unit_id = o.unit_id AND c.status = o.status AND c.due_date = o.due_date;
        IF FOUND THEN
          DELETE FROM request_queue_counts WHERE n <= 0 AND unit_id IN (SELECT unit_id FROM old_rows);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION request_queue_counts_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE request_queue_counts;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER request_queue_counts_insert AFTER INSERT ON requests REFERENCING NEW TABLE AS new_rows
                     FOR EACH STATEMENT EXECUTE FUNCTION request_queue_counts_apply()`);
    await q.query(`CREATE TRIGGER request_queue_counts_update AFTER UPDATE ON requests REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                     FOR EACH STATEMENT EXECUTE FUNCTION request_queue_counts_apply()`);
    await q.query(`CREATE TRIGGER request_queue_counts_delete AFTER DELETE ON requests REFERENCING OLD TABLE AS old_rows
                     FOR EACH STATEMENT EXECUTE FUNCTION request_queue_counts_delete()`);
    await q.query(`CREATE TRIGGER request_queue_counts_truncate AFTER TRUNCATE ON requests
                     FOR EACH STATEMENT EXECUTE FUNCTION request_queue_counts_truncate()`);
    await q.query(`
      INSERT INTO request_queue_counts (unit_id, status, due_date, n)
        SELECT unit_id, status, due_date, count(*)::int FROM requests WHERE closed_at IS NULL GROUP BY unit_id, status, due_date`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER request_queue_counts_truncate ON requests');
    await q.query('DROP TRIGGER request_queue_counts_delete ON requests');
    await q.query('DROP TRIGGER request_queue_counts_update ON requests');
    await q.query('DROP TRIGGER request_queue_counts_insert ON requests');
    await q.query('DROP FUNCTION request_queue_counts_truncate()');
    await q.query('DROP FUNCTION request_queue_counts_delete()');
    await q.query('DROP FUNCTION request_queue_counts_apply()');
    await q.query('DROP TABLE request_queue_counts');
  }
}
