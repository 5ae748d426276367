import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a request's current answer period began, if not at receipt: the atasan PPID overturned its
 * answer or the Komisi Informasi opened the information, and the PPID answers again within 10
 * working days from then. A recompute of due dates (a changed holiday list) counts from it.
 */
export class RequestReopening1764800000001 implements MigrationInterface {
  name = 'RequestReopening1764800000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE requests ADD COLUMN reopened_at timestamptz');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE requests DROP COLUMN reopened_at');
  }
}
