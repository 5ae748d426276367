import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The officer queue at scale. The state counts read only an index: the open requests of a unit
 * by status and due date, with nothing else to fetch. Searching by name or registration number
 * (ILIKE '%…%') goes through trigram indexes on the open requests instead of every open row of
 * the unit: each holds the unit too (btree_gin), so one index scan finds the unit's matching rows.
 * pg_trgm and btree_gin are trusted extensions (a database owner may create them); the embedded
 * database loads both at start (src/database/embedded-postgres.ts).
 */
export class QueueIndexes1765500000000 implements MigrationInterface {
  name = 'QueueIndexes1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await q.query('CREATE EXTENSION IF NOT EXISTS btree_gin');
    await q.query('CREATE INDEX requests_open_by_unit_status_due ON requests (unit_id, status, due_date) WHERE closed_at IS NULL');
    await q.query('CREATE INDEX requests_open_name_trgm ON requests USING gin (unit_id, requester_name gin_trgm_ops) WHERE closed_at IS NULL');
    await q.query('CREATE INDEX requests_open_number_trgm ON requests USING gin (unit_id, registration_number gin_trgm_ops) WHERE closed_at IS NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX requests_open_number_trgm');
    await q.query('DROP INDEX requests_open_name_trgm');
    await q.query('DROP INDEX requests_open_by_unit_status_due');
  }
}
