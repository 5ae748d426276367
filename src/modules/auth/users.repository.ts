import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, Role } from 'src/common/auth/actor';

/** What signing in needs to know about an account. */
export interface Credentials {
  actor: Actor;
  passwordHash: string | null;
  active: boolean;
  lockedUntil: Date | null;
  passwordChangedAt: Date | null;
}

/** An actor with the stamp that ties sessions to the current password. */
export interface ActorRecord {
  actor: Actor;
  passwordChangedAt: Date | null;
}

/** An actor resolved from an API token. */
export interface TokenActor {
  actor: Actor;
  tokenId: number;
  lastUsedAt: Date | null;
}

/** A row of a user's own list of API tokens (never the token or its hash). */
export interface ApiTokenRow {
  id: number;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  unitId: number | null;
  bodyId: number | null;
  /** Null until the invitation is accepted. */
  passwordHash: string | null;
}

/** A row of the admin's list of accounts. */
export interface UserListRow {
  id: number;
  email: string;
  name: string;
  role: Role;
  unitName: string | null;
  bodyName: string | null;
  active: boolean;
  activated: boolean;
  lockedUntil: Date | null;
  createdAt: Date;
}

export interface PendingInvitation {
  userId: number;
  email: string;
  name: string;
  role: Role;
}

/** TypeORM answers UPDATE … RETURNING with [rows, affected count] (INSERT and SELECT with the rows). */
type UpdateResult<T> = [T[], number];

/** An officer's body is their unit's; a supervisor's is their own. */
const ACTOR_SELECT = `u.id AS "userId", u.name, u.email, u.role, u.unit_id AS "unitId", COALESCE(u.body_id, un.body_id) AS "bodyId"`;
const ACTOR_FROM = 'users u LEFT JOIN ppid_units un ON un.id = u.unit_id';

interface ActorRow extends Actor {
  passwordHash?: string | null;
  active?: boolean;
  lockedUntil?: Date | null;
  passwordChangedAt: Date | null;
}

function actorOf(row: ActorRow): Actor {
  return { userId: row.userId, name: row.name, email: row.email, role: row.role, unitId: row.unitId, bodyId: row.bodyId };
}

/** Accounts, invitations and API tokens. Secrets arrive here already hashed. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findCredentialsByEmail(email: string): Promise<Credentials | null> {
    return this.findCredentials('u.email = $1', email);
  }

  findCredentialsById(userId: number): Promise<Credentials | null> {
    return this.findCredentials('u.id = $1', userId);
  }

  /** An active account by id, for a session. */
  async findActiveActor(userId: number): Promise<ActorRecord | null> {
    const rows = (await this.dataSource.query(
      `SELECT ${ACTOR_SELECT}, u.password_changed_at AS "passwordChangedAt"
       FROM ${ACTOR_FROM} WHERE u.id = $1 AND u.active AND u.password_hash IS NOT NULL`,
      [userId],
    )) as ActorRow[];
    return rows[0] ? { actor: actorOf(rows[0]), passwordChangedAt: rows[0].passwordChangedAt } : null;
  }

  /** The active account of an API token that is neither expired nor revoked, with the token's id and last use. */
  async findActorByTokenHash(tokenHash: string): Promise<TokenActor | null> {
    const rows = (await this.dataSource.query(
      `SELECT ${ACTOR_SELECT}, u.password_changed_at AS "passwordChangedAt", t.id AS "tokenId", t.last_used_at AS "lastUsedAt"
       FROM api_tokens t JOIN ${ACTOR_FROM} ON u.id = t.user_id
       WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > now() AND u.active`,
      [tokenHash],
    )) as (ActorRow & { tokenId: number; lastUsedAt: Date | null })[];
    return rows[0] ? { actor: actorOf(rows[0]), tokenId: rows[0].tokenId, lastUsedAt: rows[0].lastUsedAt } : null;
  }

  async recordApiTokenUse(tokenId: number): Promise<void> {
    await this.dataSource.query('UPDATE api_tokens SET last_used_at = now() WHERE id = $1', [tokenId]);
  }

  /** The account's API tokens that still work, newest first. */
  listActiveApiTokens(userId: number): Promise<ApiTokenRow[]> {
    return this.dataSource.query(
      `SELECT id, created_at AS "createdAt", expires_at AS "expiresAt", last_used_at AS "lastUsedAt"
       FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
       ORDER BY created_at DESC, id DESC`,
      [userId],
    ) as Promise<ApiTokenRow[]>;
  }

  /** Revokes one working token of the account; false when the account has no such token. */
  async revokeApiToken(userId: number, tokenId: number): Promise<boolean> {
    const result = (await this.dataSource.query(
      `UPDATE api_tokens SET revoked_at = now()
       WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > now() RETURNING id`,
      [tokenId, userId],
    )) as UpdateResult<{ id: number }>;
    return result[0].length > 0;
  }

  async emailExists(email: string): Promise<boolean> {
    const rows = (await this.dataSource.query('SELECT 1 FROM users WHERE email = $1', [email])) as unknown[];
    return rows.length > 0;
  }

  async insertUser(manager: EntityManager, user: NewUser): Promise<number> {
    const rows = (await manager.query(
      `INSERT INTO users (email, name, role, unit_id, body_id, password_hash, password_changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $6::text IS NULL THEN NULL ELSE now() END) RETURNING id`,
      [user.email, user.name, user.role, user.unitId, user.bodyId, user.passwordHash],
    )) as { id: number }[];
    return rows[0].id;
  }

  /**
   * Counts a failed sign-in. At `lockAfter` consecutive failures the account locks for
   * `lockMinutes` and the count starts again; returns the end of the lock when this failure set it.
   */
  async recordFailedLogin(userId: number, lockAfter: number, lockMinutes: number): Promise<Date | null> {
    const rows = (await this.dataSource.query(
      `UPDATE users SET
         failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END,
         locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + $3 * interval '1 minute' ELSE locked_until END
       WHERE id = $1
       RETURNING CASE WHEN failed_logins = 0 THEN locked_until END AS "lockedUntil"`,
      [userId, lockAfter, lockMinutes],
    )) as UpdateResult<{ lockedUntil: Date | null }>;
    return rows[0][0]?.lockedUntil ?? null;
  }

  async recordSuccessfulLogin(userId: number): Promise<void> {
    await this.dataSource.query(
      'UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1 AND (failed_logins <> 0 OR locked_until IS NOT NULL)',
      [userId],
    );
  }

  /** Sets a new password and returns its stamp; sessions carrying an older stamp stop working. */
  async setPassword(manager: EntityManager, userId: number, passwordHash: string): Promise<Date> {
    const rows = (await manager.query(
      `UPDATE users SET password_hash = $2, password_changed_at = clock_timestamp(), failed_logins = 0, locked_until = NULL
       WHERE id = $1 RETURNING password_changed_at AS "passwordChangedAt"`,
      [userId, passwordHash],
    )) as UpdateResult<{ passwordChangedAt: Date }>;
    return rows[0][0].passwordChangedAt;
  }

  async revokeApiTokens(manager: EntityManager, userId: number): Promise<void> {
    await manager.query('UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
  }

  async insertApiToken(userId: number, tokenHash: string, validHours: number): Promise<Date> {
    const rows = (await this.dataSource.query(
      `INSERT INTO api_tokens (user_id, token_hash, expires_at) VALUES ($1, $2, now() + $3 * interval '1 hour')
       RETURNING expires_at AS "expiresAt"`,
      [userId, tokenHash, validHours],
    )) as { expiresAt: Date }[];
    return rows[0].expiresAt;
  }

  /** Returns when the invitation expires. */
  async insertInvitation(manager: EntityManager, userId: number, tokenHash: string, validHours: number): Promise<Date> {
    const rows = (await manager.query(
      `INSERT INTO account_invitations (token_hash, user_id, expires_at) VALUES ($1, $2, now() + $3 * interval '1 hour')
       RETURNING expires_at AS "expiresAt"`,
      [tokenHash, userId, validHours],
    )) as { expiresAt: Date }[];
    return rows[0].expiresAt;
  }

  /** The account of an invitation that is unused, unexpired and whose account is active. */
  async findPendingInvitation(tokenHash: string): Promise<PendingInvitation | null> {
    const rows = (await this.dataSource.query(
      `SELECT u.id AS "userId", u.email, u.name, u.role FROM account_invitations i JOIN users u ON u.id = i.user_id
       WHERE i.token_hash = $1 AND i.used_at IS NULL AND i.expires_at > now() AND u.active`,
      [tokenHash],
    )) as PendingInvitation[];
    return rows[0] ?? null;
  }

  /**
   * Marks the invitation used, once: of two concurrent uses, one gets the user id and the other
   * null. Every other open invitation of that account is closed with it.
   */
  async consumeInvitation(manager: EntityManager, tokenHash: string): Promise<number | null> {
    const result = (await manager.query(
      `UPDATE account_invitations i SET used_at = now() FROM users u
       WHERE i.token_hash = $1 AND i.used_at IS NULL AND i.expires_at > now() AND u.id = i.user_id AND u.active
       RETURNING i.user_id AS "userId"`,
      [tokenHash],
    )) as UpdateResult<{ userId: number }>;
    const userId = result[0][0]?.userId ?? null;
    if (userId !== null) {
      await manager.query('UPDATE account_invitations SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [userId]);
    }
    return userId;
  }

  listUsers(): Promise<UserListRow[]> {
    return this.dataSource.query(
      `SELECT u.id, u.email, u.name, u.role, un.name AS "unitName", b.name AS "bodyName", u.active,
              u.password_hash IS NOT NULL AS activated,
              CASE WHEN u.locked_until > now() THEN u.locked_until END AS "lockedUntil", u.created_at AS "createdAt"
       FROM users u
       LEFT JOIN ppid_units un ON un.id = u.unit_id
       LEFT JOIN public_bodies b ON b.id = COALESCE(u.body_id, un.body_id)
       ORDER BY u.name, u.id`,
    ) as Promise<UserListRow[]>;
  }

  private async findCredentials(where: string, value: string | number): Promise<Credentials | null> {
    const rows = (await this.dataSource.query(
      `SELECT ${ACTOR_SELECT}, u.password_hash AS "passwordHash", u.active, u.locked_until AS "lockedUntil",
              u.password_changed_at AS "passwordChangedAt"
       FROM ${ACTOR_FROM} WHERE ${where}`,
      [value],
    )) as ActorRow[];
    const row = rows[0];
    if (!row) return null;
    return {
      actor: actorOf(row),
      passwordHash: row.passwordHash ?? null,
      active: row.active === true,
      lockedUntil: row.lockedUntil ?? null,
      passwordChangedAt: row.passwordChangedAt,
    };
  }

  /**
   * For the bootstrap admin: blocks other writers of users until the transaction ends, so two
   * instances starting together cannot both find no admin and both create one.
   */
  async lockForAdminBootstrap(manager: EntityManager): Promise<void> {
    await manager.query('LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE');
  }

  async adminExists(manager?: EntityManager): Promise<boolean> {
    const rows = (await (manager ?? this.dataSource).query(`SELECT 1 FROM users WHERE role = 'admin' AND active LIMIT 1`)) as unknown[];
    return rows.length > 0;
  }

  /** Inserts unless the e-mail is taken; returns the new id or null. */
  async insertUserUnlessEmailTaken(manager: EntityManager, user: NewUser): Promise<number | null> {
    const rows = (await manager.query(
      `INSERT INTO users (email, name, role, unit_id, body_id, password_hash, password_changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $6::text IS NULL THEN NULL ELSE now() END)
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [user.email, user.name, user.role, user.unitId, user.bodyId, user.passwordHash],
    )) as { id: number }[];
    return rows[0]?.id ?? null;
  }
}
