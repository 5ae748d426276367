import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type RequestDocumentKind = 'letter' | 'handover';

/** A letter sent or a document handed over; the requester downloads both from the tracking page. */
@Entity('request_documents')
export class RequestDocument {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column('bigint', { name: 'request_id' })
  requestId: string;

  @Column('bigint', { name: 'event_id', nullable: true })
  eventId: string | null;

  @Column('uuid', { name: 'file_id' })
  fileId: string;

  @Column('text')
  kind: RequestDocumentKind;

  @Column('text')
  title: string;

  @Column('text', { name: 'letter_number', nullable: true })
  letterNumber: string | null;

  /** A ralat: the letter this one corrects. */
  @Column('bigint', { name: 'corrects_document_id', nullable: true })
  correctsDocumentId: string | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
