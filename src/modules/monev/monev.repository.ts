import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { MonevResultEntity } from './monev-result.entity';
import { MonevQualification } from './monev-rules';

/** A stored monev result, the score as a number. */
export interface MonevResult {
  year: number;
  bodyId: number;
  score: number;
  qualification: MonevQualification;
  importedAt: Date;
}

export interface MonevYear {
  year: number;
  bodies: number;
  lastImportedAt: Date;
}

export interface MonevUpsert {
  year: number;
  bodyId: number;
  score: number;
  qualification: MonevQualification;
}

function toResult(e: MonevResultEntity): MonevResult {
  return { year: e.year, bodyId: e.bodyId, score: Number(e.score), qualification: e.qualification, importedAt: e.importedAt };
}

/** The only reader and writer of monev_results. */
@Injectable()
export class MonevRepository {
  constructor(@InjectRepository(MonevResultEntity) private readonly results: Repository<MonevResultEntity>) {}

  async findOfYear(year: number): Promise<MonevResult[]> {
    return (await this.results.find({ where: { year }, order: { bodyId: 'ASC' } })).map(toResult);
  }

  async findOfBody(bodyId: number): Promise<MonevResult[]> {
    return (await this.results.find({ where: { bodyId }, order: { year: 'DESC' } })).map(toResult);
  }

  /** Each year with results, newest first: how many bodies and when it was last imported. */
  async findYears(): Promise<MonevYear[]> {
    const rows = (await this.results.query(
      `SELECT year, count(*)::int AS bodies, max(imported_at) AS "lastImportedAt" FROM monev_results GROUP BY year ORDER BY year DESC`,
    )) as MonevYear[];
    return rows.map((r) => ({ ...r, lastImportedAt: new Date(r.lastImportedAt) }));
  }

  /** The rows already stored for these (year, body) pairs, locked until the transaction ends. */
  async lockExisting(m: EntityManager, pairs: readonly { year: number; bodyId: number }[]): Promise<MonevResult[]> {
    if (pairs.length === 0) return [];
    const rows = (await m.query(
      `SELECT r.year, r.body_id AS "bodyId", r.score::text AS score, r.qualification, r.imported_at AS "importedAt"
         FROM monev_results r JOIN unnest($1::int[], $2::int[]) AS p(year, body_id) ON p.year = r.year AND p.body_id = r.body_id
        ORDER BY r.id FOR UPDATE OF r`,
      [pairs.map((p) => p.year), pairs.map((p) => p.bodyId)],
    )) as (Omit<MonevResult, 'score'> & { score: string })[];
    return rows.map((r) => ({ ...r, score: Number(r.score) }));
  }

  /** Stores each result, replacing the row of the same year and body. */
  async upsert(m: EntityManager, rows: readonly MonevUpsert[], userId: number, now: Date): Promise<void> {
    if (rows.length === 0) return;
    await m.query(
      `INSERT INTO monev_results (year, body_id, score, qualification, imported_at, imported_by)
       SELECT r.year, r.body_id, r.score, r.qualification, $5, $6
         FROM unnest($1::int[], $2::int[], $3::numeric[], $4::text[]) AS r(year, body_id, score, qualification)
       ON CONFLICT (year, body_id) DO UPDATE
         SET score = EXCLUDED.score, qualification = EXCLUDED.qualification, imported_at = EXCLUDED.imported_at, imported_by = EXCLUDED.imported_by`,
      [rows.map((r) => r.year), rows.map((r) => r.bodyId), rows.map((r) => r.score.toFixed(2)), rows.map((r) => r.qualification), now, userId],
    );
  }
}
