import { Injectable } from '@nestjs/common';
import { ValidationFailed } from 'src/common/errors/domain-error';
import { formatLocalDate } from 'src/common/views/view-helpers';
import { BodiesService } from 'src/modules/bodies';
import { CalendarService, DueDateAnswer } from './calendar.service';
import { CalendarPageQuery } from './dto/calendar-page.query';
import { instantOfLocalTime, isValidLocalDate, localDateTimeOf } from 'src/common/time/local-time';
import { AppConfig } from 'src/config/app-config';

const KIND_LABELS: Record<string, string> = {
  libur_nasional: 'Libur nasional',
  cuti_bersama: 'Cuti bersama',
  closure: 'Penutupan layanan',
};

/** View model of /kalender: the non-working days of a year and the due-date calculator. */
@Injectable()
export class CalendarPageService {
  constructor(
    private readonly calendar: CalendarService,
    private readonly bodies: BodiesService,
    private readonly config: AppConfig,
  ) {}

  async view(q: CalendarPageQuery, now: Date): Promise<object> {
    const today = localDateTimeOf(now, this.config.provinceTimeZone);
    const thisYear = Number(today.date.slice(0, 4));
    const year = q.tahun && /^\d{4}$/.test(q.tahun) ? Number(q.tahun) : thisYear;
    const [holidays, confirmed, bodies] = await Promise.all([
      this.calendar.holidaysOfYear(year),
      this.calendar.isYearConfirmed(year),
      this.bodies.listBodies(),
    ]);
    const form = {
      unit: q.unit ?? '',
      tanggal: q.tanggal ?? today.date,
      jam: q.jam ?? '10:00',
      hari: q.hari ?? '10',
    };
    const asked = q.tanggal !== undefined;
    const { result, errors } = asked ? await this.calculate(form) : { result: undefined, errors: {} };
    return {
      title: 'Kalender Hari Kerja',
      year,
      years: [thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, selected: y === year })),
      confirmed,
      holidays: holidays.map((h) => ({ ...h, dateText: formatLocalDate(h.date), kindLabel: KIND_LABELS[h.kind] })),
      units: bodies.flatMap((b) =>
        b.units.map((u) => ({ id: String(u.id), label: `${u.name}`, selected: String(u.id) === form.unit })),
      ),
      form,
      result: result && {
        ...result,
        effectiveText: formatLocalDate(result.effectiveReceiptDate),
        dueText: formatLocalDate(result.dueDate),
      },
      errors,
      errorList: Object.entries(errors).map(([field, message]) => ({ field, message })),
    };
  }

  private async calculate(form: {
    unit: string;
    tanggal: string;
    jam: string;
    hari: string;
  }): Promise<{ result?: DueDateAnswer; errors: Record<string, string> }> {
    const errors: Record<string, string> = {};
    if (!isValidLocalDate(form.tanggal)) errors.tanggal = 'Tanggal diterima harus berupa tanggal yang valid.';
    const time = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(form.jam);
    if (!time) errors.jam = 'Jam diterima harus berformat JJ:MM, mis. 10:00.';
    const days = Number(form.hari);
    if (!/^\d{1,3}$/.test(form.hari) || days < 1 || days > 250) {
      errors.hari = 'Jumlah hari kerja harus bilangan bulat 1 sampai 250.';
    }
    const unitId = form.unit === '' ? undefined : Number(form.unit);
    if (unitId !== undefined && !Number.isInteger(unitId)) errors.unit = 'Pilih unit PPID dari daftar.';
    if (Object.keys(errors).length > 0 || !time) return { errors };
    try {
      const unitZone = unitId === undefined ? this.config.provinceTimeZone : this.calendar.serviceHoursOf(await this.bodies.getUnit(unitId)).timeZone;
      const receivedAt = instantOfLocalTime(form.tanggal, Number(time[1]) * 60 + Number(time[2]), unitZone);
      return { result: await this.calendar.dueDate(receivedAt, days, unitId), errors };
    } catch (e) {
      if (e instanceof ValidationFailed) {
        return { errors: { tanggal: 'Tanggal di luar rentang kalender yang tersedia.' } };
      }
      return { errors: { unit: 'Pilih unit PPID dari daftar.' } };
    }
  }
}
