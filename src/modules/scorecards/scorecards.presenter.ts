import { formatIndonesianDate, LocalDate } from 'src/common/time/local-time';
import { INDEX_COMPONENTS, IndexComponent } from 'src/config/scorecard-weights';
import { DeskLinks, deskLinks } from './bureau-desk-links';
import { drillDownHref } from './bureau-queue-filter';
import { AnnualReportStanding } from './compliance-sources';
import { Band } from './scorecard-index';
import { ScorecardMetrics } from './scorecard-metrics';
import { Period } from './scorecard-period';
import { PUBLIC_INFORMATION_METRICS } from './scorecard-public-information';
import { Rate } from './scorecard-stats';
import { PUBLIC_INFORMATION_LABELS, PublicInformationRateView, publicInformationViews } from './scorecards-public-information.presenter';
import { BodyScorecard, BodyScorecardPage, BureauDesk, ProvinceScorecards } from './scorecards.service';

export const INDEX_LABEL = 'Indeks layanan portal';

export const BAND_LABELS: Record<Band, string> = {
  informatif: 'Informatif',
  menuju_informatif: 'Menuju Informatif',
  cukup_informatif: 'Cukup Informatif',
  kurang_informatif: 'Kurang Informatif',
  tidak_informatif: 'Tidak Informatif',
};

export const COMPONENT_LABELS: Record<IndexComponent, { name: string; formula: string }> = {
  onTime: { name: 'Pemberitahuan tepat waktu', formula: 'persentase permohonan yang diberi pemberitahuan tertulis paling lambat pada batas waktunya' },
  completion: { name: 'Informasi tersampaikan', formula: 'persentase permohonan yang dikabulkan (seluruh atau sebagian) yang informasinya sudah diterima pemohon' },
  speed: { name: 'Kecepatan', formula: '100 × (1 − median hari kerja sampai pemberitahuan ÷ 10), paling rendah 0' },
  justifiedRefusals: { name: 'Penolakan beralasan', formula: 'persentase penolakan yang menyebut dasar Pasal 17 dan mencatat uji konsekuensi lengkap' },
  backlog: { name: 'Tunggakan', formula: '100 × (1 − permohonan terlambat pada akhir periode ÷ permohonan diterima), paling rendah 0' },
  objections: {
    name: 'Keberatan dijawab tepat waktu',
    formula: 'persentase keberatan yang dijawab atasan PPID dalam 30 hari kerja, dari keberatan yang sudah dijawab atau sudah lewat batas waktunya tanpa jawaban',
  },
  annualReport: {
    name: 'Laporan tahunan',
    formula: '100 bila laporan layanan informasi tahun sebelumnya terbit paling lambat 31 Maret, 0 bila terbit sesudahnya atau belum terbit sesudah 31 Maret; tidak dihitung sebelum 31 Maret lewat',
  },
  ...(Object.fromEntries(PUBLIC_INFORMATION_METRICS.map((k) => [k, { name: PUBLIC_INFORMATION_LABELS[k].name, formula: PUBLIC_INFORMATION_LABELS[k].formula }])) as Record<
    (typeof PUBLIC_INFORMATION_METRICS)[number],
    { name: string; formula: string }
  >),
};

const NOT_AVAILABLE_TEXT = '—';
const QUARTER_NAMES = ['I', 'II', 'III', 'IV'];

function number(value: number, digits = 1): string {
  return value.toLocaleString('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function percent(value: number): string {
  return `${number(value * 100)}%`;
}

export interface RateView {
  text: string;
  detail: string;
}

/** "80,0%" with "8 dari 10; IK 95%: 49,0–94,3%", or "—" with "n = 0". */
export function presentRate(r: Rate): RateView {
  if (r.value === null || r.low === null || r.high === null) return { text: NOT_AVAILABLE_TEXT, detail: 'n = 0' };
  return { text: percent(r.value), detail: `${r.k} dari ${r.n}; IK 95%: ${number(r.low * 100)}–${number(r.high * 100)}%` };
}

export function periodLabel(p: Period): string {
  if (p.kind === 'year') return `Tahun ${p.year}`;
  if (p.kind === 'quarter') return `Triwulan ${QUARTER_NAMES[(p.quarter as number) - 1]} ${p.year}`;
  return `${formatIndonesianDate(p.from)} – ${formatIndonesianDate(p.to)}`;
}

export function quarterShortLabel(p: Period): string {
  return `TW ${QUARTER_NAMES[(p.quarter as number) - 1]}`;
}

function change(current: number | null, previous: number | null): string {
  if (current === null || previous === null) return NOT_AVAILABLE_TEXT;
  const d = Math.round((current - previous) * 10) / 10;
  return d === 0 ? '0,0' : `${d > 0 ? '+' : '−'}${number(Math.abs(d))}`;
}

function versusMedian(value: number | null, med: number | null): string {
  if (value === null || med === null) return NOT_AVAILABLE_TEXT;
  const d = Math.round((value - med) * 10) / 10;
  if (d === 0) return 'sama dengan median';
  return `${number(Math.abs(d))} poin ${d > 0 ? 'di atas' : 'di bawah'} median`;
}

export interface ScorecardRowView {
  rank: string;
  code: string;
  name: string;
  href: string;
  index: string;
  category: string;
  enoughData: boolean;
  received: number;
  onTime: RateView;
  completion: RateView;
  refusal: RateView;
  justifiedRefusal: RateView;
  extension: RateView;
  medianDays: string;
  p90Days: string;
  overdueAtEnd: number;
  change: string;
  versusMedian: string;
  objections: RateView;
  objectionRate: RateView;
  objectionsOverturned: RateView;
  disputeRate: RateView;
  /** How many keberatan and sengketa, e.g. "3 keberatan, 1 sengketa". */
  objectionCounts: string;
  annualReport: string;
  /** DIP completeness and berkala freshness (each metric of information already public the portal keeps). */
  publicInformation: PublicInformationRateView[];
}

const NOT_KEPT: RateView = { text: NOT_AVAILABLE_TEXT, detail: 'belum dicatat di portal' };

/** "Ya (terbit 28 Maret 2026)", "Tidak (terbit 1 April 2026)", "Tidak (belum terbit)", "Belum jatuh tempo (31 Maret 2026)". */
export function presentAnnualReport(r: AnnualReportStanding | null): string {
  if (r === null) return NOT_AVAILABLE_TEXT;
  const what = `laporan ${r.reportYear}`;
  if (r.onTime === null) return `Belum jatuh tempo (${what}, batas ${formatIndonesianDate(r.deadline)})`;
  if (r.publishedOn === null) return `Tidak (${what} belum terbit)`;
  return `${r.onTime ? 'Ya' : 'Tidak'} (${what} terbit ${formatIndonesianDate(r.publishedOn)})`;
}

function objectionViews(m: ScorecardMetrics): Pick<ScorecardRowView, 'objections' | 'objectionRate' | 'objectionsOverturned' | 'disputeRate' | 'objectionCounts'> {
  const o = m.objections;
  if (o === null) return { objections: NOT_KEPT, objectionRate: NOT_KEPT, objectionsOverturned: NOT_KEPT, disputeRate: NOT_KEPT, objectionCounts: NOT_AVAILABLE_TEXT };
  return {
    objections: presentRate(o.answeredOnTime),
    objectionRate: presentRate(o.objectionRate),
    objectionsOverturned: presentRate(o.overturned),
    disputeRate: presentRate(o.disputeRate),
    objectionCounts: `${o.objections} keberatan, ${o.disputes} sengketa`,
  };
}

export function presentRow(c: BodyScorecard, p: ProvinceScorecards, query: string): ScorecardRowView {
  const m = c.metrics;
  const idx = c.enoughData ? c.index.index : null;
  return {
    rank: c.rank === null ? NOT_AVAILABLE_TEXT : String(c.rank),
    code: c.body.code,
    name: c.body.name,
    href: `/peringkat/${encodeURIComponent(c.body.code)}${query}`,
    index: idx === null ? NOT_AVAILABLE_TEXT : number(idx),
    category: !c.enoughData ? 'Data belum cukup' : c.band ? BAND_LABELS[c.band] : NOT_AVAILABLE_TEXT,
    enoughData: c.enoughData,
    received: m.received,
    onTime: presentRate(m.onTime),
    completion: presentRate(m.completion),
    refusal: presentRate(m.refusal),
    justifiedRefusal: presentRate(m.justifiedRefusal),
    extension: presentRate(m.extension),
    medianDays: m.daysToNotice.median === null ? NOT_AVAILABLE_TEXT : String(m.daysToNotice.median),
    p90Days: m.daysToNotice.p90 === null ? NOT_AVAILABLE_TEXT : String(m.daysToNotice.p90),
    overdueAtEnd: m.overdueAtEnd,
    change: change(idx, c.previousIndex),
    versusMedian: c.enoughData ? versusMedian(idx, p.medians.index) : NOT_AVAILABLE_TEXT,
    ...objectionViews(m),
    annualReport: presentAnnualReport(m.annualReport),
    publicInformation: publicInformationViews(m.publicInformation, presentRate),
  };
}

export interface MethodView {
  weights: { name: string; weight: number; formula: string; available: boolean }[];
  minRequests: number;
  notAvailable: string[];
}

export function presentMethod(p: ProvinceScorecards): MethodView {
  return {
    weights: INDEX_COMPONENTS.map((c) => ({ name: COMPONENT_LABELS[c].name, weight: p.weights[c], formula: COMPONENT_LABELS[c].formula, available: !p.notAvailable.includes(c) })),
    minRequests: p.minRequests,
    notAvailable: p.notAvailable.map((c) => COMPONENT_LABELS[c].name),
  };
}

export interface PeriodChoice {
  years: { value: number; selected: boolean }[];
  quarters: { value: string; label: string; selected: boolean }[];
}

export function periodChoice(p: Period, today: LocalDate, firstYear: number): PeriodChoice {
  const thisYear = Number(today.slice(0, 4));
  const years = [];
  for (let y = thisYear; y >= firstYear; y -= 1) years.push({ value: y, selected: y === p.year });
  return {
    years,
    quarters: [
      { value: '', label: 'Setahun penuh', selected: p.quarter === null },
      ...[1, 2, 3, 4].map((q) => ({ value: String(q), label: `Triwulan ${QUARTER_NAMES[q - 1]}`, selected: p.quarter === q })),
    ],
  };
}

export function periodQuery(p: Period): string {
  if (p.kind === 'range') return `?dari=${p.from}&sampai=${p.to}`;
  return p.quarter === null ? `?tahun=${p.year}` : `?tahun=${p.year}&triwulan=${p.quarter}`;
}

export interface RankingPageView {
  title: string;
  indexLabel: string;
  periodLabel: string;
  previousLabel: string;
  asOf: string;
  choice: PeriodChoice;
  rows: ScorecardRowView[];
  province: {
    received: number;
    onTime: RateView;
    completion: RateView;
    overdueAtEnd: number;
    medianIndex: string;
    medianOnTime: string;
    objectionCounts: string;
    objectionsOnTime: RateView;
    /** Over every body: required DIP categories present, berkala items up to date. */
    publicInformation: PublicInformationRateView[];
  };
  /** The headings of the public-information table (the metrics the portal keeps). */
  publicInformationHeadings: { key: string; heading: string }[];
  chartSvg: string;
  method: MethodView;
  csvHref: string;
  xlsxHref: string;
  /** The report for the Governor (PDF) of the same period. */
  pdfHref: string;
  /** The dates of a range period, to show in its form; null for a year or a quarter. */
  range: { from: LocalDate; to: LocalDate } | null;
}

/** The API query of the same period, for the download links. */
export function apiQuery(p: Period): string {
  if (p.kind === 'range') return `from=${p.from}&to=${p.to}`;
  return p.quarter === null ? `year=${p.year}` : `year=${p.year}&quarter=${p.quarter}`;
}

export function rankingPageView(p: ProvinceScorecards, today: LocalDate, chartSvg: string, firstYear: number): RankingPageView {
  const q = periodQuery(p.period);
  return {
    title: `Peringkat layanan informasi — ${periodLabel(p.period)}`,
    indexLabel: INDEX_LABEL,
    periodLabel: periodLabel(p.period),
    previousLabel: periodLabel(p.previous),
    asOf: formatIndonesianDate(p.asOf),
    choice: periodChoice(p.period, today, firstYear),
    rows: p.bodies.map((c) => presentRow(c, p, q)),
    province: {
      received: p.province.received,
      onTime: presentRate(p.province.onTime),
      completion: presentRate(p.province.completion),
      overdueAtEnd: p.province.overdueAtEnd,
      medianIndex: p.medians.index === null ? NOT_AVAILABLE_TEXT : number(p.medians.index),
      medianOnTime: p.medians.onTime === null ? NOT_AVAILABLE_TEXT : percent(p.medians.onTime),
      objectionCounts: objectionViews(p.province).objectionCounts,
      objectionsOnTime: objectionViews(p.province).objections,
      publicInformation: publicInformationViews(p.province.publicInformation, presentRate),
    },
    publicInformationHeadings: publicInformationViews(p.province.publicInformation, presentRate).map((v) => ({ key: v.key, heading: v.heading })),
    chartSvg,
    method: presentMethod(p),
    csvHref: `/api/v1/scorecards?${apiQuery(p.period)}&format=csv`,
    xlsxHref: `/api/v1/scorecards?${apiQuery(p.period)}&format=xlsx`,
    pdfHref: `/api/v1/scorecards?${apiQuery(p.period)}&format=pdf`,
    range: p.period.kind === 'range' ? { from: p.period.from, to: p.period.to } : null,
  };
}

export interface BodyPageView {
  title: string;
  indexLabel: string;
  periodLabel: string;
  backHref: string;
  row: ScorecardRowView;
  scores: { name: string; score: string; weight: string }[];
  units: {
    name: string;
    level: string;
    received: number;
    onTime: RateView;
    completion: RateView;
    medianDays: string;
    refusal: RateView;
    objectionRate: RateView;
    objectionsOnTime: RateView;
    disputeRate: RateView;
  }[];
  history: { label: string; index: string; received: number; enoughData: boolean }[];
  historySvg: string;
  overdue: { registrationNumber: string; unitName: string; dueDate: string; workingDaysOverdue: number }[];
  method: MethodView;
  medianIndex: string;
  medianOnTime: string;
}

export function bodyPageView(page: BodyScorecardPage, historySvg: string): BodyPageView {
  const c = page.current;
  const p = page.province;
  return {
    title: `${c.body.name} — ${INDEX_LABEL.toLowerCase()} ${periodLabel(p.period)}`,
    indexLabel: INDEX_LABEL,
    periodLabel: periodLabel(p.period),
    backHref: `/peringkat${periodQuery(p.period)}`,
    row: presentRow(c, p, periodQuery(p.period)),
    scores: INDEX_COMPONENTS.map((k) => {
      const s = c.scores[k];
      return {
        name: COMPONENT_LABELS[k].name,
        score: s.score === null ? (s.reason === 'not_available' ? '— (data belum tersedia di portal)' : '— (tidak ada datanya)') : number(s.score),
        weight: `${number(c.index.effectiveWeights[k])}`,
      };
    }),
    units: page.units.map((u) => ({
      name: u.unit.name,
      level: u.unit.level === 'utama' ? 'PPID Utama' : 'PPID Pelaksana',
      received: u.metrics.received,
      onTime: presentRate(u.metrics.onTime),
      completion: presentRate(u.metrics.completion),
      medianDays: u.metrics.daysToNotice.median === null ? NOT_AVAILABLE_TEXT : String(u.metrics.daysToNotice.median),
      refusal: presentRate(u.metrics.refusal),
      ...unitObjectionViews(u.metrics),
    })),
    history: page.history.map((h) => ({
      label: `${quarterShortLabel(h.period)} ${h.period.year}`,
      index: h.index === null ? (h.enoughData ? NOT_AVAILABLE_TEXT : 'Data belum cukup') : number(h.index),
      received: h.received,
      enoughData: h.enoughData,
    })),
    historySvg,
    overdue: page.overdue.map((o) => ({ registrationNumber: o.registrationNumber, unitName: o.unitName, dueDate: formatIndonesianDate(o.dueDate), workingDaysOverdue: o.workingDaysOverdue })),
    method: presentMethod(p),
    medianIndex: p.medians.index === null ? NOT_AVAILABLE_TEXT : number(p.medians.index),
    medianOnTime: p.medians.onTime === null ? NOT_AVAILABLE_TEXT : percent(p.medians.onTime),
  };
}

function unitObjectionViews(m: ScorecardMetrics): { objectionRate: RateView; objectionsOnTime: RateView; disputeRate: RateView } {
  const v = objectionViews(m);
  return { objectionRate: v.objectionRate, objectionsOnTime: v.objections, disputeRate: v.disputeRate };
}

export interface DeskView {
  title: string;
  periodLabel: string;
  previousLabel: string;
  rankingHref: string;
  /** The report for the Governor (PDF) of the quarter shown. */
  pdfHref: string;
  received: number;
  onTime: RateView;
  overdue: number;
  ranked: number;
  notEnough: number;
  medianIndex: string;
  slipped: { name: string; href: string; queueHref: string; index: string; previous: string; change: string; category: string }[];
  /** The lists behind the desk's figures (the same classification as the figures). */
  links: DeskLinks;
  onTimeCounts: { k: number; n: number };
}

export function deskView(d: BureauDesk): DeskView {
  const p = d.scorecards;
  const q = periodQuery(p.period);
  return {
    title: 'Meja Biro: layanan informasi se-provinsi',
    periodLabel: periodLabel(p.period),
    previousLabel: periodLabel(p.previous),
    rankingHref: `/peringkat${q}`,
    pdfHref: `/api/v1/scorecards?${apiQuery(p.period)}&format=pdf`,
    received: p.province.received,
    onTime: presentRate(p.province.onTime),
    overdue: p.province.overdueAtEnd,
    links: deskLinks(p.period),
    onTimeCounts: { k: p.province.onTime.k, n: p.province.onTime.n },
    ranked: p.bodies.filter((c) => c.rank !== null).length,
    notEnough: p.bodies.filter((c) => !c.enoughData).length,
    medianIndex: p.medians.index === null ? NOT_AVAILABLE_TEXT : number(p.medians.index),
    slipped: d.slipped.map((s) => ({
      name: s.card.body.name,
      href: `/peringkat/${encodeURIComponent(s.card.body.code)}${q}`,
      queueHref: drillDownHref(p.period, { bodyCode: s.card.body.code }),
      index: number(s.card.index.index as number),
      previous: number(s.card.previousIndex as number),
      change: `−${number(Math.abs(s.change))}`,
      category: s.card.band ? BAND_LABELS[s.card.band] : NOT_AVAILABLE_TEXT,
    })),
  };
}
