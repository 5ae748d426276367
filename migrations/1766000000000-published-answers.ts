import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Published answers (jawaban yang dipublikasikan): the requester says on the request whether the
 * answer may be published without their personal data; a granted or partially granted request with
 * that consent becomes a public answer with its notice (as a public letter, without the identity
 * block) and the documents handed over. Texts are stored already cleared of the requester's personal
 * fields. Officers may withhold a document or withdraw the answer, each with a reason, on its history.
 */
export class PublishedAnswers1766000000000 implements MigrationInterface {
  name = 'PublishedAnswers1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE requests ADD COLUMN publication_consent boolean NOT NULL DEFAULT false');
    // The publication job looks for requests with consent that have no answer yet.
    await q.query('CREATE INDEX requests_publication_consent ON requests (id) WHERE publication_consent');
    await q.query(`
      CREATE TABLE published_answers (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        request_id bigint NOT NULL UNIQUE REFERENCES requests(id),
        body_id integer NOT NULL REFERENCES public_bodies(id),
        unit_id integer NOT NULL REFERENCES ppid_units(id),
        title text NOT NULL,
        summary text NOT NULL,
        decision text NOT NULL CHECK (decision IN ('granted', 'partially_granted')),
        decided_on date NOT NULL,
        decided_at timestamptz NOT NULL,
        letter_number text,
        letter jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('published', 'withdrawn')),
        published_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        withdrawn_at timestamptz,
        withdrawal_reason text,
        version integer NOT NULL DEFAULT 1,
        search_vector tsvector GENERATED ALWAYS AS (to_tsvector('indonesian', coalesce(title, '') || ' ' || coalesce(summary, ''))) STORED,
        CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL AND withdrawal_reason IS NOT NULL))
      )`);
    await q.query('CREATE INDEX published_answers_search ON published_answers USING gin (search_vector)');
    await q.query("CREATE INDEX published_answers_by_body ON published_answers (body_id, decided_on DESC, id DESC) WHERE status = 'published'");
    await q.query(`
      CREATE TABLE published_answer_documents (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        answer_id bigint NOT NULL REFERENCES published_answers(id),
        request_document_id bigint NOT NULL REFERENCES request_documents(id),
        withheld_at timestamptz,
        withholding_reason text,
        UNIQUE (answer_id, request_document_id),
        CHECK ((withheld_at IS NULL) = (withholding_reason IS NULL))
      )`);
    await q.query(`
      CREATE TABLE published_answer_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        answer_id bigint NOT NULL REFERENCES published_answers(id),
        at timestamptz NOT NULL,
        action text NOT NULL CHECK (action IN ('published', 'updated', 'document_withheld', 'withdrawn')),
        actor_id integer REFERENCES users(id),
        actor_name text,
        data jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query('CREATE INDEX published_answer_history_by_answer ON published_answer_history (answer_id, at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE published_answer_history, published_answer_documents, published_answers');
    await q.query('ALTER TABLE requests DROP COLUMN publication_consent');
  }
}
