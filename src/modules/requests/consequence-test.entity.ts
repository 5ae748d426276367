import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The consequence test (uji konsekuensi, Pasal 19) recorded with a refusal or a partial grant. */
@Entity('consequence_tests')
export class ConsequenceTestRecord {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column('bigint', { name: 'request_id' })
  requestId: string;

  /** The notice event it belongs to. */
  @Column('bigint', { name: 'event_id' })
  eventId: string;

  @Column('text')
  decision: 'refused' | 'partially_granted';

  @Column('date', { name: 'tested_on' })
  testedOn: string;

  /** The specific information withheld. */
  @Column('text')
  information: string;

  /** Pasal 17 letter a–j. */
  @Column('text', { name: 'exemption_ground' })
  exemptionGround: string;

  /** The Undang-Undang that closes it (ground j). */
  @Column('text', { name: 'exemption_law', nullable: true })
  exemptionLaw: string | null;

  /** The harm if it were opened. */
  @Column('text')
  consequence: string;

  /** Why the public interest does not outweigh that harm. */
  @Column('text', { name: 'public_interest' })
  publicInterest: string;

  @Column('text', { array: true })
  participants: string[];

  @Column('text', { name: 'legal_basis' })
  legalBasis: string;

  /** End or review date (Pasal 20; required for grounds a–f). */
  @Column('date', { name: 'exemption_until', nullable: true })
  exemptionUntil: string | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
