import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts of PPID officers, atasan PPID, the provincial bureau and admins; one-time invitation
 * links; API tokens; and the session table of connect-pg-simple. Secrets (invitation links, API
 * tokens) are stored only as SHA-256 hashes; passwords only as argon2id hashes.
 */
export class Accounts1764300200000 implements MigrationInterface {
  name = 'Accounts1764300200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email text NOT NULL UNIQUE CHECK (email = lower(email) AND email LIKE '%_@_%'),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        role text NOT NULL CHECK (role IN ('officer', 'supervisor', 'bureau', 'admin')),
        unit_id integer REFERENCES ppid_units (id),
        body_id integer REFERENCES public_bodies (id),
        password_hash text,
        active boolean NOT NULL DEFAULT true,
        failed_logins integer NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
        locked_until timestamptz,
        password_changed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((role = 'officer') = (unit_id IS NOT NULL)),
        CHECK ((role = 'supervisor') = (body_id IS NOT NULL))
      )`);
    await q.query('CREATE INDEX users_by_unit ON users (unit_id) WHERE unit_id IS NOT NULL');
    await q.query('CREATE INDEX users_by_body ON users (body_id) WHERE body_id IS NOT NULL');
    await q.query(`
      CREATE TABLE account_invitations (
        token_hash text PRIMARY KEY,
        user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX account_invitations_by_user ON account_invitations (user_id)');
    await q.query(`
      CREATE TABLE api_tokens (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await q.query('CREATE INDEX api_tokens_by_user ON api_tokens (user_id) WHERE revoked_at IS NULL');
    // The layout connect-pg-simple expects (its table.sql); the store runs with createTableIfMissing: false.
    await q.query(`
      CREATE TABLE session (
        sid varchar NOT NULL PRIMARY KEY,
        sess json NOT NULL,
        expire timestamp(6) NOT NULL
      )`);
    await q.query('CREATE INDEX "IDX_session_expire" ON session (expire)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE session, api_tokens, account_invitations, users');
  }
}
