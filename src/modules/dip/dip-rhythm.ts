import { daysInMonth, LocalDate, parseLocalDate } from 'src/common/time/local-time';

/** What the rhythm needs of a calendar: the body's working days (WorkingDayCalendar). */
export interface RhythmCalendar {
  readonly firstDate: LocalDate;
  readonly lastDate: LocalDate;
  isWorkingDay(date: LocalDate): boolean;
  nextWorkingDayOnOrAfter(date: LocalDate): LocalDate;
  countWorkingDays(from: LocalDate, to: LocalDate): number;
}

/** aman: not due soon; segera: due within DUE_SOON_WORKING_DAYS working days; terlambat: past due (stale). */
export type RhythmState = 'aman' | 'segera' | 'terlambat';

/** How many working days before its due date an item counts as due soon (and its officers are mailed). */
export const DUE_SOON_WORKING_DAYS = 10;

export interface Rhythm {
  /** The date `months` after the last update (the same day of the month, or the month's last day). */
  nominalDue: LocalDate;
  /** The last day to bring it up to date: the nominal date, or the next working day when that is not one. */
  dueDate: LocalDate;
  state: RhythmState;
  /** Working days after today up to the due date (0 on the due date, negative when past it); null outside the calendar's years. */
  workingDaysLeft: number | null;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The same day `months` later; 31 August + 6 months = 28 (or 29) February. */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const { year, month, day } = parseLocalDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${pad(y, 4)}-${pad(m)}-${pad(Math.min(day, daysInMonth(y, m)))}`;
}

function within(cal: RhythmCalendar, date: LocalDate): boolean {
  return date >= cal.firstDate && date <= cal.lastDate;
}

/**
 * When an item kept on a rhythm (a berkala item at least every six months) falls due and where it
 * stands on `today` (a local date of the unit's zone). The due date is `months` after the last
 * update; when that day is not a working day of the body (weekend, holiday, cuti bersama, a
 * closure), the officers have until the next working day. It is stale from the day after the due
 * date. Dates outside the calendar's years are compared as plain dates.
 */
export function rhythmOf(cal: RhythmCalendar, lastUpdatedOn: LocalDate, months: number, today: LocalDate): Rhythm {
  const nominalDue = addMonths(lastUpdatedOn, months);
  const dueDate = within(cal, nominalDue) && within(cal, addMonths(nominalDue, 1)) ? cal.nextWorkingDayOnOrAfter(nominalDue) : nominalDue;
  const workingDaysLeft = within(cal, today) && within(cal, dueDate) ? cal.countWorkingDays(today, dueDate) : null;
  const state: RhythmState =
    today > dueDate ? 'terlambat' : workingDaysLeft !== null && workingDaysLeft <= DUE_SOON_WORKING_DAYS ? 'segera' : 'aman';
  return { nominalDue, dueDate, state, workingDaysLeft };
}
