/**
 * What a citizen types, turned into something PostgreSQL's text search takes without ever failing.
 * Searches go to websearch_to_tsquery (which accepts any text); suggestions while typing are built
 * here from letters and digits only, so no tsquery operator a citizen types reaches to_tsquery.
 */

/** Longest search the page and the API take (400 beyond it). */
export const MAX_QUERY_LENGTH = 200;

/** Longest text the suggestions read: the end of what the citizen is typing. */
export const MAX_SUGGESTION_TEXT = 1000;

/** At most this many words of a request's text are looked up, the last ones typed. */
export const MAX_SUGGESTION_WORDS = 12;

/** A word longer than this is no word a list of public information holds; it is cut. */
const MAX_WORD_LENGTH = 40;

/**
 * Words that say how a request is asked, not what it asks for ("saya mohon salinan data tentang …"):
 * left out of suggestions, where they would match every item. Searches keep every word.
 */
const REQUEST_WORDS = new Set([
  'yang', 'dan', 'atau', 'di', 'ke', 'dari', 'untuk', 'pada', 'dengan', 'dalam', 'tentang', 'terkait', 'mengenai', 'atas', 'oleh',
  'saya', 'kami', 'aku', 'mohon', 'minta', 'meminta', 'memohon', 'permohonan', 'ingin', 'butuh', 'membutuhkan', 'perlu',
  'salinan', 'informasi', 'data', 'dokumen', 'tahun', 'itu', 'ini', 'tersebut', 'adalah', 'serta', 'juga', 'bisa', 'dapat',
  'tolong', 'agar', 'supaya', 'sebagai', 'seperti', 'para', 'se', 'nya', 'the', 'of',
]);

/** Letters and digits of any script, lower case; everything else separates words. */
export function wordsOf(text: string): string[] {
  return (text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.slice(0, MAX_WORD_LENGTH));
}

/** Whether a search has anything to look for (a search of only signs is no search). */
export function hasWords(text: string | undefined): text is string {
  return text !== undefined && wordsOf(text).length > 0;
}

/**
 * The to_tsquery text for suggestions while a request is typed: any of its meaningful last words,
 * the very last one as a prefix (the citizen may be in the middle of it). Ranking puts items that
 * match more of them first. Null when nothing is left to look for.
 */
export function suggestionQuery(text: string): string | null {
  const all = wordsOf(text.slice(-MAX_SUGGESTION_TEXT));
  if (all.length === 0) return null;
  const typing = all[all.length - 1];
  const endsInWord = /[\p{L}\p{N}]$/u.test(text);
  const words = all.filter((w, i) => !REQUEST_WORDS.has(w) && (w.length > 1 || /\p{N}/u.test(w)) && all.indexOf(w) === i);
  const picked = words.slice(-MAX_SUGGESTION_WORDS);
  if (picked.length === 0) return null;
  return picked
    .map((w) => (endsInWord && w === typing && w === picked[picked.length - 1] && w.length >= 3 ? `${w}:*` : w))
    .join(' | ');
}
