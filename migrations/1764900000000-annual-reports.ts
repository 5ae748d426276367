import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Laporan layanan informasi publik, one per body and year: the narrative sections the PPID writes
 * (policy, resources, obstacles, recommendations) and, once published, the figures as they stood
 * then, so the public page does not change afterwards.
 */
export class AnnualReports1764900000000 implements MigrationInterface {
  name = 'AnnualReports1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE annual_reports (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        body_id integer NOT NULL REFERENCES public_bodies(id),
        year integer NOT NULL CHECK (year BETWEEN 2008 AND 2200),
        policy text NOT NULL DEFAULT '' CHECK (length(policy) <= 10000),
        resources text NOT NULL DEFAULT '' CHECK (length(resources) <= 10000),
        obstacles text NOT NULL DEFAULT '' CHECK (length(obstacles) <= 10000),
        recommendations text NOT NULL DEFAULT '' CHECK (length(recommendations) <= 10000),
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by integer REFERENCES users(id),
        published_at timestamptz,
        published_by integer REFERENCES users(id),
        published_figures jsonb CHECK (published_figures IS NULL OR jsonb_typeof(published_figures) = 'object'),
        CONSTRAINT annual_reports_body_year UNIQUE (body_id, year),
        CONSTRAINT annual_reports_published_whole CHECK ((published_at IS NULL) = (published_figures IS NULL))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE annual_reports');
  }
}
