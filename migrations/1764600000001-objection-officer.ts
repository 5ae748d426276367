import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who decides objections for a body (atasan PPID, Pasal 35–36) and where they are filed, as every
 * letter states them; null until an admin sets them, when letters name the atasan PPID of the body
 * at the body's address.
 */
export class ObjectionOfficer1764600000001 implements MigrationInterface {
  name = 'ObjectionOfficer1764600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE public_bodies
        ADD COLUMN atasan_name text CHECK (length(atasan_name) BETWEEN 1 AND 150),
        ADD COLUMN atasan_position text CHECK (length(atasan_position) BETWEEN 1 AND 200),
        ADD COLUMN atasan_address text CHECK (length(atasan_address) BETWEEN 1 AND 300)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE public_bodies DROP COLUMN atasan_name, DROP COLUMN atasan_position, DROP COLUMN atasan_address');
  }
}
