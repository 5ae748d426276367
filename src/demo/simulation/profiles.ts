import { Random } from './random';

/** How a simulated body behaves; drawn so bodies clearly differ. */
export type Archetype = 'exemplary' | 'compliant' | 'average' | 'slow' | 'refusing' | 'unresponsive';

export const ARCHETYPE_LABELS: Record<Archetype, string> = {
  exemplary: 'fast and compliant',
  compliant: 'compliant',
  average: 'average',
  slow: 'often late',
  refusing: 'refuses often',
  unresponsive: 'often unanswered',
};

export interface BodyProfile {
  archetype: Archetype;
  /** Relative request volume (the total is shared out by these weights). */
  volumeWeight: number;
  /** Of the requests that get an answer, the share answered by the (possibly extended) due date. */
  onTimeShare: number;
  /** Share extended once (Pasal 22(8)). */
  extendShare: number;
  /** Of the answers: refusals on a Pasal 17 ground. */
  refuseShare: number;
  /** Of the answers: information not held or not yet documented. */
  notHeldShare: number;
  /** Of the grants: granted in part (with redactions). */
  partialShare: number;
  /** Requests that never get an answer. */
  neverAnsweredShare: number;
  /** Of the requests received by the PPID Utama: forwarded (disposisi) to a PPID Pelaksana. */
  forwardShare: number;
  /** Requests filed directly with a PPID Pelaksana. */
  directToPelaksanaShare: number;
  /** Typical working days to an on-time answer. */
  typicalAnswerDays: number;
  /** How far past the due date late answers come, at most (working days). */
  maxLateDays: number;
}

type Range = readonly [number, number];

interface ArchetypeRanges {
  onTime: Range;
  extend: Range;
  refuse: Range;
  notHeld: Range;
  partial: Range;
  never: Range;
  forward: Range;
  answerDays: Range;
  maxLateDays: Range;
}

const RANGES: Record<Archetype, ArchetypeRanges> = {
  exemplary: { onTime: [0.95, 0.99], extend: [0.02, 0.06], refuse: [0.01, 0.04], notHeld: [0.03, 0.06], partial: [0.08, 0.15], never: [0, 0.005], forward: [0.4, 0.6], answerDays: [2, 4], maxLateDays: [2, 4] },
  compliant: { onTime: [0.82, 0.92], extend: [0.06, 0.14], refuse: [0.03, 0.07], notHeld: [0.04, 0.08], partial: [0.1, 0.2], never: [0.005, 0.02], forward: [0.3, 0.5], answerDays: [4, 6], maxLateDays: [3, 8] },
  average: { onTime: [0.6, 0.74], extend: [0.12, 0.22], refuse: [0.04, 0.09], notHeld: [0.05, 0.1], partial: [0.12, 0.22], never: [0.03, 0.07], forward: [0.25, 0.45], answerDays: [6, 8], maxLateDays: [6, 14] },
  slow: { onTime: [0.25, 0.42], extend: [0.2, 0.35], refuse: [0.03, 0.08], notHeld: [0.05, 0.1], partial: [0.1, 0.2], never: [0.08, 0.15], forward: [0.2, 0.4], answerDays: [8, 10], maxLateDays: [12, 30] },
  refusing: { onTime: [0.7, 0.85], extend: [0.05, 0.12], refuse: [0.25, 0.4], notHeld: [0.06, 0.12], partial: [0.25, 0.4], never: [0.02, 0.05], forward: [0.2, 0.35], answerDays: [5, 8], maxLateDays: [4, 10] },
  unresponsive: { onTime: [0.3, 0.5], extend: [0.03, 0.08], refuse: [0.04, 0.08], notHeld: [0.04, 0.08], partial: [0.1, 0.2], never: [0.25, 0.4], forward: [0.1, 0.25], answerDays: [7, 10], maxLateDays: [15, 40] },
};

/** Every archetype once first (so even a small province shows them all), then in these proportions. */
const REST: readonly (readonly [Archetype, number])[] = [
  ['exemplary', 5],
  ['compliant', 9],
  ['average', 9],
  ['slow', 5],
  ['refusing', 3],
  ['unresponsive', 2],
];

const ORDER: readonly Archetype[] = ['exemplary', 'compliant', 'average', 'slow', 'refusing', 'unresponsive'];

function inRange(random: Random, [min, max]: Range): number {
  return random.between(min, max);
}

function archetypesFor(count: number): Archetype[] {
  const out: Archetype[] = ORDER.slice(0, count);
  const total = REST.reduce((s, [, w]) => s + w, 0);
  // Fill the rest by largest remainder so the mix follows REST for any province size.
  const remaining = count - out.length;
  if (remaining <= 0) return out;
  const shares = REST.map(([a, w]) => ({ a, exact: (remaining * w) / total }));
  const counts = shares.map((s) => ({ a: s.a, n: Math.floor(s.exact), rem: s.exact - Math.floor(s.exact) }));
  let left = remaining - counts.reduce((s, c) => s + c.n, 0);
  for (const c of [...counts].sort((x, y) => y.rem - x.rem)) {
    if (left === 0) break;
    c.n += 1;
    left -= 1;
  }
  for (const c of counts) for (let i = 0; i < c.n; i += 1) out.push(c.a);
  return out;
}

/** One profile per body, in the order given; `key` is stable (the region code), `kind` kota or kabupaten. */
export function drawProfiles(seed: number, bodies: readonly { key: string; kind: string }[]): BodyProfile[] {
  const random = new Random(seed).fork('profiles');
  const archetypes = random.shuffle(archetypesFor(bodies.length));
  return bodies.map(({ key, kind }, i) => {
    const r = random.fork('body', key);
    const ranges = RANGES[archetypes[i]];
    const isCity = kind === 'kota';
    return {
      archetype: archetypes[i],
      // Log-normal volumes: a few busy bodies, many quiet ones.
      volumeWeight: Math.min(4, Math.max(0.35, Math.exp(0.55 * r.normal()) * (isCity ? 1.15 : 1))),
      onTimeShare: inRange(r, ranges.onTime),
      extendShare: inRange(r, ranges.extend),
      refuseShare: inRange(r, ranges.refuse),
      notHeldShare: inRange(r, ranges.notHeld),
      partialShare: inRange(r, ranges.partial),
      neverAnsweredShare: inRange(r, ranges.never),
      forwardShare: inRange(r, ranges.forward),
      directToPelaksanaShare: r.between(0.05, 0.15),
      typicalAnswerDays: inRange(r, ranges.answerDays),
      maxLateDays: Math.round(inRange(r, ranges.maxLateDays)),
    };
  });
}

/** Shares `total` out by weight, exactly (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((s, c) => s + c, 0);
  const order = exact.map((e, i) => ({ i, rem: e - Math.floor(e) })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    counts[i] += 1;
    left -= 1;
  }
  return counts;
}
