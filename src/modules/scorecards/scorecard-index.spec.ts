import fc from 'fast-check';
import { DEFAULT_SCORECARD_WEIGHTS, INDEX_COMPONENTS } from 'src/config/scorecard-weights';
import { bandOf, componentScores, rankBodies, serviceIndex } from './scorecard-index';
import { computeMetrics, RequestCounts } from './scorecard-metrics';
import { rate } from './scorecard-stats';

const counts: RequestCounts = {
  received: 20,
  settled: 20,
  decided: 20,
  onTime: 18,
  extended: 2,
  answered: 20,
  refused: 4,
  justifiedRefusals: 2,
  grants: 10,
  delivered: 5,
  overdueAtEnd: 1,
};

describe('componentScores', () => {
  it('should score each part from the metrics', () => {
    const s = componentScores(computeMetrics(counts, [{ value: 4, count: 20 }], null, null));
    expect(s.onTime.score).toBeCloseTo(90);
    expect(s.completion.score).toBeCloseTo(50);
    expect(s.speed.score).toBeCloseTo(60);
    expect(s.justifiedRefusals.score).toBeCloseTo(50);
    expect(s.backlog.score).toBeCloseTo(95);
    expect(s.objections).toEqual({ score: null, reason: 'not_available' });
    expect(s.annualReport).toEqual({ score: null, reason: 'not_available' });
  });

  it('should give speed 0 at or past the statutory ten working days, and mark parts without data not applicable', () => {
    const s = componentScores(computeMetrics({ ...counts, refused: 0, justifiedRefusals: 0 }, [{ value: 12, count: 3 }], null, null));
    expect(s.speed.score).toBe(0);
    expect(s.justifiedRefusals).toEqual({ score: null, reason: 'not_applicable' });
  });
});

describe('componentScores of keberatan and the annual report', () => {
  const figures = { objections: 5, requestsObjected: 5, overturned: 2, answered: 3, answeredOnTime: 3, overdue: 1, disputes: 1, requestsDisputed: 1 };
  const report = (onTime: boolean | null) => ({ reportYear: 2025, deadline: '2026-03-31', publishedOn: null, onTime });

  it('should score keberatan answered within 30 working days, an overdue one counting as late', () => {
    const s = componentScores(computeMetrics(counts, [], figures, report(true)));
    expect(s.objections.score).toBeCloseTo(75);
    expect(s.annualReport).toEqual({ score: 100, reason: null });
  });

  it('should give 0 for a late or missing report and leave out one not yet due or a body without keberatan', () => {
    const none = { ...figures, objections: 0, requestsObjected: 0, overturned: 0, answered: 0, answeredOnTime: 0, overdue: 0 };
    expect(componentScores(computeMetrics(counts, [], none, report(false))).annualReport).toEqual({ score: 0, reason: null });
    const s = componentScores(computeMetrics(counts, [], none, report(null)));
    expect(s.annualReport).toEqual({ score: null, reason: 'not_applicable' });
    expect(s.objections).toEqual({ score: null, reason: 'not_applicable' });
  });
});

describe('componentScores of information already public', () => {
  it('should score DIP completeness and berkala freshness as shares, and leave out freshness without berkala items', () => {
    const s = componentScores(computeMetrics(counts, [], null, null, { dipCompleteness: rate(1, 2), dipFreshness: rate(3, 4) }));
    expect(s.dipCompleteness).toEqual({ score: 50, reason: null });
    expect(s.dipFreshness).toEqual({ score: 75, reason: null });
    const empty = componentScores(computeMetrics(counts, [], null, null, { dipCompleteness: rate(0, 2), dipFreshness: rate(0, 0) }));
    expect(empty.dipCompleteness).toEqual({ score: 0, reason: null });
    expect(empty.dipFreshness).toEqual({ score: null, reason: 'not_applicable' });
  });

  it('should count the DIP parts by their weights in the weighted mean, whatever the weights sum to', () => {
    const s = componentScores(computeMetrics(counts, [{ value: 4, count: 20 }], null, null, { dipCompleteness: rate(1, 2), dipFreshness: rate(0, 4) }));
    const result = serviceIndex(s, DEFAULT_SCORECARD_WEIGHTS);
    // (35·90 + 20·50 + 10·60 + 10·50 + 5·95 + 5·50 + 5·0) / 90 = 5975 / 90
    expect(result.index).toBe(66.4);
    expect(result.effectiveWeights).toMatchObject({ onTime: 38.9, dipCompleteness: 5.6, dipFreshness: 5.6 });
    const doubled = serviceIndex(s, Object.fromEntries(INDEX_COMPONENTS.map((c) => [c, DEFAULT_SCORECARD_WEIGHTS[c] * 2])) as typeof DEFAULT_SCORECARD_WEIGHTS);
    expect(doubled.index).toBe(66.4);
  });
});

describe('serviceIndex', () => {
  it('should share out the weights of parts without a score and say which were left out', () => {
    const s = componentScores(computeMetrics(counts, [{ value: 4, count: 20 }], null, null));
    const result = serviceIndex(s, DEFAULT_SCORECARD_WEIGHTS);
    // (35·90 + 20·50 + 10·60 + 10·50 + 5·95) / 80 = 5725 / 80
    expect(result.index).toBe(71.6);
    expect(result.excluded).toEqual([
      { component: 'objections', reason: 'not_available' },
      { component: 'annualReport', reason: 'not_available' },
      { component: 'dipCompleteness', reason: 'not_available' },
      { component: 'dipFreshness', reason: 'not_available' },
      { component: 'answersPublished', reason: 'not_available' },
    ]);
    expect(result.effectiveWeights).toMatchObject({ onTime: 43.8, completion: 25, objections: 0, annualReport: 0 });
  });

  it('should be null when no part has a score', () => {
    const none = { score: null, reason: 'not_applicable' } as const;
    const scores = Object.fromEntries(INDEX_COMPONENTS.map((c) => [c, none])) as Parameters<typeof serviceIndex>[0];
    expect(serviceIndex(scores, DEFAULT_SCORECARD_WEIGHTS).index).toBeNull();
  });

  it('should stay within 0–100 for any scores and weights', () => {
    const part = fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null });
    fc.assert(
      fc.property(fc.array(part, { minLength: INDEX_COMPONENTS.length, maxLength: INDEX_COMPONENTS.length }), fc.array(fc.integer({ min: 1, max: 100 }), { minLength: INDEX_COMPONENTS.length, maxLength: INDEX_COMPONENTS.length }), (parts, w) => {
        const keys = INDEX_COMPONENTS;
        const scores = Object.fromEntries(keys.map((k, i) => [k, parts[i] === null ? { score: null, reason: 'not_applicable' } : { score: parts[i], reason: null }]));
        const weights = Object.fromEntries(keys.map((k, i) => [k, w[i]]));
        const { index } = serviceIndex(scores as Parameters<typeof serviceIndex>[0], weights as Parameters<typeof serviceIndex>[1]);
        return parts.every((p) => p === null) ? index === null : index !== null && index >= 0 && index <= 100;
      }),
    );
  });
});

describe('bandOf', () => {
  it.each([
    [100, 'informatif'],
    [90, 'informatif'],
    [89.96, 'informatif'],
    [89.9, 'menuju_informatif'],
    [80, 'menuju_informatif'],
    [79.9, 'cukup_informatif'],
    [60, 'cukup_informatif'],
    [59.9, 'kurang_informatif'],
    [40, 'kurang_informatif'],
    [39.9, 'tidak_informatif'],
    [0, 'tidak_informatif'],
  ])('should put %d in %s', (index, band) => {
    expect(bandOf(index)).toBe(band);
  });
});

describe('rankBodies', () => {
  it('should give ties one rank and skip the ranks they use (1, 2, 2, 4)', () => {
    const ranks = rankBodies([
      { id: 1, index: 80, eligible: true },
      { id: 2, index: 92.5, eligible: true },
      { id: 3, index: 80.04, eligible: true },
      { id: 4, index: 70, eligible: true },
      { id: 5, index: 99, eligible: false },
      { id: 6, index: null, eligible: true },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({ 1: 2, 2: 1, 3: 2, 4: 4, 5: null, 6: null });
  });

  it('should rank consistently with the index order, ties sharing a rank, ineligible bodies unranked', () => {
    const entry = fc.record({ index: fc.option(fc.integer({ min: 0, max: 1000 }).map((v) => v / 10), { nil: null }), eligible: fc.boolean() });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), (raw) => {
        const entries = raw.map((e, id) => ({ id, ...e }));
        const ranks = rankBodies(entries);
        const ranked = entries.filter((e) => e.eligible && e.index !== null) as { id: number; index: number }[];
        for (const e of entries) if (!(e.eligible && e.index !== null) && ranks.get(e.id) !== null) return false;
        for (const a of ranked) {
          const ra = ranks.get(a.id) as number;
          // A rank is one more than the number of bodies strictly above.
          if (ra !== 1 + ranked.filter((b) => b.index > a.index).length) return false;
          for (const b of ranked) {
            const rb = ranks.get(b.id) as number;
            if (a.index > b.index && !(ra < rb)) return false;
            if (a.index === b.index && ra !== rb) return false;
          }
        }
        return true;
      }),
    );
  });
});
