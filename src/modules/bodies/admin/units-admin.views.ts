import { formatTimeOfDay, parseTimeOfDay } from 'src/common/time/local-time';
import { formatDayHours, serviceHoursFrom, summarizeServiceHours, WEEKDAY_LABELS, WEEKDAYS } from 'src/modules/bodies/service-hours';
import { BodyDetailsRow, UnitDetailsRow } from './bodies-admin.repository';
import { UNIT_TIME_ZONES } from './dto/create-unit.dto';
import { BodyWithUnits } from './units-admin.service';

const ZONE_LABELS: Record<(typeof UNIT_TIME_ZONES)[number], string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

function zoneLabel(timeZone: string): string {
  return ZONE_LABELS[timeZone as keyof typeof ZONE_LABELS] ?? timeZone;
}

/** '08:00' → '08.00', as Indonesian writes times. */
function clock(time: string): string {
  return formatTimeOfDay(parseTimeOfDay(time), '.');
}

export function unitTreeView(tree: BodyWithUnits[]): object[] {
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

export function timeZoneOptions(selected: string | undefined): object[] {
  return UNIT_TIME_ZONES.map((tz) => ({ value: tz, label: `${ZONE_LABELS[tz]} (${tz})`, selected: tz === selected }));
}

/** The body form's values from the stored row. */
export function bodyFormValues(body: BodyDetailsRow): Record<string, string> {
  const hours = serviceHoursFrom(body.serviceHours);
  const values: Record<string, string> = { address: body.address ?? '', phone: body.phone ?? '', email: body.email ?? '', website: body.website ?? '' };
  for (const day of WEEKDAYS) values[`hours_${day}`] = hours ? formatDayHours(hours[day]) : '';
  return values;
}

/** One row per weekday for the body form. */
export function weekdayFields(): object[] {
  return WEEKDAYS.map((day) => ({ key: `hours_${day}`, label: WEEKDAY_LABELS[day] }));
}

/** What the body's row shows today, for the page's summary. */
export function bodySummary(body: BodyDetailsRow): object {
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
