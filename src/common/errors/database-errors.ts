/** A unique constraint refused the write (PostgreSQL 23505), e.g. two admins adding one e-mail at once. */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; driverError?: { code?: string } };
  return err.code === '23505' || err.driverError?.code === '23505';
}
