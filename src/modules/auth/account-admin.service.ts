import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from 'src/config/app-config';
import { NotFound } from 'src/common/errors/domain-error';
import { RateLimiterService } from 'src/common/security/rate-limiter.service';
import { MAX_INT4 } from 'src/common/validation/whole-number';
import { DatabaseService } from 'src/database/database.service';
import { AuditService } from 'src/modules/audit';
import { MailService } from 'src/modules/notifications';
import { AccountActionRefused } from './account-admin.errors';
import { AccountAdminRepository, AccountState } from './account-admin.repository';
import { formatInstant } from 'src/common/views/view-helpers';
import { Actor } from 'src/common/auth/actor';
import { AccessDenied } from 'src/common/auth/access-errors';
import { LOCK_AFTER_FAILURES } from './authentication.service';
import { issueInvitation } from './invitation-mail';
import { UnitPlace, UnitsRepository } from 'src/modules/bodies';
import { UsersRepository } from './users.repository';

export type AccountAction = 'deactivate' | 'reactivate' | 'unlock' | 'reinvite';

/** What the confirmation page shows of an account. */
export interface AccountSummary {
  id: number;
  name: string;
  email: string;
  role: AccountState['role'];
  active: boolean;
  activated: boolean;
  locked: boolean;
}

function assertAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw new AccessDenied();
}

function notFound(): NotFound {
  return new NotFound('Akun tidak ditemukan.');
}

/**
 * An admin's actions on an existing account: deactivate (sessions ended, API tokens and open
 * invitations revoked), reactivate, unlock after the sign-in limits locked it, and re-invite an
 * account that never set its password. Each runs with the account's row locked and is audited
 * in its transaction; an action that makes no sense is refused with the reason.
 */
@Injectable()
export class AccountAdminService {
  constructor(
    private readonly db: DatabaseService,
    private readonly repo: AccountAdminRepository,
    private readonly users: UsersRepository,
    private readonly units: UnitsRepository,
    private readonly mail: MailService,
    private readonly limiter: RateLimiterService,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async summary(actor: Actor, userId: number): Promise<AccountSummary> {
    assertAdmin(actor);
    if (!Number.isInteger(userId) || userId < 1 || userId > MAX_INT4) throw notFound();
    const account = await this.db.transaction((m) => this.repo.lockAccount(m, userId));
    if (!account) throw notFound();
    const limited = (await this.limiter.count('login_account', account.email)) >= LOCK_AFTER_FAILURES;
    return {
      id: account.id,
      name: account.name,
      email: account.email,
      role: account.role,
      active: account.active,
      activated: account.activated,
      locked: account.lockedUntil !== null || limited,
    };
  }

  async perform(actor: Actor, userId: number, action: AccountAction): Promise<void> {
    switch (action) {
      case 'deactivate':
        return this.deactivate(actor, userId);
      case 'reactivate':
        return this.reactivate(actor, userId);
      case 'unlock':
        return this.unlock(actor, userId);
      case 'reinvite':
        return this.reinvite(actor, userId);
    }
  }

  /** The account can no longer sign in; its sessions end and its API tokens and invitation links stop working. */
  async deactivate(actor: Actor, userId: number): Promise<void> {
    await this.summary(actor, userId);
    if (userId === actor.userId) throw new AccountActionRefused('Anda tidak dapat menonaktifkan akun Anda sendiri.');
    await this.db.transaction(async (m) => {
      // Admin rows first, then the account: always the same order, so two admins never deadlock.
      const activeAdmins = await this.repo.lockActiveAdmins(m);
      const account = await this.lockedAccount(m, userId);
      if (!account.active) throw new AccountActionRefused('Akun ini sudah nonaktif.');
      if (!activeAdmins.includes(actor.userId)) throw new AccessDenied();
      if (account.role === 'admin' && activeAdmins.filter((id) => id !== userId).length === 0) {
        throw new AccountActionRefused('Akun ini adalah satu-satunya admin yang aktif dan tidak dapat dinonaktifkan.');
      }
      await this.repo.setActive(m, userId, false);
      const sessions = await this.repo.deleteSessions(m, userId);
      const tokens = await this.repo.revokeApiTokens(m, userId);
      const invitations = await this.repo.closeInvitations(m, userId);
      await this.audit.record(
        { actor, action: 'user.deactivated', target: { type: 'user', id: userId }, details: { role: account.role, sessions, tokens, invitations } },
        m,
      );
    });
  }

  async reactivate(actor: Actor, userId: number): Promise<void> {
    await this.summary(actor, userId);
    await this.db.transaction(async (m) => {
      const account = await this.lockedAccount(m, userId);
      if (account.active) throw new AccountActionRefused('Akun ini sudah aktif.');
      await this.repo.setActive(m, userId, true);
      await this.audit.record({ actor, action: 'user.reactivated', target: { type: 'user', id: userId }, details: { role: account.role, activated: account.activated } }, m);
    });
  }

  /** Ends the lock of the sign-in limits: the account's failure count and its per-e-mail counter. */
  async unlock(actor: Actor, userId: number): Promise<void> {
    const summary = await this.summary(actor, userId);
    if (!summary.locked) throw new AccountActionRefused('Akun ini tidak sedang terkunci.');
    await this.db.transaction(async (m) => {
      const account = await this.lockedAccount(m, userId);
      await this.repo.clearLock(m, userId);
      await this.audit.record({ actor, action: 'user.unlocked', target: { type: 'user', id: userId }, details: { lockedUntil: account.lockedUntil?.toISOString() ?? null } }, m);
    });
    // The limiter keeps its counters on the shared pool, never inside a transaction.
    await this.limiter.reset('login_account', summary.email);
  }

  /** A new invitation mail; every earlier link of the account stops working. */
  async reinvite(actor: Actor, userId: number): Promise<void> {
    await this.summary(actor, userId);
    const account = await this.db.transaction((m) => this.lockedAccount(m, userId));
    const place = await this.placeOf(account);
    await this.db.transaction(async (m) => {
      const current = await this.lockedAccount(m, userId);
      if (!current.active) throw new AccountActionRefused('Akun ini nonaktif. Aktifkan kembali akun ini sebelum mengirim undangan baru.');
      if (current.activated) throw new AccountActionRefused('Pengguna ini sudah membuat kata sandi; undangan baru tidak diperlukan.');
      const closed = await this.repo.closeInvitations(m, userId);
      await issueInvitation(
        m,
        { users: this.users, mail: this.mail, config: this.config, formatInstant },
        { userId, email: current.email, name: current.name, role: current.role, place },
      );
      await this.audit.record({ actor, action: 'user.reinvited', target: { type: 'user', id: userId }, details: { closedInvitations: closed } }, m);
    });
  }

  private async lockedAccount(m: EntityManager, userId: number): Promise<AccountState> {
    const account = await this.repo.lockAccount(m, userId);
    if (!account) throw notFound();
    return account;
  }

  private async placeOf(account: AccountState): Promise<UnitPlace | null> {
    if (account.unitId !== null) return this.units.findPlace(account.unitId);
    if (account.bodyId !== null) return this.units.findBodyWithUtama(account.bodyId);
    return null;
  }
}
