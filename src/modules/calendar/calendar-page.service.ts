import { Injectable } from '@nestjs/common';
import { ValidationFailed } from 'src/common/errors/domain-error';
import { validateForm } from 'src/common/forms/form-input';
import { instantOfLocalTime, isValidLocalDate, localDateTimeOf } from 'src/common/time/local-time';
import { AppConfig } from 'src/config/app-config';
import { BodiesService, BodySummary } from 'src/modules/bodies';
import { CalendarService, DueDateAnswer, HolidayView } from './calendar.service';
import { DueDateCalculatorInput } from './dto/due-date-calculator.input';
import { CalendarPageQuery } from './dto/calendar-page.query';

/** The calculator's fields as the page shows them again, with what came of them. */
export interface DueDateCalculation {
  form: { unit: string; tanggal: string; jam: string; hari: string };
  result: DueDateAnswer | null;
  errors: Record<string, string>;
}

/** What /kalender shows: a year's non-working days and, when asked, a due date. */
export interface CalendarPageData {
  year: number;
  thisYear: number;
  confirmed: boolean;
  holidays: HolidayView[];
  bodies: BodySummary[];
  calculation: DueDateCalculation;
  /** The zone of a calculation without a unit (the province's). */
  provinceTimeZone: string;
}

/** Gathers /kalender's data; calendar-page.presenter.ts words it. */
@Injectable()
export class CalendarPageService {
  constructor(
    private readonly calendar: CalendarService,
    private readonly bodies: BodiesService,
    private readonly config: AppConfig,
  ) {}

  async load(q: CalendarPageQuery, now: Date): Promise<CalendarPageData> {
    const today = localDateTimeOf(now, this.config.provinceTimeZone);
    const thisYear = Number(today.date.slice(0, 4));
    const year = q.tahun && /^\d{4}$/.test(q.tahun) ? Number(q.tahun) : thisYear;
    const [holidays, confirmed, bodies] = await Promise.all([
      this.calendar.holidaysOfYear(year),
      this.calendar.isYearConfirmed(year),
      this.bodies.listBodies(),
    ]);
    const form = { unit: q.unit ?? '', tanggal: q.tanggal ?? today.date, jam: q.jam ?? '10:00', hari: q.hari ?? '10' };
    const calculation = q.tanggal !== undefined ? await this.calculate(form) : { form, result: null, errors: {} };
    return { year, thisYear, confirmed, holidays, bodies, calculation, provinceTimeZone: this.config.provinceTimeZone };
  }

  private async calculate(form: DueDateCalculation['form']): Promise<DueDateCalculation> {
    let input: DueDateCalculatorInput;
    try {
      input = validateForm(DueDateCalculatorInput, { ...form, unit: form.unit === '' ? undefined : form.unit });
      if (!isValidLocalDate(input.tanggal)) throw new ValidationFailed({ tanggal: 'Tanggal diterima harus berupa tanggal yang valid.' });
    } catch (e) {
      if (e instanceof ValidationFailed) return { form, result: null, errors: e.errors ?? {} };
      throw e;
    }
    const unitId = input.unit === undefined ? undefined : Number(input.unit);
    const [hours, minutes] = input.jam.split(':').map(Number);
    try {
      const zone = unitId === undefined ? this.config.provinceTimeZone : this.calendar.serviceHoursOf(await this.bodies.getUnit(unitId)).timeZone;
      const receivedAt = instantOfLocalTime(input.tanggal, hours * 60 + minutes, zone);
      return { form, result: await this.calendar.dueDate(receivedAt, Number(input.hari), unitId), errors: {} };
    } catch (e) {
      if (e instanceof ValidationFailed) return { form, result: null, errors: { tanggal: 'Tanggal di luar rentang kalender yang tersedia.' } };
      return { form, result: null, errors: { unit: 'Pilih unit PPID dari daftar.' } };
    }
  }
}
