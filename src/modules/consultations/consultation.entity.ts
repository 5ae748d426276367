import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ConsultationStatus } from './consultation-rules';

/**
 * A question to a PPID without a request (ruang konsultasi daring) and the officer's answer. The
 * asker's name and e-mail and the tracking code are encrypted, each bound to the number.
 */
@Entity('consultations')
export class Consultation {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  /** e.g. 3578-KON-2026-00001: gapless per body and year. */
  @Column('text')
  number: string;

  @Column('integer', { name: 'body_id' })
  bodyId: number;

  @Column('integer', { name: 'unit_id' })
  unitId: number;

  @Column('integer')
  year: number;

  @Column('integer')
  seq: number;

  @Column('bytea', { name: 'asker_name' })
  askerName: Buffer;

  @Column('bytea', { name: 'asker_email' })
  askerEmail: Buffer;

  @Column('text')
  question: string;

  /** The asker agreed that question and answer may be published as a FAQ entry. */
  @Column('boolean', { name: 'faq_consent' })
  faqConsent: boolean;

  @Column('bytea', { name: 'tracking_code' })
  trackingCode: Buffer;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt: Date;

  @Column('date', { name: 'effective_receipt_date' })
  effectiveReceiptDate: string;

  /** The answer is due by the end of this day (CONSULTATION_RESPONSE_DAYS working days). */
  @Column('date', { name: 'due_date' })
  dueDate: string;

  @Column('boolean', { name: 'due_provisional' })
  dueProvisional: boolean;

  @Column('text')
  status: ConsultationStatus;

  @Column('text', { nullable: true })
  answer: string | null;

  @Column('timestamptz', { name: 'answered_at', nullable: true })
  answeredAt: Date | null;

  @Column('integer', { name: 'answerer_id', nullable: true })
  answererId: number | null;

  @Column('text', { name: 'answerer_name', nullable: true })
  answererName: string | null;

  /** The question as published (the officer may take out what identifies the asker). */
  @Column('text', { name: 'faq_question', nullable: true })
  faqQuestion: string | null;

  @Column('timestamptz', { name: 'faq_published_at', nullable: true })
  faqPublishedAt: Date | null;

  /** The request this consultation became, once filed. */
  @Column('bigint', { name: 'request_id', nullable: true })
  requestId: string | null;

  @Column('text', { name: 'request_number', nullable: true })
  requestNumber: string | null;

  @Column('integer')
  version: number;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
