import { createHash, randomBytes } from 'node:crypto';

/**
 * Invitation links and API tokens: 256 random bits, shown once, stored only as a SHA-256 hash
 * (a random secret this long needs no salt or slow hash).
 */
export function newSecretToken(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Cheap shape check before any lookup. */
export function looksLikeSecretToken(token: string, prefix = ''): boolean {
  return token.startsWith(prefix) && /^[A-Za-z0-9_-]{43}$/.test(token.slice(prefix.length));
}

/**
 * For request logs: the invitation token travels in the path (/undangan/<token>), so a logger
 * that writes paths must pass them through this first.
 */
export function redactSecretPath(path: string): string {
  return path.replace(/^\/undangan\/[^/?#]+/, '/undangan/[disembunyikan]');
}
