import { LocalDate, localDateTimeOf } from 'src/common/time/local-time';
import { computeDueDate, DueDateResult, ServiceHours, WorkingDayCalendar } from 'src/modules/calendar';

/** Where a consultation stands: waiting for the PPID's answer, or answered. */
export const CONSULTATION_STATUSES = ['open', 'answered'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

export const CONSULTATION_STATUS_LABELS: Record<ConsultationStatus, string> = {
  open: 'Menunggu jawaban PPID',
  answered: 'Sudah dijawab',
};

/** The response target when CONSULTATION_RESPONSE_DAYS is not set. */
export const DEFAULT_CONSULTATION_RESPONSE_DAYS = 3;

/**
 * The consultation's due date: the same rule as a request's (RULES.md "Counting working days"),
 * with the response target instead of the statutory 10 days. Day 0 is the receipt date when it is
 * a working day and the question came before closing time, else the next working day; the answer
 * is due by the end of the N-th working day after day 0, on the body's calendar.
 */
export function consultationDueDate(calendar: WorkingDayCalendar, receivedAt: Date, hours: ServiceHours, responseDays: number): DueDateResult {
  if (!Number.isInteger(responseDays) || responseDays < 1) throw new RangeError('the response target is a whole number of working days, at least 1');
  return computeDueDate(calendar, receivedAt, responseDays, hours);
}

/** How an open consultation stands on the desk: past due, due today, or in time. */
export type ConsultationDeskState = 'terlambat' | 'hari_ini' | 'aman';

export const DESK_STATE_LABELS: Record<ConsultationDeskState, string> = {
  terlambat: 'terlambat',
  hari_ini: 'jatuh tempo hari ini',
  aman: 'aman',
};

/** Local dates compare as text (YYYY-MM-DD). */
export function deskState(today: LocalDate, dueDate: LocalDate): ConsultationDeskState {
  if (today > dueDate) return 'terlambat';
  if (today === dueDate) return 'hari_ini';
  return 'aman';
}

/** Today in a time zone, for deskState (never the UTC date). */
export function localToday(now: Date, timeZone: string): LocalDate {
  return localDateTimeOf(now, timeZone).date;
}

/**
 * Consultation numbers: <body code without dots>-KON-<year>-<sequence>, e.g. 3578-KON-2026-00007,
 * gapless per body and year like registration numbers; only digits, capitals and hyphens.
 */
export function formatConsultationNumber(regionCode: string, year: number, seq: number): string {
  return `${regionCode.replace(/\./g, '')}-KON-${year}-${String(seq).padStart(5, '0')}`;
}

const NUMBER_PATTERN = /^\d{2,4}-KON-\d{4}-\d{5,}$/;

/** Upper-cases and trims what a person typed; null when it cannot be a consultation number. */
export function normalizeConsultationNumber(input: string): string | null {
  const value = input.trim().toUpperCase().replace(/\s+/g, '');
  return NUMBER_PATTERN.test(value) ? value : null;
}

/** Only an answered consultation whose asker consented may become a public FAQ entry. */
export function faqProblem(c: { status: ConsultationStatus; faqConsent: boolean }): string | null {
  if (!c.faqConsent) return 'Penanya tidak menyetujui pertanyaannya diterbitkan sebagai FAQ.';
  if (c.status !== 'answered') return 'Jawab konsultasi ini lebih dahulu sebelum menerbitkannya sebagai FAQ.';
  return null;
}
