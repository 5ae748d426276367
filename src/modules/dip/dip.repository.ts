import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DipCategory, DipForm } from './dip-categories';
import { OpeningReason } from './dip-exemptions';
import { DipItemStatus } from './dip-item.entity';

/** The columns an officer writes. */
export interface DipItemFields {
  unitId: number;
  category: DipCategory;
  title: string;
  summary: string;
  responsibleOfficial: string;
  madeWhen: string;
  madeWhere: string;
  form: DipForm;
  retention: string;
  updatePeriodMonths: number | null;
  lastUpdatedOn: string | null;
  exemptionGround: string | null;
  exemptionLaw: string | null;
  exemptionUntil: string | null;
  links: string[];
}

/** An item as read, with its unit and body named. */
export interface DipItemRecord extends DipItemFields {
  id: number;
  bodyId: number;
  bodyCode: string;
  bodyName: string;
  unitName: string;
  unitLevel: 'utama' | 'pelaksana';
  timeZone: string;
  status: DipItemStatus;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  openedAt: Date | null;
  openedReason: OpeningReason | null;
  openedNote: string | null;
  openedSource: OpenedSource | null;
}

export interface DipFileRecord {
  /** The attachment's own id (dip_item_files). */
  id: number;
  itemId: number;
  fileId: string;
  filename: string;
  mediaType: string;
  size: number;
  addedAt: Date;
}

export type DipHistoryAction = 'created' | 'updated' | 'withdrawn' | 'file_added' | 'file_removed' | 'refreshed' | 'exemption_linked' | 'opened';

/** The decision an item was opened on (an objection's or a dispute's number and date). */
export interface OpenedSource {
  kind: 'objection' | 'commission' | 'expired' | 'manual';
  number?: string;
  on: string;
  registrationNumber?: string;
}

/** A consequence test behind a dikecualikan item (dip_exemption_sources). */
export interface ExemptionSourceRecord {
  itemId: number;
  consequenceTestId: string;
  requestId: string;
  registrationNumber: string;
  decision: 'refused' | 'partially_granted';
  decidedOn: string;
  exemptionGround: string;
  exemptionLaw: string | null;
  exemptionUntil: string | null;
  createdItem: boolean;
  linkedAt: Date;
}

export interface DipHistoryRecord {
  at: Date;
  action: DipHistoryAction;
  actorName: string | null;
  changes: Record<string, unknown>;
}

/** How many items of a body stood in its DIP at the end of a day with this category and rhythm (as they were then). */
export interface DipItemsAsOf {
  bodyId: number;
  category: DipCategory;
  updatePeriodMonths: number | null;
  /** 'YYYY-MM-DD'; null for items without a rhythm. */
  lastUpdatedOn: string | null;
  count: number;
}

export interface DipItemSelection {
  bodyId?: number;
  /** Only these units; absent: every unit of the body. */
  unitIds?: number[];
  category?: DipCategory;
  withdrawn?: boolean;
}

const ITEM_COLUMNS = `i.id, i.body_id AS "bodyId", b.region_code AS "bodyCode", b.name AS "bodyName",
  i.unit_id AS "unitId", u.name AS "unitName", u.level AS "unitLevel", u.time_zone AS "timeZone",
  i.category, i.title, i.summary, i.responsible_official AS "responsibleOfficial", i.made_when AS "madeWhen",
  i.made_where AS "madeWhere", i.form, i.retention, i.update_period_months AS "updatePeriodMonths",
  to_char(i.last_updated_on, 'YYYY-MM-DD') AS "lastUpdatedOn", i.exemption_ground AS "exemptionGround",
  i.exemption_law AS "exemptionLaw", to_char(i.exemption_until, 'YYYY-MM-DD') AS "exemptionUntil", i.links,
  i.status, i.withdrawn_at AS "withdrawnAt", i.withdrawal_reason AS "withdrawalReason", i.version,
  i.created_at AS "createdAt", i.updated_at AS "updatedAt", i.opened_at AS "openedAt", i.opened_reason AS "openedReason",
  i.opened_note AS "openedNote", i.opened_source AS "openedSource"`;

const SOURCE_COLUMNS = `s.item_id AS "itemId", s.consequence_test_id::text AS "consequenceTestId", s.request_id::text AS "requestId",
  s.registration_number AS "registrationNumber", s.decision, to_char(s.decided_on, 'YYYY-MM-DD') AS "decidedOn",
  s.exemption_ground AS "exemptionGround", s.exemption_law AS "exemptionLaw", to_char(s.exemption_until, 'YYYY-MM-DD') AS "exemptionUntil",
  s.created_item AS "createdItem", s.linked_at AS "linkedAt"`;

const ITEM_FROM = 'FROM dip_items i JOIN ppid_units u ON u.id = i.unit_id JOIN public_bodies b ON b.id = i.body_id';

const CATEGORY_ORDER = `CASE i.category WHEN 'berkala' THEN 1 WHEN 'serta_merta' THEN 2 WHEN 'setiap_saat' THEN 3 ELSE 4 END`;

/**
 * The only reader and writer of dip_items, dip_item_files and dip_item_history (read-only joins
 * onto units, bodies, users and the stored files' names and sizes).
 */
@Injectable()
export class DipRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private run(m?: EntityManager): EntityManager {
    return m ?? this.dataSource.manager;
  }

  async insertItem(m: EntityManager, bodyId: number, f: DipItemFields, userId: number | null, now: Date): Promise<number> {
    const rows = (await m.query(
      `INSERT INTO dip_items (body_id, unit_id, category, title, summary, responsible_official, made_when, made_where, form, retention,
                              update_period_months, last_updated_on, exemption_ground, exemption_law, exemption_until, links,
                              created_at, created_by, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $17, $18) RETURNING id`,
      [bodyId, f.unitId, f.category, f.title, f.summary, f.responsibleOfficial, f.madeWhen, f.madeWhere, f.form, f.retention,
        f.updatePeriodMonths, f.lastUpdatedOn, f.exemptionGround, f.exemptionLaw, f.exemptionUntil, JSON.stringify(f.links), now, userId],
    )) as { id: number }[];
    return rows[0].id;
  }

  /** Many items at once (the demo data), each with its 'created' history row; returns how many. */
  async insertMany(m: EntityManager, rows: (DipItemFields & { bodyId: number; createdAt: Date })[]): Promise<number> {
    if (rows.length === 0) return 0;
    const json = rows.map((r) => ({
      body_id: r.bodyId, unit_id: r.unitId, category: r.category, title: r.title, summary: r.summary, responsible_official: r.responsibleOfficial,
      made_when: r.madeWhen, made_where: r.madeWhere, form: r.form, retention: r.retention, update_period_months: r.updatePeriodMonths,
      last_updated_on: r.lastUpdatedOn, exemption_ground: r.exemptionGround, exemption_law: r.exemptionLaw, exemption_until: r.exemptionUntil,
      links: r.links, created_at: r.createdAt.toISOString(),
    }));
    const written = (await m.query(
      `WITH src AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(body_id int, unit_id int, category text, title text, summary text, responsible_official text,
           made_when text, made_where text, form text, retention text, update_period_months int, last_updated_on date, exemption_ground text,
           exemption_law text, exemption_until date, links jsonb, created_at timestamptz)),
       ins AS (
         INSERT INTO dip_items (body_id, unit_id, category, title, summary, responsible_official, made_when, made_where, form, retention,
                                update_period_months, last_updated_on, exemption_ground, exemption_law, exemption_until, links,
                                created_at, updated_at)
         SELECT body_id, unit_id, category, title, summary, responsible_official, made_when, made_where, form, retention,
                update_period_months, last_updated_on, exemption_ground, exemption_law, exemption_until, links, created_at, created_at
           FROM src RETURNING id, created_at, category, title)
       INSERT INTO dip_item_history (item_id, at, actor_id, action, changes)
       SELECT id, created_at, NULL, 'created', jsonb_build_object('category', category, 'title', title) FROM ins RETURNING item_id`,
      [JSON.stringify(json)],
    )) as unknown[];
    return written.length;
  }

  async updateItem(m: EntityManager, id: number, f: DipItemFields, userId: number | null, now: Date): Promise<void> {
    await m.query(
      `UPDATE dip_items SET unit_id = $2, category = $3, title = $4, summary = $5, responsible_official = $6, made_when = $7, made_where = $8,
              form = $9, retention = $10, update_period_months = $11, last_updated_on = $12, exemption_ground = $13, exemption_law = $14,
              exemption_until = $15, links = $16, updated_at = $17, updated_by = $18, version = version + 1
        WHERE id = $1`,
      [id, f.unitId, f.category, f.title, f.summary, f.responsibleOfficial, f.madeWhen, f.madeWhere, f.form, f.retention,
        f.updatePeriodMonths, f.lastUpdatedOn, f.exemptionGround, f.exemptionLaw, f.exemptionUntil, JSON.stringify(f.links), now, userId],
    );
  }

  async markRefreshed(m: EntityManager, id: number, on: string, userId: number | null, now: Date): Promise<void> {
    await m.query('UPDATE dip_items SET last_updated_on = $2, updated_at = $3, updated_by = $4, version = version + 1 WHERE id = $1', [id, on, now, userId]);
  }

  async withdraw(m: EntityManager, id: number, reason: string, userId: number | null, now: Date): Promise<void> {
    await m.query(
      `UPDATE dip_items SET status = 'withdrawn', withdrawn_at = $2, withdrawal_reason = $3, updated_at = $2, updated_by = $4, version = version + 1
        WHERE id = $1 AND status = 'active'`,
      [id, now, reason, userId],
    );
  }

  /** The item locked until the transaction ends, or null. */
  async lockItem(m: EntityManager, id: number): Promise<DipItemRecord | null> {
    await m.query('SELECT 1 FROM dip_items WHERE id = $1 FOR UPDATE', [id]);
    return this.findItem(id, m);
  }

  async findItem(id: number, m?: EntityManager): Promise<DipItemRecord | null> {
    const rows = (await this.run(m).query(`SELECT ${ITEM_COLUMNS} ${ITEM_FROM} WHERE i.id = $1`, [id])) as DipItemRecord[];
    return rows[0] ?? null;
  }

  /** Items by category (berkala first), then unit and title. */
  async findItems(s: DipItemSelection): Promise<DipItemRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (s.bodyId !== undefined) add('i.body_id = ?', s.bodyId);
    if (s.unitIds !== undefined) add('i.unit_id = ANY(?::int[])', s.unitIds);
    if (s.category !== undefined) add('i.category = ?', s.category);
    if (!s.withdrawn) where.push(`i.status = 'active'`);
    return (await this.dataSource.query(
      `SELECT ${ITEM_COLUMNS} ${ITEM_FROM} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${CATEGORY_ORDER}, u.level DESC, u.name, i.title, i.id`,
      params,
    )) as DipItemRecord[];
  }

  /** Active items kept on a rhythm (berkala, and items available at any time with a period), for the desk and the reminders. */
  async findRhythmItems(unitIds?: readonly number[]): Promise<DipItemRecord[]> {
    const ofUnits = unitIds === undefined ? '' : ' AND i.unit_id = ANY($1::int[])';
    return (await this.dataSource.query(
      `SELECT ${ITEM_COLUMNS} ${ITEM_FROM} WHERE i.status = 'active' AND i.update_period_months IS NOT NULL${ofUnits} ORDER BY i.last_updated_on, i.id`,
      unitIds === undefined ? [] : [unitIds],
    )) as DipItemRecord[];
  }

  /** How many active items each body has per category. */
  async countsByBody(): Promise<{ bodyCode: string; category: DipCategory; n: number }[]> {
    return (await this.dataSource.query(
      `SELECT b.region_code AS "bodyCode", i.category, count(*)::int AS n
         FROM dip_items i JOIN public_bodies b ON b.id = i.body_id WHERE i.status = 'active' GROUP BY b.region_code, i.category`,
    )) as { bodyCode: string; category: DipCategory; n: number }[];
  }

  /**
   * Every body's DIP as it stood at the end of `day` (a local date of `timeZone`), for all bodies in
   * one statement: the items created by then and not yet withdrawn, each with its category, period
   * and last update as they were then. A column changed after that day had, on it, the value before
   * its first later change (the history's `from`); an untouched column has today's value. Grouped, so
   * the answer is a few rows per body. The history is read from the day onwards only (index on `at`).
   */
  async itemsAsOf(day: string, timeZone: string): Promise<DipItemsAsOf[]> {
    return (await this.dataSource.query(
      `WITH cutoff AS (SELECT (($1::date + 1)::timestamp AT TIME ZONE $2) AS at),
            standing AS (
              SELECT i.id, i.body_id, i.category, i.update_period_months, i.last_updated_on
                FROM dip_items i, cutoff c
               WHERE i.created_at < c.at AND (i.withdrawn_at IS NULL OR i.withdrawn_at >= c.at)),
            later AS MATERIALIZED (
              SELECT h.item_id, h.at, h.id,
                     CASE WHEN jsonb_typeof(h.changes -> 'category') = 'object' THEN h.changes -> 'category' -> 'from' END AS category,
                     CASE WHEN jsonb_typeof(h.changes -> 'updatePeriodMonths') = 'object' THEN h.changes -> 'updatePeriodMonths' -> 'from' END AS months,
                     CASE WHEN jsonb_typeof(h.changes -> 'lastUpdatedOn') = 'object' THEN h.changes -> 'lastUpdatedOn' -> 'from' END AS last
                FROM dip_item_history h JOIN cutoff c ON h.at >= c.at
               WHERE h.changes ?| ARRAY['category', 'updatePeriodMonths', 'lastUpdatedOn']),
            lc AS (SELECT DISTINCT ON (item_id) item_id, category AS value FROM later WHERE category IS NOT NULL ORDER BY item_id, at, id),
            lm AS (SELECT DISTINCT ON (item_id) item_id, months AS value FROM later WHERE months IS NOT NULL ORDER BY item_id, at, id),
            ll AS (SELECT DISTINCT ON (item_id) item_id, last AS value FROM later WHERE last IS NOT NULL ORDER BY item_id, at, id)
       SELECT s.body_id AS "bodyId",
              coalesce(lc.value #>> '{}', s.category) AS category,
              CASE WHEN lm.item_id IS NULL THEN s.update_period_months ELSE (lm.value #>> '{}')::int END AS "updatePeriodMonths",
              CASE WHEN ll.item_id IS NULL THEN to_char(s.last_updated_on, 'YYYY-MM-DD') ELSE ll.value #>> '{}' END AS "lastUpdatedOn",
              count(*)::int AS count
         FROM standing s
         LEFT JOIN lc ON lc.item_id = s.id
         LEFT JOIN lm ON lm.item_id = s.id
         LEFT JOIN ll ON ll.item_id = s.id
        GROUP BY 1, 2, 3, 4
        ORDER BY 1, 2, 3, 4`,
      [day, timeZone],
    )) as DipItemsAsOf[];
  }

  async attachFile(m: EntityManager, itemId: number, fileId: string, userId: number | null, now: Date): Promise<number> {
    const rows = (await m.query('INSERT INTO dip_item_files (item_id, file_id, added_at, added_by) VALUES ($1, $2, $3, $4) RETURNING id', [
      itemId,
      fileId,
      now,
      userId,
    ])) as { id: number }[];
    return rows[0].id;
  }

  /** Takes a file off the item (kept, and named in the history); 1 when it was attached. */
  async detachFile(m: EntityManager, itemId: number, attachmentId: number, userId: number | null, now: Date): Promise<number> {
    const [, count] = (await m.query('UPDATE dip_item_files SET removed_at = $3, removed_by = $4 WHERE id = $2 AND item_id = $1 AND removed_at IS NULL', [
      itemId,
      attachmentId,
      now,
      userId,
    ])) as [unknown, number];
    return count;
  }

  /** The files attached (not removed) to these items, oldest first. */
  async findFiles(itemIds: number[], m?: EntityManager): Promise<DipFileRecord[]> {
    if (itemIds.length === 0) return [];
    return (await this.run(m).query(
      `SELECT a.id, a.item_id AS "itemId", a.file_id AS "fileId", f.filename, f.media_type AS "mediaType", f.size, a.added_at AS "addedAt"
         FROM dip_item_files a JOIN stored_files f ON f.id = a.file_id
        WHERE a.item_id = ANY($1::int[]) AND a.removed_at IS NULL ORDER BY a.added_at, a.id`,
      [itemIds],
    )) as DipFileRecord[];
  }

  async addHistory(m: EntityManager, itemId: number, actorId: number | null, action: DipHistoryAction, changes: Record<string, unknown>, now: Date): Promise<void> {
    await m.query('INSERT INTO dip_item_history (item_id, at, actor_id, action, changes) VALUES ($1, $2, $3, $4, $5)', [itemId, now, actorId, action, JSON.stringify(changes)]);
  }

  /** The item's history, oldest first, with who did each change. */
  async findHistory(itemId: number): Promise<DipHistoryRecord[]> {
    return (await this.dataSource.query(
      `SELECT h.at, h.action, a.name AS "actorName", h.changes FROM dip_item_history h LEFT JOIN users a ON a.id = h.actor_id
        WHERE h.item_id = $1 ORDER BY h.at, h.id`,
      [itemId],
    )) as DipHistoryRecord[];
  }

  // The register of exempted information.

  async insertSource(m: EntityManager, s: Omit<ExemptionSourceRecord, 'linkedAt'>, userId: number | null, now: Date): Promise<void> {
    await m.query(
      `INSERT INTO dip_exemption_sources (item_id, consequence_test_id, request_id, registration_number, decision, decided_on, exemption_ground,
                                          exemption_law, exemption_until, created_item, linked_at, linked_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [s.itemId, s.consequenceTestId, s.requestId, s.registrationNumber, s.decision, s.decidedOn, s.exemptionGround, s.exemptionLaw, s.exemptionUntil, s.createdItem, now, userId],
    );
  }

  /** The consequence tests behind these items, oldest first. */
  async findSources(itemIds: number[], m?: EntityManager): Promise<ExemptionSourceRecord[]> {
    if (itemIds.length === 0) return [];
    return (await this.run(m).query(`SELECT ${SOURCE_COLUMNS} FROM dip_exemption_sources s WHERE s.item_id = ANY($1::int[]) ORDER BY s.linked_at, s.id`, [itemIds])) as ExemptionSourceRecord[];
  }

  /** The items linked to a request's consequence tests, with their sources; locked when `m` is a transaction that asks for it. */
  async findItemsOfRequest(requestId: string, m?: EntityManager, lock = false): Promise<DipItemRecord[]> {
    if (lock && m) {
      await m.query('SELECT 1 FROM dip_items WHERE id IN (SELECT item_id FROM dip_exemption_sources WHERE request_id = $1) ORDER BY id FOR UPDATE', [requestId]);
    }
    return (await this.run(m).query(
      `SELECT ${ITEM_COLUMNS} ${ITEM_FROM} WHERE i.id IN (SELECT item_id FROM dip_exemption_sources WHERE request_id = $1) ORDER BY i.id`,
      [requestId],
    )) as DipItemRecord[];
  }

  /** Active dikecualikan items of a body (the choice of an item a refusal joins). */
  async findExemptItems(bodyId: number, m?: EntityManager): Promise<DipItemRecord[]> {
    return (await this.run(m).query(
      `SELECT ${ITEM_COLUMNS} ${ITEM_FROM} WHERE i.body_id = $1 AND i.status = 'active' AND i.category = 'dikecualikan' ORDER BY i.title, i.id`,
      [bodyId],
    )) as DipItemRecord[];
  }

  /** Active dikecualikan items whose end date is before `before` (a candidate list; each is checked on its unit's own day). */
  async findEndedExemptions(before: string): Promise<DipItemRecord[]> {
    return (await this.dataSource.query(
      `SELECT ${ITEM_COLUMNS} ${ITEM_FROM}
        WHERE i.status = 'active' AND i.category = 'dikecualikan' AND i.exemption_until IS NOT NULL AND i.exemption_until < $1::date
        ORDER BY i.exemption_until, i.id`,
      [before],
    )) as DipItemRecord[];
  }

  /** A further test joins an item: its end date may move. */
  async setExemptionUntil(m: EntityManager, id: number, until: string | null, userId: number | null, now: Date): Promise<void> {
    await m.query('UPDATE dip_items SET exemption_until = $2, updated_at = $3, updated_by = $4, version = version + 1 WHERE id = $1', [id, until, now, userId]);
  }

  /**
   * Pasal 11(2): an exempted item becomes available at any time. Only an active dikecualikan item
   * changes; 1 when it did, 0 when it was opened or withdrawn already (the caller writes no history then).
   */
  async open(m: EntityManager, id: number, reason: OpeningReason, note: string | null, source: OpenedSource, userId: number | null, now: Date): Promise<number> {
    const [, count] = (await m.query(
      `UPDATE dip_items SET category = 'setiap_saat', exemption_ground = NULL, exemption_law = NULL, exemption_until = NULL,
              opened_at = $2, opened_reason = $3, opened_note = $4, opened_source = $5, updated_at = $2, updated_by = $6, version = version + 1
        WHERE id = $1 AND status = 'active' AND category = 'dikecualikan'`,
      [id, now, reason, note, JSON.stringify(source), userId],
    )) as [unknown, number];
    return count;
  }
}
