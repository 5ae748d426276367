import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DipCategory, DipForm } from './dip-categories';

export type DipItemStatus = 'active' | 'withdrawn';

/** One item of a body's Daftar Informasi Publik (table dip_items); withdrawn, never deleted. */
@Entity('dip_items')
export class DipItem {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Column('integer', { name: 'body_id' })
  bodyId: number;

  /** The PPID unit that holds it (pejabat/unit penguasa informasi). */
  @Column('integer', { name: 'unit_id' })
  unitId: number;

  @Column('text')
  category: DipCategory;

  @Column('text')
  title: string;

  @Column('text')
  summary: string;

  @Column('text', { name: 'responsible_official' })
  responsibleOfficial: string;

  @Column('text', { name: 'made_when' })
  madeWhen: string;

  @Column('text', { name: 'made_where' })
  madeWhere: string;

  @Column('text')
  form: DipForm;

  @Column('text')
  retention: string;

  @Column('integer', { name: 'update_period_months', nullable: true })
  updatePeriodMonths: number | null;

  /** 'YYYY-MM-DD'. */
  @Column('date', { name: 'last_updated_on', nullable: true })
  lastUpdatedOn: string | null;

  @Column('text', { name: 'exemption_ground', nullable: true })
  exemptionGround: string | null;

  @Column('text', { name: 'exemption_law', nullable: true })
  exemptionLaw: string | null;

  @Column('date', { name: 'exemption_until', nullable: true })
  exemptionUntil: string | null;

  @Column('jsonb')
  links: string[];

  @Column('text')
  status: DipItemStatus;

  @Column('timestamptz', { name: 'withdrawn_at', nullable: true })
  withdrawnAt: Date | null;

  @Column('text', { name: 'withdrawal_reason', nullable: true })
  withdrawalReason: string | null;

  @Column('integer')
  version: number;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('integer', { name: 'created_by', nullable: true })
  createdBy: number | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('integer', { name: 'updated_by', nullable: true })
  updatedBy: number | null;

  /** When an exempted item became public (Pasal 11(2)), why, and on whose decision. */
  @Column('timestamptz', { name: 'opened_at', nullable: true })
  openedAt: Date | null;

  @Column('text', { name: 'opened_reason', nullable: true })
  openedReason: string | null;

  @Column('text', { name: 'opened_note', nullable: true })
  openedNote: string | null;

  @Column('jsonb', { name: 'opened_source', nullable: true })
  openedSource: Record<string, unknown> | null;
}
