import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail (UU 27/2022 accountability): administrative changes and every view or download
 * of a requester's personal data, with actor, time and what. It holds no personal data itself:
 * actors and targets are ids, details are codes and dates, client addresses are not kept.
 * Append-only in the database: a statement trigger refuses UPDATE, DELETE and TRUNCATE.
 */
export class AuditLog1764300800000 implements MigrationInterface {
  name = 'AuditLog1764300800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_user_id integer,
        actor_role text NOT NULL CHECK (actor_role IN ('officer', 'supervisor', 'bureau', 'admin', 'system')),
        action text NOT NULL CHECK (action ~ '^[a-z_]+\\.[a-z_]+$'),
        target_type text CHECK (target_type ~ '^[a-z_]+$'),
        target_id text CHECK (length(target_id) BETWEEN 1 AND 64),
        details jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(details) = 'object'),
        CHECK ((actor_role = 'system') = (actor_user_id IS NULL)),
        CHECK ((target_type IS NULL) = (target_id IS NULL))
      )`);
    await q.query('CREATE INDEX audit_log_by_time ON audit_log (occurred_at)');
    await q.query('CREATE INDEX audit_log_by_action ON audit_log (action, id)');
    await q.query('CREATE INDEX audit_log_by_actor ON audit_log (actor_user_id, id) WHERE actor_user_id IS NOT NULL');
    await q.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await q.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_log');
    await q.query('DROP FUNCTION audit_log_refuse_change()');
  }
}
