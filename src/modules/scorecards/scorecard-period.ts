import { daysInMonth, fromDayNumber, isValidLocalDate, LocalDate, toDayNumber } from 'src/common/time/local-time';

/** A span of local dates in the province's time zone, both ends included. */
export interface Period {
  kind: 'year' | 'quarter' | 'range';
  year: number | null;
  quarter: number | null;
  from: LocalDate;
  to: LocalDate;
}

const pad = (n: number): string => String(n).padStart(2, '0');

export function yearPeriod(year: number): Period {
  return { kind: 'year', year, quarter: null, from: `${year}-01-01`, to: `${year}-12-31` };
}

export function quarterPeriod(year: number, quarter: number): Period {
  const first = (quarter - 1) * 3 + 1;
  const last = first + 2;
  return { kind: 'quarter', year, quarter, from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(daysInMonth(year, last))}` };
}

export function rangePeriod(from: LocalDate, to: LocalDate): Period {
  return { kind: 'range', year: null, quarter: null, from, to };
}

/** The period just before: the previous year, the previous quarter, or a range as long ending the day before. */
export function previousPeriod(p: Period): Period {
  if (p.kind === 'year') return yearPeriod((p.year as number) - 1);
  if (p.kind === 'quarter') {
    const q = p.quarter as number;
    return q === 1 ? quarterPeriod((p.year as number) - 1, 4) : quarterPeriod(p.year as number, q - 1);
  }
  const length = toDayNumber(p.to) - toDayNumber(p.from);
  const to = toDayNumber(p.from) - 1;
  return rangePeriod(fromDayNumber(to - length), fromDayNumber(to));
}

/** The quarters of a year that have begun by `today` (all four for a past year). */
export function quartersBegun(year: number, today: LocalDate): Period[] {
  return [1, 2, 3, 4].map((q) => quarterPeriod(year, q)).filter((p) => p.from <= today);
}

/** The last day the period's figures can describe: its end, or today while it runs. */
export function periodEnd(p: Period, today: LocalDate): LocalDate {
  return p.to < today ? p.to : today;
}

/** First year a period may name: the law (UU 14/2008) took effect in 2010. */
export const FIRST_YEAR = 2010;

export interface PeriodInput {
  year?: string;
  quarter?: string;
  from?: string;
  to?: string;
}

/**
 * Reads a period from query parameters (already named year, quarter, from, to): a year, a quarter
 * of a year, or a date range; none at all is the current year. Returns the field messages of
 * whatever is wrong, in Bahasa Indonesia, instead of throwing.
 */
export function parsePeriod(input: PeriodInput, today: LocalDate): { period: Period; errors: null } | { period: null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const thisYear = Number(today.slice(0, 4));
  const hasRange = input.from !== undefined || input.to !== undefined;
  if (hasRange) {
    if (input.year !== undefined || input.quarter !== undefined) errors.from = 'Pilih tahun/triwulan atau rentang tanggal, tidak keduanya.';
    for (const key of ['from', 'to'] as const) {
      const v = input[key];
      if (v === undefined || v === '') errors[key] ??= 'Tanggal awal dan akhir rentang wajib diisi.';
      else if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || !isValidLocalDate(v)) errors[key] ??= 'Tanggal tidak valid (format TTTT-BB-HH).';
      else if (Number(v.slice(0, 4)) < FIRST_YEAR) errors[key] ??= `Tanggal paling awal tahun ${FIRST_YEAR}.`;
    }
    if (Object.keys(errors).length > 0) return { period: null, errors };
    const from = input.from as string;
    const to = input.to as string;
    if (from > to) return { period: null, errors: { to: 'Tanggal akhir tidak boleh sebelum tanggal awal.' } };
    if (from > today) return { period: null, errors: { from: 'Rentang tanggal belum dimulai.' } };
    if (toDayNumber(to) - toDayNumber(from) > 366 * 5) return { period: null, errors: { to: 'Rentang tanggal paling panjang lima tahun.' } };
    return { period: rangePeriod(from, to), errors: null };
  }
  let year = thisYear;
  if (input.year !== undefined) {
    if (!/^\d{4}$/.test(input.year)) errors.year = 'Tahun harus empat angka, misalnya 2026.';
    else if (Number(input.year) < FIRST_YEAR || Number(input.year) > thisYear) errors.year = `Tahun harus antara ${FIRST_YEAR} dan ${thisYear}.`;
    else year = Number(input.year);
  }
  let quarter: number | null = null;
  if (input.quarter !== undefined && input.quarter !== '') {
    if (!/^[1-4]$/.test(input.quarter)) errors.quarter = 'Triwulan harus 1, 2, 3 atau 4.';
    else quarter = Number(input.quarter);
  }
  if (Object.keys(errors).length > 0) return { period: null, errors };
  if (quarter === null) return { period: yearPeriod(year), errors: null };
  const p = quarterPeriod(year, quarter);
  if (p.from > today) return { period: null, errors: { quarter: `Triwulan ${quarter} tahun ${year} belum dimulai.` } };
  return { period: p, errors: null };
}
