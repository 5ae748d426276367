/**
 * A body's Kepmendagri code as stored ("35", "35.01") from what people type or link: "3501" works
 * as well as "35.01". Null for anything else, so a bad code reads as "not found".
 */
export function normalizeRegionCode(raw: string): string | null {
  const code = raw.trim();
  if (/^\d{2}(\.\d{2})?$/.test(code)) return code;
  const digits = /^(\d{2})(\d{2})$/.exec(code);
  return digits ? `${digits[1]}.${digits[2]}` : null;
}

/** Longest search the home page accepts; longer input is cut, not refused. */
export const BODY_SEARCH_MAX_LENGTH = 100;

/** The words of a search, lower case, without "pemerintah" (every body's name starts with it). */
export function bodySearchTerms(query: string): string[] {
  return query
    .slice(0, BODY_SEARCH_MAX_LENGTH)
    .toLocaleLowerCase('id')
    .split(/[\s,.]+/)
    .filter((w) => w !== '' && w !== 'pemerintah');
}

/**
 * Whether a body answers a search: every word occurs in its name ("kab malang" finds Pemerintah
 * Kabupaten Malang), or the search is its code with or without the dot.
 */
export function matchesBodySearch(body: { name: string; code: string }, query: string): boolean {
  if (normalizeRegionCode(query) === body.code) return true;
  const name = body.name.toLocaleLowerCase('id');
  return bodySearchTerms(query).every((term) => name.includes(term));
}
