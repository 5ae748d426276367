import { LocalDate } from 'src/common/time/local-time';
import { IndexComponent } from 'src/config/scorecard-weights';
import { DipCategory, DipItemsAsOf, rhythmOf, RhythmCalendar } from 'src/modules/dip';
import { rate, Rate } from './scorecard-stats';

/**
 * The metrics of information already public (UU 14/2008 Pasal 9–11), each a share k of n per body
 * and, under the same name, a part of the service index (its weight in SCORECARD_WEIGHTS). Adding
 * one is: its name here and in INDEX_COMPONENTS, its default weight, its labels
 * (PUBLIC_INFORMATION_LABELS), and one source function in RecordedComplianceSources.
 */
export const PUBLIC_INFORMATION_METRICS = ['dipCompleteness', 'dipFreshness', 'answersPublished'] as const satisfies readonly IndexComponent[];
export type PublicInformationMetric = (typeof PUBLIC_INFORMATION_METRICS)[number];

/** k of n. */
export interface Share {
  k: number;
  n: number;
}

/**
 * What the sources give, per metric, for each body asked about. A metric missing from the map is not
 * kept by the portal (shown as not available, its weight shared out); a body missing from a metric's
 * map has nothing to count (0 of 0).
 */
export type PublicInformationFigures = ReadonlyMap<PublicInformationMetric, ReadonlyMap<number, Share>>;

/** A body's (or the province's) public-information rates; a metric the portal does not keep is absent. */
export type PublicInformationMetrics = Partial<Record<PublicInformationMetric, Rate>>;

/**
 * The categories every body's DIP must hold: Pasal 9 (berkala, published at least every six months)
 * and Pasal 11 (tersedia setiap saat, which includes the DIP itself) — RULES.md, "Categories of
 * information". Serta merta (Pasal 10) is not required: it is information that threatens lives or
 * public order, to be announced at once when such an event happens, so a body that has had none has
 * nothing to list. Dikecualikan (Pasal 17) is a list of exemptions, not a duty to publish.
 */
export const REQUIRED_DIP_CATEGORIES: readonly DipCategory[] = ['berkala', 'setiap_saat'];

/**
 * DIP completeness and berkala freshness of each body on `asOf`, from the DIP as it stood at the end
 * of that day (`rows`, DipService.itemsAsOf):
 * - dipCompleteness: the required categories with at least one item, of REQUIRED_DIP_CATEGORIES;
 * - dipFreshness: the berkala items not stale on `asOf` (the dip module's rhythm on the body's
 *   working-day calendar: due `months` after the last update, moved to the next working day; stale
 *   from the day after), of the body's berkala items.
 */
export function dipFigures(
  rows: readonly DipItemsAsOf[],
  calendarOf: (bodyId: number) => RhythmCalendar,
  asOf: LocalDate,
  bodyIds: readonly number[],
): Map<PublicInformationMetric, Map<number, Share>> {
  const present = new Map<number, Set<DipCategory>>();
  const fresh = new Map<number, Share>(bodyIds.map((id) => [id, { k: 0, n: 0 }]));
  const asked = new Set(bodyIds);
  for (const row of rows) {
    if (!asked.has(row.bodyId) || row.count <= 0) continue;
    const categories = present.get(row.bodyId) ?? new Set<DipCategory>();
    categories.add(row.category);
    present.set(row.bodyId, categories);
    if (row.category !== 'berkala') continue;
    const share = fresh.get(row.bodyId) as Share;
    share.n += row.count;
    // A berkala item always has a period and a last update (dip_items_berkala_rhythm); one without counts as stale.
    if (row.updatePeriodMonths !== null && row.lastUpdatedOn !== null) {
      if (rhythmOf(calendarOf(row.bodyId), row.lastUpdatedOn, row.updatePeriodMonths, asOf).state !== 'terlambat') share.k += row.count;
    }
  }
  const completeness = new Map<number, Share>(
    bodyIds.map((id) => [id, { k: REQUIRED_DIP_CATEGORIES.filter((c) => present.get(id)?.has(c)).length, n: REQUIRED_DIP_CATEGORIES.length }]),
  );
  return new Map([
    ['dipCompleteness', completeness],
    ['dipFreshness', fresh],
  ]);
}

/** One body's rates: for each metric the sources keep, its share for the body (0 of 0 when it has none). */
export function publicInformationMetrics(figures: PublicInformationFigures | null, bodyId: number): PublicInformationMetrics {
  const out: PublicInformationMetrics = {};
  if (!figures) return out;
  for (const m of PUBLIC_INFORMATION_METRICS) {
    const byBody = figures.get(m);
    if (!byBody) continue;
    const s = byBody.get(bodyId) ?? { k: 0, n: 0 };
    out[m] = rate(s.k, s.n);
  }
  return out;
}

/** The province's rates: each metric's k and n summed over the bodies. */
export function provincePublicInformation(figures: PublicInformationFigures | null): PublicInformationMetrics {
  const out: PublicInformationMetrics = {};
  if (!figures) return out;
  for (const m of PUBLIC_INFORMATION_METRICS) {
    const byBody = figures.get(m);
    if (!byBody) continue;
    let k = 0;
    let n = 0;
    for (const s of byBody.values()) {
      k += s.k;
      n += s.n;
    }
    out[m] = rate(k, n);
  }
  return out;
}

/** The metrics the sources do not keep (left out of every index). */
export function publicInformationNotAvailable(figures: PublicInformationFigures | null): PublicInformationMetric[] {
  return PUBLIC_INFORMATION_METRICS.filter((m) => !figures?.has(m));
}
