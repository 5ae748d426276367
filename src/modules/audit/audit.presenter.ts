import { formatLocalDate } from 'src/common/views/view-helpers';
import { ROLE_LABELS } from 'src/common/auth/roles';
import { formatTimeOfDay, localDateTimeOf, timeZoneLabel } from 'src/common/time/local-time';
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES, isAuditAction } from './audit-actions';
import { csvLine } from 'src/common/files/csv-cells';
import { AuditActorRole } from './audit-entry.entity';
import { auditQueryParams, AuditQuery, AuditQueryParams } from './audit-query';
import { AuditPage } from './audit.service';
import { AuditRow, TargetNames } from './audit.repository';

export const FILTER_FIELDS = ['aksi', 'aktor', 'dari', 'sampai'] as const;

function roleLabel(role: AuditActorRole): string {
  return role === 'system' ? 'Sistem' : ROLE_LABELS[role];
}

function actionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTIONS[action] : action;
}

/** 'Senin, 1 Desember 2025 10.00 WIB'. */
function instantText(at: Date, timeZone: string): string {
  const local = localDateTimeOf(at, timeZone);
  return `${formatLocalDate(local.date)} ${formatTimeOfDay(local.minuteOfDay, '.')} ${timeZoneLabel(timeZone, at)}`;
}

export interface AuditTargetView {
  typeLabel: string;
  name: string;
  href: string | null;
}

export interface AuditRowView {
  id: string;
  atText: string;
  at: string;
  actorName: string;
  actorEmail: string | null;
  actorId: number | null;
  roleLabel: string;
  action: string;
  actionLabel: string;
  target: AuditTargetView | null;
  details: { key: string; value: string }[];
}

/** What views/audit/index.hbs shows. */
export interface AuditPageView {
  title: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  errorList: { href: string; message: string }[];
  actions: { value: string; label: string; selected: boolean }[];
  rows: AuditRowView[];
  filtered: boolean;
  isContinued: boolean;
  firstUrl: string;
  nextUrl: string | null;
  csvUrl: string;
}

/** Where the target can be seen, and what it is called now. */
function targetView(row: AuditRow, names: TargetNames): AuditTargetView | null {
  if (!row.targetType || !row.targetId) return null;
  const typeLabel = (AUDIT_TARGET_TYPES as Record<string, string>)[row.targetType] ?? row.targetType;
  const id = row.targetId;
  switch (row.targetType) {
    case 'request':
      return { typeLabel, name: names.requests.get(id) ?? `#${id}`, href: `/petugas/permohonan/${id}` };
    case 'user':
      return { typeLabel, name: names.users.get(id) ?? `#${id}`, href: `/admin/pengguna#pengguna-${id}` };
    case 'unit':
      return { typeLabel, name: names.units.get(id) ?? `#${id}`, href: `/admin/unit#unit-${id}` };
    case 'body':
      return { typeLabel, name: `#${id}`, href: `/admin/badan/${id}` };
    default:
      return { typeLabel, name: `#${id}`, href: null };
  }
}

function detailText(value: unknown): string {
  if (value === null) return '—';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'ya' : 'tidak';
  return String(value);
}

/** /admin/audit: filters, the rows of this page, the next page and the CSV link with the same filters. */
export function auditPageView(
  page: AuditPage | null,
  query: AuditQuery | null,
  values: AuditQueryParams,
  errors: Record<string, string>,
  timeZone: string,
): AuditPageView {
  const params = query ? auditQueryParams(query) : new URLSearchParams();
  const next = new URLSearchParams(params);
  if (page?.nextCursor) next.set('setelah', page.nextCursor);
  const csv = params.toString();
  return {
    title: 'Jejak audit',
    values: Object.fromEntries(FILTER_FIELDS.map((f) => [f, values[f] ?? ''])),
    errors,
    errorList: FILTER_FIELDS.filter((f) => errors[f]).map((f) => ({ href: `#f-${f}`, message: errors[f] })),
    actions: Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label, selected: value === values.aksi })),
    rows: (page?.rows ?? []).map((r): AuditRowView => ({
      id: r.id,
      atText: instantText(r.occurredAt, timeZone),
      at: r.occurredAt.toISOString(),
      actorName: r.actorUserId === null ? 'Sistem' : (r.actorName ?? `Akun #${r.actorUserId}`),
      actorEmail: r.actorEmail,
      actorId: r.actorUserId,
      roleLabel: roleLabel(r.actorRole),
      action: r.action,
      actionLabel: actionLabel(r.action),
      target: targetView(r, page?.targets ?? { users: new Map(), units: new Map(), requests: new Map() }),
      details: Object.entries(r.details).map(([key, value]) => ({ key, value: detailText(value) })),
    })),
    filtered: csv !== '',
    isContinued: query?.before !== undefined,
    firstUrl: csv ? `/admin/audit?${csv}` : '/admin/audit',
    nextUrl: page?.nextCursor ? `/admin/audit?${next.toString()}` : null,
    csvUrl: csv ? `/admin/audit.csv?${csv}` : '/admin/audit.csv',
  };
}

export const CSV_HEADER = csvLine([
  'id',
  'waktu',
  'pelaku_id',
  'pelaku_nama',
  'pelaku_email',
  'pelaku_peran',
  'tindakan',
  'tindakan_keterangan',
  'sasaran_jenis',
  'sasaran_id',
  'rincian',
]);

/** One CSV line per row; the instant in ISO 8601 (UTC), details as JSON. */
export function auditCsvLine(r: AuditRow): string {
  return csvLine([
    r.id,
    r.occurredAt.toISOString(),
    r.actorUserId,
    r.actorUserId === null ? 'Sistem' : r.actorName,
    r.actorEmail,
    r.actorRole,
    r.action,
    actionLabel(r.action),
    r.targetType,
    r.targetId,
    JSON.stringify(r.details),
  ]);
}
