import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DisputeOutcome, DisputeStage } from './objection-rules';

/** One stage as recorded: which, on what date, by whom (requester or officer). */
export interface DisputeStageEntry {
  stage: DisputeStage;
  on: string;
  by: 'requester' | 'officer';
  outcome?: DisputeOutcome;
}

/** A sengketa informasi filed with the Komisi Informasi after an objection (Pasal 37–38). */
@Entity('disputes')
export class Dispute {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column('bigint', { name: 'objection_id' })
  objectionId: string;

  @Column('bigint', { name: 'request_id' })
  requestId: string;

  @Column('date', { name: 'filed_on' })
  filedOn: string;

  /** The Komisi Informasi's register number of the case. */
  @Column('text', { name: 'case_number' })
  caseNumber: string;

  @Column('text')
  stage: DisputeStage;

  @Column('text', { nullable: true })
  outcome: DisputeOutcome | null;

  @Column('date', { name: 'outcome_on', nullable: true })
  outcomeOn: string | null;

  @Column('jsonb')
  stages: DisputeStageEntry[];

  @Column('text', { name: 'recorded_by' })
  recordedBy: 'requester' | 'officer';

  @Column('integer')
  version: number;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
