/**
 * The registers a body keeps (RULES.md "Registers and reports"). Register permohonan reads the
 * requests; register keberatan reads the objections through the objections module's public
 * surface (ObjectionsRepository.findForRegister), with its own columns (objection-register.ts) and
 * the same page, downloads and access rules as the register permohonan.
 */
export const REGISTER_KINDS = {
  permohonan: { label: 'Register permohonan', available: true, path: '/petugas/register' },
  keberatan: { label: 'Register keberatan', available: true, path: '/petugas/register/keberatan' },
} as const;

export type RegisterKind = keyof typeof REGISTER_KINDS;
