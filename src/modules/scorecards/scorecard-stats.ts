/** Statistics the scorecards rest on: rates with a Wilson interval, medians and percentiles. */

/** A share k/n with its 95% Wilson score interval; value and bounds are null when n = 0. */
export interface Rate {
  k: number;
  n: number;
  value: number | null;
  low: number | null;
  high: number | null;
}

/** z for a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/**
 * The Wilson score interval of k successes in n trials (Wilson 1927). Unlike the normal
 * approximation it stays inside [0, 1] and is honest for small n and for rates near 0 or 1.
 */
export function wilsonInterval(k: number, n: number, z = Z95): { low: number; high: number } {
  if (!Number.isInteger(k) || !Number.isInteger(n) || n <= 0 || k < 0 || k > n) {
    throw new RangeError(`wilsonInterval needs whole numbers 0 ≤ k ≤ n, n > 0 (k=${k}, n=${n})`);
  }
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** k out of n as a Rate. */
export function rate(k: number, n: number): Rate {
  if (n === 0) return { k, n, value: null, low: null, high: null };
  const { low, high } = wilsonInterval(k, n);
  return { k, n, value: k / n, low, high };
}

/** One value seen `count` times (a histogram bar). */
export interface Weighted {
  value: number;
  count: number;
}

/**
 * The q-quantile (0 < q ≤ 1) of a weighted sample by the nearest-rank method: the smallest value
 * with at least ⌈q·N⌉ observations at or below it. Always a value that occurs; null when empty.
 */
export function quantile(sample: readonly Weighted[], q: number): number | null {
  if (!(q > 0 && q <= 1)) throw new RangeError(`quantile needs 0 < q ≤ 1, got ${q}`);
  const total = sample.reduce((s, w) => s + w.count, 0);
  if (total === 0) return null;
  const rank = Math.ceil(q * total);
  const sorted = [...sample].filter((w) => w.count > 0).sort((a, b) => a.value - b.value);
  let seen = 0;
  for (const w of sorted) {
    seen += w.count;
    if (seen >= rank) return w.value;
  }
  return sorted[sorted.length - 1].value;
}

/** The median of plain numbers (mean of the two middle ones for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
