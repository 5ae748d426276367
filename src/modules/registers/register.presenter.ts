import { formatIndonesianDate } from 'src/common/time/local-time';
import type { RegisterDocumentData } from 'src/modules/documents';
import { REQUEST_STATUSES, requestStatusLabel } from 'src/modules/requests';
import { MASKED, REGISTER_COLUMNS, registerCells, statusText } from './register-columns';
import { pdfCell } from './register-files';
import { groundsText, OBJECTION_COLUMNS, objectionCells, ObjectionRegisterEntry, objectionStatusText } from './objection-register';
import { RegisterEntry } from './register-entry';
import { OBJECTION_STATUS_LABELS } from 'src/modules/objections';
import { registerPageParams, RegisterQuery } from './register-query';
import { BodyChoice, RegisterExport, RegisterPage, RegisterScope } from './registers.service';

export const FILTER_FIELDS = ['badan', 'unit', 'dari', 'sampai', 'status', 'q'] as const;

export interface Option {
  value: string;
  label: string;
  selected: boolean;
}

export interface RegisterRowView {
  id: string;
  registrationNumber: string;
  receivedDateText: string;
  requesterName: string;
  personalShown: boolean;
  unitName: string;
  information: string;
  statusText: string;
  details: { label: string; value: string }[];
}

/** What views/registers/requests.hbs shows. */
export interface RegisterPageView {
  title: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  errorList: { href: string; message: string }[];
  bodies: Option[];
  units: Option[];
  statuses: Option[];
  chooseBody: boolean;
  scopeText: string | null;
  periodText: string | null;
  rows: RegisterRowView[];
  total: number;
  masked: boolean;
  page: number;
  pageCount: number;
  paged: boolean;
  prevUrl: string | null;
  nextUrl: string | null;
  downloads: { label: string; href: string }[];
  /** The other register of the same body and period. */
  otherRegister: { label: string; href: string };
}

function periodText(q: RegisterQuery): string {
  return `${formatIndonesianDate(q.from)} – ${formatIndonesianDate(q.to)}`;
}

function scopeText(scope: RegisterScope): string {
  return scope.unit ? `${scope.unit.name}, ${scope.body.name}` : `${scope.body.name} (seluruh unit)`;
}

function statusOptions(selected: string | undefined): Option[] {
  const codes: string[] = [...REQUEST_STATUSES];
  // A status the list does not know yet (a newer lifecycle) stays selectable once chosen.
  if (selected && !codes.includes(selected)) codes.push(selected);
  return codes.map((c) => ({ value: c, label: requestStatusLabel(c), selected: c === selected }));
}

/** /petugas/register: filters, one page of rows (key columns, the rest under "Rincian"), pages, downloads. */
export function registerPageView(result: RegisterPage | BodyChoice | null, values: Record<string, string | undefined>, errors: Record<string, string>): RegisterPageView {
  const page = result && 'scope' in result ? result : null;
  const bodies = result?.bodies ?? [];
  const bodyValue = values.badan ?? (page ? String(page.scope.body.id) : '');
  const frame = pageFrame(page, values, errors, '/petugas/register');
  const detailColumns = REGISTER_COLUMNS.filter((c) => !['nomor', 'tanggal', 'nama', 'unit', 'informasi', 'status'].includes(c.key));
  return {
    ...frame,
    title: 'Register permohonan informasi publik',
    bodies: bodies.map((b) => ({ value: String(b.id), label: b.name, selected: String(b.id) === bodyValue })),
    statuses: statusOptions(values.status || undefined),
    chooseBody: result !== null && !page,
    otherRegister: { label: 'Register keberatan', href: `/petugas/register/keberatan${frame.filterQuery}` },
    rows: (page?.entries ?? []).map((e) => ({
      id: e.id,
      registrationNumber: e.registrationNumber,
      receivedDateText: formatIndonesianDate(e.receivedDate),
      requesterName: e.requesterName,
      personalShown: e.personalShown,
      unitName: e.unitName,
      information: e.information,
      statusText: statusText(e),
      details: detailColumns.map((c) => ({ label: c.header, value: pdfCell(c.key, c.value(e)) })),
    })),
  };
}

/** What both register pages share: filters as shown, scope, paging and downloads under `path`. */
function pageFrame(
  page: RegisterPage<{ personalShown: boolean }> | null,
  values: Record<string, string | undefined>,
  errors: Record<string, string>,
  path: string,
) {
  const params = page ? registerPageParams(page.query) : new URLSearchParams();
  const at = (n: number) => {
    const p = new URLSearchParams(params);
    if (n > 1) p.set('halaman', String(n));
    return `${path}?${p.toString()}`;
  };
  const shown = Object.fromEntries(FILTER_FIELDS.map((f) => [f, values[f] ?? '']));
  if (page) Object.assign(shown, { badan: String(page.scope.body.id), dari: page.query.from, sampai: page.query.to });
  // The other register keeps the body, unit and period, not the status (their codes differ) nor the search.
  const carried = new URLSearchParams([...params].filter(([k]) => ['unit', 'dari', 'sampai'].includes(k)));
  if (page) carried.set('badan', String(page.scope.body.id));
  return {
    values: shown,
    errors,
    errorList: FILTER_FIELDS.filter((f) => errors[f]).map((f) => ({ href: `#f-${f}`, message: errors[f] })),
    units: (page?.scope.units ?? []).map((u) => ({ value: String(u.id), label: u.name, selected: u.id === page?.scope.unit?.id })),
    scopeText: page ? scopeText(page.scope) : null,
    periodText: page ? periodText(page.query) : null,
    total: page?.total ?? 0,
    masked: (page?.entries ?? []).some((e) => !e.personalShown),
    page: page?.page ?? 1,
    pageCount: page?.pageCount ?? 1,
    paged: (page?.pageCount ?? 1) > 1,
    prevUrl: page && page.page > 1 ? at(page.page - 1) : null,
    nextUrl: page && page.page < page.pageCount ? at(page.page + 1) : null,
    downloads: page
      ? (['csv', 'xlsx', 'pdf'] as const).map((f) => ({ label: f.toUpperCase(), href: `${path}.${f}?${params.toString()}` }))
      : [],
    filterQuery: carried.size > 0 ? `?${carried.toString()}` : '',
  };
}

export interface ObjectionRowView {
  id: string;
  objectionNumber: string;
  receivedDateText: string;
  requesterName: string;
  requestId: string;
  requestRegistrationNumber: string;
  unitName: string;
  groundsText: string;
  statusText: string;
  details: { label: string; value: string }[];
}

/** What views/registers/objections.hbs shows. */
export type ObjectionRegisterPageView = Omit<RegisterPageView, 'rows'> & { rows: ObjectionRowView[] };

/** /petugas/register/keberatan: the same page shape as the register permohonan, with the objections' columns. */
export function objectionRegisterPageView(
  result: RegisterPage<ObjectionRegisterEntry> | BodyChoice | null,
  values: Record<string, string | undefined>,
  errors: Record<string, string>,
): ObjectionRegisterPageView {
  const page = result && 'scope' in result ? result : null;
  const bodies = result?.bodies ?? [];
  const bodyValue = values.badan ?? (page ? String(page.scope.body.id) : '');
  const frame = pageFrame(page, values, errors, '/petugas/register/keberatan');
  const summary = ['nomor', 'tanggal', 'nama', 'unit', 'nomor_permohonan', 'alasan', 'keputusan'];
  const detailColumns = OBJECTION_COLUMNS.filter((c) => !summary.includes(c.key));
  const selected = values.status || undefined;
  const codes: string[] = Object.keys(OBJECTION_STATUS_LABELS);
  if (selected && !codes.includes(selected)) codes.push(selected);
  return {
    ...frame,
    title: 'Register keberatan',
    bodies: bodies.map((b) => ({ value: String(b.id), label: b.name, selected: String(b.id) === bodyValue })),
    statuses: codes.map((c) => ({ value: c, label: objectionStatusText(c), selected: c === selected })),
    chooseBody: result !== null && !page,
    otherRegister: { label: 'Register permohonan', href: `/petugas/register${frame.filterQuery}` },
    rows: (page?.entries ?? []).map((e) => ({
      id: e.id,
      objectionNumber: e.objectionNumber,
      receivedDateText: formatIndonesianDate(e.receivedDate),
      requesterName: e.proxyName ? `${e.requesterName} (kuasa: ${e.proxyName})` : e.requesterName,
      requestId: e.requestId,
      requestRegistrationNumber: e.requestRegistrationNumber,
      unitName: e.unitName,
      groundsText: groundsText(e.grounds),
      statusText: objectionStatusText(e.status),
      details: detailColumns.map((c) => ({ label: c.header, value: pdfCell(c.key, c.value(e)) })),
    })),
  };
}

/** The JSON API's answer: the domain entries, with the scope and paging. */
export function presentRegisterApi(page: RegisterPage<RegisterEntry | ObjectionRegisterEntry>): Record<string, unknown> {
  return {
    body: page.scope.body,
    unit: page.scope.unit,
    from: page.query.from,
    to: page.query.to,
    status: page.query.status ?? null,
    q: page.query.search ?? null,
    total: page.total,
    page: page.page,
    pageCount: page.pageCount,
    items: page.entries,
  };
}

/** The register as the PDF prints it. */
export function registerDocument(data: RegisterExport, producedAtText: string): RegisterDocumentData {
  const masked = data.entries.some((e) => !e.personalShown);
  return {
    title: 'Register Permohonan Informasi Publik',
    subtitleLines: [
      scopeText(data.scope),
      `Periode penerimaan ${periodText(data.query)}`,
      ...(data.query.status ? [`Status: ${requestStatusLabel(data.query.status)}`] : []),
      ...(data.query.search ? [`Pencarian: ${data.query.search}`] : []),
    ],
    columns: REGISTER_COLUMNS.map((c) => ({ header: c.header, width: c.pdfWidth })),
    rows: data.entries.map((e) => registerCells(e).map((v, i) => clip(pdfCell(REGISTER_COLUMNS[i].key, v)))),
    note: [
      `Dibuat oleh Portal KIP pada ${producedAtText}. ${data.entries.length} permohonan.`,
      'Waktu dihitung dalam hari kerja sejak hari ke-0 (tanggal penerimaan efektif) sampai pemberitahuan tertulis.',
      masked ? `Data pribadi pemohon yang tidak boleh Anda lihat ditampilkan sebagai "${MASKED}" atau inisial.` : '',
      'Teks yang sangat panjang dipotong; isi lengkapnya ada pada unduhan CSV atau XLSX.',
    ]
      .filter(Boolean)
      .join(' '),
  };
}

const PDF_CELL_LIMIT = 400;

function clip(text: string): string {
  return text.length > PDF_CELL_LIMIT ? `${text.slice(0, PDF_CELL_LIMIT - 1)}…` : text;
}

/** The register keberatan as the PDF prints it. */
export function objectionRegisterDocument(data: RegisterExport<ObjectionRegisterEntry>, producedAtText: string): RegisterDocumentData {
  const masked = data.entries.some((e) => !e.personalShown);
  return {
    title: 'Register Keberatan Informasi Publik',
    subtitleLines: [
      scopeText(data.scope),
      `Periode penerimaan keberatan ${periodText(data.query)}`,
      ...(data.query.status ? [`Keputusan: ${objectionStatusText(data.query.status)}`] : []),
      ...(data.query.search ? [`Pencarian: ${data.query.search}`] : []),
    ],
    columns: OBJECTION_COLUMNS.map((c) => ({ header: c.header, width: c.pdfWidth })),
    rows: data.entries.map((e) => objectionCells(e).map((v, i) => clip(pdfCell(OBJECTION_COLUMNS[i].key, v)))),
    note: [
      `Dibuat oleh Portal KIP pada ${producedAtText}. ${data.entries.length} keberatan.`,
      'Atasan PPID menanggapi keberatan secara tertulis paling lambat 30 hari kerja sejak diterima (Pasal 36 ayat (2) UU 14/2008).',
      masked ? `Data pribadi pemohon yang tidak boleh Anda lihat ditampilkan sebagai "${MASKED}" atau inisial.` : '',
      'Teks yang sangat panjang dipotong; isi lengkapnya ada pada unduhan CSV atau XLSX.',
    ]
      .filter(Boolean)
      .join(' '),
  };
}
