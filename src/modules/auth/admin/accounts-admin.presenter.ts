import { Role } from 'src/common/auth/actor';
import { ROLE_LABELS, ROLES } from 'src/common/auth/roles';
import { errorList } from 'src/common/forms/form-input';
import { formatTimeOfDay, localDateTimeOf, timeZoneLabel } from 'src/common/time/local-time';
import { UserListRow } from 'src/modules/auth/users.repository';
import { accountActionLinks, actionResult } from './account-action-links';
import type { BodyWithUnits } from 'src/modules/bodies';

export const USER_FIELDS = ['email', 'name', 'role', 'unitId', 'bodyId'];

export interface AccountRowView {
  id: number;
  name: string;
  email: string;
  roleLabel: string;
  place: string;
  status: { label: string; kind: 'aktif' | 'nonaktif' | 'menunggu' | 'terkunci' };
  actions: { href: string; label: string }[];
}

interface Choice<T> {
  value: T;
  label: string;
  selected: boolean;
}

/** What views/admin/users/index.hbs shows: the accounts and the form to add one. */
export interface UsersPageView {
  title: string;
  accounts: AccountRowView[];
  actionResult: string | null;
  created: { name: string; email: string; activated: boolean } | null;
  roles: Choice<Role>[];
  unitGroups: { bodyName: string; units: { id: number; name: string; selected: boolean }[] }[];
  bodyOptions: { id: number; name: string; selected: boolean }[];
  values: Record<string, string>;
  errors: Record<string, string>;
  errorList: { href: string; message: string }[];
}

export interface UsersPageInput {
  rows: UserListRow[];
  tree: BodyWithUnits[];
  actorId: number;
  values: Record<string, string>;
  errors: Record<string, string>;
  createdId?: number;
  done?: { segment: string; id: number };
  /** Lock ends are shown in the province's zone. */
  timeZone: string;
  now: Date;
}

function statusOf(r: UserListRow, now: Date, timeZone: string): AccountRowView['status'] {
  if (!r.active) return { label: 'Nonaktif', kind: 'nonaktif' };
  if (!r.activated) return { label: 'Menunggu aktivasi', kind: 'menunggu' };
  if (r.lockedUntil && r.lockedUntil > now) {
    const until = formatTimeOfDay(localDateTimeOf(r.lockedUntil, timeZone).minuteOfDay, '.');
    return { label: `Terkunci sampai pukul ${until} ${timeZoneLabel(timeZone, r.lockedUntil)}`, kind: 'terkunci' };
  }
  return { label: 'Aktif', kind: 'aktif' };
}

export function presentUsersPage(input: UsersPageInput): UsersPageView {
  const { rows, tree, values, errors, now, timeZone } = input;
  const created = rows.find((r) => r.id === input.createdId);
  const unitId = Number(values.unitId);
  const bodyId = Number(values.bodyId);
  return {
    title: 'Pengguna',
    accounts: rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      roleLabel: ROLE_LABELS[r.role],
      place: r.unitName ? `${r.unitName}, ${r.bodyName}` : (r.bodyName ?? 'Seluruh provinsi'),
      status: statusOf(r, now, timeZone),
      actions: accountActionLinks(r, input.actorId, now),
    })),
    actionResult: actionResult(input.done?.segment, rows.find((r) => r.id === input.done?.id)),
    created: created ? { name: created.name, email: created.email, activated: created.activated } : null,
    roles: ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role], selected: role === values.role })),
    unitGroups: tree.map((b) => ({
      bodyName: b.name,
      units: b.units.filter((u) => u.active).map((u) => ({ id: u.id, name: u.name, selected: u.id === unitId })),
    })),
    bodyOptions: tree.map((b) => ({ id: b.id, name: b.name, selected: b.id === bodyId })),
    values,
    errors,
    errorList: errorList(errors, USER_FIELDS),
  };
}
