import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public search (issue 12, point 5): DIP items carry a full-text vector in PostgreSQL's
 * 'indonesian' configuration (Snowball's Indonesian stemmer: "penganggaran", "dianggarkan" and
 * "anggaran" all become 'anggar'), with a GIN index over the active items.
 *
 * Only what the public list shows goes in: the title (weight A), the summary (B) — for a
 * dikecualikan item, whose summary is never published, the law it is closed by instead — and the
 * official, time and place of making (C). Otherwise a search could reveal words of a withheld summary.
 */
export class PublicSearch1766200000000 implements MigrationInterface {
  name = 'PublicSearch1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE dip_items ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('indonesian'::regconfig, coalesce(title, '')), 'A') ||
        setweight(to_tsvector('indonesian'::regconfig,
          CASE WHEN category = 'dikecualikan' THEN coalesce(exemption_law, '') ELSE coalesce(summary, '') END), 'B') ||
        setweight(to_tsvector('indonesian'::regconfig,
          coalesce(responsible_official, '') || ' ' || coalesce(made_when, '') || ' ' || coalesce(made_where, '')), 'C')
      ) STORED`);
    await q.query(`CREATE INDEX dip_items_search ON dip_items USING gin (search_vector) WHERE status = 'active'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX dip_items_search');
    await q.query('ALTER TABLE dip_items DROP COLUMN search_vector');
  }
}
