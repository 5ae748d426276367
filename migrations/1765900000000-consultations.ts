import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The online consultation desk (ruang konsultasi daring): a question to a body's PPID without a
 * request, numbered per body and year without gaps, answered within a response target in working
 * days; an answered one may become a public FAQ entry when the asker consented. The asker's name
 * and e-mail and the tracking code are encrypted; the FAQ shows only the question and answer.
 */
export class Consultations1765900000000 implements MigrationInterface {
  name = 'Consultations1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE consultation_counters (
        body_id integer NOT NULL REFERENCES public_bodies(id),
        year integer NOT NULL,
        last_number integer NOT NULL CHECK (last_number >= 0),
        PRIMARY KEY (body_id, year)
      )`);
    await q.query(`
      CREATE TABLE consultations (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        number text NOT NULL UNIQUE,
        body_id integer NOT NULL REFERENCES public_bodies(id),
        unit_id integer NOT NULL REFERENCES ppid_units(id),
        year integer NOT NULL,
        seq integer NOT NULL CHECK (seq > 0),
        asker_name bytea NOT NULL,
        asker_email bytea NOT NULL,
        question text NOT NULL CHECK (length(question) BETWEEN 1 AND 3000),
        faq_consent boolean NOT NULL,
        tracking_code bytea NOT NULL,
        received_at timestamptz NOT NULL,
        effective_receipt_date date NOT NULL,
        due_date date NOT NULL,
        due_provisional boolean NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'answered')),
        answer text CHECK (length(answer) BETWEEN 1 AND 5000),
        answered_at timestamptz,
        answerer_id integer REFERENCES users(id),
        answerer_name text,
        faq_question text CHECK (length(faq_question) BETWEEN 1 AND 3000),
        faq_published_at timestamptz,
        request_id bigint REFERENCES requests(id),
        request_number text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (body_id, year, seq),
        CHECK ((status = 'answered') = (answered_at IS NOT NULL AND answer IS NOT NULL)),
        CHECK (faq_published_at IS NULL OR (faq_consent AND status = 'answered' AND faq_question IS NOT NULL)),
        CHECK ((request_id IS NULL) = (request_number IS NULL))
      )`);
    await q.query("CREATE INDEX consultations_open_by_unit_due ON consultations (unit_id, due_date) WHERE status = 'open'");
    await q.query('CREATE INDEX consultations_faq_by_body ON consultations (body_id, faq_published_at) WHERE faq_published_at IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE consultations, consultation_counters');
  }
}
