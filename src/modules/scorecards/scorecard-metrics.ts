import { AnnualReportStanding, ObjectionFigures } from './compliance-sources';
import { PublicInformationMetrics } from './scorecard-public-information';
import { quantile, rate, Rate, Weighted } from './scorecard-stats';

/**
 * What the request rows of one unit (or a sum of units) say about a period. Each count is of the
 * requests received in the period (province time zone) except `overdueAtEnd`.
 */
export interface RequestCounts {
  received: number;
  /** Received, less those withdrawn before any notice: the base of the extension rate. */
  settled: number;
  /** Given a notice, or past their due date today without one: the base of the on-time rate. */
  decided: number;
  /** Notice by the due date, the due date extended only by an extension made before it passed. */
  onTime: number;
  extended: number;
  /** Given a written notice (any decision, a refusal, not held, or forwarded to another body). */
  answered: number;
  refused: number;
  /** Refusals naming a Pasal 17 ground and recording a consequence test. */
  justifiedRefusals: number;
  /** Granted in full or in part. */
  grants: number;
  /** Grants whose information reached the requester (delivered_on) or that were closed. */
  delivered: number;
  /** Any request (received at any time) past its due date at the period's end without a notice. */
  overdueAtEnd: number;
}

export const ZERO_COUNTS: RequestCounts = {
  received: 0,
  settled: 0,
  decided: 0,
  onTime: 0,
  extended: 0,
  answered: 0,
  refused: 0,
  justifiedRefusals: 0,
  grants: 0,
  delivered: 0,
  overdueAtEnd: 0,
};

export function addCounts(a: RequestCounts, b: RequestCounts): RequestCounts {
  const out = { ...a };
  for (const key of Object.keys(ZERO_COUNTS) as (keyof RequestCounts)[]) out[key] = a[key] + b[key];
  return out;
}

/** Keberatan and sengketa metrics, or null while the portal keeps no keberatan. */
export interface ObjectionMetrics {
  /** Keberatan filed on the period's requests (a request may have more than one). */
  objections: number;
  /** Sengketa filed at the Komisi Informasi on the period's requests. */
  disputes: number;
  /** Requests with a keberatan, of the requests received. */
  objectionRate: Rate;
  /** Keberatan decided in the requester's favour (in full or in part), of those answered. */
  overturned: Rate;
  /** Keberatan answered within 30 working days, of those answered or past their due date unanswered. */
  answeredOnTime: Rate;
  /** Requests taken to the Komisi Informasi, of the requests received. */
  disputeRate: Rate;
}

/** The scorecard metrics of a body or a unit for a period. */
export interface ScorecardMetrics {
  received: number;
  onTime: Rate;
  completion: Rate;
  extension: Rate;
  refusal: Rate;
  justifiedRefusal: Rate;
  /** Working days from the day the request counts as received to the notice. */
  daysToNotice: { n: number; median: number | null; p90: number | null };
  overdueAtEnd: number;
  objections: ObjectionMetrics | null;
  /** The annual report of the year before and whether it was published by 31 March; null when not available. */
  annualReport: AnnualReportStanding | null;
  /**
   * Information already public (the DIP), as it stood on the period's last day (or today while it
   * runs): `dipCompleteness` (required categories present, of 2) and `dipFreshness` (berkala items
   * not stale, of the berkala items); a metric the portal does not keep is absent.
   */
  publicInformation: PublicInformationMetrics;
}

export function objectionMetrics(received: number, f: ObjectionFigures): ObjectionMetrics {
  return {
    objections: f.objections,
    disputes: f.disputes,
    objectionRate: rate(Math.min(f.requestsObjected, received), received),
    overturned: rate(f.overturned, f.answered),
    answeredOnTime: rate(f.answeredOnTime, f.answered + f.overdue),
    disputeRate: rate(Math.min(f.requestsDisputed, received), received),
  };
}

/** The metrics from the counts, the working days to each notice (a histogram), and the other sources. */
export function computeMetrics(
  c: RequestCounts,
  daysToNotice: readonly Weighted[],
  objections: ObjectionFigures | null,
  annualReport: AnnualReportStanding | null,
  publicInformation: PublicInformationMetrics = {},
): ScorecardMetrics {
  const n = daysToNotice.reduce((s, w) => s + w.count, 0);
  return {
    received: c.received,
    onTime: rate(c.onTime, c.decided),
    completion: rate(c.delivered, c.grants),
    extension: rate(c.extended, c.settled),
    refusal: rate(c.refused, c.answered),
    justifiedRefusal: rate(c.justifiedRefusals, c.refused),
    daysToNotice: { n, median: quantile(daysToNotice, 0.5), p90: quantile(daysToNotice, 0.9) },
    overdueAtEnd: c.overdueAtEnd,
    objections: objections ? objectionMetrics(c.received, objections) : null,
    annualReport,
    publicInformation,
  };
}
