import { Role } from './actor';

/** Every role, in the order forms list them. */
export const ROLES: readonly Role[] = ['officer', 'supervisor', 'bureau', 'admin'];

/** How the interface names each role. */
export const ROLE_LABELS: Record<Role, string> = {
  officer: 'Petugas PPID',
  supervisor: 'Atasan PPID',
  bureau: 'Biro Humas Provinsi',
  admin: 'Admin',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Where a person lands after signing in when no page was asked for. */
export function homePathOf(role: Role): string {
  if (role === 'admin') return '/admin';
  return role === 'bureau' ? '/biro' : '/petugas';
}
