import { addCounts, computeMetrics, RequestCounts, ZERO_COUNTS } from './scorecard-metrics';

const counts: RequestCounts = {
  received: 12,
  settled: 11,
  decided: 10,
  onTime: 8,
  extended: 3,
  answered: 9,
  refused: 3,
  justifiedRefusals: 2,
  grants: 5,
  delivered: 4,
  overdueAtEnd: 2,
};

describe('computeMetrics', () => {
  it('should turn the counts into rates with their bases', () => {
    const m = computeMetrics(counts, [], null, null);
    expect(m.received).toBe(12);
    expect(m.onTime).toMatchObject({ k: 8, n: 10, value: 0.8 });
    expect(m.completion).toMatchObject({ k: 4, n: 5, value: 0.8 });
    expect(m.extension).toMatchObject({ k: 3, n: 11 });
    expect(m.refusal).toMatchObject({ k: 3, n: 9 });
    expect(m.justifiedRefusal).toMatchObject({ k: 2, n: 3 });
    expect(m.overdueAtEnd).toBe(2);
  });

  it('should take the median and 90th percentile of working days to notice', () => {
    const m = computeMetrics(counts, [
      { value: 2, count: 5 },
      { value: 9, count: 4 },
      { value: 14, count: 1 },
    ], null, null);
    expect(m.daysToNotice).toEqual({ n: 10, median: 2, p90: 9 });
  });

  it('should say not available (null) for keberatan and the annual report without their sources', () => {
    const m = computeMetrics(counts, [], null, null);
    expect(m.objections).toBeNull();
    expect(m.annualReport).toBeNull();
  });

  it('should compute the keberatan rates on their own bases once a source gives figures', () => {
    const standing = { reportYear: 2025, deadline: '2026-03-31', publishedOn: '2026-03-31', onTime: true };
    const m = computeMetrics(
      counts,
      [],
      { objections: 4, requestsObjected: 3, overturned: 1, answered: 3, answeredOnTime: 2, overdue: 1, disputes: 2, requestsDisputed: 1 },
      standing,
    );
    expect(m.objections).toMatchObject({ objections: 4, disputes: 2 });
    // Requests with a keberatan of those received; overturned of those answered; on time of those answered or overdue.
    expect(m.objections?.objectionRate).toMatchObject({ k: 3, n: 12 });
    expect(m.objections?.overturned).toMatchObject({ k: 1, n: 3 });
    expect(m.objections?.answeredOnTime).toMatchObject({ k: 2, n: 4, value: 0.5 });
    expect(m.objections?.disputeRate).toMatchObject({ k: 1, n: 12 });
    expect(m.annualReport).toEqual(standing);
  });

  it('should leave rates without a base empty, not zero', () => {
    const m = computeMetrics(ZERO_COUNTS, [], null, null);
    expect(m.onTime.value).toBeNull();
    expect(m.daysToNotice).toEqual({ n: 0, median: null, p90: null });
  });
});

describe('addCounts', () => {
  it('should add every count', () => {
    expect(addCounts(counts, counts)).toEqual(Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v * 2])));
  });
});
