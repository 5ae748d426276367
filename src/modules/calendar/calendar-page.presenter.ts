import { timeZoneLabel } from 'src/common/time/local-time';
import { formatLocalDate } from 'src/common/views/view-helpers';
import { DueDateAnswer } from './calendar.service';
import { CalendarPageData } from './calendar-page.service';
import { DEFAULT_OPENING_HOURS } from './working-day-calendar';

const KIND_LABELS: Record<string, string> = {
  libur_nasional: 'Libur nasional',
  cuti_bersama: 'Cuti bersama',
  closure: 'Penutupan layanan',
};

/** What views/calendar/index.hbs shows. */
export interface CalendarPageView {
  title: string;
  year: number;
  years: { value: number; selected: boolean }[];
  confirmed: boolean;
  holidays: { date: string; dateText: string; name: string; kind: string; kindLabel: string; source: string }[];
  /** The calculator's choice without a unit: the province's zone and the usual service hours. */
  generalUnitLabel: string;
  units: { id: string; label: string; selected: boolean }[];
  form: CalendarPageData['calculation']['form'];
  result: (DueDateAnswer & { effectiveText: string; dueText: string }) | null;
  errors: Record<string, string>;
  errorList: { field: string; message: string }[];
}

export function presentCalendarPage(data: CalendarPageData, now: Date): CalendarPageView {
  const { form, result, errors } = data.calculation;
  const hours = `${DEFAULT_OPENING_HOURS.opensAt}–${DEFAULT_OPENING_HOURS.closesAt}`.replace(/:/g, '.');
  return {
    title: 'Kalender Hari Kerja',
    year: data.year,
    years: [data.thisYear - 2, data.thisYear - 1, data.thisYear, data.thisYear + 1].map((y) => ({ value: y, selected: y === data.year })),
    confirmed: data.confirmed,
    holidays: data.holidays.map((h) => ({ ...h, dateText: formatLocalDate(h.date), kindLabel: KIND_LABELS[h.kind] ?? h.kind })),
    generalUnitLabel: `Umum (${timeZoneLabel(data.provinceTimeZone, now)}, ${hours})`,
    units: data.bodies.flatMap((b) => b.units.map((u) => ({ id: String(u.id), label: u.name, selected: String(u.id) === form.unit }))),
    form,
    result: result && { ...result, effectiveText: formatLocalDate(result.effectiveReceiptDate), dueText: formatLocalDate(result.dueDate) },
    errors,
    errorList: Object.entries(errors).map(([field, message]) => ({ field, message })),
  };
}
