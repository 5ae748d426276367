import { formatIndonesianDate } from 'src/common/time/local-time';
import { requestStatusLabel } from 'src/modules/requests';
import { drillDownHref, METRIC_LABELS, periodParams, STATE_LABELS, STATES } from './bureau-queue-filter';
import { BureauQueue } from './bureau-queue.service';
import { periodLabel } from './scorecards.presenter';

export interface QueueRowView {
  registrationNumber: string;
  unitName: string;
  bodyCode: string;
  received: string;
  due: string;
  status: string;
  notice: string;
  overdue: string;
}

export interface QueueTotalsView {
  code: string;
  name: string;
  received: { n: number; href: string };
  open: { n: number; href: string };
  overdue: { n: number; href: string };
  answeredOnTime: { n: number; href: string };
}

export interface QueuePageView {
  title: string;
  heading: string;
  periodLabel: string;
  today: string;
  filters: {
    badan: string;
    tahun: string;
    triwulan: string;
    dari: string;
    sampai: string;
    status: string;
    metrik: string;
  };
  bodies: { value: string; label: string; selected: boolean }[];
  states: { value: string; label: string; selected: boolean }[];
  quarters: { value: string; label: string; selected: boolean }[];
  metricLabel: string | null;
  clearMetricHref: string | null;
  totals: QueueTotalsView[];
  sum: QueueTotalsView;
  showSum: boolean;
  total: number;
  rows: QueueRowView[];
  paged: boolean;
  page: number;
  pageCount: number;
  prevUrl: string | null;
  nextUrl: string | null;
  deskHref: string;
}

const DASH = '—';

export function queuePageView(q: BureauQueue): QueuePageView {
  const f = q.filter;
  const p = f.period;
  const totalsOf = (code: string | null, name: string, t: { received: number; open: number; overdue: number; answeredOnTime: number }): QueueTotalsView => ({
    code: code ?? '',
    name,
    received: { n: t.received, href: drillDownHref(p, { bodyCode: code, metric: 'received' }) },
    open: { n: t.open, href: drillDownHref(p, { bodyCode: code, state: 'open' }) },
    overdue: { n: t.overdue, href: drillDownHref(p, { bodyCode: code, state: 'overdue' }) },
    answeredOnTime: { n: t.answeredOnTime, href: drillDownHref(p, { bodyCode: code, metric: 'onTime' }) },
  });
  const pageCount = Math.max(1, Math.ceil(q.total / q.pageSize));
  const pageUrl = (n: number): string => {
    const params = new URLSearchParams();
    if (f.bodyCode) params.set('badan', f.bodyCode);
    for (const [k, v] of periodParams(p)) params.set(k, v);
    if (f.state) params.set('status', f.state);
    if (f.metric) params.set('metrik', f.metric);
    params.set('halaman', String(n));
    return `/biro/permohonan?${params.toString()}`;
  };
  const metricLabel = f.metric ? METRIC_LABELS[f.metric] : null;
  const heading = [metricLabel ?? (f.state ? STATE_LABELS[f.state] : 'Semua permohonan'), q.body?.name].filter(Boolean).join(' — ');
  return {
    title: 'Antrean permohonan se-provinsi',
    heading,
    periodLabel: periodLabel(p),
    today: formatIndonesianDate(q.today),
    filters: {
      badan: f.bodyCode ?? '',
      tahun: p.year === null ? '' : String(p.year),
      triwulan: p.quarter === null ? '' : String(p.quarter),
      dari: p.kind === 'range' ? p.from : '',
      sampai: p.kind === 'range' ? p.to : '',
      status: f.state ?? '',
      metrik: f.metric ?? '',
    },
    bodies: q.bodies.map((b) => ({ value: b.code, label: b.name, selected: b.code === f.bodyCode })),
    states: STATES.map((s) => ({ value: s, label: STATE_LABELS[s], selected: s === f.state })),
    quarters: [1, 2, 3, 4].map((n) => ({ value: String(n), label: `Triwulan ${['I', 'II', 'III', 'IV'][n - 1]}`, selected: n === p.quarter })),
    metricLabel,
    clearMetricHref: f.metric ? drillDownHref(p, { bodyCode: f.bodyCode }) : null,
    totals: q.totals.map((t) => totalsOf(t.body.code, t.body.name, t.totals)),
    sum: totalsOf(f.bodyCode, 'Jumlah', q.sum),
    showSum: q.totals.length > 1,
    total: q.total,
    rows: q.items.map((r) => ({
      registrationNumber: r.registrationNumber,
      unitName: r.unitName,
      bodyCode: r.bodyCode,
      received: formatIndonesianDate(r.receivedOn),
      due: formatIndonesianDate(r.dueDate),
      status: requestStatusLabel(r.status),
      notice: r.noticeOn ? formatIndonesianDate(r.noticeOn) : DASH,
      overdue: r.workingDaysOverdue === null ? DASH : `${r.workingDaysOverdue} hari kerja`,
    })),
    paged: pageCount > 1,
    page: f.page,
    pageCount,
    prevUrl: f.page > 1 ? pageUrl(f.page - 1) : null,
    nextUrl: f.page < pageCount ? pageUrl(f.page + 1) : null,
    deskHref: '/biro',
  };
}
