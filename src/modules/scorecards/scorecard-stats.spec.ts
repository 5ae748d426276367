import fc from 'fast-check';
import { median, quantile, rate, wilsonInterval } from './scorecard-stats';

describe('wilsonInterval', () => {
  it.each([
    // Reference values (R: binom::binom.wilson / prop.test without continuity correction).
    [0, 10, 0, 0.2775],
    [10, 10, 0.7225, 1],
    [5, 10, 0.2366, 0.7634],
    [18, 20, 0.699, 0.9721],
    [81, 263, 0.2553, 0.3662],
  ])('should give the 95%% Wilson bounds of %i out of %i', (k, n, low, high) => {
    const w = wilsonInterval(k, n);
    expect(w.low).toBeCloseTo(low, 3);
    expect(w.high).toBeCloseTo(high, 3);
  });

  it('should refuse k above n or an empty sample', () => {
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(0, 0)).toThrow(RangeError);
  });

  it('should always contain the observed share and stay within [0, 1]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))), ([k, n]) => {
        const w = wilsonInterval(k, n);
        return w.low >= 0 && w.high <= 1 && w.low <= k / n + 1e-12 && w.high >= k / n - 1e-12;
      }),
    );
  });
});

describe('rate', () => {
  it('should have no value and no bounds when n is 0', () => {
    expect(rate(0, 0)).toEqual({ k: 0, n: 0, value: null, low: null, high: null });
  });

  it('should give the share and its interval', () => {
    const r = rate(3, 4);
    expect(r.value).toBe(0.75);
    expect(r.low).toBeLessThan(0.75);
    expect(r.high).toBeGreaterThan(0.75);
  });
});

describe('quantile', () => {
  it('should take the nearest rank of a weighted sample', () => {
    const sample = [
      { value: 3, count: 2 },
      { value: 1, count: 1 },
      { value: 10, count: 1 },
    ]; // 1, 3, 3, 10
    expect(quantile(sample, 0.5)).toBe(3);
    expect(quantile(sample, 0.9)).toBe(10);
    expect(quantile(sample, 0.25)).toBe(1);
  });

  it('should be null for an empty sample', () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([{ value: 4, count: 0 }], 0.5)).toBeNull();
  });

  it('should equal the sorted list element at rank ceil(q·N)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 60 }), fc.double({ min: 0.01, max: 1, noNaN: true }), (values, q) => {
        const sorted = [...values].sort((a, b) => a - b);
        const expected = sorted[Math.ceil(q * sorted.length) - 1];
        return quantile(values.map((value) => ({ value, count: 1 })), q) === expected;
      }),
    );
  });
});

describe('median', () => {
  it('should take the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
