import { daysInMonth, fromDayNumber, LocalDate, toDayNumber } from 'src/common/time/local-time';

/** A span of local dates, both ends included. */
export type DaySpan = readonly [LocalDate, LocalDate];

/**
 * Which rollup rows add up to a period: the whole months inside it (read from the month rows,
 * keyed by their first day) and the days before the first and after the last whole month (read
 * from the day rows). Together they hold every day of the period once.
 */
export interface RollupCover {
  /** First days of the first and the last whole month; null when no month lies wholly inside. */
  months: DaySpan | null;
  /** At most two spans of single days: before the whole months and after them. */
  days: DaySpan[];
}

const firstOfMonth = (d: LocalDate): LocalDate => `${d.slice(0, 7)}-01`;
const lastOfMonth = (d: LocalDate): LocalDate => `${d.slice(0, 7)}-${String(daysInMonth(Number(d.slice(0, 4)), Number(d.slice(5, 7)))).padStart(2, '0')}`;
const addDays = (d: LocalDate, n: number): LocalDate => fromDayNumber(toDayNumber(d) + n);

export function rollupCover(from: LocalDate, to: LocalDate): RollupCover {
  if (from > to) return { months: null, days: [] };
  // The first whole month begins on `from` or on the first of the month after it.
  const firstWhole = from === firstOfMonth(from) ? from : addDays(lastOfMonth(from), 1);
  // The last whole month ends on `to` or on the last day of the month before it.
  const lastWholeEnd = to === lastOfMonth(to) ? to : addDays(firstOfMonth(to), -1);
  if (firstWhole > lastWholeEnd) return { months: null, days: [[from, to]] };
  const days: DaySpan[] = [];
  if (from < firstWhole) days.push([from, addDays(firstWhole, -1)]);
  if (lastWholeEnd < to) days.push([addDays(lastWholeEnd, 1), to]);
  return { months: [firstWhole, firstOfMonth(lastWholeEnd)], days };
}
