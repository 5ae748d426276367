/**
 * A body's service hours per weekday, as the admin types them ('08.00–15.00', or empty for a
 * closed day) and as letters and pages print them ('Senin–Kamis 08.00–15.00; Jumat 08.00–11.00').
 * Stored as a JSON object keyed by weekday; a closed day is null. Pure functions, no clock.
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  mon: 'Senin',
  tue: 'Selasa',
  wed: 'Rabu',
  thu: 'Kamis',
  fri: 'Jumat',
  sat: 'Sabtu',
  sun: 'Minggu',
};

/** Opening and closing time of one day, 'HH:MM' (24 hours). */
export interface DayHours {
  opens: string;
  closes: string;
}

export type ServiceHours = Record<Weekday, DayHours | null>;

/** '08.00–15.00', '08:00-15:00', '8.00 - 15.00', '08.00 s.d. 15.00'. */
const RANGE = /^(\d{1,2})[.:](\d{2})\s*(?:[-–—]|s\.?\s?d\.?|sampai)\s*(\d{1,2})[.:](\d{2})$/i;
const CLOSED = /^(tutup|libur|-|–)$/i;

export type DayParse = { ok: true; hours: DayHours | null } | { ok: false; message: string };

function hhmm(hours: string, minutes: string): string | null {
  const h = Number(hours);
  const m = Number(minutes);
  if (h > 23 || m > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** One day's text: a time range, or empty / 'tutup' for a closed day. */
export function parseDayHours(text: string): DayParse {
  const value = text.trim();
  if (value === '' || CLOSED.test(value)) return { ok: true, hours: null };
  const match = RANGE.exec(value);
  if (!match) return { ok: false, message: 'Tulis jam layanan seperti 08.00–15.00, atau kosongkan bila tutup.' };
  const opens = hhmm(match[1], match[2]);
  const closes = hhmm(match[3], match[4]);
  if (!opens || !closes) return { ok: false, message: 'Jam harus antara 00.00 dan 23.59.' };
  if (opens >= closes) return { ok: false, message: 'Jam tutup harus setelah jam buka.' };
  return { ok: true, hours: { opens, closes } };
}

/** '08:00' → '08.00'. */
function clock(time: string): string {
  return time.replace(':', '.');
}

/** '08.00–15.00', or '' for a closed day (what the edit form shows). */
export function formatDayHours(hours: DayHours | null): string {
  return hours ? `${clock(hours.opens)}–${clock(hours.closes)}` : '';
}

/** The stored JSON read back; anything unexpected reads as closed, so a bad row never breaks a letter. */
export function serviceHoursFrom(stored: unknown): ServiceHours | null {
  if (stored === null || typeof stored !== 'object' || Array.isArray(stored)) return null;
  const record = stored as Record<string, unknown>;
  const out = {} as ServiceHours;
  for (const day of WEEKDAYS) {
    const value = record[day] as Partial<DayHours> | null | undefined;
    const valid = value && typeof value.opens === 'string' && typeof value.closes === 'string';
    out[day] = valid ? { opens: value.opens as string, closes: value.closes as string } : null;
  }
  return out;
}

/**
 * Consecutive days with the same hours in one group, closed days left out:
 * 'Senin–Kamis 08.00–15.00; Jumat 08.00–11.00'. Empty when every day is closed.
 */
export function summarizeServiceHours(hours: ServiceHours): string {
  const groups: { first: Weekday; last: Weekday; text: string }[] = [];
  let previous: string | null = null;
  for (const day of WEEKDAYS) {
    const text = formatDayHours(hours[day]);
    const group = groups.at(-1);
    if (text !== '' && text === previous && group) group.last = day;
    else if (text !== '') groups.push({ first: day, last: day, text });
    previous = text;
  }
  return groups
    .map((g) => `${WEEKDAY_LABELS[g.first]}${g.first === g.last ? '' : `–${WEEKDAY_LABELS[g.last]}`} ${g.text}`)
    .join('; ');
}
