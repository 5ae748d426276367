import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Daftar Informasi Publik (UU 14/2008 Pasal 9–11, 17): items per body and PPID unit, their
 * files (stored_files, kind 'dip_document') and links, and the history of every change. An item is
 * withdrawn, never deleted. dip_reminder_log is the reminders' record of mails about berkala items.
 */
export class Dip1765800000000 implements MigrationInterface {
  name = 'Dip1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dip_items (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        body_id integer NOT NULL REFERENCES public_bodies(id),
        unit_id integer NOT NULL REFERENCES ppid_units(id),
        category text NOT NULL CHECK (category IN ('berkala', 'serta_merta', 'setiap_saat', 'dikecualikan')),
        title text NOT NULL,
        summary text NOT NULL,
        responsible_official text NOT NULL,
        made_when text NOT NULL,
        made_where text NOT NULL,
        form text NOT NULL CHECK (form IN ('printed', 'electronic', 'both')),
        retention text NOT NULL,
        update_period_months integer CHECK (update_period_months IN (1, 3, 6, 12)),
        last_updated_on date,
        exemption_ground text CHECK (exemption_ground IN ('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j')),
        exemption_law text,
        exemption_until date,
        links jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn')),
        withdrawn_at timestamptz,
        withdrawal_reason text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        created_by integer REFERENCES users(id),
        updated_at timestamptz NOT NULL,
        updated_by integer REFERENCES users(id),
        -- Pasal 9: a berkala item is brought up to date at least every six months.
        CONSTRAINT dip_items_berkala_rhythm CHECK (category <> 'berkala' OR (update_period_months <= 6 AND last_updated_on IS NOT NULL)),
        CONSTRAINT dip_items_rhythm_date CHECK (update_period_months IS NULL OR last_updated_on IS NOT NULL),
        CONSTRAINT dip_items_exempt_ground CHECK ((category = 'dikecualikan') = (exemption_ground IS NOT NULL)),
        CONSTRAINT dip_items_withdrawn CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL))
      )`);
    await q.query('CREATE INDEX dip_items_body ON dip_items (body_id, category) WHERE status = \'active\'');
    await q.query('CREATE INDEX dip_items_unit ON dip_items (unit_id)');
    await q.query('CREATE INDEX dip_items_rhythm ON dip_items (last_updated_on) WHERE status = \'active\' AND update_period_months IS NOT NULL');

    await q.query('ALTER TABLE stored_files DROP CONSTRAINT stored_files_kind_check');
    await q.query(
      `ALTER TABLE stored_files ADD CONSTRAINT stored_files_kind_check CHECK (kind IN ('identity_document', 'letter', 'handover', 'delivery_proof', 'dip_document'))`,
    );
    await q.query(`
      CREATE TABLE dip_item_files (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        item_id integer NOT NULL REFERENCES dip_items(id),
        file_id uuid NOT NULL REFERENCES stored_files(id),
        added_at timestamptz NOT NULL,
        added_by integer REFERENCES users(id),
        removed_at timestamptz,
        removed_by integer REFERENCES users(id)
      )`);
    await q.query('CREATE INDEX dip_item_files_item ON dip_item_files (item_id)');

    await q.query(`
      CREATE TABLE dip_item_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        item_id integer NOT NULL REFERENCES dip_items(id),
        at timestamptz NOT NULL,
        actor_id integer REFERENCES users(id),
        action text NOT NULL CHECK (action IN ('created', 'updated', 'withdrawn', 'file_added', 'file_removed', 'refreshed')),
        changes jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query('CREATE INDEX dip_item_history_item ON dip_item_history (item_id, at)');

    await q.query(`
      CREATE TABLE dip_reminder_log (
        item_id integer NOT NULL REFERENCES dip_items(id),
        kind text NOT NULL CHECK (kind IN ('due_soon', 'stale')),
        due_date date NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        recipients integer NOT NULL,
        PRIMARY KEY (item_id, kind, due_date)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE dip_reminder_log, dip_item_history, dip_item_files');
    await q.query(`DELETE FROM stored_files WHERE kind = 'dip_document'`);
    await q.query('ALTER TABLE stored_files DROP CONSTRAINT stored_files_kind_check');
    await q.query(`ALTER TABLE stored_files ADD CONSTRAINT stored_files_kind_check CHECK (kind IN ('identity_document', 'letter', 'handover', 'delivery_proof'))`);
    await q.query('DROP TABLE dip_items');
  }
}
