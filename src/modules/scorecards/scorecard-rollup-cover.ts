import { daysInMonth, fromDayNumber, LocalDate, toDayNumber } from 'src/common/time/local-time';

/** A span of local dates, both ends included. */
export type DaySpan = readonly [LocalDate, LocalDate];

/**
 * Which rollup rows add up to a period: the whole years inside it (read from the year rows, keyed
 * by their first day), the whole months outside those years (the month rows, keyed by their first
 * day) and the days before the first and after the last whole month (the day rows). Together they
 * hold every day of the period once.
 */
export interface RollupCover {
  /** First days of the first and the last whole year; null when no year lies wholly inside. */
  years: DaySpan | null;
  /** At most two spans of first days of whole months: before the whole years and after them. */
  months: DaySpan[];
  /** At most two spans of single days: before the whole months and after them. */
  days: DaySpan[];
}

const firstOfMonth = (d: LocalDate): LocalDate => `${d.slice(0, 7)}-01`;
const lastOfMonth = (d: LocalDate): LocalDate => `${d.slice(0, 7)}-${String(daysInMonth(Number(d.slice(0, 4)), Number(d.slice(5, 7)))).padStart(2, '0')}`;
const addDays = (d: LocalDate, n: number): LocalDate => fromDayNumber(toDayNumber(d) + n);
/** The first day of the month `n` months after the month of `d` (a first day). */
const addMonths = (d: LocalDate, n: number): LocalDate => {
  const index = Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1 + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
};

export function rollupCover(from: LocalDate, to: LocalDate): RollupCover {
  if (from > to) return { years: null, months: [], days: [] };
  // The first whole month begins on `from` or on the first of the month after it.
  const firstWhole = from === firstOfMonth(from) ? from : addDays(lastOfMonth(from), 1);
  // The last whole month ends on `to` or on the last day of the month before it.
  const lastWholeEnd = to === lastOfMonth(to) ? to : addDays(firstOfMonth(to), -1);
  if (firstWhole > lastWholeEnd) return { years: null, months: [], days: [[from, to]] };
  const days: DaySpan[] = [];
  if (from < firstWhole) days.push([from, addDays(firstWhole, -1)]);
  if (lastWholeEnd < to) days.push([addDays(lastWholeEnd, 1), to]);
  const lastWhole = firstOfMonth(lastWholeEnd);
  // Whole years among the whole months: from the first January on or after the first whole month
  // to the last December on or before the last whole month.
  const firstYear = firstWhole.slice(5, 7) === '01' ? Number(firstWhole.slice(0, 4)) : Number(firstWhole.slice(0, 4)) + 1;
  const lastYear = lastWhole.slice(5, 7) === '12' ? Number(lastWhole.slice(0, 4)) : Number(lastWhole.slice(0, 4)) - 1;
  if (firstYear > lastYear) return { years: null, months: [[firstWhole, lastWhole]], days };
  const yearStart = `${String(firstYear).padStart(4, '0')}-01-01`;
  const yearsEnd = `${String(lastYear + 1).padStart(4, '0')}-01-01`;
  const months: DaySpan[] = [];
  if (firstWhole < yearStart) months.push([firstWhole, addMonths(yearStart, -1)]);
  if (lastWhole >= yearsEnd) months.push([yearsEnd, lastWhole]);
  return { years: [yearStart, `${String(lastYear).padStart(4, '0')}-01-01`], months, days };
}
