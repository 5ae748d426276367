import { Injectable } from '@nestjs/common';
import { AppConfig } from 'src/config/app-config';
import { ValidationFailed } from 'src/common/errors/domain-error';
import { BodiesService, PpidUnit } from 'src/modules/bodies';
import { CalendarRepository } from './calendar.repository';
import { HolidayKind } from './holiday.entity';
import { LocalDate } from 'src/common/time/local-time';
import {
  computeDueDate,
  defaultServiceHours,
  explainDueDate,
  FIXED_DATE_HOLIDAYS,
  ServiceHours,
  WorkingDayCalendar,
} from './working-day-calendar';

export interface DueDateAnswer {
  receivedAt: string;
  effectiveReceiptDate: LocalDate;
  dueDate: LocalDate;
  provisional: boolean;
  explanation: string;
}

export interface HolidayView {
  date: LocalDate;
  name: string;
  kind: HolidayKind;
  source: string;
}

/** Where a fixed-date holiday of a year without a decreed list comes from. */
export const FIXED_DATE_SOURCE = 'Hari libur nasional bertanggal tetap; daftar SKB tahun ini belum ditetapkan';

/** How long an instance trusts its cached calendar before reading the holiday table again. */
const CACHE_TTL_MS = 30_000;

/** The working-day calendar as the database holds it, per body (national days plus the body's closures). */
@Injectable()
export class CalendarService {
  private readonly cache = new Map<number, { calendar: WorkingDayCalendar; loadedAt: number }>();

  constructor(
    private readonly calendar: CalendarRepository,
    private readonly bodies: BodiesService,
    private readonly config: AppConfig,
  ) {}

  /** The calendar that applies to a body; 0 stands for national days only. */
  async calendarFor(bodyId: number | null, now = Date.now()): Promise<WorkingDayCalendar> {
    const key = bodyId ?? 0;
    const cached = this.cache.get(key);
    if (cached && now - cached.loadedAt < CACHE_TTL_MS) return cached.calendar;
    const [days, confirmedYears] = await Promise.all([
      this.calendar.findNonWorkingDays(bodyId),
      this.calendar.findConfirmedYears(),
    ]);
    const nonWorkingDays = days
      .filter((d) => d.kind !== 'cuti_bersama' || this.config.cutiBersamaIsNonWorking)
      .map((d) => d.date);
    const calendar = WorkingDayCalendar.build({ nonWorkingDays, confirmedYears });
    this.cache.set(key, { calendar, loadedAt: now });
    return calendar;
  }

  /** Called after the holiday table changes, so this instance computes with the new list at once. */
  invalidate(): void {
    this.cache.clear();
  }

  serviceHoursOf(unit: PpidUnit | null): ServiceHours {
    if (!unit) return defaultServiceHours(this.config.provinceTimeZone);
    return { timeZone: unit.timeZone, opensAt: unit.opensAt.slice(0, 5), closesAt: unit.closesAt.slice(0, 5) };
  }

  /** Day 0 and due date of a request received by a unit, with the explanation shown to the requester. */
  async dueDateForUnit(unit: PpidUnit, receivedAt: Date, workingDays: number): Promise<Omit<DueDateAnswer, 'receivedAt'>> {
    return this.dueDateWith(await this.calendarFor(unit.bodyId), unit, receivedAt, workingDays);
  }

  /** The same with a calendar already loaded: no I/O, safe inside a transaction. */
  dueDateWith(calendar: WorkingDayCalendar, unit: PpidUnit, receivedAt: Date, workingDays: number): Omit<DueDateAnswer, 'receivedAt'> {
    const hours = this.serviceHoursOf(unit);
    return {
      ...computeDueDate(calendar, receivedAt, workingDays, hours),
      explanation: explainDueDate(calendar, receivedAt, workingDays, hours, {
        cutiBersamaExcluded: this.config.cutiBersamaIsNonWorking,
      }),
    };
  }

  async dueDate(receivedAt: Date, workingDays: number, unitId?: number): Promise<DueDateAnswer> {
    const unit = unitId === undefined ? null : await this.unitOrInvalid(unitId);
    const calendar = await this.calendarFor(unit?.bodyId ?? null);
    const hours = this.serviceHoursOf(unit);
    let result;
    try {
      result = computeDueDate(calendar, receivedAt, workingDays, hours);
    } catch (e) {
      if (e instanceof RangeError) {
        throw new ValidationFailed({ receivedAt: 'receivedAt di luar rentang kalender yang tersedia' });
      }
      throw e;
    }
    return {
      receivedAt: receivedAt.toISOString(),
      ...result,
      explanation: explainDueDate(calendar, receivedAt, workingDays, hours, {
        cutiBersamaExcluded: this.config.cutiBersamaIsNonWorking,
      }),
    };
  }

  /** The year's non-working days; a year without a decreed list shows the fixed-date holidays the calendar counts anyway. */
  async holidaysOfYear(year: number, bodyId: number | null = null): Promise<HolidayView[]> {
    const [rows, confirmed] = await Promise.all([this.calendar.findHolidaysOfYear(year, bodyId), this.isYearConfirmed(year)]);
    const listed: HolidayView[] = rows.map((h) => ({ date: h.date, name: h.name, kind: h.kind, source: h.source }));
    if (confirmed || year < 1 || year > 9999) return listed;
    const known = new Set(listed.map((h) => h.date));
    const fixed = FIXED_DATE_HOLIDAYS.map((h) => ({ date: `${String(year).padStart(4, '0')}-${h.monthDay}`, name: h.name }))
      .filter((h) => !known.has(h.date))
      .map((h): HolidayView => ({ ...h, kind: 'libur_nasional', source: FIXED_DATE_SOURCE }));
    return [...listed, ...fixed].sort((a, b) => a.date.localeCompare(b.date));
  }

  async isYearConfirmed(year: number): Promise<boolean> {
    return (await this.calendar.findYear(year))?.confirmed ?? false;
  }

  private async unitOrInvalid(unitId: number): Promise<PpidUnit> {
    try {
      return await this.bodies.getUnit(unitId);
    } catch {
      throw new ValidationFailed({ unitId: `unitId ${unitId} bukan unit PPID yang terdaftar` });
    }
  }
}
