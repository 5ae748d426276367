import { formatLocalDate } from 'src/common/views/view-helpers';
import { Holiday, HolidayKind } from 'src/modules/calendar/holiday.entity';
import type { BodyOption } from 'src/modules/bodies';
import { CalendarYearView, FIRST_EDITABLE_YEAR, LAST_EDITABLE_YEAR } from './calendar-admin.service';

export const KIND_LABELS: Record<HolidayKind, string> = {
  libur_nasional: 'Libur nasional',
  cuti_bersama: 'Cuti bersama',
  closure: 'Penutupan layanan',
};

const NATIONAL_KINDS: HolidayKind[] = ['libur_nasional', 'cuti_bersama'];

/** What the redirect after a change says; a fixed list, so nothing typed is reflected. */
const MESSAGES: Record<string, string> = {
  ditambah: 'Hari libur ditambahkan.',
  diubah: 'Hari libur diubah.',
  dihapus: 'Hari libur dihapus.',
  ditetapkan: 'Daftar libur tahun ini ditandai sudah ditetapkan.',
};
const RECOMPUTE_NOTE =
  'Batas waktu permohonan yang masih berjalan dihitung ulang dalam beberapa saat; setiap perubahan tercatat pada riwayat permohonan.';

/** The three forms of the year page; their fields are keyed `<form><Field>` so one page can hold them all. */
export type CalendarForm = 'national' | 'closure' | 'year';

export const FORM_FIELDS: Record<CalendarForm, readonly string[]> = {
  national: ['date', 'name', 'kind', 'source'],
  closure: ['bodyId', 'date', 'name', 'source'],
  year: ['source'],
};

export interface FormState {
  form: CalendarForm;
  values: Record<string, string>;
  errors: Record<string, string>;
}

function formKey(form: CalendarForm, field: string): string {
  return `${form}${field.charAt(0).toUpperCase()}${field.slice(1)}`;
}

/** `?tahun=` when it is a year the admin may edit, else `thisYear` (the current year in the province). */
export function yearParam(raw: string | undefined, thisYear: number): number {
  if (raw !== undefined && /^\d{4}$/.test(raw)) {
    const year = Number(raw);
    if (year >= FIRST_EDITABLE_YEAR && year <= LAST_EDITABLE_YEAR) return year;
  }
  return thisYear;
}

/** The year a date field names when it is an editable one, else `fallback`. */
export function yearOfDate(date: string | undefined, fallback: number): number {
  const year = date !== undefined && /^\d{4}-/.test(date) ? Number(date.slice(0, 4)) : NaN;
  return year >= FIRST_EDITABLE_YEAR && year <= LAST_EDITABLE_YEAR ? year : fallback;
}

export interface HolidayRowView {
  id: number;
  date: string;
  dateText: string;
  name: string;
  kind: HolidayKind;
  kindLabel: string;
  source: string;
  bodyName?: string;
}

interface Option<T> {
  value: T;
  label?: string;
  selected: boolean;
}

interface BodyChoice {
  id: number;
  name: string;
  selected: boolean;
}

type ErrorLink = { href: string; message: string };

/** What views/admin/calendar/year.hbs shows. */
export interface CalendarYearPageView {
  title: string;
  year: number;
  previousYear: number | null;
  nextYear: number | null;
  years: Option<number>[];
  confirmed: boolean;
  confirmedSource: string | null;
  yearSourceLabel: string;
  national: HolidayRowView[];
  closures: HolidayRowView[];
  kinds: Option<HolidayKind>[];
  bodies: BodyChoice[];
  done: string | null;
  failedForm: CalendarForm | null;
  values: Record<string, string>;
  errors: Record<string, string>;
  errorList: ErrorLink[];
}

/** What views/admin/calendar/holiday.hbs shows. */
export interface HolidayEditPageView {
  title: string;
  id: number;
  year: number;
  isClosure: boolean;
  current: HolidayRowView;
  kinds: Option<HolidayKind>[];
  bodies: BodyChoice[];
  values: Record<string, string>;
  errors: Record<string, string>;
  errorList: ErrorLink[];
}

function holidayRow(h: Holiday & { bodyName?: string }): HolidayRowView {
  return {
    id: h.id,
    date: h.date,
    dateText: formatLocalDate(h.date),
    name: h.name,
    kind: h.kind,
    kindLabel: KIND_LABELS[h.kind],
    source: h.source,
    bodyName: h.bodyName,
  };
}

function errorList(state: FormState | undefined): ErrorLink[] {
  if (!state) return [];
  const order = FORM_FIELDS[state.form];
  const fields = [...order.filter((f) => state.errors[f]), ...Object.keys(state.errors).filter((f) => !order.includes(f))];
  return fields.map((f) => ({ href: `#f-${formKey(state.form, order.includes(f) ? f : order[0])}`, message: state.errors[f] }));
}

function keyed(state: FormState | undefined, of: 'values' | 'errors'): Record<string, string> {
  const out: Record<string, string> = {};
  if (!state) return out;
  const order = FORM_FIELDS[state.form];
  for (const [field, text] of Object.entries(state[of])) {
    // An error on a field the form does not show (e.g. `year`) is shown beside its first field.
    const target = order.includes(field) ? field : order[0];
    out[formKey(state.form, target)] = out[formKey(state.form, target)] ?? text;
  }
  return out;
}

/** /admin/kalender: the year's days, its status and the forms; `state` is the form that failed. */
export function calendarYearPage(view: CalendarYearView, thisYear: number, state?: FormState, message?: string): CalendarYearPageView {
  const values: Record<string, string> = { nationalKind: 'libur_nasional', yearSource: view.confirmedSource ?? '', ...keyed(state, 'values') };
  const nationalKind = values.nationalKind;
  const closureBody = Number(values.closureBodyId);
  return {
    title: `Kalender hari kerja ${view.year}`,
    year: view.year,
    previousYear: view.year > FIRST_EDITABLE_YEAR ? view.year - 1 : null,
    nextYear: view.year < LAST_EDITABLE_YEAR ? view.year + 1 : null,
    years: [thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => ({ value: y, selected: y === view.year })),
    confirmed: view.confirmed,
    confirmedSource: view.confirmedSource,
    yearSourceLabel: `Dasar hukum penetapan daftar libur ${view.year}`,
    national: view.national.map(holidayRow),
    closures: view.closures.map(holidayRow),
    kinds: NATIONAL_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k], selected: k === nationalKind })),
    bodies: view.bodies.map((b) => ({ id: b.id, name: b.name, selected: b.id === closureBody })),
    done: message && MESSAGES[message] ? `${MESSAGES[message]} ${RECOMPUTE_NOTE}` : null,
    failedForm: state?.form ?? null,
    values,
    errors: keyed(state, 'errors'),
    errorList: errorList(state),
  };
}

/** /admin/kalender/hari/:id: one day's form. */
export function holidayEditPage(row: Holiday, bodies: BodyOption[], values: Record<string, string>, errors: Record<string, string>): HolidayEditPageView {
  const isClosure = row.kind === 'closure';
  const order = isClosure ? ['bodyId', 'date', 'name', 'source'] : ['date', 'name', 'kind', 'source'];
  const fields = [...order.filter((f) => errors[f]), ...Object.keys(errors).filter((f) => !order.includes(f))];
  return {
    title: isClosure ? 'Ubah penutupan layanan' : 'Ubah hari libur',
    id: row.id,
    year: Number(row.date.slice(0, 4)),
    isClosure,
    current: holidayRow(row),
    kinds: NATIONAL_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k], selected: k === values.kind })),
    bodies: bodies.map((b) => ({ id: b.id, name: b.name, selected: String(b.id) === values.bodyId })),
    values,
    errors,
    errorList: fields.map((f) => ({ href: `#f-${order.includes(f) ? f : order[0]}`, message: errors[f] })),
  };
}

/** The edit form's values from the stored row. */
export function holidayValues(row: Holiday): Record<string, string> {
  return { date: row.date, name: row.name, kind: row.kind, source: row.source, bodyId: row.bodyId === null ? '' : String(row.bodyId) };
}
