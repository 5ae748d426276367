import { dayOfWeek, fromDayNumber, LocalDate, toDayNumber } from 'src/common/time/local-time';

/**
 * Whether a request this many working days past its due date without a notice is a matter for a
 * leader's call: more than the threshold (BUREAU_LEADER_CALL_WORKING_DAYS, default 10).
 */
export function needsLeaderCall(workingDaysOverdue: number, thresholdWorkingDays: number): boolean {
  return workingDaysOverdue > thresholdWorkingDays;
}

/** The week a summary reports (Monday to Sunday) and the week before it. */
export interface SummaryWeeks {
  start: LocalDate;
  end: LocalDate;
  previousStart: LocalDate;
  previousEnd: LocalDate;
}

/** The last whole week (Monday–Sunday) before `today`, and the one before that. */
export function summaryWeeks(today: LocalDate): SummaryWeeks {
  const t = toDayNumber(today);
  const sinceSunday = dayOfWeek(t) === 0 ? 7 : dayOfWeek(t);
  const end = t - sinceSunday;
  return { start: fromDayNumber(end - 6), end: fromDayNumber(end), previousStart: fromDayNumber(end - 13), previousEnd: fromDayNumber(end - 7) };
}

/** "+3", "−2" or "tetap", the change of a count from one week to the next. */
export function changeText(current: number, previous: number): string {
  const d = current - previous;
  if (d === 0) return 'tetap';
  return d > 0 ? `naik ${d}` : `turun ${-d}`;
}

/** "75,0% (3 dari 4)", or "—" with nothing to rate. */
export function rateText(k: number, n: number): string {
  if (n === 0) return '— (belum ada yang jatuh tempo atau dijawab)';
  return `${((k / n) * 100).toLocaleString('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}% (${k} dari ${n})`;
}
