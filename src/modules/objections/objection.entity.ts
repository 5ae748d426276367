import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ObjectionGround, ObjectionStatus } from './objection-rules';

/** A keberatan to the atasan PPID (Pasal 35–36) and the atasan's answer. The proxy's address is encrypted. */
@Entity('objections')
export class Objection {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  /** e.g. 3578-KEB-2026-00001: gapless per body and year. */
  @Column('text')
  number: string;

  @Column('integer', { name: 'body_id' })
  bodyId: number;

  @Column('integer')
  year: number;

  @Column('integer')
  seq: number;

  @Column('bigint', { name: 'request_id' })
  requestId: string;

  @Column('text', { array: true })
  grounds: ObjectionGround[];

  /** The local date each ground arose, as the eligibility check found it ({ a: '2026-03-02' }). */
  @Column('jsonb', { name: 'grounds_arose' })
  groundsArose: Record<string, string>;

  /** Kasus posisi: what happened and why the requester objects. */
  @Column('text')
  reasons: string;

  @Column('text', { name: 'proxy_name', nullable: true })
  proxyName: string | null;

  @Column('bytea', { name: 'proxy_address', nullable: true })
  proxyAddress: Buffer | null;

  @Column('uuid', { name: 'proxy_document_id', nullable: true })
  proxyDocumentId: string | null;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt: Date;

  @Column('date', { name: 'effective_receipt_date' })
  effectiveReceiptDate: string;

  /** The atasan's answer is due by the end of this day (30 working days). */
  @Column('date', { name: 'due_date' })
  dueDate: string;

  @Column('boolean', { name: 'due_provisional' })
  dueProvisional: boolean;

  @Column('text')
  status: ObjectionStatus;

  /** Why the atasan upheld or overturned (required to uphold, Pasal 36(3)). */
  @Column('text', { name: 'decision_reasons', nullable: true })
  decisionReasons: string | null;

  /** What the PPID must do after an overturn. */
  @Column('text', { nullable: true })
  instruction: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  /** Local date of the tanggapan: the dispute window counts from it. */
  @Column('date', { name: 'response_date', nullable: true })
  responseDate: string | null;

  @Column('integer', { name: 'decider_id', nullable: true })
  deciderId: number | null;

  @Column('text', { name: 'decider_name', nullable: true })
  deciderName: string | null;

  @Column('text', { name: 'decider_position', nullable: true })
  deciderPosition: string | null;

  @Column('text', { name: 'response_number', nullable: true })
  responseNumber: string | null;

  @Column('integer')
  version: number;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
