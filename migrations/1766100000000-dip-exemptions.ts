import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The register of exempted information grows from decisions (UU 14/2008 Pasal 17, 19, 20, 11(2)):
 * each consequence test of a refusal or partial grant is linked to the dikecualikan item of the DIP
 * it created or joined (dip_exemption_sources), and an item opened to the public (its Pasal 20 end
 * date passed, an atasan PPID's or the Komisi Informasi's decision, or an officer by hand) keeps
 * when, why and on whose decision.
 */
export class DipExemptions1766100000000 implements MigrationInterface {
  name = 'DipExemptions1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dip_exemption_sources (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        item_id integer NOT NULL REFERENCES dip_items(id),
        consequence_test_id bigint NOT NULL REFERENCES consequence_tests(id),
        request_id bigint NOT NULL REFERENCES requests(id),
        registration_number text NOT NULL,
        decision text NOT NULL CHECK (decision IN ('refused', 'partially_granted')),
        decided_on date NOT NULL,
        exemption_ground text NOT NULL CHECK (exemption_ground ~ '^[a-j]$'),
        exemption_law text,
        exemption_until date,
        created_item boolean NOT NULL,
        linked_at timestamptz NOT NULL,
        linked_by integer REFERENCES users(id)
      )`);
    await q.query('CREATE UNIQUE INDEX dip_exemption_sources_test ON dip_exemption_sources (consequence_test_id)');
    await q.query('CREATE INDEX dip_exemption_sources_item ON dip_exemption_sources (item_id)');
    await q.query('CREATE INDEX dip_exemption_sources_request ON dip_exemption_sources (request_id)');

    await q.query(`
      ALTER TABLE dip_items
        ADD COLUMN opened_at timestamptz,
        ADD COLUMN opened_reason text CHECK (opened_reason IN ('expired', 'objection', 'commission', 'manual')),
        ADD COLUMN opened_note text,
        ADD COLUMN opened_source jsonb,
        ADD CONSTRAINT dip_items_opened CHECK ((opened_at IS NULL) = (opened_reason IS NULL))`);
    // The expiry job reads active exempted items by their end date.
    await q.query(`CREATE INDEX dip_items_exemption_until ON dip_items (exemption_until) WHERE status = 'active' AND category = 'dikecualikan'`);

    await q.query('ALTER TABLE dip_item_history DROP CONSTRAINT dip_item_history_action_check');
    await q.query(
      `ALTER TABLE dip_item_history ADD CONSTRAINT dip_item_history_action_check
         CHECK (action IN ('created', 'updated', 'withdrawn', 'file_added', 'file_removed', 'refreshed', 'exemption_linked', 'opened'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM dip_item_history WHERE action IN ('exemption_linked', 'opened')`);
    await q.query('ALTER TABLE dip_item_history DROP CONSTRAINT dip_item_history_action_check');
    await q.query(
      `ALTER TABLE dip_item_history ADD CONSTRAINT dip_item_history_action_check
         CHECK (action IN ('created', 'updated', 'withdrawn', 'file_added', 'file_removed', 'refreshed'))`,
    );
    await q.query('DROP INDEX dip_items_exemption_until');
    await q.query('ALTER TABLE dip_items DROP CONSTRAINT dip_items_opened, DROP COLUMN opened_at, DROP COLUMN opened_reason, DROP COLUMN opened_note, DROP COLUMN opened_source');
    await q.query('DROP TABLE dip_exemption_sources');
  }
}
