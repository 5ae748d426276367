import { MigrationInterface, QueryRunner } from 'typeorm';

/** The bureau's weekly summary mail: one per account and week, written with its mail. */
export class BureauWeeklySummary1765250000000 implements MigrationInterface {
  name = 'BureauWeeklySummary1765250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bureau_summary_log (
        user_id integer NOT NULL REFERENCES users (id),
        week_start date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, week_start)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE bureau_summary_log');
  }
}
