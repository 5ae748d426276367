const EMAIL = /[^\s<>()[\]"',;:@]+@[^\s<>()[\]"',;:@]+/g;
const LONG_NUMBER = /\d{8,}/g;

/**
 * A short description of a failure that is safe to store and log: the error's code, the SMTP
 * command and response code when there are any, and the message with e-mail addresses and long
 * numbers (NIK, phone) masked. SMTP servers like to quote the recipient in their replies.
 */
export function safeErrorSummary(error: unknown, maxLength = 300): string {
  if (!(error instanceof Error)) return 'Error: non-error value thrown';
  const e = error as Error & { code?: unknown; command?: unknown; responseCode?: unknown };
  const parts = [
    typeof e.code === 'string' ? e.code : e.name,
    typeof e.command === 'string' ? e.command : undefined,
    typeof e.responseCode === 'number' ? String(e.responseCode) : undefined,
  ].filter((p): p is string => p !== undefined && p !== '');
  const message = e.message.replace(EMAIL, '[alamat]').replace(LONG_NUMBER, '[angka]').replace(/\s+/g, ' ').trim();
  const summary = `${parts.join(' ')}: ${message}`;
  return summary.length > maxLength ? `${summary.slice(0, maxLength - 1)}…` : summary;
}
