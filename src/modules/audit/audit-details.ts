import { AuditDetails, AuditDetailValue } from './audit-entry.entity';

/**
 * A detail string is a code, an id or a date: letters, digits and `_ . : / -`, at most 64
 * characters, and no run of eight or more digits (a NIK, a phone number, an NIP).
 */
const SAFE_TEXT = /^(?!.*\d{8})[A-Za-z0-9_.:/-]{0,64}$/;
const SAFE_KEY = /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/;

function safeScalar(value: unknown): boolean {
  if (value === null || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && SAFE_TEXT.test(value);
}

function safeValue(value: AuditDetailValue): boolean {
  return Array.isArray(value) ? value.length <= 20 && value.every(safeScalar) : safeScalar(value);
}

/**
 * Throws when details could carry personal data or free text (names, addresses, e-mails, NIK).
 * A programming error, not a user's: callers pass codes and ids only.
 */
export function assertSafeDetails(details: AuditDetails): void {
  const entries = Object.entries(details);
  if (entries.length > 20) throw new Error('audit details: too many facts');
  for (const [key, value] of entries) {
    if (!SAFE_KEY.test(key)) throw new Error(`audit details: key ${JSON.stringify(key.slice(0, 40))} is not a plain name`);
    if (!safeValue(value)) throw new Error(`audit details: value of ${key} is not a code, id, date or flag`);
  }
}
