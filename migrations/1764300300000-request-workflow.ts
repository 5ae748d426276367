import { MigrationInterface, QueryRunner } from 'typeorm';

/** What officers produce on a request: numbered letters and handed-over documents. */
export class RequestWorkflow1764300300000 implements MigrationInterface {
  name = 'RequestWorkflow1764300300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE requests ADD COLUMN answered_at timestamptz');
    await q.query(`
      CREATE TABLE letter_counters (
        unit_id integer NOT NULL REFERENCES ppid_units (id),
        year integer NOT NULL,
        last_number integer NOT NULL DEFAULT 0,
        PRIMARY KEY (unit_id, year)
      )`);
    await q.query(`
      CREATE TABLE request_documents (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        request_id bigint NOT NULL REFERENCES requests (id),
        event_id bigint REFERENCES request_events (id),
        file_id uuid NOT NULL REFERENCES stored_files (id),
        kind text NOT NULL CHECK (kind IN ('letter', 'handover')),
        title text NOT NULL,
        letter_number text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX request_documents_by_request ON request_documents (request_id, id)');
    await q.query('CREATE INDEX requests_open_by_assignee ON requests (assignee_id, due_date) WHERE closed_at IS NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX requests_open_by_assignee');
    await q.query('DROP TABLE request_documents, letter_counters');
    await q.query('ALTER TABLE requests DROP COLUMN answered_at');
  }
}
