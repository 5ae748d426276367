import { INDEX_COMPONENTS, IndexComponent, ScorecardWeights } from 'src/config/scorecard-weights';
import { ScorecardMetrics } from './scorecard-metrics';
import { PUBLIC_INFORMATION_METRICS, PublicInformationMetric } from './scorecard-public-information';

/** Working days the law allows for the written notice (Pasal 22(7)); the speed score reaches 0 there. */
export const NOTICE_WORKING_DAYS = 10;

/** Why a part of the index has no score for a body. */
export type ExclusionReason = 'not_available' | 'not_applicable';

export type ComponentScore = { score: number; reason: null } | { score: null; reason: ExclusionReason };

const scored = (score: number): ComponentScore => ({ score: Math.max(0, Math.min(100, score)), reason: null });
const NOT_APPLICABLE: ComponentScore = { score: null, reason: 'not_applicable' };
const NOT_AVAILABLE: ComponentScore = { score: null, reason: 'not_available' };
const shareScore = (value: number | null): ComponentScore => (value === null ? NOT_APPLICABLE : scored(value * 100));

/**
 * Each part of the index on a 0–100 scale, from the metrics:
 * - onTime, completion, justifiedRefusals: the share × 100;
 * - speed: 100 × (1 − median working days to notice / 10), 0 at or past the statutory 10 days;
 * - backlog: 100 × (1 − overdue at the period's end / requests received), at least 0;
 * - objections: the share of keberatan answered within 30 working days × 100 (of those answered or
 *   past due unanswered); not applicable without keberatan: a keberatan is the requester's right,
 *   so how many are filed or overturned is shown but not scored;
 * - annualReport: 100 when published by 31 March, else 0; not applicable while not yet due;
 * - dipCompleteness, dipFreshness (and any metric of PUBLIC_INFORMATION_METRICS): the share × 100;
 *   not applicable with nothing to count (no berkala item: its absence already costs completeness).
 * A part with no data (no refusals, no notice yet) is not applicable; one whose source the portal
 * does not keep is not available. Either way it is left out and its weight shared out.
 */
export function componentScores(m: ScorecardMetrics): Record<IndexComponent, ComponentScore> {
  const publicInformation = Object.fromEntries(
    PUBLIC_INFORMATION_METRICS.map((k) => {
      const r = m.publicInformation[k];
      return [k, r === undefined ? NOT_AVAILABLE : shareScore(r.value)];
    }),
  ) as Record<PublicInformationMetric, ComponentScore>;
  return {
    ...publicInformation,
    onTime: shareScore(m.onTime.value),
    completion: shareScore(m.completion.value),
    speed: m.daysToNotice.median === null ? NOT_APPLICABLE : scored(100 * (1 - m.daysToNotice.median / NOTICE_WORKING_DAYS)),
    justifiedRefusals: shareScore(m.justifiedRefusal.value),
    backlog: m.received === 0 ? NOT_APPLICABLE : scored(100 * (1 - m.overdueAtEnd / m.received)),
    objections: m.objections === null ? NOT_AVAILABLE : shareScore(m.objections.answeredOnTime.value),
    annualReport: m.annualReport === null ? NOT_AVAILABLE : m.annualReport.onTime === null ? NOT_APPLICABLE : scored(m.annualReport.onTime ? 100 : 0),
  };
}

export interface ServiceIndex {
  /** 0–100, one decimal; null when no part has a score. */
  index: number | null;
  /** The weight each part carried after leaving out the parts without a score (sums to 100). */
  effectiveWeights: Record<IndexComponent, number>;
  excluded: { component: IndexComponent; reason: ExclusionReason }[];
}

/** Rounds to one decimal, the precision shown, so bands and ties follow what readers see. */
export function roundIndex(value: number): number {
  return Math.round(value * 10 + Number.EPSILON) / 10;
}

/** The weighted mean of the parts that have a score, the weights of the others shared out in proportion. */
export function serviceIndex(scores: Record<IndexComponent, ComponentScore>, weights: ScorecardWeights): ServiceIndex {
  const excluded: ServiceIndex['excluded'] = [];
  let weightSum = 0;
  let total = 0;
  for (const c of INDEX_COMPONENTS) {
    const s = scores[c];
    if (s.score === null) {
      excluded.push({ component: c, reason: s.reason });
      continue;
    }
    weightSum += weights[c];
    total += weights[c] * s.score;
  }
  const effectiveWeights = Object.fromEntries(
    INDEX_COMPONENTS.map((c) => [c, scores[c].score === null || weightSum === 0 ? 0 : roundIndex((100 * weights[c]) / weightSum)]),
  ) as Record<IndexComponent, number>;
  return { index: weightSum === 0 ? null : roundIndex(total / weightSum), effectiveWeights, excluded };
}

/** The Komisi Informasi's monev bands (Perki 1/2022), applied here to the portal's own service index. */
export const BANDS = ['informatif', 'menuju_informatif', 'cukup_informatif', 'kurang_informatif', 'tidak_informatif'] as const;
export type Band = (typeof BANDS)[number];

export function bandOf(index: number): Band {
  const v = roundIndex(index);
  if (v >= 90) return 'informatif';
  if (v >= 80) return 'menuju_informatif';
  if (v >= 60) return 'cukup_informatif';
  if (v >= 40) return 'kurang_informatif';
  return 'tidak_informatif';
}

export interface RankInput {
  id: number;
  index: number | null;
  /** Enough requests in the period (at least the minimum). */
  eligible: boolean;
}

/**
 * Standard competition ranking ("1, 2, 2, 4") by index, highest first, over the eligible bodies
 * with an index; equal indexes (to the shown decimal) share a rank. Everyone else gets null.
 */
export function rankBodies(entries: readonly RankInput[]): Map<number, number | null> {
  const ranked = entries
    .filter((e): e is RankInput & { index: number } => e.eligible && e.index !== null)
    .map((e) => ({ id: e.id, index: roundIndex(e.index) }))
    .sort((a, b) => b.index - a.index);
  const out = new Map<number, number | null>(entries.map((e) => [e.id, null]));
  ranked.forEach((e, i) => {
    const rank = i > 0 && ranked[i - 1].index === e.index ? (out.get(ranked[i - 1].id) as number) : i + 1;
    out.set(e.id, rank);
  });
  return out;
}
