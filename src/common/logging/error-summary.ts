import { databaseErrorSummary, isDatabaseError } from 'src/common/logging/safe-error';

const EMAIL = /[^\s<>()[\]"',;:@]+@[^\s<>()[\]"',;:@]+/g;
const LONG_NUMBER = /\d{8,}/g;

/**
 * A short description of a failure that is safe to store and log: the error's code, the SMTP
 * command and response code when there are any, and the message with e-mail addresses and long
 * numbers (NIK, phone) masked. SMTP servers like to quote the recipient in their replies.
 * A database error gives no message at all: PostgreSQL quotes the values it refused.
 */
export function safeErrorSummary(error: unknown, maxLength = 300): string {
  // Not `instanceof Error`: errors made in another realm (Node's core under Jest, a VM) fail that test.
  if (typeof error !== 'object' || error === null || typeof (error as { message?: unknown }).message !== 'string') {
    return 'Error: non-error value thrown';
  }
  if (isDatabaseError(error)) return databaseErrorSummary(error).slice(0, maxLength);
  const e = error as { name?: unknown; message: string; code?: unknown; command?: unknown; responseCode?: unknown };
  const parts = [
    typeof e.code === 'string' ? e.code : typeof e.name === 'string' ? e.name : 'Error',
    typeof e.command === 'string' ? e.command : undefined,
    typeof e.responseCode === 'number' ? String(e.responseCode) : undefined,
  ].filter((p): p is string => p !== undefined && p !== '');
  const message = e.message.replace(EMAIL, '[alamat]').replace(LONG_NUMBER, '[angka]').replace(/\s+/g, ' ').trim();
  const summary = `${parts.join(' ')}: ${message}`;
  return summary.length > maxLength ? `${summary.slice(0, maxLength - 1)}…` : summary;
}
