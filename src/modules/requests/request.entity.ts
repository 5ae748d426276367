import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Channel, CopyDelivery, ObtainMethod, RequesterType } from 'src/modules/requests/request-options';
import { RequestStatus } from 'src/modules/requests/request-status';
import type { DeliveryChannel } from 'src/modules/requests/workflow/delivery-rules';

/**
 * A permohonan informasi publik. Personal data (NIK, address, phone) is stored encrypted;
 * where the request is (status) is kept apart from how it ended (decision).
 */
@Entity('requests')
export class InformationRequest {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column('text', { name: 'registration_number' })
  registrationNumber: string;

  @Column('integer', { name: 'receiving_unit_id' })
  receivingUnitId: number;

  @Column('integer', { name: 'registration_year' })
  registrationYear: number;

  @Column('integer', { name: 'registration_seq' })
  registrationSeq: number;

  /** The unit now handling it (changes on disposisi). */
  @Column('integer', { name: 'unit_id' })
  unitId: number;

  @Column('integer', { name: 'body_id' })
  bodyId: number;

  @Column('text')
  channel: Channel;

  @Column('text')
  status: RequestStatus;

  @Column('text', { nullable: true })
  decision: string | null;

  @Column('text', { name: 'requester_type' })
  requesterType: RequesterType;

  @Column('text', { name: 'requester_name' })
  requesterName: string;

  @Column('bytea', { name: 'requester_nik', nullable: true })
  requesterNik: Buffer | null;

  @Column('text', { name: 'requester_nik_last4', nullable: true })
  requesterNikLast4: string | null;

  @Column('text', { name: 'requester_registration_no', nullable: true })
  requesterRegistrationNo: string | null;

  @Column('bytea', { name: 'requester_address' })
  requesterAddress: Buffer;

  @Column('text', { name: 'requester_occupation', nullable: true })
  requesterOccupation: string | null;

  @Column('bytea', { name: 'requester_phone', nullable: true })
  requesterPhone: Buffer | null;

  @Column('text', { name: 'requester_email', nullable: true })
  requesterEmail: string | null;

  @Column('text')
  information: string;

  @Column('text')
  purpose: string;

  @Column('text', { name: 'obtain_method' })
  obtainMethod: ObtainMethod;

  @Column('text', { name: 'copy_delivery', nullable: true })
  copyDelivery: CopyDelivery | null;

  /** The requester agreed that the answer be published without their personal data. */
  @Column('boolean', { name: 'publication_consent', default: false })
  publicationConsent: boolean;

  @Column('uuid', { name: 'identity_document_id', nullable: true })
  identityDocumentId: string | null;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt: Date;

  @Column('date', { name: 'effective_receipt_date' })
  effectiveReceiptDate: string;

  @Column('date', { name: 'due_date' })
  dueDate: string;

  @Column('boolean', { name: 'due_provisional' })
  dueProvisional: boolean;

  @Column('integer', { name: 'extended_days', nullable: true })
  extendedDays: number | null;

  /** The tracking code, encrypted and bound to the registration number (TrackingCodes). */
  @Column('bytea', { name: 'tracking_code', nullable: true })
  trackingCode: Buffer | null;

  /** Before codes were stored: a keyed hash of the derived code; cleared by the backfill. */
  @Column('text', { name: 'tracking_code_hash', nullable: true })
  trackingCodeHash: string | null;

  /** Before keys were hashed: the Idempotency-Key in plain text; cleared by the backfill. */
  @Column('text', { name: 'submission_key', nullable: true })
  submissionKey: string | null;

  /** Keyed hash of the scoped Idempotency-Key (or form submission key); see intake/idempotency.ts. */
  @Column('text', { name: 'submission_key_hash', nullable: true })
  submissionKeyHash: string | null;

  /** Keyed hash of the canonical submission, under the same key as submissionKeyHash. */
  @Column('text', { name: 'submission_digest', nullable: true })
  submissionDigest: string | null;

  @Column('integer', { name: 'assignee_id', nullable: true })
  assigneeId: number | null;

  @Column('integer')
  version: number;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;

  /** When the written notice, refusal or not-held notice was issued. */
  @Column('timestamptz', { name: 'answered_at', nullable: true })
  answeredAt: Date | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;

  /** Local date the granted information reached the requester (register: tanggal pemberian informasi). */
  @Column('date', { name: 'delivered_on', nullable: true })
  deliveredOn: string | null;

  @Column('text', { name: 'delivery_channel', nullable: true })
  deliveryChannel: DeliveryChannel | null;

  @Column('text', { name: 'delivery_note', nullable: true })
  deliveryNote: string | null;

  @Column('uuid', { name: 'delivery_proof_file_id', nullable: true })
  deliveryProofFileId: string | null;

  /** The requester withdrew the request (dicabut); the clock stopped then. */
  @Column('timestamptz', { name: 'withdrawn_at', nullable: true })
  withdrawnAt: Date | null;

  @Column('text', { name: 'withdrawal_reason', nullable: true })
  withdrawalReason: string | null;

  /** Forwarded to another body: the request registered there. */
  @Column('bigint', { name: 'forwarded_to_request_id', nullable: true })
  forwardedToRequestId: string | null;

  /** Registered here as forwarded by another body: the request there. */
  @Column('bigint', { name: 'forwarded_from_request_id', nullable: true })
  forwardedFromRequestId: string | null;
  /** When the current answer period began, if not at receipt: the request was reopened on an objection or a dispute. */
  @Column('timestamptz', { name: 'reopened_at', nullable: true })
  reopenedAt: Date | null;
}
