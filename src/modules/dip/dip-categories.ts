/**
 * The categories of public information (UU 14/2008 Pasal 9–11 and 17; RULES.md "Categories of
 * information") and the other closed lists of a Daftar Informasi Publik item.
 */

export const DIP_CATEGORIES = ['berkala', 'serta_merta', 'setiap_saat', 'dikecualikan'] as const;
export type DipCategory = (typeof DIP_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<DipCategory, string> = {
  berkala: 'Informasi berkala',
  serta_merta: 'Informasi serta merta',
  setiap_saat: 'Informasi tersedia setiap saat',
  dikecualikan: 'Informasi yang dikecualikan',
};

/** The article each category stands on, as the public page cites it. */
export const CATEGORY_BASIS: Record<DipCategory, string> = {
  berkala: 'Pasal 9 UU 14/2008: diumumkan secara berkala, paling lambat setiap 6 bulan',
  serta_merta: 'Pasal 10 UU 14/2008: diumumkan serta merta, tanpa penundaan',
  setiap_saat: 'Pasal 11 UU 14/2008: tersedia setiap saat dan dapat dimohon',
  dikecualikan: 'Pasal 17 UU 14/2008: dikecualikan setelah uji konsekuensi',
};

export function isDipCategory(value: unknown): value is DipCategory {
  return typeof value === 'string' && (DIP_CATEGORIES as readonly string[]).includes(value);
}

/** Bentuk informasi: tercetak, elektronik, or both. */
export const DIP_FORMS = ['printed', 'electronic', 'both'] as const;
export type DipForm = (typeof DIP_FORMS)[number];

export const FORM_LABELS: Record<DipForm, string> = {
  printed: 'Tercetak',
  electronic: 'Elektronik',
  both: 'Tercetak dan elektronik',
};

/** How often an item is brought up to date, in months (a setting of each item). */
export const UPDATE_PERIODS = [1, 3, 6, 12] as const;
export type UpdatePeriod = (typeof UPDATE_PERIODS)[number];

/**
 * Pasal 9 ayat (4) UU 14/2008 (RULES.md: "berkala, published at least every 6 months"): a berkala
 * item is brought up to date at least every six months, so its period is 1, 3 or 6 months.
 */
export const BERKALA_MAX_PERIOD_MONTHS = 6;

export const PERIOD_LABELS: Record<UpdatePeriod, string> = {
  1: 'Setiap bulan',
  3: 'Setiap 3 bulan (triwulan)',
  6: 'Setiap 6 bulan (semester)',
  12: 'Setiap tahun',
};

/** Which categories carry an update rhythm: berkala must, tersedia setiap saat may; the others never. */
export function periodRule(category: DipCategory): 'required' | 'optional' | 'none' {
  if (category === 'berkala') return 'required';
  if (category === 'setiap_saat') return 'optional';
  return 'none';
}

/** Why a period does not fit the category, or null when it does. */
export function periodProblem(category: DipCategory, months: number | null): string | null {
  const rule = periodRule(category);
  if (months === null) return rule === 'required' ? 'Jangka waktu pemutakhiran wajib dipilih untuk informasi berkala.' : null;
  if (!(UPDATE_PERIODS as readonly number[]).includes(months)) return 'Jangka waktu pemutakhiran: pilih 1, 3, 6 atau 12 bulan.';
  if (rule === 'none') return null;
  if (category === 'berkala' && months > BERKALA_MAX_PERIOD_MONTHS) {
    return 'Informasi berkala wajib diperbarui paling lambat setiap 6 bulan (Pasal 9 UU 14/2008): pilih 1, 3 atau 6 bulan.';
  }
  return null;
}

/** Pasal 17 grounds whose exemption is not permanent (Pasal 20): an end or review date is kept. */
export const GROUNDS_WITH_END_DATE = ['a', 'b', 'c', 'd', 'e', 'f'] as const;

export function groundNeedsEndDate(ground: string | null | undefined): boolean {
  return typeof ground === 'string' && (GROUNDS_WITH_END_DATE as readonly string[]).includes(ground);
}

/** Links are plain web addresses: http or https, a host, no credentials, at most 500 characters. */
export function linkProblem(raw: string): string | null {
  if (raw.length > 500) return 'Tautan paling banyak 500 karakter.';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `Tautan "${raw.slice(0, 60)}" bukan alamat web yang sah (awali dengan https:// atau http://).`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `Tautan "${raw.slice(0, 60)}" harus beralamat http:// atau https://.`;
  if (url.hostname === '' || !url.hostname.includes('.')) return `Tautan "${raw.slice(0, 60)}" tidak memuat nama situs yang sah.`;
  if (url.username !== '' || url.password !== '') return 'Tautan tidak boleh memuat nama pengguna atau kata sandi.';
  return null;
}
