import { ValidationFailed } from 'src/common/errors/domain-error';
import { fromDayNumber, instantOfLocalTime, isValidLocalDate, toDayNumber } from 'src/common/time/local-time';
import { AuditAction, isAuditAction } from './audit-actions';

/** The page's and the CSV's filters as typed in the URL (Indonesian parameter names). */
export interface AuditQueryParams {
  aksi?: string;
  aktor?: string;
  dari?: string;
  sampai?: string;
  setelah?: string;
}

/** Who acted: an account id, or the e-mail of an account. */
export type ActorFilter = { userId: number } | { email: string };

export interface AuditQuery {
  action?: AuditAction;
  actor?: ActorFilter;
  /** Local dates (the province's time zone), both inclusive, as typed. */
  from?: string;
  to?: string;
  /** The same range as instants: from ≤ occurred_at < until. */
  since?: Date;
  until?: Date;
  /** Keyset cursor: rows with a smaller id than this. */
  before?: string;
}

function present(raw: string | undefined): string | undefined {
  const text = raw?.trim();
  return text ? text : undefined;
}

/**
 * Reads the filters; an unknown action, a malformed actor or date, or a range that ends before it
 * starts is a ValidationFailed naming the field. Dates are local days of `timeZone`.
 */
export function parseAuditQuery(params: AuditQueryParams, timeZone: string): AuditQuery {
  const errors: Record<string, string> = {};
  const query: AuditQuery = {};
  const action = present(params.aksi);
  if (action !== undefined) {
    if (isAuditAction(action)) query.action = action;
    else errors.aksi = 'Pilih jenis tindakan dari daftar.';
  }
  const actor = present(params.aktor);
  if (actor !== undefined) {
    if (/^\d{1,9}$/.test(actor)) query.actor = { userId: Number(actor) };
    else if (/^[^\s@]+@[^\s@]+$/.test(actor) && actor.length <= 254) query.actor = { email: actor.toLowerCase() };
    else errors.aktor = 'Isi alamat e-mail atau nomor akun pelaku.';
  }
  const from = present(params.dari);
  const to = present(params.sampai);
  if (from !== undefined) {
    if (isValidLocalDate(from)) query.from = from;
    else errors.dari = 'Tanggal awal harus berbentuk TTTT-BB-HH, mis. 2026-01-31.';
  }
  if (to !== undefined) {
    if (isValidLocalDate(to)) query.to = to;
    else errors.sampai = 'Tanggal akhir harus berbentuk TTTT-BB-HH, mis. 2026-01-31.';
  }
  if (query.from && query.to && query.to < query.from) errors.sampai = 'Tanggal akhir tidak boleh sebelum tanggal awal.';
  const after = present(params.setelah);
  if (after !== undefined) {
    if (/^[1-9]\d{0,17}$/.test(after)) query.before = after;
    else errors.setelah = 'Penanda halaman tidak valid.';
  }
  if (Object.keys(errors).length > 0) throw new ValidationFailed(errors);
  if (query.from) query.since = instantOfLocalTime(query.from, 0, timeZone);
  if (query.to) query.until = instantOfLocalTime(fromDayNumber(toDayNumber(query.to) + 1), 0, timeZone);
  return query;
}

/** The URL parameters of a query (without the cursor), to build links and the CSV address. */
export function auditQueryParams(q: AuditQuery): URLSearchParams {
  const out = new URLSearchParams();
  if (q.action) out.set('aksi', q.action);
  if (q.actor) out.set('aktor', 'userId' in q.actor ? String(q.actor.userId) : q.actor.email);
  if (q.from) out.set('dari', q.from);
  if (q.to) out.set('sampai', q.to);
  return out;
}
