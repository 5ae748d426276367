import { ValidationFailed } from 'src/common/errors/domain-error';
import { fromDayNumber, instantOfLocalTime, LocalDate, toDayNumber } from 'src/common/time/local-time';

/** The register's filters, whichever edge they came from (page form or API). */
export interface RegisterFilter {
  bodyId?: number;
  unitId?: number;
  from?: string;
  to?: string;
  status?: string;
  q?: string;
  page?: number;
}

/** The filters checked and completed: a period of local days and the instants that bound it. */
export interface RegisterQuery {
  bodyId?: number;
  unitId?: number;
  /** Local dates of the province, both inclusive. */
  from: LocalDate;
  to: LocalDate;
  /** since ≤ received_at < until. */
  since: Date;
  until: Date;
  status?: string;
  search?: string;
  page: number;
}

/** Names of the period's fields at the edge, so a message lands beside the right one. */
export interface PeriodFieldNames {
  from: string;
  to: string;
}

/**
 * Completes the filters: the period defaults to the calendar year of `today` (province time), and
 * must not end before it starts. Dates are days in `timeZone`.
 */
export function registerQueryOf(filter: RegisterFilter, today: LocalDate, timeZone: string, names: PeriodFieldNames): RegisterQuery {
  const year = today.slice(0, 4);
  const from = filter.from || `${year}-01-01`;
  const to = filter.to || (filter.from ? `${filter.from.slice(0, 4)}-12-31` : `${year}-12-31`);
  if (to < from) throw new ValidationFailed({ [names.to]: 'Tanggal akhir tidak boleh sebelum tanggal awal.' });
  return {
    bodyId: filter.bodyId,
    unitId: filter.unitId,
    from,
    to,
    since: instantOfLocalTime(from, 0, timeZone),
    until: instantOfLocalTime(fromDayNumber(toDayNumber(to) + 1), 0, timeZone),
    status: filter.status || undefined,
    search: filter.q?.trim() || undefined,
    page: filter.page ?? 1,
  };
}

/** The filters as the page's URL parameters (without the page number). */
export function registerPageParams(q: RegisterQuery): URLSearchParams {
  const out = new URLSearchParams();
  if (q.bodyId !== undefined) out.set('badan', String(q.bodyId));
  if (q.unitId !== undefined) out.set('unit', String(q.unitId));
  out.set('dari', q.from);
  out.set('sampai', q.to);
  if (q.status) out.set('status', q.status);
  if (q.search) out.set('q', q.search);
  return out;
}
