import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a letter needs from its body and unit: the office's address, telephone, e-mail, website
 * and service hours per weekday (the body's), a unit's own address, telephone and e-mail where
 * they differ, and who signs the unit's letters (name, position, 18-digit NIP).
 */
export class LetterDetails1764400000000 implements MigrationInterface {
  name = 'LetterDetails1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE public_bodies
        ADD COLUMN address text CHECK (length(address) BETWEEN 1 AND 300),
        ADD COLUMN phone text CHECK (length(phone) BETWEEN 1 AND 40),
        ADD COLUMN email text CHECK (length(email) BETWEEN 3 AND 254),
        ADD COLUMN website text CHECK (website ~ '^https?://' AND length(website) <= 200),
        ADD COLUMN service_hours jsonb CHECK (jsonb_typeof(service_hours) = 'object')`);
    await q.query(`
      ALTER TABLE ppid_units
        ADD COLUMN address text CHECK (length(address) BETWEEN 1 AND 300),
        ADD COLUMN phone text CHECK (length(phone) BETWEEN 1 AND 40),
        ADD COLUMN signer_name text CHECK (length(signer_name) BETWEEN 1 AND 150),
        ADD COLUMN signer_position text CHECK (length(signer_position) BETWEEN 1 AND 200),
        ADD COLUMN signer_nip text CHECK (signer_nip ~ '^[0-9]{18}$')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE ppid_units DROP COLUMN address, DROP COLUMN phone, DROP COLUMN signer_name, DROP COLUMN signer_position, DROP COLUMN signer_nip');
    await q.query('ALTER TABLE public_bodies DROP COLUMN address, DROP COLUMN phone, DROP COLUMN email, DROP COLUMN website, DROP COLUMN service_hours');
  }
}
