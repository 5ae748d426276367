/**
 * Registration numbers: <body code without dots>-<unit code>-<year>-<sequence>, e.g.
 * 3578-U-2026-00042 for the 42nd request of 2026 received by the PPID Utama of Kota Surabaya.
 * Only digits, capitals and hyphens: safe in URLs, file names and letters.
 */
export function formatRegistrationNumber(regionCode: string, unitCode: string, year: number, seq: number): string {
  return `${regionCode.replace(/\./g, '')}-${unitCode}-${year}-${String(seq).padStart(5, '0')}`;
}

export const REGISTRATION_NUMBER_PATTERN = /^\d{2,4}-[A-Z0-9]{1,8}-\d{4}-\d{5,}$/;

/** Upper-cases and trims what a person typed; null when it cannot be a registration number. */
export function normalizeRegistrationNumber(input: string): string | null {
  const value = input.trim().toUpperCase().replace(/\s+/g, '');
  return REGISTRATION_NUMBER_PATTERN.test(value) ? value : null;
}
