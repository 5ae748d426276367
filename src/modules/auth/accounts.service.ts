import { isUniqueViolation } from 'src/common/errors/database-errors';
import { Injectable } from '@nestjs/common';
import { AppConfig } from 'src/config/app-config';
import { ValidationFailed } from 'src/common/errors/domain-error';
import { RateLimiterService } from 'src/common/security/rate-limiter.service';
import { formatInstant } from 'src/common/views/view-helpers';
import { DatabaseService } from 'src/database/database.service';
import { AuditService } from 'src/modules/audit';
import { MailService } from 'src/modules/notifications';
import { Actor, Role } from 'src/common/auth/actor';
import { passwordStamp } from './actor-resolver';
import { EmailTaken, InvitationNotValid } from './auth.errors';
import { AccessDenied } from 'src/common/auth/access-errors';
import { normalizeEmail } from './authentication.service';
import { hashPassword, passwordProblem, verifyPassword } from './passwords';
import { issueInvitation } from './invitation-mail';
import { hashSecretToken, looksLikeSecretToken } from './secret-tokens';
import { UnitPlace, UnitsRepository } from 'src/modules/bodies';
import { PendingInvitation, UserListRow, UsersRepository } from './users.repository';

export { INVITATION_HOURS, INVITATION_TEMPLATE } from './invitation-mail';

export interface NewAccount {
  email: string;
  name: string;
  role: Role;
  /** Officers: their unit. Supervisors may name their body through a unit of it. */
  unitId?: number | null;
  /** Supervisors: their body. */
  bodyId?: number | null;
  /** Given: the account works at once. Omitted: an invitation link is mailed. */
  password?: string;
}

export interface CreatedAccount {
  id: number;
  invited: boolean;
}

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export interface NewPassword {
  newPassword: string;
  confirmPassword: string;
}

interface Placement {
  unitId: number | null;
  bodyId: number | null;
  place: UnitPlace | null;
}

function assertAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw new AccessDenied();
}

/** Accounts: creation by an admin (with a password or a mailed invitation), invitations, password changes. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly users: UsersRepository,
    private readonly units: UnitsRepository,
    private readonly mail: MailService,
    private readonly limiter: RateLimiterService,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /** An admin creates an account; without a password the invitation mail is enqueued in the same transaction. */
  async createAccount(actor: Actor, input: NewAccount): Promise<CreatedAccount> {
    assertAdmin(actor);
    return this.provision(input, actor);
  }

  /**
   * The same without an actor, for trusted callers only (test factories): seeding, not
   * administration, so it leaves no audit entry.
   */
  provisionAccount(input: NewAccount): Promise<CreatedAccount> {
    return this.provision(input, null);
  }

  /** The Actor of an account as a session would resolve it (active or not), or null. */
  async findActor(userId: number): Promise<Actor | null> {
    return (await this.users.findCredentialsById(userId))?.actor ?? null;
  }

  /** The Actor of an account that is not deactivated (invited ones included), or null. */
  async findActiveActor(userId: number): Promise<Actor | null> {
    const credentials = await this.users.findCredentialsById(userId);
    return credentials?.active ? credentials.actor : null;
  }

  async listAccounts(actor: Actor): Promise<UserListRow[]> {
    assertAdmin(actor);
    return this.users.listUsers();
  }

  /** The account an invitation link is for; InvitationNotValid when unknown, used or expired. */
  async invitationFor(token: string): Promise<PendingInvitation> {
    const pending = looksLikeSecretToken(token) ? await this.users.findPendingInvitation(hashSecretToken(token)) : null;
    if (!pending) throw new InvitationNotValid();
    return pending;
  }

  /** Sets the first password through an invitation link; the link works once. */
  async acceptInvitation(token: string, input: NewPassword): Promise<PendingInvitation> {
    const pending = await this.invitationFor(token);
    this.assertNewPassword(input);
    const passwordHash = await hashPassword(input.newPassword);
    await this.db.transaction(async (m) => {
      const userId = await this.users.consumeInvitation(m, hashSecretToken(token));
      if (userId === null) throw new InvitationNotValid();
      await this.users.setPassword(m, userId, passwordHash);
      await this.audit.record(
        { actor: { userId, role: pending.role }, action: 'user.password_changed', target: { type: 'user', id: userId }, details: { via: 'invitation' } },
        m,
      );
    });
    return pending;
  }

  /**
   * Changes the actor's password; returns the new session stamp. Other sessions and every API
   * token of the account stop working. Wrong current passwords count towards the account lock.
   */
  async changePassword(actor: Actor, input: PasswordChange): Promise<number> {
    const account = await this.users.findCredentialsById(actor.userId);
    if (!account?.passwordHash) throw new AccessDenied();
    await this.limiter.consume('login_account', account.actor.email);
    if (!(await verifyPassword(account.passwordHash, input.currentPassword))) {
      throw new ValidationFailed({ currentPassword: 'Kata sandi saat ini salah.' });
    }
    await this.limiter.reset('login_account', account.actor.email);
    this.assertNewPassword(input);
    const passwordHash = await hashPassword(input.newPassword);
    const changedAt = await this.db.transaction(async (m) => {
      const at = await this.users.setPassword(m, actor.userId, passwordHash);
      await this.users.revokeApiTokens(m, actor.userId);
      await this.audit.record({ actor, action: 'user.password_changed', target: { type: 'user', id: actor.userId }, details: { via: 'own_account' } }, m);
      return at;
    });
    return passwordStamp(changedAt);
  }

  /**
   * The first admin from ADMIN_EMAIL/ADMIN_PASSWORD when no active admin exists. Safe when several
   * instances start together: the check and the insert run under a table lock.
   */
  async ensureBootstrapAdmin(email: string, password: string): Promise<'created' | 'exists' | 'email_taken'> {
    if (await this.users.adminExists()) return 'exists';
    const passwordHash = await hashPassword(password);
    return this.db.transaction(async (m) => {
      await this.users.lockForAdminBootstrap(m);
      if (await this.users.adminExists(m)) return 'exists';
      const id = await this.users.insertUserUnlessEmailTaken(m, {
        email: normalizeEmail(email),
        name: 'Administrator',
        role: 'admin',
        unitId: null,
        bodyId: null,
        passwordHash,
      });
      if (id === null) return 'email_taken';
      await this.audit.record({ actor: 'system', action: 'user.created', target: { type: 'user', id }, details: { role: 'admin', via: 'admin_email_setting' } }, m);
      return 'created';
    });
  }

  /**
   * `input` comes validated by CreateUserDto (or from a trusted caller); what needs the database,
   * the unit or body of the role, is checked here. `actor` null: a trusted caller seeding accounts
   * (no audit entry).
   */
  private async provision(input: NewAccount, actor: Actor | null): Promise<CreatedAccount> {
    const email = normalizeEmail(input.email);
    const name = input.name.trim().replace(/\s+/g, ' ');
    const errors: Record<string, string> = {};
    const placement = await this.placementOf(input, errors);
    if (Object.keys(errors).length > 0 || !placement) throw new ValidationFailed(errors);
    if (await this.users.emailExists(email)) throw new EmailTaken();
    const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
    try {
      return await this.db.transaction(async (m) => {
        const id = await this.users.insertUser(m, { email, name, role: input.role, unitId: placement.unitId, bodyId: placement.bodyId, passwordHash });
        if (actor) {
          await this.audit.record(
            {
              actor,
              action: passwordHash === null ? 'user.invited' : 'user.created',
              target: { type: 'user', id },
              details: { role: input.role, unitId: placement.unitId, bodyId: placement.bodyId },
            },
            m,
          );
        }
        if (passwordHash !== null) return { id, invited: false };
        await issueInvitation(m, { users: this.users, mail: this.mail, config: this.config, formatInstant }, { userId: id, email, name, role: input.role, place: placement.place });
        return { id, invited: true };
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw new EmailTaken();
      throw e;
    }
  }

  /** Checks the role's unit or body; records problems in `errors`. */
  private async placementOf(input: NewAccount, errors: Record<string, string>): Promise<Placement | null> {
    const unitId = input.unitId ?? null;
    const bodyId = input.bodyId ?? null;
    switch (input.role) {
      case 'officer': {
        if (unitId === null) {
          errors.unitId = 'Pilih unit PPID tempat petugas bekerja.';
          return null;
        }
        const place = await this.units.findPlace(unitId);
        if (!place) {
          errors.unitId = 'Unit PPID tidak ditemukan.';
          return null;
        }
        if (bodyId !== null && bodyId !== place.bodyId) {
          errors.bodyId = 'Unit PPID yang dipilih tidak berada di badan publik ini.';
          return null;
        }
        return { unitId, bodyId: null, place };
      }
      case 'supervisor': {
        let place: UnitPlace | null;
        if (bodyId !== null) {
          place = await this.units.findBodyWithUtama(bodyId);
          if (!place) errors.bodyId = 'Badan publik tidak ditemukan.';
        } else if (unitId !== null) {
          place = await this.units.findPlace(unitId);
          if (!place) errors.unitId = 'Unit PPID tidak ditemukan.';
        } else {
          errors.bodyId = 'Pilih badan publik tempat atasan PPID bertugas.';
          return null;
        }
        if (!place) return null;
        if (bodyId !== null && unitId !== null && (await this.units.findPlace(unitId))?.bodyId !== bodyId) {
          errors.unitId = 'Unit PPID yang dipilih tidak berada di badan publik ini.';
          return null;
        }
        return { unitId: null, bodyId: place.bodyId, place };
      }
      case 'bureau':
      case 'admin':
        if (unitId !== null) errors.unitId = 'Peran ini tidak terikat pada unit PPID.';
        if (bodyId !== null) errors.bodyId = 'Peran ini tidak terikat pada satu badan publik.';
        return unitId === null && bodyId === null ? { unitId: null, bodyId: null, place: null } : null;
    }
  }

  private assertNewPassword(input: NewPassword): void {
    const problem = passwordProblem(input.newPassword);
    if (problem) throw new ValidationFailed({ newPassword: problem });
    if (input.confirmPassword !== input.newPassword) {
      throw new ValidationFailed({ confirmPassword: 'Kedua isian kata sandi baru tidak sama.' });
    }
  }
}
