import { LocalDate } from 'src/common/time/local-time';
import { METRIC_KEYS, QueueState, ScorecardMetricKey, STATE_CONDITIONS } from './scorecard-classification';
import { parsePeriod, Period } from './scorecard-period';

/** What each figure's list is called on the bureau's pages. */
export const METRIC_LABELS: Record<ScorecardMetricKey, string> = {
  received: 'Permohonan diterima',
  settled: 'Permohonan tidak dicabut sebelum pemberitahuan',
  decided: 'Permohonan sudah dijawab atau lewat batas waktu',
  onTime: 'Pemberitahuan tepat waktu',
  late: 'Pemberitahuan terlambat atau belum ada setelah batas waktu',
  extended: 'Diperpanjang',
  answered: 'Diberi pemberitahuan tertulis',
  refused: 'Ditolak',
  justifiedRefusals: 'Penolakan dengan dasar Pasal 17 dan uji konsekuensi lengkap',
  grants: 'Dikabulkan seluruhnya atau sebagian',
  delivered: 'Informasi sudah diterima pemohon',
  overdueAtEnd: 'Terlambat tanpa pemberitahuan pada akhir periode',
  becameOverdue: 'Menjadi terlambat dalam periode',
};

/** The queue's state filter, in the words of the page (value → label). */
export const STATE_LABELS: Record<QueueState, string> = {
  open: 'Masih terbuka',
  overdue: 'Terlambat (belum dijawab)',
  answered: 'Sudah dijawab',
  answeredOnTime: 'Dijawab tepat waktu',
  answeredLate: 'Dijawab terlambat',
  withdrawn: 'Dicabut sebelum dijawab',
};

export const STATES = Object.keys(STATE_CONDITIONS) as QueueState[];

/** The query parameters of /biro/permohonan, as received (blank ones already dropped). */
export interface QueueInput {
  badan?: string;
  tahun?: string;
  triwulan?: string;
  dari?: string;
  sampai?: string;
  status?: string;
  metrik?: string;
  halaman?: string;
}

export interface QueueFilter {
  period: Period;
  /** A body's code (e.g. "35.78"), or null for every body. */
  bodyCode: string | null;
  state: QueueState | null;
  metric: ScorecardMetricKey | null;
  page: number;
}

const MAX_PAGE = 10_000;

/**
 * Reads the queue's filter: a known body code, a period as the scorecards read it, a state, a
 * figure, a page number. Returns the field messages in Bahasa Indonesia instead of throwing.
 */
export function parseQueueFilter(
  input: QueueInput,
  bodyCodes: ReadonlySet<string>,
  today: LocalDate,
): { filter: QueueFilter; errors: null } | { filter: null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const parsed = parsePeriod({ year: input.tahun, quarter: input.triwulan, from: input.dari, to: input.sampai }, today);
  if (!parsed.period) {
    const names: Record<string, string> = { year: 'tahun', quarter: 'triwulan', from: 'dari', to: 'sampai' };
    for (const [key, message] of Object.entries(parsed.errors)) errors[names[key] ?? key] = message;
  }
  if (input.badan !== undefined && !bodyCodes.has(input.badan)) errors.badan = 'Badan publik tidak dikenal.';
  if (input.status !== undefined && !(STATES as string[]).includes(input.status)) errors.status = 'Status tidak dikenal.';
  if (input.metrik !== undefined && !(METRIC_KEYS as string[]).includes(input.metrik)) errors.metrik = 'Angka yang diminta tidak dikenal.';
  let page = 1;
  if (input.halaman !== undefined) {
    if (!/^\d{1,5}$/.test(input.halaman) || Number(input.halaman) < 1 || Number(input.halaman) > MAX_PAGE) errors.halaman = `Halaman harus bilangan 1 sampai ${MAX_PAGE}.`;
    else page = Number(input.halaman);
  }
  if (Object.keys(errors).length > 0 || !parsed.period) return { filter: null, errors };
  return {
    filter: {
      period: parsed.period,
      bodyCode: input.badan ?? null,
      state: (input.status as QueueState | undefined) ?? null,
      metric: (input.metrik as ScorecardMetricKey | undefined) ?? null,
      page,
    },
    errors: null,
  };
}

/** The query string of a period as the pages take it ("?tahun=2025&triwulan=1", or dari/sampai). */
export function periodParams(p: Period): [string, string][] {
  if (p.kind === 'range') return [['dari', p.from], ['sampai', p.to]];
  const out: [string, string][] = [['tahun', String(p.year)]];
  if (p.kind === 'quarter') out.push(['triwulan', String(p.quarter)]);
  return out;
}

/** The link to the list behind a figure: /biro/permohonan with the period, the body and the figure. */
export function drillDownHref(p: Period, opts: { bodyCode?: string | null; metric?: ScorecardMetricKey; state?: QueueState }): string {
  const params = new URLSearchParams();
  if (opts.bodyCode) params.set('badan', opts.bodyCode);
  for (const [k, v] of periodParams(p)) params.set(k, v);
  if (opts.metric) params.set('metrik', opts.metric);
  if (opts.state) params.set('status', opts.state);
  return `/biro/permohonan?${params.toString()}`;
}
