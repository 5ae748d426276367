import fc from 'fast-check';
import { daysInMonth, fromDayNumber, toDayNumber } from 'src/common/time/local-time';
import { rollupCover } from './scorecard-rollup-cover';

/** Every day of the month whose first day is `m`. */
function monthDays(m: string): number[] {
  const [y, mo] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
  expect(m.slice(8)).toBe('01');
  return Array.from({ length: daysInMonth(y, mo) }, (_, i) => toDayNumber(`${m.slice(0, 8)}${String(i + 1).padStart(2, '0')}`));
}

const nextMonth = (m: string): string => {
  const [y, mo] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
  return mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`;
};

/** Every day the cover reads: each day of its spans, of its whole months and of its whole years. */
function coveredDays(from: string, to: string): number[] {
  const cover = rollupCover(from, to);
  const out: number[] = [];
  for (const [a, b] of cover.days) for (let d = toDayNumber(a); d <= toDayNumber(b); d += 1) out.push(d);
  for (const [a, b] of cover.months) for (let m = a; m <= b; m = nextMonth(m)) out.push(...monthDays(m));
  if (cover.years) {
    for (let y = Number(cover.years[0].slice(0, 4)); y <= Number(cover.years[1].slice(0, 4)); y += 1) {
      expect(cover.years[0].slice(4)).toBe('-01-01');
      for (let m = `${y}-01-01`; m < `${y + 1}-01-01`; m = nextMonth(m)) out.push(...monthDays(m));
    }
  }
  return out.sort((a, b) => a - b);
}

describe('rollupCover', () => {
  it('should read a year from its year rows alone', () => {
    expect(rollupCover('2026-01-01', '2026-12-31')).toEqual({ years: ['2026-01-01', '2026-01-01'], months: [], days: [] });
  });

  it('should read a quarter from its three month rows', () => {
    expect(rollupCover('2026-04-01', '2026-06-30')).toEqual({ years: null, months: [['2026-04-01', '2026-06-01']], days: [] });
  });

  it('should read the months and days around whole years from their own rows', () => {
    expect(rollupCover('2024-11-15', '2026-02-10')).toEqual({
      years: ['2025-01-01', '2025-01-01'],
      months: [
        ['2024-12-01', '2024-12-01'],
        ['2026-01-01', '2026-01-01'],
      ],
      days: [
        ['2024-11-15', '2024-11-30'],
        ['2026-02-01', '2026-02-10'],
      ],
    });
  });

  it('should read a range from the day rows around its whole months', () => {
    expect(rollupCover('2026-01-15', '2026-04-10')).toEqual({
      years: null,
      months: [['2026-02-01', '2026-03-01']],
      days: [
        ['2026-01-15', '2026-01-31'],
        ['2026-04-01', '2026-04-10'],
      ],
    });
  });

  it('should read a range inside one month from day rows only', () => {
    expect(rollupCover('2026-02-02', '2026-02-27')).toEqual({ years: null, months: [], days: [['2026-02-02', '2026-02-27']] });
    expect(rollupCover('2026-01-31', '2026-02-01')).toEqual({ years: null, months: [], days: [['2026-01-31', '2026-02-01']] });
  });

  it('should read every day of any period exactly once (property)', () => {
    const day = fc.integer({ min: toDayNumber('2023-11-01'), max: toDayNumber('2027-03-31') });
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 1200 }), (start, length) => {
        const from = fromDayNumber(start);
        const to = fromDayNumber(start + length);
        const expected = Array.from({ length: length + 1 }, (_, i) => start + i);
        expect(coveredDays(from, to)).toEqual(expected);
        expect(rollupCover(from, to).days.length).toBeLessThanOrEqual(2);
        expect(rollupCover(from, to).months.length).toBeLessThanOrEqual(2);
      }),
      { numRuns: 300 },
    );
  });
});
