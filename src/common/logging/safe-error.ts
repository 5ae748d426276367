/**
 * What a log line may say about an error: its class, the PostgreSQL error code and the names of
 * the constraint, table and column, and where in the code it happened. Never the message of a
 * database error (PostgreSQL quotes values: `Key (email)=(x@y) already exists`, `invalid input
 * syntax for type integer: "…"`), never the query text or its parameters, never `detail`.
 */
export interface SafeErrorFields {
  errorClass: string;
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  /** Stack frames without the message line. */
  frames?: string[];
}

const SQLSTATE = /^[0-9A-Z]{5}$/;
const NAME = /^[A-Za-z_][A-Za-z0-9_$.]{0,62}$/;

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  severity?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  stack?: unknown;
  driverError?: unknown;
  constructor?: { name?: unknown };
}

/** A pg DatabaseError, or TypeORM's QueryFailedError that wraps one. */
export function isDatabaseError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as ErrorLike;
  return e.driverError !== undefined || (typeof e.severity === 'string' && typeof e.code === 'string' && SQLSTATE.test(e.code));
}

export function safeErrorFields(error: unknown, maxFrames = 8): SafeErrorFields {
  if (typeof error !== 'object' || error === null) return { errorClass: typeof error };
  const e = error as ErrorLike;
  const driver = (typeof e.driverError === 'object' && e.driverError !== null ? e.driverError : e) as ErrorLike;
  const fields: SafeErrorFields = { errorClass: classOf(e) };
  if (typeof driver.code === 'string' && (SQLSTATE.test(driver.code) || /^E[A-Z_]{2,30}$/.test(driver.code))) fields.code = driver.code;
  for (const key of ['constraint', 'table', 'column'] as const) {
    const v = driver[key];
    if (typeof v === 'string' && NAME.test(v)) fields[key] = v;
  }
  if (typeof e.stack === 'string') {
    const frames = e.stack
      .split('\n')
      .filter((l) => /^\s+at /.test(l))
      .slice(0, maxFrames)
      .map((l) => l.trim());
    if (frames.length > 0) fields.frames = frames;
  }
  return fields;
}

function classOf(e: ErrorLike): string {
  const ctor = typeof e.constructor?.name === 'string' ? e.constructor.name : undefined;
  const name = typeof e.name === 'string' ? e.name : undefined;
  const chosen = ctor && ctor !== 'Object' ? ctor : (name ?? 'Error');
  return NAME.test(chosen) ? chosen : 'Error';
}

/** One line for places that store a failure as text (jobs, mails). */
export function databaseErrorSummary(error: unknown): string {
  const f = safeErrorFields(error, 0);
  return [f.errorClass, f.code, f.constraint && `constraint=${f.constraint}`, f.table && `table=${f.table}`, f.column && `column=${f.column}`]
    .filter(Boolean)
    .join(' ');
}
