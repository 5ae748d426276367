import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Requests (permohonan) with their event history, stored files, per-unit yearly counters and
 * outgoing mail. Every action on a request is an event row with its time, actor and due dates:
 * the timeline, the registers, the annual report and the scorecards all read it.
 */
export class Requests1764300100000 implements MigrationInterface {
  name = 'Requests1764300100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE registration_counters (
        unit_id integer NOT NULL REFERENCES ppid_units (id),
        year integer NOT NULL,
        last_number integer NOT NULL DEFAULT 0,
        PRIMARY KEY (unit_id, year)
      )`);
    await q.query(`
      CREATE TABLE stored_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('identity_document', 'letter', 'handover')),
        filename text NOT NULL,
        media_type text NOT NULL,
        size integer NOT NULL CHECK (size >= 0),
        encrypted boolean NOT NULL,
        content bytea NOT NULL,
        sha256 text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE requests (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        registration_number text NOT NULL UNIQUE,
        receiving_unit_id integer NOT NULL REFERENCES ppid_units (id),
        registration_year integer NOT NULL,
        registration_seq integer NOT NULL,
        unit_id integer NOT NULL REFERENCES ppid_units (id),
        body_id integer NOT NULL REFERENCES public_bodies (id),
        channel text NOT NULL CHECK (channel IN ('online', 'walk_in', 'letter', 'email', 'phone')),
        status text NOT NULL,
        decision text,
        requester_type text NOT NULL CHECK (requester_type IN ('individual', 'organization', 'group')),
        requester_name text NOT NULL,
        requester_nik bytea,
        requester_nik_last4 text,
        requester_registration_no text,
        requester_address bytea NOT NULL,
        requester_occupation text,
        requester_phone bytea,
        requester_email text,
        information text NOT NULL,
        purpose text NOT NULL,
        obtain_method text NOT NULL CHECK (obtain_method IN ('view', 'read', 'listen', 'note', 'copy_soft', 'copy_hard')),
        copy_delivery text CHECK (copy_delivery IN ('pickup', 'courier', 'post', 'fax', 'email')),
        identity_document_id uuid REFERENCES stored_files (id),
        received_at timestamptz NOT NULL,
        effective_receipt_date date NOT NULL,
        due_date date NOT NULL,
        due_provisional boolean NOT NULL,
        extended_days integer,
        tracking_code_hash text NOT NULL,
        submission_key text UNIQUE,
        assignee_id integer,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        UNIQUE (receiving_unit_id, registration_year, registration_seq)
      )`);
    await q.query('CREATE INDEX requests_open_by_unit_due ON requests (unit_id, due_date, id) WHERE closed_at IS NULL');
    await q.query('CREATE INDEX requests_body_received ON requests (body_id, received_at)');
    await q.query('CREATE INDEX requests_email_received ON requests (lower(requester_email), received_at)');
    await q.query(`
      CREATE TABLE request_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        request_id bigint NOT NULL REFERENCES requests (id),
        type text NOT NULL,
        actor_kind text NOT NULL CHECK (actor_kind IN ('requester', 'officer', 'system')),
        actor_id integer,
        actor_name text,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        from_status text,
        to_status text,
        old_due_date date,
        new_due_date date,
        public boolean NOT NULL DEFAULT true,
        data jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query('CREATE INDEX request_events_by_request ON request_events (request_id, id)');
    await q.query(`
      CREATE TABLE outbound_mails (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        template text NOT NULL,
        recipient text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        attachments jsonb NOT NULL DEFAULT '[]',
        request_id bigint REFERENCES requests (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        sent_at timestamptz,
        message_id text
      )`);
    await q.query('CREATE INDEX outbound_mails_by_request ON outbound_mails (request_id)');
    // The layout rate-limiter-flexible expects (RateLimiterPostgres, tableCreated: true).
    await q.query(`
      CREATE TABLE rate_limits (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rate_limits, outbound_mails, request_events, requests, stored_files, registration_counters');
  }
}
