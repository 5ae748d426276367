import { formatIndonesianDate, formatTimeOfDay, isValidLocalDate, localDateTimeOf, timeZoneLabel } from 'src/common/time/local-time';

/** 'YYYY-MM-DD' → 'Kamis, 27 Maret 2025' (the input back unchanged when it is not a date). */
export function formatLocalDate(date: string, withDay = true): string {
  return isValidLocalDate(date) ? formatIndonesianDate(date, { weekday: withDay }) : date;
}

/** An instant in a zone: 'Kamis, 27 Maret 2025 pukul 10.00 WIB'. */
export function formatInstant(instant: Date, timeZone: string): string {
  const local = localDateTimeOf(instant, timeZone);
  return `${formatLocalDate(local.date)} pukul ${formatTimeOfDay(local.minuteOfDay, '.')} ${timeZoneLabel(timeZone, instant)}`;
}

export function registerViewHelpers(hbs: { registerHelper(name: string, fn: (...args: never[]) => unknown): void }): void {
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('tanggal', (date: unknown) => (typeof date === 'string' ? formatLocalDate(date) : ''));
}
