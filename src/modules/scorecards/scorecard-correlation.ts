/** Correlation between the portal's service index and the Komisi Informasi's monev score. */

/** The smallest number of pairs a correlation is shown for. */
export const MIN_CORRELATION_PAIRS = 3;

export interface Correlation {
  /** Pairs counted (bodies with both values). */
  n: number;
  /** Pearson's r, or null when n < 3 or either side does not vary. */
  pearson: number | null;
  /** Spearman's rho (Pearson's r of the ranks, ties given their mean rank), or null likewise. */
  spearman: number | null;
}

/** Pearson's product-moment correlation of paired values; null for fewer than 3 pairs or no variation. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length) throw new RangeError(`pearson needs pairs (${xs.length} ≠ ${ys.length})`);
  const n = xs.length;
  if (n < MIN_CORRELATION_PAIRS) return null;
  const mx = xs.reduce((s, v) => s + v, 0) / n;
  const my = ys.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** Ranks 1..n, ascending; equal values share the mean of the ranks they take (fractional ranking). */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && order[end + 1].v === order[start].v) end += 1;
    const mean = (start + end) / 2 + 1;
    for (let k = start; k <= end; k += 1) ranks[order[k].i] = mean;
    start = end + 1;
  }
  return ranks;
}

/** Spearman's rank correlation with ties (Pearson's r of the mean ranks); null like pearson. */
export function spearman(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length) throw new RangeError(`spearman needs pairs (${xs.length} ≠ ${ys.length})`);
  return pearson(averageRanks(xs), averageRanks(ys));
}

export function correlate(pairs: readonly { x: number; y: number }[]): Correlation {
  const xs = pairs.map((p) => p.x);
  const ys = pairs.map((p) => p.y);
  return { n: pairs.length, pearson: pearson(xs, ys), spearman: spearman(xs, ys) };
}

/** How strong a correlation is in words (|r| < 0,1 hardly any; < 0,3 weak; < 0,5 moderate; else strong). */
export function correlationStrength(r: number): 'hampir tidak ada' | 'lemah' | 'sedang' | 'kuat' {
  const a = Math.abs(r);
  if (a < 0.1) return 'hampir tidak ada';
  if (a < 0.3) return 'lemah';
  if (a < 0.5) return 'sedang';
  return 'kuat';
}
