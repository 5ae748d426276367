import { errorList } from 'src/common/forms/form-input';
import { formatTimeOfDay, INDONESIAN_TIME_ZONES, parseTimeOfDay, timeZoneLabel } from 'src/common/time/local-time';
import { formatDayHours, serviceHoursFrom, summarizeServiceHours, WEEKDAY_LABELS, WEEKDAYS } from 'src/modules/bodies/service-hours';
import { BodyDetailsRow, UnitDetailsRow } from './bodies-admin.repository';
import { BODY_DETAIL_FIELDS, UNIT_DETAIL_FIELDS } from './details-input';
import type { BodyWithUnits } from 'src/modules/bodies/units.repository';

/** 'WIB', 'WITA', 'WIT': the Indonesian zones keep one offset all year, so any instant names them. */
function zoneLabel(timeZone: string): string {
  return timeZoneLabel(timeZone, 0);
}

/** '08:00' → '08.00', as Indonesian writes times. */
function clock(time: string): string {
  return formatTimeOfDay(parseTimeOfDay(time), '.');
}

export const UNIT_FIELDS = ['bodyId', 'name', 'code', 'email', 'timeZone', 'opensAt', 'closesAt'];

type ErrorLink = { href: string; message: string };

interface FormParts {
  values: Record<string, string>;
  errors: Record<string, string>;
  errorList: ErrorLink[];
}

export interface UnitTreeBodyView {
  id: number;
  name: string;
  regionCode: string;
  units: { id: number; name: string; code: string; levelLabel: string; email: string | null; hours: string; active: boolean }[];
}

/** What views/admin/units/index.hbs shows: bodies with their units, and the form to add a PPID Pelaksana. */
export interface UnitsPageView extends FormParts {
  title: string;
  bodies: UnitTreeBodyView[];
  bodyOptions: { id: number; name: string; selected: boolean }[];
  timeZones: { value: string; label: string; selected: boolean }[];
  created: { name: string; code: string; bodyName: string } | null;
  saved: string | null;
}

/** What views/admin/bodies/edit.hbs shows. */
export interface BodyDetailsPageView extends FormParts {
  title: string;
  body: { id: number; name: string; regionCode: string; complete: boolean; hoursText: string | null };
  weekdays: { key: string; label: string }[];
}

/** What views/admin/units/edit.hbs shows. */
export interface UnitDetailsPageView extends FormParts {
  title: string;
  unit: { id: number; name: string; code: string; bodyId: number; bodyName: string; levelLabel: string };
}

export function presentUnitsPage(tree: BodyWithUnits[], values: Record<string, string>, errors: Record<string, string>, createdId?: number, saved?: string): UnitsPageView {
  const units = tree.flatMap((b) => b.units.map((u) => ({ ...u, bodyName: b.name })));
  const created = units.find((u) => u.id === createdId);
  const savedUnit = units.find((u) => saved === `unit-${u.id}`);
  const savedBody = tree.find((b) => saved === `badan-${b.id}`);
  return {
    title: 'Unit PPID',
    bodies: unitTreeView(tree),
    bodyOptions: tree.map((b) => ({ id: b.id, name: b.name, selected: String(b.id) === values.bodyId })),
    timeZones: timeZoneOptions(values.timeZone),
    created: created ? { name: created.name, code: created.code, bodyName: created.bodyName } : null,
    saved: savedUnit?.name ?? savedBody?.name ?? null,
    values,
    errors,
    errorList: errorList(errors, UNIT_FIELDS),
  };
}

export function presentBodyDetailsPage(body: BodyDetailsRow, values: Record<string, string>, errors: Record<string, string>): BodyDetailsPageView {
  return {
    title: `Rincian ${body.name}`,
    body: { id: body.id, name: body.name, regionCode: body.regionCode, ...bodySummary(body) },
    weekdays: weekdayFields(),
    values,
    errors,
    errorList: errorList(errors, BODY_DETAIL_FIELDS),
  };
}

export function presentUnitDetailsPage(unit: UnitDetailsRow, values: Record<string, string>, errors: Record<string, string>): UnitDetailsPageView {
  return {
    title: `Rincian ${unit.name}`,
    unit: { id: unit.id, name: unit.name, code: unit.code, bodyId: unit.bodyId, bodyName: unit.bodyName, levelLabel: unit.level === 'utama' ? 'PPID Utama' : 'PPID Pelaksana' },
    values,
    errors,
    errorList: errorList(errors, UNIT_DETAIL_FIELDS),
  };
}

export function unitTreeView(tree: BodyWithUnits[]): UnitTreeBodyView[] {
  return tree.map((b) => ({
    id: b.id,
    name: b.name,
    regionCode: b.regionCode,
    units: b.units.map((u) => ({
      id: u.id,
      name: u.name,
      code: u.code,
      levelLabel: u.level === 'utama' ? 'PPID Utama' : 'PPID Pelaksana',
      email: u.email,
      hours: `${clock(u.opensAt)}–${clock(u.closesAt)} ${zoneLabel(u.timeZone)}`,
      active: u.active,
    })),
  }));
}

export function timeZoneOptions(selected: string | undefined): { value: string; label: string; selected: boolean }[] {
  return INDONESIAN_TIME_ZONES.map((tz) => ({ value: tz, label: `${zoneLabel(tz)} (${tz})`, selected: tz === selected }));
}

/** The body form's values from the stored row. */
export function bodyFormValues(body: BodyDetailsRow): Record<string, string> {
  const hours = serviceHoursFrom(body.serviceHours);
  const values: Record<string, string> = {
    address: body.address ?? '',
    phone: body.phone ?? '',
    email: body.email ?? '',
    website: body.website ?? '',
    atasanName: body.atasanName ?? '',
    atasanPosition: body.atasanPosition ?? '',
    atasanAddress: body.atasanAddress ?? '',
  };
  for (const day of WEEKDAYS) values[`hours_${day}`] = hours ? formatDayHours(hours[day]) : '';
  return values;
}

/** One row per weekday for the body form. */
export function weekdayFields(): { key: string; label: string }[] {
  return WEEKDAYS.map((day) => ({ key: `hours_${day}`, label: WEEKDAY_LABELS[day] }));
}

/** What the body's row shows today, for the page's summary. */
export function bodySummary(body: BodyDetailsRow): { complete: boolean; hoursText: string | null } {
  const hours = serviceHoursFrom(body.serviceHours);
  return {
    complete: Boolean(body.address && body.phone && body.email && hours),
    hoursText: hours ? summarizeServiceHours(hours) || 'Tutup setiap hari' : null,
  };
}

export function unitFormValues(unit: UnitDetailsRow): Record<string, string> {
  return {
    address: unit.address ?? '',
    phone: unit.phone ?? '',
    email: unit.email ?? '',
    signerName: unit.signerName ?? '',
    signerPosition: unit.signerPosition ?? '',
    signerNip: unit.signerNip ?? '',
  };
}
