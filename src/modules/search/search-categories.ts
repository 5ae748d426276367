import { CATEGORY_LABELS, DIP_CATEGORIES, DipCategory } from 'src/modules/dip';

/** What the public search finds: the DIP's categories, and published answers ('jawaban'). */
export const SEARCH_CATEGORIES = [...DIP_CATEGORIES, 'jawaban'] as const;
export type SearchCategory = DipCategory | 'jawaban';

export const SEARCH_CATEGORY_LABELS: Record<SearchCategory, string> = {
  ...CATEGORY_LABELS,
  jawaban: 'Jawaban permohonan yang diumumkan',
};

/** Where a hit comes from: one arm of the search query each. */
export type SearchSource = 'dip' | 'jawaban';
