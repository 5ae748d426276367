import { Role } from 'src/common/auth/actor';
import { ROLE_LABELS, ROLES } from 'src/common/auth/roles';
import { UserListRow } from 'src/modules/auth/users.repository';
import { formatTimeOfDay, localDateTimeOf, timeZoneLabel } from 'src/common/time/local-time';
import { BodyWithUnits } from './account-places.service';

/** The list of accounts; lock ends are shown in `timeZone` (the province's). */
export function accountRows(rows: UserListRow[], now: Date, timeZone: string): object[] {
  return rows.map((r) => {
    let status = { label: 'Aktif', kind: 'aktif' };
    if (!r.active) status = { label: 'Nonaktif', kind: 'nonaktif' };
    else if (!r.activated) status = { label: 'Menunggu aktivasi', kind: 'menunggu' };
    else if (r.lockedUntil && r.lockedUntil > now) {
      const until = formatTimeOfDay(localDateTimeOf(r.lockedUntil, timeZone).minuteOfDay, '.');
      status = { label: `Terkunci sampai pukul ${until} ${timeZoneLabel(timeZone, r.lockedUntil)}`, kind: 'terkunci' };
    }
    const place = r.unitName ? `${r.unitName}, ${r.bodyName}` : (r.bodyName ?? 'Seluruh provinsi');
    return { id: r.id, name: r.name, email: r.email, roleLabel: ROLE_LABELS[r.role], place, status };
  });
}

export function roleOptions(selected: Role | undefined): object[] {
  return ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role], selected: role === selected }));
}

/** The unit list (grouped by body, active units) and the body list of the account form. */
export function placeOptions(tree: BodyWithUnits[], unitId: number, bodyId: number): object {
  return {
    unitGroups: tree.map((b) => ({
      bodyName: b.name,
      units: b.units.filter((u) => u.active).map((u) => ({ id: u.id, name: u.name, selected: u.id === unitId })),
    })),
    bodyOptions: tree.map((b) => ({ id: b.id, name: b.name, selected: b.id === bodyId })),
  };
}
