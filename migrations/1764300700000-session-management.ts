import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each user lists and ends their own sessions and API tokens: sessions are found by the account
 * in their data, and a token records when it was last used (to the minute).
 */
export class SessionManagement1764300700000 implements MigrationInterface {
  name = 'SessionManagement1764300700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE api_tokens ADD COLUMN last_used_at timestamptz');
    await q.query(`CREATE INDEX session_by_user ON session ((sess->>'userId'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX session_by_user');
    await q.query('ALTER TABLE api_tokens DROP COLUMN last_used_at');
  }
}
