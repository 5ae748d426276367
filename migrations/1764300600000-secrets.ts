import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tracking codes stored encrypted (they no longer derive from the encryption key, so they survive
 * a key rotation), and submission keys stored only as keyed hashes beside a keyed digest of the
 * submission they were first used for. The old columns stay nullable until the start-up backfill
 * (RequestSecrets) has moved each row over; it needs the keys, which SQL does not have.
 */
export class Secrets1764300600000 implements MigrationInterface {
  name = 'Secrets1764300600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE requests
        ADD COLUMN tracking_code bytea,
        ADD COLUMN submission_key_hash text UNIQUE,
        ADD COLUMN submission_digest text,
        ALTER COLUMN tracking_code_hash DROP NOT NULL`);
    await q.query('CREATE INDEX requests_legacy_secrets ON requests (id) WHERE tracking_code IS NULL OR submission_key IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX requests_legacy_secrets');
    await q.query('ALTER TABLE requests DROP COLUMN tracking_code, DROP COLUMN submission_key_hash, DROP COLUMN submission_digest');
  }
}
