import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MonevQualification } from './monev-rules';

/** One body's monev result of the Komisi Informasi for one year (table monev_results). */
@Entity('monev_results')
export class MonevResultEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Column('integer')
  year: number;

  @Column('integer', { name: 'body_id' })
  bodyId: number;

  /** numeric(5,2): the driver hands it over as text. */
  @Column('numeric', { precision: 5, scale: 2 })
  score: string;

  @Column('text')
  qualification: MonevQualification;

  @Column('timestamptz', { name: 'imported_at' })
  importedAt: Date;

  @Column('integer', { name: 'imported_by' })
  importedBy: number;
}
