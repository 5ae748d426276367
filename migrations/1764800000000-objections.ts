import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keberatan (Pasal 35–36 UU 14/2008) and sengketa informasi (Pasal 37–38): objections to the
 * atasan PPID with their own gapless number per body and year, the atasan's answer, and disputes
 * recorded as they go through the Komisi Informasi. The proxy's address is encrypted.
 */
export class Objections1764800000000 implements MigrationInterface {
  name = 'Objections1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE objection_counters (
        body_id integer NOT NULL REFERENCES public_bodies(id),
        year integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('objection', 'response')),
        last_number integer NOT NULL CHECK (last_number >= 0),
        PRIMARY KEY (body_id, year, kind)
      )`);
    await q.query(`
      CREATE TABLE objections (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        number text NOT NULL UNIQUE,
        body_id integer NOT NULL REFERENCES public_bodies(id),
        year integer NOT NULL,
        seq integer NOT NULL CHECK (seq > 0),
        request_id bigint NOT NULL REFERENCES requests(id),
        grounds text[] NOT NULL CHECK (cardinality(grounds) BETWEEN 1 AND 7 AND grounds <@ ARRAY['a','b','c','d','e','f','g']),
        grounds_arose jsonb NOT NULL,
        reasons text NOT NULL CHECK (length(reasons) BETWEEN 1 AND 5000),
        proxy_name text CHECK (length(proxy_name) BETWEEN 1 AND 150),
        proxy_address bytea,
        proxy_document_id uuid REFERENCES stored_files(id),
        received_at timestamptz NOT NULL,
        effective_receipt_date date NOT NULL,
        due_date date NOT NULL,
        due_provisional boolean NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'upheld', 'overturned', 'partially_overturned')),
        decision_reasons text,
        instruction text,
        decided_at timestamptz,
        response_date date,
        decider_id integer REFERENCES users(id),
        decider_name text,
        decider_position text,
        response_number text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (body_id, year, seq),
        CHECK ((status = 'pending') = (decided_at IS NULL)),
        CHECK ((proxy_name IS NULL) = (proxy_address IS NULL))
      )`);
    await q.query('CREATE INDEX objections_request ON objections (request_id)');
    await q.query('CREATE INDEX objections_body_pending ON objections (body_id, due_date) WHERE status = \'pending\'');
    await q.query(`
      CREATE TABLE disputes (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        objection_id bigint NOT NULL REFERENCES objections(id),
        request_id bigint NOT NULL REFERENCES requests(id),
        filed_on date NOT NULL,
        case_number text NOT NULL CHECK (length(case_number) BETWEEN 1 AND 100),
        stage text NOT NULL CHECK (stage IN ('registered', 'mediasi', 'ajudikasi', 'putusan')),
        outcome text CHECK (outcome IN ('opened', 'partially_opened', 'rejected', 'mediated', 'withdrawn')),
        outcome_on date,
        stages jsonb NOT NULL DEFAULT '[]',
        recorded_by text NOT NULL CHECK (recorded_by IN ('requester', 'officer')),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((outcome IS NULL) = (outcome_on IS NULL))
      )`);
    await q.query('CREATE UNIQUE INDEX disputes_one_per_objection ON disputes (objection_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE disputes, objections, objection_counters');
  }
}
