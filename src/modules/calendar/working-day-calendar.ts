/**
 * The portal's working-day rule (RULES.md, "Counting working days") as pure functions.
 * The clock is always passed in; nothing here reads the current time or does I/O.
 */
import {
  LocalDate,
  MINUTES_PER_DAY,
  dayNumberFromParts,
  endOfLocalDay,
  formatIndonesianDate,
  formatTimeOfDay,
  fromDayNumber,
  isWeekend,
  localEpochMinutes,
  parseLocalDate,
  parseTimeOfDay,
  partsFromDayNumber,
  timeZoneLabel,
  toDayNumber,
} from 'src/common/time/local-time';

export interface ServiceHours {
  /** IANA zone of the unit, e.g. Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT). */
  timeZone: string;
  /** 'HH:MM' local. */
  opensAt: string;
  /** 'HH:MM' local; a receipt at or after this minute counts as after hours. */
  closesAt: string;
}

/** Usual opening hours of a PPID service desk, in whatever zone the desk keeps. */
export const DEFAULT_OPENING_HOURS: Omit<ServiceHours, 'timeZone'> = {
  opensAt: '08:00',
  closesAt: '16:00',
};

/** The usual opening hours in a zone (the unit's, or the province's when no unit is known). */
export function defaultServiceHours(timeZone: string): ServiceHours {
  return { timeZone, ...DEFAULT_OPENING_HOURS };
}

export interface WorkingDayCalendarOptions {
  /**
   * Dates that are not working days besides weekends: libur nasional, cuti bersama when that
   * setting is on, and the body's own closures. The caller decides what goes in. Years not in
   * confirmedYears get FIXED_DATE_HOLIDAYS besides.
   */
  nonWorkingDays: readonly LocalDate[];
  /** Years whose holiday list has been decreed; dates in other years are provisional. */
  confirmedYears: readonly number[];
  /** Default: the smallest of confirmedYears and 2020. */
  firstYear?: number;
  /** Default: the largest confirmed year + 5. */
  lastYear?: number;
}

export interface DueDateResult {
  effectiveReceiptDate: LocalDate;
  dueDate: LocalDate;
  provisional: boolean;
}

export interface ExtendedDueDate {
  dueDate: LocalDate;
  provisional: boolean;
}

export interface ExplainOptions {
  /** Whether the calendar treats cuti bersama as non-working (the setting); default true. */
  cutiBersamaExcluded?: boolean;
}

/**
 * National holidays on the same date every year (Tahun Baru Masehi, Hari Buruh, Hari Lahir
 * Pancasila, Hari Kemerdekaan, Hari Natal). A year's decreed list holds them; a year without one
 * still keeps them non-working, and only the moving feasts and cuti bersama stay unknown there.
 */
export const FIXED_DATE_HOLIDAYS: readonly { monthDay: string; name: string }[] = [
  { monthDay: '01-01', name: 'Tahun Baru Masehi' },
  { monthDay: '05-01', name: 'Hari Buruh Internasional' },
  { monthDay: '06-01', name: 'Hari Lahir Pancasila' },
  { monthDay: '08-17', name: 'Hari Kemerdekaan Republik Indonesia' },
  { monthDay: '12-25', name: 'Hari Raya Natal' },
];

const DEFAULT_FIRST_YEAR = 2020;
const DEFAULT_YEARS_AHEAD = 5;

/**
 * Working days over a fixed range of years, precomputed so every query is a few array reads.
 * Dates outside [firstYear-01-01, lastYear-12-31] throw a RangeError rather than silently
 * guessing; build with a wider range when needed.
 */
export class WorkingDayCalendar {
  readonly firstYear: number;
  readonly lastYear: number;
  readonly confirmedYears: readonly number[];

  private readonly startDay: number;
  private readonly dayCount: number;
  private readonly confirmed: ReadonlySet<number>;
  /** 1 when the day is a working day. */
  private readonly working: Uint8Array;
  /** Working days in [startDay, startDay + i]: the ordinal of day i when it is working. */
  private readonly ordinals: Int32Array;
  /** Day numbers of the working days in order: workingDayNumbers[k] has ordinal k + 1. */
  private readonly workingDayNumbers: Int32Array;
  /** Days of unconfirmed years among the first i days, so spans are checked in O(1). */
  private readonly unconfirmedBefore: Int32Array;
  /** 'YYYY-MM-DD' of every day in range, so results need no formatting. */
  private readonly labels: readonly LocalDate[];

  private constructor(
    firstYear: number,
    lastYear: number,
    nonWorking: ReadonlySet<number>,
    confirmed: ReadonlySet<number>,
  ) {
    this.firstYear = firstYear;
    this.lastYear = lastYear;
    this.confirmed = confirmed;
    this.confirmedYears = [...confirmed].sort((a, b) => a - b);
    this.startDay = dayNumberFromParts(firstYear, 1, 1);
    this.dayCount = dayNumberFromParts(lastYear, 12, 31) - this.startDay + 1;

    this.working = new Uint8Array(this.dayCount);
    this.ordinals = new Int32Array(this.dayCount);
    this.unconfirmedBefore = new Int32Array(this.dayCount + 1);
    const labels: LocalDate[] = new Array<LocalDate>(this.dayCount);
    const workingDays: number[] = [];
    let ordinal = 0;
    let unconfirmed = 0;
    for (let i = 0; i < this.dayCount; i += 1) {
      const day = this.startDay + i;
      const isWorking = !isWeekend(day) && !nonWorking.has(day);
      if (isWorking) {
        ordinal += 1;
        workingDays.push(day);
        this.working[i] = 1;
      }
      this.ordinals[i] = ordinal;
      labels[i] = fromDayNumber(day);
      if (!confirmed.has(partsFromDayNumber(day).year)) unconfirmed += 1;
      this.unconfirmedBefore[i + 1] = unconfirmed;
    }
    this.workingDayNumbers = Int32Array.from(workingDays);
    this.labels = labels;
  }

  static build(options: WorkingDayCalendarOptions): WorkingDayCalendar {
    const confirmed = new Set<number>();
    for (const year of options.confirmedYears) {
      if (!Number.isInteger(year) || year < 1 || year > 9999) {
        throw new RangeError(`Invalid confirmed year ${year}: expected an integer from 1 to 9999`);
      }
      confirmed.add(year);
    }
    const years = [...confirmed];
    const firstYear = options.firstYear ?? Math.min(DEFAULT_FIRST_YEAR, ...years);
    const lastYear =
      options.lastYear ?? (years.length > 0 ? Math.max(...years) : firstYear) + DEFAULT_YEARS_AHEAD;
    const validYears = Number.isInteger(firstYear) && Number.isInteger(lastYear) && firstYear >= 1 && lastYear <= 9999;
    if (!validYears || firstYear > lastYear) {
      throw new RangeError(`Invalid calendar range ${firstYear}..${lastYear}: expected integer years, first ≤ last`);
    }
    // Dates outside the range cannot affect any query that is allowed, so they are dropped.
    const nonWorking = new Set<number>();
    for (const date of options.nonWorkingDays) nonWorking.add(toDayNumber(date));
    // A decreed year's list is the authority; an undecreed year still has its fixed-date holidays.
    for (let year = firstYear; year <= lastYear; year += 1) {
      if (confirmed.has(year)) continue;
      for (const { monthDay } of FIXED_DATE_HOLIDAYS) nonWorking.add(toDayNumber(`${String(year).padStart(4, '0')}-${monthDay}`));
    }
    return new WorkingDayCalendar(firstYear, lastYear, nonWorking, confirmed);
  }

  get firstDate(): LocalDate {
    return this.labels[0];
  }

  get lastDate(): LocalDate {
    return this.labels[this.dayCount - 1];
  }

  // Queries on 'YYYY-MM-DD' dates.

  isWorkingDay(date: LocalDate): boolean {
    return this.isWorkingDayNumber(toDayNumber(date));
  }

  nextWorkingDayOnOrAfter(date: LocalDate): LocalDate {
    return this.formatDayNumber(this.nextWorkingDayNumberOnOrAfter(toDayNumber(date)));
  }

  /** The n-th working day after d0 (n ≥ 0); n = 0 returns d0 itself, working or not. */
  addWorkingDays(d0: LocalDate, n: number): LocalDate {
    return this.formatDayNumber(this.addWorkingDaysToDayNumber(toDayNumber(d0), n));
  }

  /**
   * Working days in the half-open span (from, to]: 0 when from = to; negative, minus the
   * working days in (to, from], when to is before from. So addWorkingDays(from, n) = to
   * implies countWorkingDays(from, to) = n.
   */
  countWorkingDays(from: LocalDate, to: LocalDate): number {
    return this.countWorkingDaysBetweenDayNumbers(toDayNumber(from), toDayNumber(to));
  }

  /** True when the date's year has no confirmed holiday list (works outside the range too). */
  isProvisional(date: LocalDate): boolean {
    return !this.confirmed.has(parseLocalDate(date).year);
  }

  // The same queries on day numbers (days since 1970-01-01), for hot paths.

  isWorkingDayNumber(dayNumber: number): boolean {
    return this.working[this.indexOf(dayNumber)] === 1;
  }

  nextWorkingDayNumberOnOrAfter(dayNumber: number): number {
    const index = this.indexOf(dayNumber);
    if (this.working[index] === 1) return dayNumber;
    const next = this.ordinals[index]; // index of the next working day in workingDayNumbers
    if (next >= this.workingDayNumbers.length) throw this.beyondRange(dayNumber, 'no working day follows it');
    return this.workingDayNumbers[next];
  }

  addWorkingDaysToDayNumber(dayNumber: number, n: number): number {
    if (!Number.isInteger(n) || n < 0) {
      throw new RangeError(`Invalid number of working days ${n}: expected an integer ≥ 0`);
    }
    const index = this.indexOf(dayNumber);
    if (n === 0) return dayNumber;
    const ordinal = this.ordinals[index] + n;
    if (ordinal > this.workingDayNumbers.length) {
      throw this.beyondRange(dayNumber, `${n} working days after it fall beyond the range`);
    }
    return this.workingDayNumbers[ordinal - 1];
  }

  countWorkingDaysBetweenDayNumbers(from: number, to: number): number {
    return this.ordinals[this.indexOf(to)] - this.ordinals[this.indexOf(from)];
  }

  /** True when any day in [from, to] (either order) lies in a year without a confirmed list. */
  spansUnconfirmedYear(from: number, to: number): boolean {
    const a = this.indexOf(Math.min(from, to));
    const b = this.indexOf(Math.max(from, to));
    return this.unconfirmedBefore[b + 1] - this.unconfirmedBefore[a] > 0;
  }

  /** The unconfirmed years among those of [from, to], ascending. */
  unconfirmedYearsBetween(from: number, to: number): number[] {
    const firstYear = partsFromDayNumber(Math.min(from, to)).year;
    const lastYear = partsFromDayNumber(Math.max(from, to)).year;
    const years: number[] = [];
    for (let year = firstYear; year <= lastYear; year += 1) {
      if (!this.confirmed.has(year)) years.push(year);
    }
    return years;
  }

  formatDayNumber(dayNumber: number): LocalDate {
    const index = dayNumber - this.startDay;
    return index >= 0 && index < this.dayCount ? this.labels[index] : fromDayNumber(dayNumber);
  }

  private indexOf(dayNumber: number): number {
    const index = dayNumber - this.startDay;
    // Written so NaN fails too.
    if (!(index >= 0 && index < this.dayCount)) throw this.beyondRange(dayNumber, 'it is outside the range');
    return index;
  }

  private beyondRange(dayNumber: number, why: string): RangeError {
    const date = Number.isInteger(dayNumber) ? fromDayNumber(dayNumber) : String(dayNumber);
    return new RangeError(
      `Working-day calendar covers ${this.firstDate}..${this.lastDate}; ${date}: ${why}. ` +
        'Build it with a wider firstYear/lastYear.',
    );
  }
}

// One-entry cache: service hours rarely change between calls, so the hot path does two
// string comparisons instead of parsing and validating them each time.
let cachedOpensAt = '';
let cachedClosesAt = '';
let cachedOpensMinute = 0;
let cachedClosesMinute = 0;

/** Opening and closing minutes of service hours; throws RangeError when invalid (config checks). */
export function parseServiceHours(hours: ServiceHours): { opensAt: number; closesAt: number } {
  return { opensAt: openingMinute(hours), closesAt: closingMinute(hours) };
}

function refreshHoursCache(hours: ServiceHours): void {
  const opens = parseTimeOfDay(hours.opensAt);
  const closes = parseTimeOfDay(hours.closesAt);
  if (opens >= closes) {
    throw new RangeError(
      `Invalid service hours ${hours.opensAt}–${hours.closesAt}: opening must be before closing`,
    );
  }
  cachedOpensAt = hours.opensAt;
  cachedClosesAt = hours.closesAt;
  cachedOpensMinute = opens;
  cachedClosesMinute = closes;
}

function closingMinute(hours: ServiceHours): number {
  if (hours.closesAt !== cachedClosesAt || hours.opensAt !== cachedOpensAt) refreshHoursCache(hours);
  return cachedClosesMinute;
}

function openingMinute(hours: ServiceHours): number {
  if (hours.closesAt !== cachedClosesAt || hours.opensAt !== cachedOpensAt) refreshHoursCache(hours);
  return cachedOpensMinute;
}

type ReceiptTiming = 'before_opening' | 'in_hours' | 'after_hours' | 'weekend' | 'holiday';

interface Receipt {
  localMinutes: number;
  day0: number;
  timing: ReceiptTiming;
}

function day0Of(cal: WorkingDayCalendar, localMinutes: number, hours: ServiceHours): number {
  const day = Math.floor(localMinutes / MINUTES_PER_DAY);
  const minute = localMinutes - day * MINUTES_PER_DAY;
  // Before opening counts as that day too, so only closing time matters here.
  if (minute < closingMinute(hours) && cal.isWorkingDayNumber(day)) return day;
  return cal.nextWorkingDayNumberOnOrAfter(day + 1);
}

function receiptOf(cal: WorkingDayCalendar, receivedAt: Date, hours: ServiceHours): Receipt {
  const localMinutes = localEpochMinutes(receivedAt, hours.timeZone);
  const day = Math.floor(localMinutes / MINUTES_PER_DAY);
  const minute = localMinutes - day * MINUTES_PER_DAY;
  const day0 = day0Of(cal, localMinutes, hours);
  let timing: ReceiptTiming;
  if (isWeekend(day)) timing = 'weekend';
  else if (!cal.isWorkingDayNumber(day)) timing = 'holiday';
  else if (minute >= closingMinute(hours)) timing = 'after_hours';
  else if (minute < openingMinute(hours)) timing = 'before_opening';
  else timing = 'in_hours';
  return { localMinutes, day0, timing };
}

/**
 * Day 0: the local receipt date when it is a working day and receipt is before closing
 * (before opening counts as that day); otherwise the next working day.
 */
export function effectiveReceiptDate(
  cal: WorkingDayCalendar,
  receivedAt: Date,
  hours: ServiceHours,
): LocalDate {
  return cal.formatDayNumber(day0Of(cal, localEpochMinutes(receivedAt, hours.timeZone), hours));
}

/**
 * Due date = the workingDays-th working day after day 0, ending 23:59:59 local.
 * Provisional when any year from day 0 to the due date has no confirmed holiday list.
 */
export function computeDueDate(
  cal: WorkingDayCalendar,
  receivedAt: Date,
  workingDays: number,
  hours: ServiceHours,
): DueDateResult {
  const day0 = day0Of(cal, localEpochMinutes(receivedAt, hours.timeZone), hours);
  const due = cal.addWorkingDaysToDayNumber(day0, workingDays);
  return {
    effectiveReceiptDate: cal.formatDayNumber(day0),
    dueDate: cal.formatDayNumber(due),
    provisional: cal.spansUnconfirmedYear(day0, due),
  };
}

/**
 * An extension adds its days after the current due date (Pasal 22(8)). `provisional` covers
 * the years from the current to the new due date only: combine it with the original flag.
 */
export function extendDueDate(
  cal: WorkingDayCalendar,
  currentDue: LocalDate,
  extraDays: number,
): ExtendedDueDate {
  const from = toDayNumber(currentDue);
  const due = cal.addWorkingDaysToDayNumber(from, extraDays);
  return { dueDate: cal.formatDayNumber(due), provisional: cal.spansUnconfirmedYear(from, due) };
}

/**
 * Working days from today to the due date: (today, due] when today ≤ due (0 on the due date
 * itself). After the due date it is negative: minus the working days in (due, today], and
 * at least 1 late, so a weekend right after the due date already reads -1.
 */
export function workingDaysLeft(cal: WorkingDayCalendar, today: LocalDate, due: LocalDate): number {
  const todayDay = toDayNumber(today);
  const dueDay = toDayNumber(due);
  if (todayDay <= dueDay) return cal.countWorkingDaysBetweenDayNumbers(todayDay, dueDay);
  return -Math.max(1, cal.countWorkingDaysBetweenDayNumbers(dueDay, todayDay));
}

function joinIndonesian(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} dan ${items[items.length - 1]}`;
}

/**
 * One Indonesian sentence on how the due date was computed, for the tracking page and the
 * receipt, e.g. "Diterima Kamis, 27 Maret 2025 pukul 10.00 WIB; hari ke-0 = 27 Maret 2025;
 * 10 hari kerja (…) berakhir Selasa, 22 April 2025 pukul 23.59 WIB."
 */
export function explainDueDate(
  cal: WorkingDayCalendar,
  receivedAt: Date,
  workingDays: number,
  hours: ServiceHours,
  options: ExplainOptions = {},
): string {
  const receipt = receiptOf(cal, receivedAt, hours);
  const due = cal.addWorkingDaysToDayNumber(receipt.day0, workingDays);
  const receiptDay = Math.floor(receipt.localMinutes / MINUTES_PER_DAY);
  const receiptMinute = receipt.localMinutes - receiptDay * MINUTES_PER_DAY;
  const dueDate = cal.formatDayNumber(due);
  const dueEnd = endOfLocalDay(dueDate, hours.timeZone);

  const received =
    `Diterima ${formatIndonesianDate(fromDayNumber(receiptDay), { weekday: true })} ` +
    `pukul ${formatTimeOfDay(receiptMinute, '.')} ${timeZoneLabel(hours.timeZone, receivedAt)}`;
  const nextDay = 'sehingga dihitung sejak hari kerja berikutnya';
  const opens = formatTimeOfDay(openingMinute(hours), '.');
  const closes = formatTimeOfDay(closingMinute(hours), '.');
  let circumstance = '';
  switch (receipt.timing) {
    case 'before_opening':
      circumstance = `, sebelum jam layanan dibuka (${opens}), dihitung pada hari itu`;
      break;
    case 'after_hours':
      circumstance = `, setelah jam layanan (${opens}–${closes}), ${nextDay}`;
      break;
    case 'weekend':
      circumstance = `, pada akhir pekan, ${nextDay}`;
      break;
    case 'holiday':
      circumstance = `, pada hari libur, ${nextDay}`;
      break;
    case 'in_hours':
      break;
  }
  const excluded = options.cutiBersamaExcluded === false
    ? 'Sabtu, Minggu dan libur nasional'
    : 'Sabtu, Minggu, libur nasional dan cuti bersama';
  const period =
    `hari ke-0 = ${formatIndonesianDate(cal.formatDayNumber(receipt.day0))}; ` +
    `${workingDays} hari kerja (tidak termasuk ${excluded}) berakhir ` +
    `${formatIndonesianDate(dueDate, { weekday: true })} ` +
    `pukul 23.59 ${timeZoneLabel(hours.timeZone, dueEnd)}.`;
  const unconfirmed = cal.unconfirmedYearsBetween(receipt.day0, due);
  const caveat =
    unconfirmed.length === 0
      ? ''
      : ' Tanggal ini masih sementara karena daftar hari libur tahun ' +
        `${joinIndonesian(unconfirmed.map(String))} belum ditetapkan.`;
  return `${received}${circumstance}; ${period}${caveat}`;
}
