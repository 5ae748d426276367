/** Roles of signed-in people (DESIGN.md "Who uses it"). */
export type Role = 'officer' | 'supervisor' | 'bureau' | 'admin';

/**
 * Who is acting: resolved from the session (pages) or a bearer token (API) and passed first to
 * every service method, which checks access itself. Officers belong to one unit, supervisors
 * (atasan PPID) to one body; bureau and admin are provincial.
 */
export interface Actor {
  userId: number;
  name: string;
  email: string;
  role: Role;
  unitId: number | null;
  bodyId: number | null;
}
