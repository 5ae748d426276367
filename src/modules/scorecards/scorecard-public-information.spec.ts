import fc from 'fast-check';
import { WorkingDayCalendar } from 'src/modules/calendar';
import { DipItemsAsOf } from 'src/modules/dip';
import {
  dipFigures,
  PUBLIC_INFORMATION_METRICS,
  provincePublicInformation,
  publicInformationMetrics,
  publicInformationNotAvailable,
  REQUIRED_DIP_CATEGORIES,
} from './scorecard-public-information';

// Idul Fitri 2025 and its cuti bersama (id-holidays.csv), and the turn of 2025/2026.
const NON_WORKING = ['2025-03-28', '2025-03-31', '2025-04-01', '2025-04-02', '2025-04-03', '2025-04-04', '2025-04-07', '2025-12-25', '2025-12-26', '2026-01-01'];
const calendar = WorkingDayCalendar.build({ nonWorkingDays: NON_WORKING, confirmedYears: [2024, 2025, 2026] });
const calendarOf = () => calendar;

const COMPLETE = 1;
const STALE = 2;
const NEARLY_EMPTY = 3;
const EMPTY = 4;

const row = (bodyId: number, category: DipItemsAsOf['category'], count: number, updatePeriodMonths: number | null = null, lastUpdatedOn: string | null = null): DipItemsAsOf => ({
  bodyId,
  category,
  updatePeriodMonths,
  lastUpdatedOn,
  count,
});

/** The DIPs of four bodies as they stood at the end of 30 June 2025 (the end of the second quarter). */
const fixture: DipItemsAsOf[] = [
  // Every category, berkala items refreshed within their period.
  row(COMPLETE, 'berkala', 3, 6, '2025-02-10'),
  row(COMPLETE, 'berkala', 1, 3, '2025-04-15'),
  row(COMPLETE, 'serta_merta', 1),
  row(COMPLETE, 'setiap_saat', 12),
  row(COMPLETE, 'dikecualikan', 2),
  // Both required categories, but most berkala items past their due date.
  row(STALE, 'berkala', 1, 6, '2025-01-02'), // due 2 July: not yet stale on 30 June
  row(STALE, 'berkala', 2, 6, '2024-12-20'), // due 20 June: stale
  row(STALE, 'berkala', 1, 1, '2025-05-10'), // due 10 June: stale
  row(STALE, 'setiap_saat', 4),
  // Nothing but one item available at any time.
  row(NEARLY_EMPTY, 'setiap_saat', 1),
  row(NEARLY_EMPTY, 'dikecualikan', 1),
];

describe('dipFigures', () => {
  const figures = dipFigures(fixture, calendarOf, '2025-06-30', [COMPLETE, STALE, NEARLY_EMPTY, EMPTY]);
  const completeness = figures.get('dipCompleteness');
  const freshness = figures.get('dipFreshness');

  it('should count the required categories (Pasal 9 berkala and Pasal 11 setiap saat) present, serta merta not required', () => {
    expect(REQUIRED_DIP_CATEGORIES).toEqual(['berkala', 'setiap_saat']);
    expect(completeness?.get(COMPLETE)).toEqual({ k: 2, n: 2 });
    expect(completeness?.get(STALE)).toEqual({ k: 2, n: 2 });
    expect(completeness?.get(NEARLY_EMPTY)).toEqual({ k: 1, n: 2 });
    expect(completeness?.get(EMPTY)).toEqual({ k: 0, n: 2 });
  });

  it('should count the berkala items not stale on the day, each on its rhythm', () => {
    expect(freshness?.get(COMPLETE)).toEqual({ k: 4, n: 4 });
    expect(freshness?.get(STALE)).toEqual({ k: 1, n: 4 });
    expect(freshness?.get(NEARLY_EMPTY)).toEqual({ k: 0, n: 0 });
    expect(freshness?.get(EMPTY)).toEqual({ k: 0, n: 0 });
  });

  it('should judge the same item stale or fresh by the day asked, not by today', () => {
    // Updated 2 January 2025 every six months: due 2 July 2025, stale from 3 July.
    const item = [row(STALE, 'berkala', 1, 6, '2025-01-02'), row(STALE, 'setiap_saat', 1)];
    expect(dipFigures(item, calendarOf, '2025-07-02', [STALE]).get('dipFreshness')?.get(STALE)).toEqual({ k: 1, n: 1 });
    expect(dipFigures(item, calendarOf, '2025-07-03', [STALE]).get('dipFreshness')?.get(STALE)).toEqual({ k: 0, n: 1 });
  });

  it('should give a due date in the Idul Fitri holidays until the first working day after them', () => {
    // 1 October 2024 + 6 months = 1 April 2025 (Idul Fitri); the officers have until Tuesday 8 April.
    const item = [row(COMPLETE, 'berkala', 1, 6, '2024-10-01')];
    expect(dipFigures(item, calendarOf, '2025-04-08', [COMPLETE]).get('dipFreshness')?.get(COMPLETE)).toEqual({ k: 1, n: 1 });
    expect(dipFigures(item, calendarOf, '2025-04-09', [COMPLETE]).get('dipFreshness')?.get(COMPLETE)).toEqual({ k: 0, n: 1 });
  });

  it('should leave out the bodies not asked about', () => {
    const only = dipFigures(fixture, calendarOf, '2025-06-30', [STALE]);
    expect([...(only.get('dipCompleteness')?.keys() ?? [])]).toEqual([STALE]);
    expect([...(only.get('dipFreshness')?.keys() ?? [])]).toEqual([STALE]);
  });

  it('should keep every share within 0 ≤ k ≤ n for any DIP', () => {
    const category = fc.constantFrom('berkala', 'serta_merta', 'setiap_saat', 'dikecualikan') as fc.Arbitrary<DipItemsAsOf['category']>;
    const day = fc.integer({ min: 0, max: 700 }).map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    const item = fc.record({ bodyId: fc.integer({ min: 1, max: 5 }), category, updatePeriodMonths: fc.constantFrom(1, 3, 6), lastUpdatedOn: day, count: fc.integer({ min: 1, max: 5 }) });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), day, (rows, asOf) => {
        const f = dipFigures(rows, calendarOf, asOf, [1, 2, 3, 4, 5]);
        for (const m of PUBLIC_INFORMATION_METRICS) {
          for (const [bodyId, s] of f.get(m) ?? []) {
            if (!(s.k >= 0 && s.k <= s.n)) return false;
            if (m === 'dipFreshness' && s.n !== rows.filter((r) => r.bodyId === bodyId && r.category === 'berkala').reduce((t, r) => t + r.count, 0)) return false;
          }
        }
        return true;
      }),
    );
  });
});

describe('public-information rates', () => {
  const figures = dipFigures(fixture, calendarOf, '2025-06-30', [COMPLETE, STALE, NEARLY_EMPTY, EMPTY]);

  it('should give each body its rates with their Wilson intervals', () => {
    const stale = publicInformationMetrics(figures, STALE);
    expect(stale.dipFreshness).toMatchObject({ k: 1, n: 4, value: 0.25 });
    expect(stale.dipFreshness?.low).toBeCloseTo(0.0456, 3);
    expect(stale.dipFreshness?.high).toBeCloseTo(0.6994, 3);
    expect(publicInformationMetrics(figures, EMPTY)).toMatchObject({ dipCompleteness: { k: 0, n: 2, value: 0 }, dipFreshness: { k: 0, n: 0, value: null } });
  });

  it('should sum the province over the bodies', () => {
    expect(provincePublicInformation(figures)).toMatchObject({ dipCompleteness: { k: 5, n: 8 }, dipFreshness: { k: 5, n: 8 } });
  });

  it('should call a metric missing from the sources not available', () => {
    const partial = new Map([['dipCompleteness', figures.get('dipCompleteness')!]]) as Parameters<typeof publicInformationMetrics>[0];
    expect(publicInformationNotAvailable(partial)).toEqual(['dipFreshness', 'answersPublished']);
    expect(publicInformationMetrics(partial, COMPLETE)).toEqual({ dipCompleteness: expect.objectContaining({ k: 2, n: 2 }) });
    // The DIP's figures only: the published answers come from another source.
    expect(publicInformationNotAvailable(figures)).toEqual(['answersPublished']);
  });
});
