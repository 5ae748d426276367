import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the reminder jobs have sent, so each goes once: a due-soon reminder or an escalation per
 * request and due date (an extension moves the due date and so allows a new one), a digest per
 * unit and local date. Each row is written in the transaction that enqueues its mails.
 */
export class Reminders1764300400000 implements MigrationInterface {
  name = 'Reminders1764300400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reminder_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        request_id bigint NOT NULL REFERENCES requests (id),
        kind text NOT NULL CHECK (kind IN ('due_soon', 'escalation')),
        sent_for_due_date date NOT NULL,
        recipients integer NOT NULL CHECK (recipients > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (request_id, kind, sent_for_due_date)
      )`);
    await q.query(`
      CREATE TABLE unit_digest_log (
        unit_id integer NOT NULL REFERENCES ppid_units (id),
        digest_date date NOT NULL,
        due_soon_count integer NOT NULL CHECK (due_soon_count >= 0),
        overdue_count integer NOT NULL CHECK (overdue_count >= 0),
        recipients integer NOT NULL CHECK (recipients > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (unit_id, digest_date)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE unit_digest_log, reminder_log');
  }
}
