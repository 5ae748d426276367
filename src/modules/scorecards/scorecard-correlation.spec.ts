import { averageRanks, correlate, correlationStrength, pearson, spearman } from './scorecard-correlation';

describe('pearson', () => {
  it('should be 1 for a perfect rising line and -1 for a falling one', () => {
    expect(pearson([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3, 4], [8, 6, 4, 2])).toBeCloseTo(-1, 12);
  });

  it('should match a value computed by hand', () => {
    // x = 1..5, y = 2, 4, 5, 4, 5: Sxy = 6, Sxx = 10, Syy = 6 → r = 6 / √60 = 0.7746.
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(0.774597, 5);
  });

  it('should be null for fewer than three pairs or when one side does not vary', () => {
    expect(pearson([], [])).toBeNull();
    expect(pearson([1, 2], [3, 4])).toBeNull();
    expect(pearson([1, 2, 3], [5, 5, 5])).toBeNull();
  });

  it('should refuse unpaired input', () => {
    expect(() => pearson([1, 2, 3], [1, 2])).toThrow(RangeError);
  });
});

describe('averageRanks and spearman', () => {
  it('should give tied values the mean of their ranks', () => {
    expect(averageRanks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(averageRanks([5, 5, 5])).toEqual([2, 2, 2]);
    expect(averageRanks([3, 1, 2])).toEqual([3, 1, 2]);
  });

  it('should be 1 for any rising relation, however curved', () => {
    expect(spearman([1, 2, 3, 4, 5], [1, 4, 9, 16, 100])).toBeCloseTo(1, 12);
  });

  it('should handle ties on both sides', () => {
    // Ranks x: 1, 2.5, 2.5, 4; y: 1.5, 1.5, 3, 4. Sxy = 3.75, Sxx = Syy = 4.5 → rho = 3.75 / 4.5 = 5/6.
    const rho = spearman([60, 70, 70, 90], [80, 80, 85, 99]);
    const rx = [1, 2.5, 2.5, 4];
    const ry = [1.5, 1.5, 3, 4];
    expect(rho).toBeCloseTo(pearson(rx, ry) as number, 12);
    expect(rho).toBeCloseTo(5 / 6, 12);
  });

  it('should be null for fewer than three pairs', () => {
    expect(spearman([1, 2], [2, 1])).toBeNull();
  });
});

describe('correlate and correlationStrength', () => {
  it('should count the pairs and give both coefficients', () => {
    const c = correlate([
      { x: 50, y: 60 },
      { x: 70, y: 65 },
      { x: 90, y: 95 },
    ]);
    expect(c.n).toBe(3);
    expect(c.pearson).toBeGreaterThan(0.9);
    expect(c.spearman).toBeCloseTo(1, 12);
    expect(correlate([{ x: 1, y: 2 }])).toEqual({ n: 1, pearson: null, spearman: null });
  });

  it.each([
    [0.05, 'hampir tidak ada'],
    [-0.2, 'lemah'],
    [0.4, 'sedang'],
    [-0.9, 'kuat'],
  ])('should call %d %s', (r, words) => {
    expect(correlationStrength(r)).toBe(words);
  });
});
