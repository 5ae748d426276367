/**
 * Local dates and times in an IANA time zone, as plain numbers and 'YYYY-MM-DD' strings.
 * Calendar arithmetic works on day numbers (days since 1970-01-01) so the hot paths never
 * allocate a Date or call Intl for the Indonesian zones.
 */

/** A calendar date in some time zone, 'YYYY-MM-DD'. */
export type LocalDate = string;

export interface LocalDateParts {
  year: number;
  month: number;
  day: number;
}

export interface LocalDateTime {
  date: LocalDate;
  minuteOfDay: number;
}

export const MINUTES_PER_DAY = 1440;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

// Indonesia has no DST and these offsets hold since 1988 (Pontianak moved from +8 then),
// so they need no tz database. UTC is here because tests and servers use it.
const FIXED_OFFSET_MINUTES: ReadonlyMap<string, number> = new Map([
  ['Asia/Jakarta', 420],
  ['Asia/Pontianak', 420],
  ['Asia/Makassar', 480],
  ['Asia/Jayapura', 540],
  ['UTC', 0],
  ['Etc/UTC', 0],
]);

const INDONESIAN_ZONE_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['Asia/Jakarta', 'WIB'],
  ['Asia/Pontianak', 'WIB'],
  ['Asia/Makassar', 'WITA'],
  ['Asia/Jayapura', 'WIT'],
]);

/** The three time zones of Indonesia (WIB, WITA, WIT): the zones a body or a unit can keep. */
export const INDONESIAN_TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;

// Written out by hand so output never depends on the ICU data Node was built with.
export const INDONESIAN_WEEKDAYS: readonly string[] = [
  'Minggu',
  'Senin',
  'Selasa',
  'Rabu',
  'Kamis',
  'Jumat',
  'Sabtu',
];

export const INDONESIAN_MONTHS: readonly string[] = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

const CHAR_0 = 48;
const CHAR_9 = 57;
const CHAR_DASH = 45;
const CHAR_COLON = 58;

function digitAt(value: string, index: number): number {
  const code = value.charCodeAt(index);
  return code >= CHAR_0 && code <= CHAR_9 ? code - CHAR_0 : -1;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Parses 'YYYY-MM-DD' strictly (years 0001–9999), or returns undefined. */
function tryParseLocalDate(value: string): LocalDateParts | undefined {
  if (value.length !== 10 || value.charCodeAt(4) !== CHAR_DASH || value.charCodeAt(7) !== CHAR_DASH) {
    return undefined;
  }
  const y0 = digitAt(value, 0);
  const y1 = digitAt(value, 1);
  const y2 = digitAt(value, 2);
  const y3 = digitAt(value, 3);
  const m0 = digitAt(value, 5);
  const m1 = digitAt(value, 6);
  const d0 = digitAt(value, 8);
  const d1 = digitAt(value, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return undefined;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return undefined;
  }
  return { year, month, day };
}

export function isValidLocalDate(value: string): boolean {
  return typeof value === 'string' && tryParseLocalDate(value) !== undefined;
}

/** Splits a 'YYYY-MM-DD' date; throws RangeError when it is not a real calendar date. */
export function parseLocalDate(value: LocalDate): LocalDateParts {
  const parts = typeof value === 'string' ? tryParseLocalDate(value) : undefined;
  if (parts === undefined) {
    throw new RangeError(`Invalid local date "${String(value)}": expected a real date as YYYY-MM-DD`);
  }
  return parts;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function dayNumberFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Inverse of dayNumberFromParts (H. Hinnant's civil_from_days). */
export function partsFromDayNumber(dayNumber: number): LocalDateParts {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Days since 1970-01-01; throws RangeError for anything but a real 'YYYY-MM-DD' date. */
export function toDayNumber(date: LocalDate): number {
  const { year, month, day } = parseLocalDate(date);
  return dayNumberFromParts(year, month, day);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

function pad4(n: number): string {
  return n >= 1000 ? `${n}` : `000${n}`.slice(-4);
}

export function fromDayNumber(dayNumber: number): LocalDate {
  if (!Number.isInteger(dayNumber)) {
    throw new RangeError(`Invalid day number ${dayNumber}: expected an integer`);
  }
  const { year, month, day } = partsFromDayNumber(dayNumber);
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

/** 0 = Sunday … 6 = Saturday, as Date.prototype.getUTCDay. */
export function dayOfWeek(dayNumber: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function isWeekend(dayNumber: number): boolean {
  const weekday = dayOfWeek(dayNumber);
  return weekday === 0 || weekday === 6;
}

/** Minutes since midnight of a 'HH:MM' time (00:00–23:59); throws RangeError otherwise. */
export function parseTimeOfDay(value: string): number {
  if (typeof value === 'string' && value.length === 5 && value.charCodeAt(2) === CHAR_COLON) {
    const h0 = digitAt(value, 0);
    const h1 = digitAt(value, 1);
    const m0 = digitAt(value, 3);
    const m1 = digitAt(value, 4);
    if ((h0 | h1 | m0 | m1) >= 0) {
      const hours = h0 * 10 + h1;
      const minutes = m0 * 10 + m1;
      if (hours < 24 && minutes < 60) return hours * 60 + minutes;
    }
  }
  throw new RangeError(`Invalid time of day "${String(value)}": expected HH:MM from 00:00 to 23:59`);
}

/** 'HH:MM' with a chosen separator; Indonesian writing uses '.' (10.00). */
export function formatTimeOfDay(minuteOfDay: number, separator = ':'): string {
  const hours = Math.floor(minuteOfDay / 60);
  return `${pad2(hours)}${separator}${pad2(minuteOfDay - hours * 60)}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new RangeError(`Unknown time zone "${timeZone}": expected an IANA name such as Asia/Jakarta`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Offset of a zone from UTC at an instant, in ms, through Intl (zones with DST or history). */
function intlOffsetMs(epochMs: number, timeZone: string): number {
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value);
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
      default:
        break;
    }
  }
  const localMs =
    dayNumberFromParts(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000;
  // The formatter drops milliseconds, so compare with the instant truncated to the second.
  return localMs - Math.floor(epochMs / 1000) * 1000;
}

function offsetMs(epochMs: number, timeZone: string): number {
  const fixed = FIXED_OFFSET_MINUTES.get(timeZone);
  return fixed !== undefined ? fixed * MS_PER_MINUTE : intlOffsetMs(epochMs, timeZone);
}

function epochMsOf(instant: Date | number): number {
  const epochMs = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(epochMs)) throw new RangeError('Invalid instant: not a valid date');
  return epochMs;
}

/** True when the zone takes the fixed-offset fast path (no Intl). */
export function isFixedOffsetZone(timeZone: string): boolean {
  return FIXED_OFFSET_MINUTES.has(timeZone);
}

export function utcOffsetMinutes(instant: Date | number, timeZone: string): number {
  return offsetMs(epochMsOf(instant), timeZone) / MS_PER_MINUTE;
}

/**
 * Whole minutes since 1970-01-01 00:00 local time: day number × 1440 + minute of day.
 * One number so hot paths get both without allocating.
 */
export function localEpochMinutes(instant: Date | number, timeZone: string): number {
  const epochMs = epochMsOf(instant);
  return Math.floor((epochMs + offsetMs(epochMs, timeZone)) / MS_PER_MINUTE);
}

export function localDateTimeOf(instant: Date, timeZone: string): LocalDateTime {
  const minutes = localEpochMinutes(instant, timeZone);
  const dayNumber = Math.floor(minutes / MINUTES_PER_DAY);
  return { date: fromDayNumber(dayNumber), minuteOfDay: minutes - dayNumber * MINUTES_PER_DAY };
}

/** The instant of 23:59:59.000 local time on that date. */
export function endOfLocalDay(date: LocalDate, timeZone: string): Date {
  const localMs = toDayNumber(date) * MS_PER_DAY + MS_PER_DAY - 1000;
  const fixed = FIXED_OFFSET_MINUTES.get(timeZone);
  if (fixed !== undefined) return new Date(localMs - fixed * MS_PER_MINUTE);
  // Guess with the offset at the local wall time, then correct with the offset at the guess.
  const guess = localMs - intlOffsetMs(localMs, timeZone);
  return new Date(localMs - intlOffsetMs(guess, timeZone));
}

/** WIB, WITA or WIT for the Indonesian zones; 'UTC+h' (or 'UTC+h.mm') for any other. */
export function timeZoneLabel(timeZone: string, instant: Date | number): string {
  const abbreviation = INDONESIAN_ZONE_ABBREVIATIONS.get(timeZone);
  if (abbreviation !== undefined) return abbreviation;
  const offset = Math.round(utcOffsetMinutes(instant, timeZone));
  const sign = offset < 0 ? '-' : '+';
  const hours = Math.floor(Math.abs(offset) / 60);
  const minutes = Math.abs(offset) % 60;
  return minutes === 0 ? `UTC${sign}${hours}` : `UTC${sign}${hours}.${pad2(minutes)}`;
}

/** '27 Maret 2025', or 'Kamis, 27 Maret 2025' with the weekday. */
export function formatIndonesianDate(date: LocalDate, options: { weekday?: boolean } = {}): string {
  const { year, month, day } = parseLocalDate(date);
  const text = `${day} ${INDONESIAN_MONTHS[month - 1]} ${year}`;
  if (options.weekday !== true) return text;
  return `${INDONESIAN_WEEKDAYS[dayOfWeek(dayNumberFromParts(year, month, day))]}, ${text}`;
}

/** The instant of a local wall-clock time (what a person types into a form) in a zone. */
export function instantOfLocalTime(date: LocalDate, minuteOfDay: number, timeZone: string): Date {
  const { year, month, day } = parseLocalDate(date);
  const wall = Date.UTC(year, month - 1, day, 0, minuteOfDay);
  const guess = wall - utcOffsetMinutes(wall, timeZone) * 60_000;
  return new Date(wall - utcOffsetMinutes(guess, timeZone) * 60_000);
}
