import { DomainError, NotFound, RateLimited } from 'src/common/errors/domain-error';

/** One message for an unknown e-mail, a wrong password, an inactive or not yet activated account. */
export class InvalidCredentials extends DomainError {
  readonly code = 'unauthenticated';

  constructor() {
    super('E-mail atau kata sandi salah.');
  }
}

/** The text of a lock, the same whether the account exists or not (no account enumeration). */
export function accountLockedMessage(minutes: number): string {
  return `Akun dikunci sementara karena terlalu banyak percobaan gagal. Silakan coba lagi dalam ${minutes} menit.`;
}

/** Too many failed sign-ins on this account; it opens again at `until`. */
export class AccountLocked extends RateLimited {
  constructor(until: Date, now: Date) {
    // Rounded to the second first, so a lock set a moment ago reads "15 menit", not 16.
    const seconds = Math.max(1, Math.round((until.getTime() - now.getTime()) / 1000));
    super(accountLockedMessage(Math.ceil(seconds / 60)), seconds);
  }
}

/** Unknown, expired or already used: the same answer for each. */
export class InvitationNotValid extends DomainError {
  readonly code = 'not_found';

  constructor() {
    super('Tautan undangan ini tidak berlaku: sudah dipakai, sudah kedaluwarsa, atau tidak dikenal. Mintalah undangan baru kepada admin portal.');
  }
}

export class EmailTaken extends DomainError {
  readonly code = 'conflict';

  constructor() {
    super('Alamat e-mail ini sudah terdaftar.', { email: 'Alamat e-mail ini sudah terdaftar.' });
  }
}

export class UnitCodeTaken extends DomainError {
  readonly code = 'conflict';

  constructor(code: string) {
    const message = `Kode unit ${code} sudah dipakai di badan publik ini.`;
    super(message, { code: message });
  }
}

/** Not a working session of the actor's own account (another account's is the same answer). */
export class SessionNotFound extends NotFound {
  constructor() {
    super('Sesi tidak ditemukan atau sudah berakhir.');
  }
}

/** Not a working API token of the actor's own account (another account's is the same answer). */
export class ApiTokenNotFound extends NotFound {
  constructor() {
    super('Token API tidak ditemukan, sudah dicabut, atau sudah kedaluwarsa.');
  }
}
