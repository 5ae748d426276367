import { IndexComponent } from 'src/config/scorecard-weights';
import { ScorecardMetrics } from './scorecard-metrics';
import { MonevBeside, MonevScore } from './scorecards-monev';
import { monevApiFields, MonevApiFields } from './scorecards-monev.presenter';
import { ProvinceScorecards } from './scorecards.service';

export interface ScorecardsApiResponse extends Partial<MonevApiFields> {
  year: number | null;
  quarter: number | null;
  from: string;
  to: string;
  asOf: string;
  /** When the rollups the figures are read from were last brought up to date (ISO instant); null while first built. */
  refreshedAt: string | null;
  indexLabel: string;
  minRequests: number;
  weights: Record<IndexComponent, number>;
  notAvailable: IndexComponent[];
  provincialMedian: ProvinceScorecards['medians'];
  bodies: {
    code: string;
    name: string;
    rank: number | null;
    score: number | null;
    category: string;
    n: number;
    previousScore: number | null;
    metrics: ScorecardMetrics;
    /** The Komisi Informasi's monev result of the year, kept apart from the index; null when not imported. */
    monev?: MonevScore | null;
  }[];
}

/** CONTRACT.md's shape: `{ year, bodies: [{ code, name, rank, score, category, n, metrics }] }`, plus the method. */
export function presentScorecardsApi(p: ProvinceScorecards, monev?: MonevBeside): ScorecardsApiResponse {
  return {
    ...(monev ? monevApiFields(monev) : {}),
    year: p.period.year,
    quarter: p.period.quarter,
    from: p.period.from,
    to: p.period.to,
    asOf: p.asOf,
    refreshedAt: p.refreshedAt ? p.refreshedAt.toISOString() : null,
    indexLabel: 'Indeks layanan portal (bukan hasil monev Komisi Informasi)',
    minRequests: p.minRequests,
    weights: { ...p.weights },
    notAvailable: p.notAvailable,
    provincialMedian: p.medians,
    bodies: p.bodies.map((c) => ({
      code: c.body.code,
      name: c.body.name,
      rank: c.rank,
      score: c.enoughData ? c.index.index : null,
      category: c.enoughData && c.band ? c.band : 'data_belum_cukup',
      n: c.metrics.received,
      previousScore: c.previousIndex,
      metrics: c.metrics,
      ...(monev ? { monev: monev.results.get(c.body.id) ?? null } : {}),
    })),
  };
}
