import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Komisi Informasi's annual monev results of each body, imported by the bureau: one row per
 * year and body (a re-import replaces it). External data, kept apart from the portal's own index.
 */
export class MonevResults1765300000000 implements MigrationInterface {
  name = 'MonevResults1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE monev_results (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        year integer NOT NULL CHECK (year BETWEEN 2010 AND 2200),
        body_id integer NOT NULL REFERENCES public_bodies(id),
        score numeric(5, 2) NOT NULL CHECK (score BETWEEN 0 AND 100),
        qualification text NOT NULL CHECK (qualification IN ('informatif', 'menuju_informatif', 'cukup_informatif', 'kurang_informatif', 'tidak_informatif')),
        imported_at timestamptz NOT NULL,
        imported_by integer NOT NULL REFERENCES users(id),
        CONSTRAINT monev_results_year_body UNIQUE (year, body_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE monev_results');
  }
}
