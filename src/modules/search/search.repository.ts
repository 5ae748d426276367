import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SearchCategory, SearchSource } from './search-categories';

/** How the words are read: a search (websearch syntax: quotes, -word, or) or a to_tsquery built by suggestionQuery. */
export type SearchMode = 'search' | 'suggest';

export interface SearchSelection {
  /** The citizen's words (mode 'search') or a to_tsquery text (mode 'suggest'); absent: no text condition. */
  text?: string;
  mode: SearchMode;
  bodyCode?: string;
  category?: SearchCategory;
  year?: number;
  /** Only what can be read at once: no dikecualikan items (suggestions). */
  availableOnly?: boolean;
  /** The province's time zone: the local date an item was listed on. */
  timeZone: string;
  limit: number;
}

/** One public item found: only what its public page shows. */
export interface SearchHit {
  source: SearchSource;
  id: number;
  bodyCode: string;
  bodyName: string;
  category: SearchCategory;
  title: string;
  /** Null for a dikecualikan item, whose summary is never published. */
  summary: string | null;
  exemptionGround: string | null;
  exemptionLaw: string | null;
  exemptionUntil: string | null;
  year: number | null;
  rank: number;
}

/** A body with public DIP items, for the open-data catalogue. */
export interface CatalogueBody {
  code: string;
  name: string;
  email: string | null;
  website: string | null;
  items: number;
  categories: SearchCategory[];
  lastChange: Date;
}

/** The SQL pieces an arm needs, with the parameters already numbered. */
interface ArmParams {
  /** The tsquery expression, or null when there are no words. */
  query: string | null;
  bodyCode: string | null;
  category: string | null;
  year: string | null;
  availableOnly: boolean;
  timeZone: string;
}

interface SearchArm {
  source: SearchSource;
  categories: readonly SearchCategory[];
  sql: (p: ArmParams) => string;
}

/** The conditions every arm applies, given its own columns. */
function conditions(p: ArmParams, c: { vector: string; bodyCode: string; category: string; year: string }): string {
  const where: string[] = [];
  if (p.query) where.push(`${c.vector} @@ ${p.query}`);
  if (p.bodyCode) where.push(`${c.bodyCode} = ${p.bodyCode}`);
  if (p.category) where.push(`${c.category} = ${p.category}`);
  if (p.year) where.push(`${c.year} = ${p.year}`);
  if (p.availableOnly) where.push(`${c.category} <> 'dikecualikan'`);
  return where.map((w) => ` AND ${w}`).join('');
}

/**
 * The sources of the public search, one SELECT each, put together with UNION ALL. Each arm returns
 * the columns of SearchHit plus "changedAt" (newest first when there are no words).
 */
const ARMS: SearchArm[] = [
  {
    // Daftar Informasi Publik: active items. A dikecualikan item shows its title and ground, never its
    // summary; its year is that of its last update, else of the day it was listed.
    source: 'dip',
    categories: ['berkala', 'serta_merta', 'setiap_saat', 'dikecualikan'],
    sql: (p) => {
      const year = `extract(year FROM coalesce(i.last_updated_on, (i.created_at AT TIME ZONE ${p.timeZone})::date))::int`;
      return `SELECT 'dip' AS source, i.id, b.region_code AS "bodyCode", b.name AS "bodyName", i.category, i.title,
                CASE WHEN i.category = 'dikecualikan' THEN NULL ELSE i.summary END AS summary,
                i.exemption_ground AS "exemptionGround", i.exemption_law AS "exemptionLaw",
                to_char(i.exemption_until, 'YYYY-MM-DD') AS "exemptionUntil", ${year} AS year,
                ${p.query ? `ts_rank(i.search_vector, ${p.query})` : '0'}::real AS rank, i.updated_at AS "changedAt"
           FROM dip_items i JOIN public_bodies b ON b.id = i.body_id
          WHERE i.status = 'active'${conditions(p, { vector: 'i.search_vector', bodyCode: 'b.region_code', category: 'i.category', year })}`;
    },
  },
  {
    // Published answers (table published_answers, written by the published-answers module): only those
    // published, their texts already free of the requester's personal data; the year is the decision's.
    source: 'jawaban',
    categories: ['jawaban'],
    sql: (p) => `SELECT 'jawaban' AS source, a.id::int AS id, b.region_code AS "bodyCode", b.name AS "bodyName", 'jawaban' AS category,
                   a.title, a.summary, NULL AS "exemptionGround", NULL AS "exemptionLaw", NULL AS "exemptionUntil",
                   extract(year FROM a.decided_on)::int AS year,
                   ${p.query ? `ts_rank(a.search_vector, ${p.query})` : '0'}::real AS rank, a.published_at AS "changedAt"
              FROM published_answers a JOIN public_bodies b ON b.id = a.body_id
             WHERE a.status = 'published'${conditions(p, { vector: 'a.search_vector', bodyCode: 'b.region_code', category: "'jawaban'", year: 'extract(year FROM a.decided_on)::int' })}`,
  },
];

/** The sources that can hold a category (all of them when none is asked for). */
export function armsFor(category: SearchCategory | undefined): SearchSource[] {
  return ARMS.filter((a) => category === undefined || a.categories.includes(category)).map((a) => a.source);
}

/**
 * The public search's only reader: active DIP items (read-only; dip_items is written by the dip
 * module) and published answers (read-only; written by the published-answers module); the bodies' names and contacts for the catalogue.
 */
@Injectable()
export class SearchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Best match first (ts_rank), then the newest; without words, the newest first. */
  async search(s: SearchSelection): Promise<SearchHit[]> {
    const arms = ARMS.filter((a) => s.category === undefined || a.categories.includes(s.category));
    if (arms.length === 0) return [];
    const values: unknown[] = [];
    const param = (value: unknown, type: string) => {
      values.push(value);
      return `$${values.length}::${type}`;
    };
    let timeZone: string | undefined;
    const p: ArmParams = {
      query: s.text === undefined ? null : s.mode === 'search' ? `websearch_to_tsquery('indonesian', ${param(s.text, 'text')})` : `to_tsquery('indonesian', ${param(s.text, 'text')})`,
      bodyCode: s.bodyCode === undefined ? null : param(s.bodyCode, 'text'),
      category: s.category === undefined ? null : param(s.category, 'text'),
      year: s.year === undefined ? null : param(s.year, 'int'),
      availableOnly: s.availableOnly === true,
      // Numbered only when an arm uses it: PostgreSQL cannot type a parameter that no arm reads.
      get timeZone() {
        return (timeZone ??= param(s.timeZone, 'text'));
      },
    };
    const limit = param(s.limit, 'int');
    const rows = (await this.dataSource.query(
      `SELECT source, id, "bodyCode", "bodyName", category, title, summary, "exemptionGround", "exemptionLaw", "exemptionUntil", year, rank
         FROM (${arms.map((a) => a.sql(p)).join('\n UNION ALL \n')}) hits
        ORDER BY rank DESC, "changedAt" DESC, source, id
        LIMIT ${limit}`,
      values,
    )) as SearchHit[];
    return rows.map((r) => ({ ...r, rank: Number(r.rank) }));
  }

  /** The province's own body (the publisher of province-wide datasets), or null before the reference data is loaded. */
  async provinceBody(code: string): Promise<{ code: string; name: string; email: string | null } | null> {
    const rows = (await this.dataSource.query('SELECT region_code AS code, name, email FROM public_bodies WHERE region_code = $1', [code])) as {
      code: string;
      name: string;
      email: string | null;
    }[];
    return rows[0] ?? null;
  }

  /** Bodies with at least one active DIP item, with what the catalogue says of them. */
  async catalogueBodies(): Promise<CatalogueBody[]> {
    return (await this.dataSource.query(
      `SELECT b.region_code AS code, b.name, b.email, b.website, count(*)::int AS items,
              array_agg(DISTINCT i.category ORDER BY i.category) AS categories, max(i.updated_at) AS "lastChange"
         FROM dip_items i JOIN public_bodies b ON b.id = i.body_id
        WHERE i.status = 'active'
        GROUP BY b.id ORDER BY b.region_code`,
    )) as CatalogueBody[];
  }

  /** When the latest published answer was published; null while none is. */
  async latestAnswerPublishedAt(): Promise<Date | null> {
    const [row] = (await this.dataSource.query("SELECT max(published_at) AS at FROM published_answers WHERE status = 'published'")) as { at: Date | null }[];
    return row?.at ?? null;
  }
}
