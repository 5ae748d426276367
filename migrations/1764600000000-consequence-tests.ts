import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The consequence test (uji konsekuensi, Pasal 2(4) and 19) behind each refusal and partial grant,
 * as a record of its own: the specific information withheld, the Pasal 17 ground (and the law for
 * ground j), the harm if it were opened, why the public interest does not outweigh it, who took
 * part, the legal basis, the date, and the end or review date of the exemption (Pasal 20).
 */
export class ConsequenceTests1764600000000 implements MigrationInterface {
  name = 'ConsequenceTests1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE consequence_tests (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        request_id bigint NOT NULL REFERENCES requests (id),
        event_id bigint NOT NULL REFERENCES request_events (id),
        decision text NOT NULL CHECK (decision IN ('refused', 'partially_granted')),
        tested_on date NOT NULL,
        information text NOT NULL CHECK (length(information) BETWEEN 1 AND 2000),
        exemption_ground text NOT NULL CHECK (exemption_ground ~ '^[a-j]$'),
        exemption_law text CHECK (length(exemption_law) BETWEEN 1 AND 500),
        consequence text NOT NULL CHECK (length(consequence) BETWEEN 1 AND 5000),
        public_interest text NOT NULL CHECK (length(public_interest) BETWEEN 1 AND 5000),
        participants text[] NOT NULL CHECK (cardinality(participants) BETWEEN 1 AND 50),
        legal_basis text NOT NULL CHECK (length(legal_basis) BETWEEN 1 AND 1000),
        exemption_until date,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (exemption_until IS NULL OR exemption_until > tested_on)
      )`);
    await q.query('CREATE UNIQUE INDEX consequence_tests_by_event ON consequence_tests (event_id)');
    await q.query('CREATE INDEX consequence_tests_by_request ON consequence_tests (request_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE consequence_tests');
  }
}
