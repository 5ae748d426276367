import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Role } from 'src/common/auth/actor';

/** An account as the admin's actions on it need it, read under a row lock. */
export interface AccountState {
  id: number;
  email: string;
  name: string;
  role: Role;
  unitId: number | null;
  bodyId: number | null;
  active: boolean;
  activated: boolean;
  lockedUntil: Date | null;
}

/** TypeORM answers UPDATE … RETURNING with [rows, affected count]. */
type UpdateResult<T> = [T[], number];

/** The writes of an admin's actions on an account: deactivate, reactivate, unlock, re-invite. */
@Injectable()
export class AccountAdminRepository {
  /** The account, locked until the transaction ends (two admins acting at once go one after the other). */
  async lockAccount(m: EntityManager, userId: number): Promise<AccountState | null> {
    const rows = (await m.query(
      `SELECT id, email, name, role, unit_id AS "unitId", body_id AS "bodyId", active, password_hash IS NOT NULL AS activated,
              CASE WHEN locked_until > now() THEN locked_until END AS "lockedUntil"
       FROM users WHERE id = $1 FOR UPDATE`,
      [userId],
    )) as AccountState[];
    return rows[0] ?? null;
  }

  /**
   * Ids of the active admins, every admin row locked: of two admins deactivating each other at
   * once, the second sees the first's change and the last active admin stays.
   */
  async lockActiveAdmins(m: EntityManager): Promise<number[]> {
    const rows = (await m.query(`SELECT id, active FROM users WHERE role = 'admin' ORDER BY id FOR UPDATE`)) as { id: number; active: boolean }[];
    return rows.filter((r) => r.active).map((r) => r.id);
  }

  async setActive(m: EntityManager, userId: number, active: boolean): Promise<void> {
    await m.query('UPDATE users SET active = $2 WHERE id = $1', [userId, active]);
  }

  /** Ends every session of the account (rows of connect-pg-simple's table); returns how many. */
  async deleteSessions(m: EntityManager, userId: number): Promise<number> {
    const result = (await m.query(`DELETE FROM session WHERE sess->>'userId' = $1 RETURNING sid`, [String(userId)])) as UpdateResult<{ sid: string }>;
    return result[1];
  }

  /** Revokes every working API token of the account; returns how many. */
  async revokeApiTokens(m: EntityManager, userId: number): Promise<number> {
    const result = (await m.query('UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id', [
      userId,
    ])) as UpdateResult<{ id: number }>;
    return result[1];
  }

  /** Closes the account's unused invitations, so their links stop working; returns how many. */
  async closeInvitations(m: EntityManager, userId: number): Promise<number> {
    const result = (await m.query('UPDATE account_invitations SET used_at = now() WHERE user_id = $1 AND used_at IS NULL RETURNING user_id', [
      userId,
    ])) as UpdateResult<{ user_id: number }>;
    return result[1];
  }

  /** Clears the failure count and the lock of the sign-in limits. */
  async clearLock(m: EntityManager, userId: number): Promise<void> {
    await m.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [userId]);
  }
}
