/** The parts of the portal's service index (scorecards), in the order the page lists them. */
export const INDEX_COMPONENTS = [
  'onTime',
  'completion',
  'speed',
  'justifiedRefusals',
  'backlog',
  'objections',
  'annualReport',
  // Information already public (the DIP, Pasal 9–11): one entry per metric of PUBLIC_INFORMATION_METRICS.
  'dipCompleteness',
  'dipFreshness',
  'answersPublished',
] as const;
export type IndexComponent = (typeof INDEX_COMPONENTS)[number];
export type ScorecardWeights = Readonly<Record<IndexComponent, number>>;

/**
 * Default weights: timely notices count most, as the law's deadline is the core duty. The request
 * parts sum to 100; the public-information parts add 5 each (110 in all). The index divides by the
 * sum of the weights of the parts it scores, so a weight is a share of that sum (5 of 110 ≈ 4.5%),
 * and adding a part never needs the others changed. The DIP parts are light on purpose: completeness
 * is judged on two categories only, and the DIP is new to the portal, so it informs the index
 * without overturning a ranking earned on the requests themselves. The share of granted answers
 * published is shown but weighs 0 by default: an answer is published only with the requester's
 * consent, so the share measures the requesters' choice as much as the body's work.
 */
export const DEFAULT_SCORECARD_WEIGHTS: ScorecardWeights = {
  onTime: 35,
  completion: 20,
  speed: 10,
  justifiedRefusals: 10,
  backlog: 5,
  objections: 10,
  annualReport: 10,
  dipCompleteness: 5,
  dipFreshness: 5,
  answersPublished: 0,
};

/**
 * Reads SCORECARD_WEIGHTS, e.g. "onTime=40,completion=20": named parts replace their default,
 * the others keep it. Each weight is a whole number 0–100 and at least one must be above 0.
 * Returns the weights or the reason they are unusable.
 */
export function parseScorecardWeights(raw: string | undefined): { weights: ScorecardWeights; problem: null } | { weights: null; problem: string } {
  const weights: Record<IndexComponent, number> = { ...DEFAULT_SCORECARD_WEIGHTS };
  if (raw === undefined || raw.trim() === '') return { weights, problem: null };
  const seen = new Set<string>();
  for (const part of raw.split(',')) {
    const m = /^\s*([A-Za-z]+)\s*=\s*(\d{1,3})\s*$/.exec(part);
    if (!m) return { weights: null, problem: `expected name=number pairs separated by commas, got "${part.trim()}"` };
    const [, name, value] = m;
    if (!(INDEX_COMPONENTS as readonly string[]).includes(name)) return { weights: null, problem: `unknown part "${name}" (known: ${INDEX_COMPONENTS.join(', ')})` };
    if (seen.has(name)) return { weights: null, problem: `"${name}" given twice` };
    seen.add(name);
    const n = Number(value);
    if (n > 100) return { weights: null, problem: `weight of "${name}" must be 0..100, got ${n}` };
    weights[name as IndexComponent] = n;
  }
  if (INDEX_COMPONENTS.every((c) => weights[c] === 0)) return { weights: null, problem: 'at least one weight must be above 0' };
  return { weights, problem: null };
}
