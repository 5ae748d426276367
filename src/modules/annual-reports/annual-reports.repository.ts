import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AnnualFigures } from './annual-figures';
import { AnnualReport } from './annual-report.entity';

export interface Narrative {
  policy: string;
  resources: string;
  obstacles: string;
  recommendations: string;
}

/** The only reader and writer of annual_reports. */
@Injectable()
export class AnnualReportsRepository {
  constructor(@InjectRepository(AnnualReport) private readonly reports: Repository<AnnualReport>) {}

  findOne(bodyId: number, year: number, m?: EntityManager): Promise<AnnualReport | null> {
    return (m ? m.withRepository(this.reports) : this.reports).findOneBy({ bodyId, year });
  }

  /** The row locked until the transaction ends; created empty first when there is none. */
  async lockOrCreate(m: EntityManager, bodyId: number, year: number): Promise<AnnualReport> {
    await m.query('INSERT INTO annual_reports (body_id, year) VALUES ($1, $2) ON CONFLICT (body_id, year) DO NOTHING', [bodyId, year]);
    return m
      .withRepository(this.reports)
      .createQueryBuilder('a')
      .setLock('pessimistic_write')
      .where('a.body_id = :bodyId AND a.year = :year', { bodyId, year })
      .getOneOrFail();
  }

  async saveNarrative(m: EntityManager, id: number, narrative: Narrative, userId: number | null, now: Date): Promise<void> {
    await m.query(
      `UPDATE annual_reports SET policy = $2, resources = $3, obstacles = $4, recommendations = $5, updated_by = $6, updated_at = $7, version = version + 1
        WHERE id = $1`,
      [id, narrative.policy, narrative.resources, narrative.obstacles, narrative.recommendations, userId, now],
    );
  }

  async publish(m: EntityManager, id: number, figures: AnnualFigures, userId: number | null, now: Date): Promise<void> {
    await m.query(
      'UPDATE annual_reports SET published_at = $2, published_by = $3, published_figures = $4, version = version + 1 WHERE id = $1 AND published_at IS NULL',
      [id, now, userId, JSON.stringify(figures)],
    );
  }

  /** Published reports of a body, newest year first. */
  findPublishedOfBody(bodyId: number): Promise<AnnualReport[]> {
    return this.reports.createQueryBuilder('a').where('a.body_id = :bodyId AND a.published_at IS NOT NULL', { bodyId }).orderBy('a.year', 'DESC').getMany();
  }

  /**
   * When each of these bodies published its report of `year`: the local date in the zone of the
   * body's PPID Utama (a read-only join onto the bodies' units). Bodies without one are left out.
   */
  findPublicationDates(year: number, bodyIds: readonly number[]): Promise<{ bodyId: number; publishedOn: string }[]> {
    if (bodyIds.length === 0) return Promise.resolve([]);
    return this.reports.manager.query(
      `SELECT a.body_id AS "bodyId", to_char((a.published_at AT TIME ZONE u.time_zone)::date, 'YYYY-MM-DD') AS "publishedOn"
         FROM annual_reports a
         JOIN LATERAL (SELECT time_zone FROM ppid_units WHERE body_id = a.body_id AND level = 'utama' ORDER BY id LIMIT 1) u ON true
        WHERE a.year = $1 AND a.body_id = ANY($2::int[]) AND a.published_at IS NOT NULL`,
      [year, [...bodyIds]],
    ) as Promise<{ bodyId: number; publishedOn: string }[]>;
  }
}
