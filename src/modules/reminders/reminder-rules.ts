import { fromDayNumber, LocalDate, localDateTimeOf, toDayNumber } from 'src/common/time/local-time';
import { WorkingDayCalendar, workingDaysLeft } from 'src/modules/calendar';
import { StateBounds, deadlineState, stateBounds } from 'src/modules/requests';

/**
 * Who is reminded of what, and when, as pure functions of the requests, the calendar and the
 * clock. Reminders concern requests still waiting for the written notice (Pasal 22(7)): open,
 * status received, in_process or awaiting_approval (a refusal waiting for its PPID Utama).
 */

/** A reminder sent at most once per request and due date (reminder_log). */
export type ReminderKind = 'due_soon' | 'escalation';

/** An open request still waiting for its written notice, with what the reminders need. */
export interface AwaitingRequest {
  id: string;
  registrationNumber: string;
  requesterName: string;
  dueDate: LocalDate;
  unitId: number;
  unitName: string;
  unitEmail: string | null;
  timeZone: string;
  bodyId: number;
  bodyName: string;
  assignee: { id: number; name: string; email: string; active: boolean } | null;
}

/** A person or mailbox a reminder goes to. */
export interface Recipient {
  email: string;
  name: string;
}

/** What a unit's day looks like at the moment a reminder job runs. */
export interface ReminderDay {
  today: LocalDate;
  bounds: StateBounds;
  /** Reminders wait for the next working day of the body (weekends, holidays, closures). */
  workingDay: boolean;
}

/** The easternmost Indonesian zone: no unit's local date is later than this one. */
const LATEST_ZONE = 'Asia/Jayapura';

/**
 * How far ahead the candidate queries look. Three working days never span a month, even over
 * Lebaran with its cuti bersama, so every request that can be segera today is due before this.
 */
const HORIZON_DAYS = 31;

export function reminderDay(calendar: WorkingDayCalendar, asOf: Date, timeZone: string): ReminderDay {
  const today = localDateTimeOf(asOf, timeZone).date;
  return { today, bounds: stateBounds(calendar, today), workingDay: calendar.isWorkingDay(today) };
}

/** The latest due date any request segera somewhere can have at `asOf` (a bound for the query). */
export function candidateHorizon(asOf: Date): LocalDate {
  return fromDayNumber(toDayNumber(localDateTimeOf(asOf, LATEST_ZONE).date) + HORIZON_DAYS);
}

/** The latest due date any request overdue somewhere can have at `asOf` (a bound for the query). */
export function overdueHorizon(asOf: Date): LocalDate {
  return fromDayNumber(toDayNumber(localDateTimeOf(asOf, LATEST_ZONE).date) - 1);
}

export function isDueSoon(request: Pick<AwaitingRequest, 'dueDate'>, day: ReminderDay): boolean {
  return deadlineState(request.dueDate, day.bounds) === 'segera';
}

export function isOverdue(request: Pick<AwaitingRequest, 'dueDate'>, day: ReminderDay): boolean {
  return deadlineState(request.dueDate, day.bounds) === 'terlambat';
}

/**
 * The due-soon reminder goes to the assigned officer while the account is active; a request
 * nobody works (unassigned, or its officer deactivated) goes to the unit's own address; without
 * one, to nobody (and is tried again next time, so it goes once an address is set).
 */
export function dueSoonRecipient(request: AwaitingRequest): Recipient | null {
  if (request.assignee?.active) return { email: request.assignee.email, name: request.assignee.name };
  if (request.unitEmail) return { email: request.unitEmail, name: request.unitName };
  return null;
}

/** The unit's active officers; without any, the unit's own address; else nobody. */
export function digestRecipients(
  unit: Pick<AwaitingRequest, 'unitEmail' | 'unitName'>,
  officers: readonly Recipient[],
): Recipient[] {
  if (officers.length > 0) return [...officers];
  return unit.unitEmail ? [{ email: unit.unitEmail, name: unit.unitName }] : [];
}

export interface Lateness {
  /** Working days in (due date, today], at least 1 once overdue. */
  workingDays: number;
  calendarDays: number;
}

export function latenessOf(calendar: WorkingDayCalendar, today: LocalDate, dueDate: LocalDate): Lateness {
  return {
    workingDays: Math.max(0, -workingDaysLeft(calendar, today, dueDate)),
    calendarDays: Math.max(0, toDayNumber(today) - toDayNumber(dueDate)),
  };
}

/** Working days from today to the due date, 0 on the due date itself. */
export function daysLeftOf(calendar: WorkingDayCalendar, today: LocalDate, dueDate: LocalDate): number {
  return Math.max(0, workingDaysLeft(calendar, today, dueDate));
}

/** "jatuh tempo hari ini", "sisa 2 hari kerja". */
export function daysLeftText(days: number): string {
  return days <= 0 ? 'jatuh tempo hari ini' : `sisa ${days} hari kerja`;
}

/** "terlambat 3 hari kerja". */
export function latenessText(workingDays: number): string {
  return `terlambat ${Math.max(1, workingDays)} hari kerja`;
}

export interface DigestLine {
  requestId: string;
  registrationNumber: string;
  requesterName: string;
  dueDate: LocalDate;
  assigneeName: string | null;
  /** Working days left (due soon) or late (overdue). */
  days: number;
  /** The same in words, for the mail. */
  daysText: string;
}

/** The two sections of a unit's nightly digest, each in order of due date. */
export interface UnitDigest {
  dueSoon: DigestLine[];
  overdue: DigestLine[];
}

/**
 * Splits a unit's waiting requests into "written notice due soon" and "overdue"; null when both
 * are empty (no digest is sent then).
 */
export function digestOf(requests: readonly AwaitingRequest[], calendar: WorkingDayCalendar, day: ReminderDay): UnitDigest | null {
  const dueSoon: DigestLine[] = [];
  const overdue: DigestLine[] = [];
  const sorted = [...requests].sort((a, b) => (a.dueDate === b.dueDate ? Number(a.id) - Number(b.id) : a.dueDate < b.dueDate ? -1 : 1));
  for (const r of sorted) {
    const line = {
      requestId: r.id,
      registrationNumber: r.registrationNumber,
      requesterName: r.requesterName,
      dueDate: r.dueDate,
      assigneeName: r.assignee?.name ?? null,
    };
    if (isDueSoon(r, day)) {
      const days = daysLeftOf(calendar, day.today, r.dueDate);
      dueSoon.push({ ...line, days, daysText: daysLeftText(days) });
    } else if (isOverdue(r, day)) {
      const days = latenessOf(calendar, day.today, r.dueDate).workingDays;
      overdue.push({ ...line, days, daysText: latenessText(days) });
    }
  }
  return dueSoon.length === 0 && overdue.length === 0 ? null : { dueSoon, overdue };
}

/** Job data of the reminder queues: `asOf` (an ISO instant) lets tests and operators pick the clock. */
export interface ReminderJobData {
  asOf?: unknown;
}

/** The clock a reminder job runs at: its `asOf` when given, else `now`. */
export function clockOf(data: ReminderJobData, now: Date): Date {
  if (data.asOf === undefined || data.asOf === null) return now;
  const asOf = typeof data.asOf === 'string' ? new Date(data.asOf) : null;
  if (!asOf || Number.isNaN(asOf.getTime())) throw new RangeError('reminder job: asOf must be an ISO date-time');
  return asOf;
}
