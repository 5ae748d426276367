import { LocalDate } from 'src/common/time/local-time';
import { WorkingDayCalendar, workingDaysLeft } from 'src/modules/calendar';

/** How close a request is to its due date, derived when read (never stored). */
export type DeadlineState = 'aman' | 'segera' | 'terlambat';

export const DEADLINE_STATE_LABELS: Record<DeadlineState, string> = {
  aman: 'Aman',
  segera: 'Segera',
  terlambat: 'Terlambat',
};

/** "Segera" = at most this many working days left. */
export const DUE_SOON_WORKING_DAYS = 3;

/** The date bounds of the states on a given day: overdue before `today`, due soon up to `dueSoonUntil`. */
export interface StateBounds {
  today: LocalDate;
  dueSoonUntil: LocalDate;
}

export function stateBounds(calendar: WorkingDayCalendar, today: LocalDate): StateBounds {
  return { today, dueSoonUntil: calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS) };
}

/** Statuses of a request still waiting for its written notice (a refusal awaiting the PPID Utama included). */
export const AWAITING_NOTICE_STATUSES = ['received', 'in_process', 'awaiting_approval'] as const;

/** Only a request still waiting for its written notice (or refusal) runs against the deadline. */
export function awaitsNotice(status: string): boolean {
  return (AWAITING_NOTICE_STATUSES as readonly string[]).includes(status);
}

/** Dates compare as text in YYYY-MM-DD form. */
export function deadlineState(dueDate: LocalDate, bounds: StateBounds): DeadlineState {
  if (dueDate < bounds.today) return 'terlambat';
  if (dueDate <= bounds.dueSoonUntil) return 'segera';
  return 'aman';
}

/**
 * Working days a request is past its due date on `today`: those in (due date, today], at least 1
 * once the due date has passed (a weekend right after it already counts one), as the reminders
 * count them; 0 while it is not overdue.
 */
export function workingDaysOverdue(calendar: WorkingDayCalendar, dueDate: LocalDate, today: LocalDate): number {
  return dueDate < today ? -workingDaysLeft(calendar, today, dueDate) : 0;
}
