import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the later steps of a request record: the delivery of granted information (date, channel,
 * note and proof file), the requester's withdrawal, the link between a request forwarded to
 * another body and the request registered there, and the letter a ralat corrects.
 */
export class RequestActions1764700000000 implements MigrationInterface {
  name = 'RequestActions1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE stored_files DROP CONSTRAINT stored_files_kind_check');
    await q.query(`ALTER TABLE stored_files ADD CONSTRAINT stored_files_kind_check CHECK (kind IN ('identity_document', 'letter', 'handover', 'delivery_proof'))`);
    await q.query(`
      ALTER TABLE requests
        ADD COLUMN delivered_on date,
        ADD COLUMN delivery_channel text CHECK (delivery_channel IN ('pickup', 'courier', 'post', 'fax', 'email', 'portal')),
        ADD COLUMN delivery_note text CHECK (length(delivery_note) BETWEEN 1 AND 2000),
        ADD COLUMN delivery_proof_file_id uuid REFERENCES stored_files (id),
        ADD COLUMN withdrawn_at timestamptz,
        ADD COLUMN withdrawal_reason text CHECK (length(withdrawal_reason) BETWEEN 1 AND 2000),
        ADD COLUMN forwarded_to_request_id bigint REFERENCES requests (id),
        ADD COLUMN forwarded_from_request_id bigint REFERENCES requests (id),
        ADD CONSTRAINT requests_delivery_complete CHECK ((delivered_on IS NULL) = (delivery_channel IS NULL))`);
    await q.query('ALTER TABLE request_documents ADD COLUMN corrects_document_id bigint REFERENCES request_documents (id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE request_documents DROP COLUMN corrects_document_id');
    await q.query(`
      ALTER TABLE requests
        DROP CONSTRAINT requests_delivery_complete,
        DROP COLUMN delivered_on, DROP COLUMN delivery_channel, DROP COLUMN delivery_note, DROP COLUMN delivery_proof_file_id,
        DROP COLUMN withdrawn_at, DROP COLUMN withdrawal_reason, DROP COLUMN forwarded_to_request_id, DROP COLUMN forwarded_from_request_id`);
    await q.query('ALTER TABLE stored_files DROP CONSTRAINT stored_files_kind_check');
    await q.query(`ALTER TABLE stored_files ADD CONSTRAINT stored_files_kind_check CHECK (kind IN ('identity_document', 'letter', 'handover'))`);
  }
}
