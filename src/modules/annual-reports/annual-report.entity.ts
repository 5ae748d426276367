import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AnnualFigures } from './annual-figures';

/** One body's Laporan layanan informasi publik for one year (table annual_reports). */
@Entity('annual_reports')
export class AnnualReport {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Column('integer', { name: 'body_id' })
  bodyId: number;

  @Column('integer')
  year: number;

  @Column('text')
  policy: string;

  @Column('text')
  resources: string;

  @Column('text')
  obstacles: string;

  @Column('text')
  recommendations: string;

  @Column('integer')
  version: number;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('integer', { name: 'updated_by', nullable: true })
  updatedBy: number | null;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;

  @Column('integer', { name: 'published_by', nullable: true })
  publishedBy: number | null;

  /** The figures as they stood when it was published. */
  @Column('jsonb', { name: 'published_figures', nullable: true })
  publishedFigures: AnnualFigures | null;
}
