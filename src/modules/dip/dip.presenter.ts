import { formatInstant, formatLocalDate } from 'src/common/views/view-helpers';
import { EXEMPTION_GROUNDS } from 'src/modules/requests';
import { CATEGORY_BASIS, CATEGORY_LABELS, DIP_CATEGORIES, DIP_FORMS, DipCategory, FORM_LABELS, PERIOD_LABELS, UpdatePeriod, UPDATE_PERIODS } from './dip-categories';
import { OPENING_REASON_LABELS, OpeningReason } from './dip-exemptions';
import { Rhythm, RhythmState } from './dip-rhythm';
import { DipHistoryAction, DipItemRecord, ExemptionSourceRecord, OpenedSource } from './dip.repository';
import { DipDesk, DipItemView, DipOfficerItem, DipPublicList, DipUnitOption } from './dip.service';

/** The plain region code in addresses: '35.78' → '3578'. */
export function plainCode(code: string): string {
  return code.replace(/\./g, '');
}

export function itemPath(item: Pick<DipItemRecord, 'bodyCode' | 'id'>): string {
  return `/dip/${plainCode(item.bodyCode)}/${item.id}`;
}

const STATE_LABELS: Record<RhythmState, string> = { aman: 'Aman', segera: 'Segera diperbarui', terlambat: 'Terlambat diperbarui' };

/** 'Pasal 17 huruf h (mengungkap rahasia pribadi)'; ground j names its law. */
export function exemptionText(item: Pick<DipItemRecord, 'exemptionGround' | 'exemptionLaw'>): string | null {
  const g = item.exemptionGround;
  if (!g) return null;
  const label = Object.hasOwn(EXEMPTION_GROUNDS, g) ? EXEMPTION_GROUNDS[g as keyof typeof EXEMPTION_GROUNDS] : g;
  return `Pasal 17 huruf ${g} UU 14/2008 (${label}${item.exemptionLaw ? `: ${item.exemptionLaw}` : ''})`;
}

const DECISION_LABELS: Record<ExemptionSourceRecord['decision'], string> = { refused: 'Penolakan', partially_granted: 'Pemberian sebagian' };

/** The decisions behind an exempted item: number, date, ground, end date (public: no personal data in any of them). */
export function sourcesView(sources: ExemptionSourceRecord[]) {
  return sources.map((x) => ({
    registrationNumber: x.registrationNumber,
    decision: DECISION_LABELS[x.decision],
    decidedOn: x.decidedOn,
    decidedOnText: formatLocalDate(x.decidedOn, false),
    ground: exemptionText({ exemptionGround: x.exemptionGround, exemptionLaw: x.exemptionLaw }),
    untilText: x.exemptionUntil ? formatLocalDate(x.exemptionUntil, false) : null,
  }));
}

/** Where an opening's decision came from, in words. */
export function openedSourceText(source: OpenedSource | null): string | null {
  if (!source) return null;
  const on = source.on ? formatLocalDate(source.on, false) : '';
  if (source.kind === 'objection') return `Keputusan Atasan PPID atas keberatan ${source.number ?? ''} tanggal ${on}${source.registrationNumber ? ` (permohonan ${source.registrationNumber})` : ''}`;
  if (source.kind === 'commission') return `Putusan Komisi Informasi atas sengketa ${source.number ?? ''} tanggal ${on}${source.registrationNumber ? ` (permohonan ${source.registrationNumber})` : ''}`;
  if (source.kind === 'expired') return `Jangka waktu pengecualian berakhir; dibuka ${on}`;
  return `Diklasifikasi ulang oleh PPID tanggal ${on}`;
}

/** When and why an exempted item became public, or null. */
export function openedView(item: DipItemRecord, timeZone: string) {
  if (!item.openedAt || !item.openedReason) return null;
  return {
    atText: formatInstant(new Date(item.openedAt), timeZone),
    reason: item.openedReason,
    reasonLabel: OPENING_REASON_LABELS[item.openedReason as OpeningReason] ?? item.openedReason,
    note: item.openedNote,
    sourceText: openedSourceText(item.openedSource),
  };
}

function periodText(months: number | null): string | null {
  return months === null ? null : (PERIOD_LABELS[months as UpdatePeriod] ?? `Setiap ${months} bulan`);
}

function rhythmText(r: Rhythm | null): string | null {
  if (!r) return null;
  const due = formatLocalDate(r.dueDate, false);
  if (r.state === 'terlambat') return `Terlambat: seharusnya diperbarui paling lambat ${due}`;
  const moved = r.dueDate !== r.nominalDue ? ` (${formatLocalDate(r.nominalDue, false)} bukan hari kerja)` : '';
  const left = r.workingDaysLeft === null ? '' : r.workingDaysLeft === 0 ? ', hari ini' : `, ${r.workingDaysLeft} hari kerja lagi`;
  return `Diperbarui paling lambat ${due}${moved}${left}`;
}

// The DIP table (PDF, XLSX): the columns of the usual Daftar Informasi Publik.

export interface DipColumn {
  key: string;
  header: string;
  pdfWidth: number;
  xlsxWidth: number;
}

export const DIP_COLUMNS: readonly DipColumn[] = [
  { key: 'no', header: 'No', pdfWidth: 22, xlsxWidth: 5 },
  { key: 'ringkasan', header: 'Ringkasan isi informasi', pdfWidth: 190, xlsxWidth: 60 },
  { key: 'jenis', header: 'Jenis informasi', pdfWidth: 62, xlsxWidth: 22 },
  { key: 'penguasa', header: 'Pejabat/unit penguasa informasi', pdfWidth: 90, xlsxWidth: 32 },
  { key: 'penanggung_jawab', header: 'Penanggung jawab pembuatan informasi', pdfWidth: 84, xlsxWidth: 30 },
  { key: 'waktu_tempat', header: 'Waktu dan tempat pembuatan informasi', pdfWidth: 92, xlsxWidth: 32 },
  { key: 'bentuk', header: 'Bentuk informasi', pdfWidth: 64, xlsxWidth: 18 },
  { key: 'penyimpanan', header: 'Jangka waktu penyimpanan', pdfWidth: 68, xlsxWidth: 20 },
  { key: 'pemutakhiran', header: 'Pemutakhiran', pdfWidth: 86, xlsxWidth: 34 },
];

/** The summary cell: title and summary; for an exempted item its title and ground only. */
function summaryCell(item: DipItemRecord): string {
  if (item.category === 'dikecualikan') {
    const until = item.exemptionUntil ? `; dikecualikan sampai ${formatLocalDate(item.exemptionUntil, false)}` : '';
    return `${item.title}\nDikecualikan berdasarkan ${exemptionText(item)}${until}.`;
  }
  const links = item.links.length ? `\nTautan: ${item.links.join(' ')}` : '';
  return `${item.title}\n${item.summary}${links}`;
}

/** One row per item in column order, numbered from 1; what the public may see only. */
export function dipRows(views: DipItemView[]): string[][] {
  return views.map(({ item, rhythm }, i) => [
    String(i + 1),
    summaryCell(item),
    CATEGORY_LABELS[item.category],
    item.unitName,
    item.responsibleOfficial,
    `${item.madeWhen}, ${item.madeWhere}`,
    FORM_LABELS[item.form],
    item.retention,
    [periodText(item.updatePeriodMonths), item.lastUpdatedOn ? `terakhir ${formatLocalDate(item.lastUpdatedOn, false)}` : null, rhythm ? `batas ${formatLocalDate(rhythm.dueDate, false)}${rhythm.state === 'terlambat' ? ' (terlambat)' : ''}` : null]
      .filter(Boolean)
      .join('; ') || '—',
  ]);
}

export function filterText(list: Pick<DipPublicList, 'body' | 'filter'>): string[] {
  const unit = list.filter.unitId !== undefined ? list.body.units.find((u) => u.id === list.filter.unitId)?.name : undefined;
  return [
    ...(list.filter.category ? [`Kategori: ${CATEGORY_LABELS[list.filter.category]}`] : []),
    ...(unit ? [`Unit: ${unit}`] : []),
  ];
}

// Public pages.

function itemCard(view: DipItemView, code: string) {
  const { item, rhythm, files } = view;
  const exempt = item.category === 'dikecualikan';
  return {
    id: item.id,
    href: `/dip/${code}/${item.id}`,
    title: item.title,
    summary: exempt ? null : item.summary,
    exemption: exempt ? exemptionText(item) : null,
    exemptionUntil: item.exemptionUntil,
    category: item.category,
    categoryLabel: CATEGORY_LABELS[item.category],
    unitName: item.unitName,
    responsibleOfficial: item.responsibleOfficial,
    made: `${item.madeWhen}, ${item.madeWhere}`,
    formLabel: FORM_LABELS[item.form],
    retention: item.retention,
    period: periodText(item.updatePeriodMonths),
    lastUpdatedOn: item.lastUpdatedOn,
    rhythm: rhythm ? { state: rhythm.state, stateLabel: STATE_LABELS[rhythm.state], text: rhythmText(rhythm), dueDate: rhythm.dueDate } : null,
    stale: rhythm?.state === 'terlambat',
    fileCount: exempt ? 0 : files.length,
    linkCount: exempt ? 0 : item.links.length,
  };
}

export function publicListView(list: DipPublicList, errors: Record<string, string> = {}, params: Record<string, string | undefined> = {}) {
  const code = plainCode(list.body.code);
  const query = new URLSearchParams();
  if (list.filter.category) query.set('kategori', list.filter.category);
  if (list.filter.unitId !== undefined) query.set('unit', String(list.filter.unitId));
  const qs = query.toString() ? `?${query.toString()}` : '';
  const groups = DIP_CATEGORIES.map((c) => ({
    category: c,
    label: CATEGORY_LABELS[c],
    basis: CATEGORY_BASIS[c],
    items: list.items.filter((v) => v.item.category === c).map((v) => itemCard(v, code)),
  })).filter((g) => g.items.length > 0 || (!list.filter.category && !list.filter.unitId));
  return {
    title: `Daftar Informasi Publik ${list.body.name}`,
    bodyName: list.body.name,
    bodyHref: `/badan/${code}`,
    code,
    today: list.today,
    total: list.items.length,
    groups,
    filtered: list.filter.category !== undefined || list.filter.unitId !== undefined,
    filterLines: filterText(list),
    categories: DIP_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c], selected: list.filter.category === c || params.kategori === c })),
    units: list.body.units.map((u) => ({ value: String(u.id), label: u.name, selected: list.filter.unitId === u.id || params.unit === String(u.id) })),
    downloads: [
      { label: 'PDF', href: `/dip/${code}/daftar.pdf${qs}` },
      { label: 'XLSX', href: `/dip/${code}/daftar.xlsx${qs}` },
      { label: 'JSON', href: `/api/v1/dip/${code}${qs ? `?${new URLSearchParams({ ...(list.filter.category ? { category: list.filter.category } : {}), ...(list.filter.unitId !== undefined ? { unitId: String(list.filter.unitId) } : {}) }).toString()}` : ''}` },
    ],
    errors,
    errorList: Object.entries(errors).map(([k, m]) => ({ href: `#f-${k}`, message: m })),
    values: params,
  };
}

/** The filter form when its values are wrong (400): the page with the messages, no list. */
export function publicListErrorView(body: { name: string; code: string; units: { id: number; name: string }[] }, errors: Record<string, string>, params: Record<string, string | undefined>) {
  const code = plainCode(body.code);
  return {
    title: `Daftar Informasi Publik ${body.name}`,
    bodyName: body.name,
    bodyHref: `/badan/${code}`,
    code,
    groups: [],
    invalid: true,
    categories: DIP_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c], selected: false })),
    units: body.units.map((u) => ({ value: String(u.id), label: u.name, selected: false })),
    downloads: [],
    errors,
    errorList: Object.entries(errors).map(([k, m]) => ({ href: `#f-${k}`, message: m })),
    values: params,
  };
}

export function publicItemView(body: { name: string; code: string }, view: DipItemView) {
  const code = plainCode(body.code);
  const card = itemCard(view, code);
  const exempt = view.item.category === 'dikecualikan';
  return {
    title: view.item.title,
    bodyName: body.name,
    listHref: `/dip/${code}`,
    item: card,
    basis: CATEGORY_BASIS[view.item.category],
    files: exempt ? [] : view.files.map((f) => ({ name: f.filename, href: `/dip/${code}/${view.item.id}/berkas/${f.id}`, size: sizeText(f.size), type: typeLabel(f.mediaType) })),
    links: exempt ? [] : view.item.links.map((href) => ({ href, text: href })),
    requestHref: `/badan/${code}`,
    apiHref: `/api/v1/dip/${code}/${view.item.id}`,
    sources: sourcesView(view.sources),
    opened: openedView(view.item, view.item.timeZone),
  };
}

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

function typeLabel(mediaType: string): string {
  if (mediaType === 'application/pdf') return 'PDF';
  if (mediaType.startsWith('image/')) return mediaType.slice(6).toUpperCase();
  return 'Dokumen';
}

// Officers.

const HISTORY_LABELS: Record<DipHistoryAction, string> = {
  created: 'Ditambahkan',
  updated: 'Diubah',
  withdrawn: 'Ditarik',
  file_added: 'Berkas ditambahkan',
  file_removed: 'Berkas dihapus',
  refreshed: 'Ditandai sudah diperbarui',
  exemption_linked: 'Dikaitkan dengan uji konsekuensi',
  opened: 'Dibuka untuk publik (Pasal 11 ayat (2) UU 14/2008)',
};

function historyLines(action: DipHistoryAction, changes: Record<string, unknown>): string[] | null {
  if (action === 'opened') {
    const reason = OPENING_REASON_LABELS[changes.reason as OpeningReason] ?? String(changes.reason);
    const source = openedSourceText((changes.source as OpenedSource | undefined) ?? null);
    return [`Alasan: ${reason}`, ...(source ? [`Dasar: ${source}`] : []), ...(changes.note ? [`Keterangan: ${String(changes.note)}`] : [])];
  }
  if (action === 'exemption_linked' || (action === 'created' && changes.registrationNumber)) {
    const until = changes.exemptionUntil as { from: unknown; to: unknown } | string | null | undefined;
    const untilText = until && typeof until === 'object' ? `; akhir pengecualian ${String(until.from ?? '—')} → ${String(until.to ?? '—')}` : until ? `; dikecualikan sampai ${until}` : '';
    return [`Uji konsekuensi permohonan ${String(changes.registrationNumber)}, diputus ${String(changes.decidedOn)}; Pasal 17 huruf ${String(changes.exemptionGround)}${untilText}`];
  }
  return null;
}

export const FIELD_LABELS: Record<string, string> = {
  unitId: 'Unit PPID',
  category: 'Kategori',
  title: 'Judul',
  summary: 'Ringkasan',
  responsibleOfficial: 'Penanggung jawab',
  madeWhen: 'Waktu pembuatan',
  madeWhere: 'Tempat pembuatan',
  form: 'Bentuk',
  retention: 'Jangka waktu penyimpanan',
  updatePeriodMonths: 'Jangka waktu pemutakhiran',
  lastUpdatedOn: 'Pemutakhiran terakhir',
  exemptionGround: 'Alasan pengecualian',
  exemptionLaw: 'Undang-undang',
  exemptionUntil: 'Akhir pengecualian',
  links: 'Tautan',
};

function valueText(key: string, value: unknown, units: DipUnitOption[]): string {
  if (value === null || value === undefined || value === '') return '—';
  if (key === 'unitId') return units.find((u) => u.id === value)?.name ?? `unit ${String(value)}`;
  if (key === 'category') return CATEGORY_LABELS[value as DipCategory] ?? String(value);
  if (key === 'form') return FORM_LABELS[value as keyof typeof FORM_LABELS] ?? String(value);
  if (key === 'updatePeriodMonths') return periodText(Number(value)) ?? String(value);
  if (Array.isArray(value)) return value.join(', ') || '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}

/** The fields of the form in the order it shows them (the summary follows it). */
export const DIP_FORM_FIELDS = [
  'unitId', 'category', 'title', 'summary', 'responsibleOfficial', 'madeWhen', 'madeWhere', 'form', 'retention',
  'updatePeriodMonths', 'lastUpdatedOn', 'exemptionGround', 'exemptionLaw', 'exemptionUntil', 'links', 'files',
] as const;

/** The form's options and the item's values as its fields' defaults. */
export function formOptions(units: DipUnitOption[], item: DipItemRecord | null) {
  return {
    unitOptions: units.map((u) => ({ value: String(u.id), label: `${u.name}${u.level === 'utama' ? ' (PPID Utama)' : ''}` })),
    categoryOptions: DIP_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] })),
    formOptions: DIP_FORMS.map((f) => ({ value: f, label: FORM_LABELS[f] })),
    periodOptions: UPDATE_PERIODS.map((p) => ({ value: String(p), label: `${PERIOD_LABELS[p]}${p === 12 ? ' (tidak untuk informasi berkala)' : ''}` })),
    groundOptions: Object.entries(EXEMPTION_GROUNDS).map(([k, v]) => ({ value: k, label: `Huruf ${k}: ${v}` })),
    defaults: item
      ? {
          unitId: String(item.unitId),
          category: item.category,
          title: item.title,
          summary: item.summary,
          responsibleOfficial: item.responsibleOfficial,
          madeWhen: item.madeWhen,
          madeWhere: item.madeWhere,
          form: item.form,
          retention: item.retention,
          updatePeriodMonths: item.updatePeriodMonths === null ? '' : String(item.updatePeriodMonths),
          lastUpdatedOn: item.lastUpdatedOn ?? '',
          exemptionGround: item.exemptionGround ?? '',
          exemptionLaw: item.exemptionLaw ?? '',
          exemptionUntil: item.exemptionUntil ?? '',
          links: item.links.join('\n'),
          version: String(item.version),
        }
      : { unitId: units.length === 1 ? String(units[0].id) : '', category: '', form: '', updatePeriodMonths: '', exemptionGround: '', links: '' },
  };
}

export function deskView(desk: DipDesk, filter: { unit?: string; kategori?: string; ditarik?: string }, notice: string | null) {
  const rows = desk.items.map((v) => ({
    ...itemCard(v, plainCode(v.item.bodyCode)),
    href: `/petugas/dip/${v.item.id}`,
    publicHref: v.item.status === 'active' ? itemPath(v.item) : null,
    withdrawn: v.item.status === 'withdrawn',
    // An exempted item names the decisions behind it; an opened one, that it was opened.
    sourceText: v.sources.length > 0 ? `Dari ${v.sources.map((x) => `permohonan ${x.registrationNumber} (${formatLocalDate(x.decidedOn, false)})`).join(', ')}` : null,
    openedText: v.item.openedReason ? `Dibuka: ${OPENING_REASON_LABELS[v.item.openedReason as OpeningReason] ?? v.item.openedReason}` : null,
  }));
  const rhythmRows = rows.filter((r) => r.rhythm !== null && !r.withdrawn).sort((a, b) => (a.rhythm!.dueDate < b.rhythm!.dueDate ? -1 : 1));
  const bodyCode = desk.items[0] ? plainCode(desk.items[0].item.bodyCode) : null;
  return {
    title: 'Daftar Informasi Publik',
    today: desk.today,
    notice,
    canEdit: desk.canEdit,
    stale: rhythmRows.filter((r) => r.rhythm!.state === 'terlambat'),
    dueSoon: rhythmRows.filter((r) => r.rhythm!.state === 'segera'),
    rhythm: rhythmRows,
    rows,
    total: rows.length,
    publicHref: bodyCode ? `/dip/${bodyCode}` : null,
    units: desk.units.map((u) => ({ value: String(u.id), label: u.name, selected: filter.unit === String(u.id) })),
    categories: DIP_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c], selected: filter.kategori === c })),
    showWithdrawn: filter.ditarik === 'ya',
    counts: DIP_CATEGORIES.map((c) => ({ label: CATEGORY_LABELS[c], n: rows.filter((r) => r.category === c && !r.withdrawn).length })),
  };
}

export function officerItemView(data: DipOfficerItem, notice: string | null, timeZone: string) {
  const { item } = data;
  const card = itemCard(data, plainCode(item.bodyCode));
  return {
    title: item.title,
    notice,
    item: { ...card, summary: item.summary, status: item.status, withdrawn: item.status === 'withdrawn', withdrawalReason: item.withdrawalReason, version: item.version },
    publicHref: item.status === 'active' ? itemPath(item) : null,
    canEdit: data.canEdit,
    canRefresh: data.canEdit && item.updatePeriodMonths !== null,
    files: data.files.map((f) => ({ id: f.id, name: f.filename, href: `${itemPath(item)}/berkas/${f.id}`, size: sizeText(f.size) })),
    links: item.links,
    history: data.history
      .slice()
      .reverse()
      .map((h) => ({
        at: formatInstant(new Date(h.at), timeZone),
        action: HISTORY_LABELS[h.action],
        actor: h.actorName ?? 'Sistem',
        lines:
          historyLines(h.action, h.changes) ??
          (h.action === 'updated' || h.action === 'refreshed'
            ? Object.entries(h.changes as Record<string, { from: unknown; to: unknown }>).map(([k, c]) => `${FIELD_LABELS[k] ?? k}: ${valueText(k, c.from, data.units)} → ${valueText(k, c.to, data.units)}`)
            : h.action === 'withdrawn'
              ? [`Alasan: ${String(h.changes.reason)}`]
              : h.action === 'file_added' || h.action === 'file_removed'
                ? [String(h.changes.filename)]
                : []),
      })),
    sources: sourcesView(data.sources),
    opened: openedView(item, timeZone),
    canReclassify: data.canEdit && item.category === 'dikecualikan',
    ...formOptions(data.units, item),
  };
}
