import { hash, verify, type Algorithm } from '@node-rs/argon2';

/** Algorithm.Argon2id; the const enum cannot be read under isolatedModules. */
const ARGON2ID = 2 as Algorithm;

export const PASSWORD_MIN_LENGTH = 10;
/** Long enough for any passphrase, short enough that nobody makes the server hash a megabyte. */
export const PASSWORD_MAX_LENGTH = 200;

export const PASSWORD_TOO_SHORT = `Kata sandi paling sedikit ${PASSWORD_MIN_LENGTH} karakter.`;
export const PASSWORD_TOO_LONG = `Kata sandi paling banyak ${PASSWORD_MAX_LENGTH} karakter.`;

/** Why a new password is refused, or null. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return PASSWORD_TOO_SHORT;
  if (password.length > PASSWORD_MAX_LENGTH) return PASSWORD_TOO_LONG;
  return null;
}

/** argon2id with the library's defaults (19 MiB, 2 passes, 1 lane: the OWASP baseline). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

/** False for a wrong password and for a stored value that is not an argon2 hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (password.length > PASSWORD_MAX_LENGTH) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
