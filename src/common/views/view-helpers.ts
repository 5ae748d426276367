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
  // A field's value: what was posted when the form came back, else its default (the page's first showing).
  hbs.registerHelper('fieldValue', function (this: unknown, key: unknown, fallback: unknown, options?: { data?: { root?: { values?: Record<string, unknown>; submitted?: string | boolean } } }) {
    const opts = options ?? (fallback as typeof options);
    const root = opts?.data?.root;
    const value = typeof key === 'string' ? root?.values?.[key] : undefined;
    if (typeof value === 'string') return value;
    // Only the form that came back shows what was posted; the page's other forms keep their defaults.
    const submitted = root?.submitted;
    if (submitted === true || (typeof submitted === 'string' && typeof key === 'string' && key.startsWith(`${submitted}-`))) return '';
    return typeof fallback === 'string' || typeof fallback === 'number' ? String(fallback) : '';
  } as never);
  hbs.registerHelper('tanggal', (date: unknown) => (typeof date === 'string' ? formatLocalDate(date) : ''));
}
