import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { RateLimiterService } from 'src/common/security/rate-limiter.service';
import { Actor } from 'src/common/auth/actor';
import { API_TOKEN_PREFIX, passwordStamp } from './actor-resolver';
import { AccountLocked, InvalidCredentials } from './auth.errors';
import { hashPassword, verifyPassword } from './passwords';
import { hashSecretToken, newSecretToken } from './secret-tokens';
import { UsersRepository } from './users.repository';

/** Consecutive failed sign-ins that lock an account, and for how long. */
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;
/** Lifetime of an API token. */
export const API_TOKEN_HOURS = 12;

export interface SignInAttempt {
  email: string;
  password: string;
  clientIp: string;
}

export interface SignedIn {
  actor: Actor;
  /** Goes into the session; a later password change ends sessions opened before it. */
  authStamp: number;
}

export interface IssuedToken {
  accessToken: string;
  expiresAt: Date;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Sign-in for pages and the API, throttled per client address ('login_ip') and per e-mail
 * ('login_account', known or not, so the answers never tell whether an account exists).
 * Five failures in a row lock the account for fifteen minutes.
 */
@Injectable()
export class AuthenticationService {
  /** Verified against when the e-mail is unknown, so both cases take as long. */
  private decoyHash?: Promise<string>;

  constructor(
    private readonly users: UsersRepository,
    private readonly limiter: RateLimiterService,
  ) {}

  async signIn(attempt: SignInAttempt, now = new Date()): Promise<SignedIn> {
    const email = normalizeEmail(attempt.email);
    // Both counted before the password hash is touched, so parallel guesses cannot slip past the
    // limits (at most the allowance reach argon2); a right password gives its points back.
    await this.limiter.consume('login_ip', attempt.clientIp);
    const accountCount = await this.limiter.consume('login_account', email);
    const account = await this.users.findCredentialsByEmail(email);
    if (account?.lockedUntil && account.lockedUntil > now) throw new AccountLocked(account.lockedUntil, now);
    const passwordHash = account?.passwordHash ?? (await this.decoy());
    const passwordOk = await this.verify(passwordHash, attempt.password);
    if (!account || !account.active || !account.passwordHash || !passwordOk) {
      if (account) {
        const lockedUntil = await this.users.recordFailedLogin(account.actor.userId, LOCK_AFTER_FAILURES, LOCK_MINUTES);
        if (lockedUntil) throw new AccountLocked(lockedUntil, new Date());
      }
      // An unknown e-mail "locks" on the same failure as a real account, so a lock tells nothing.
      if (accountCount.consumed >= accountCount.points) throw new AccountLocked(new Date(now.getTime() + LOCK_MINUTES * 60_000), now);
      throw new InvalidCredentials();
    }
    await this.limiter.refund('login_ip', attempt.clientIp);
    await this.limiter.reset('login_account', email);
    await this.users.recordSuccessfulLogin(account.actor.userId);
    return { actor: account.actor, authStamp: passwordStamp(account.passwordChangedAt) };
  }

  /** Signs in and issues a bearer token valid for twelve hours; only its hash is stored. */
  async issueApiToken(attempt: SignInAttempt): Promise<IssuedToken> {
    const { actor } = await this.signIn(attempt);
    const accessToken = newSecretToken(API_TOKEN_PREFIX);
    const expiresAt = await this.users.insertApiToken(actor.userId, hashSecretToken(accessToken), API_TOKEN_HOURS);
    return { accessToken, expiresAt };
  }

  /** The one place a sign-in verifies a password hash (tests count the calls). */
  verify(passwordHash: string, password: string): Promise<boolean> {
    return verifyPassword(passwordHash, password);
  }

  private decoy(): Promise<string> {
    this.decoyHash ??= hashPassword(randomBytes(24).toString('base64url'));
    return this.decoyHash;
  }
}
