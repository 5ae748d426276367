import fc from 'fast-check';
import { daysInMonth, fromDayNumber, toDayNumber } from 'src/common/time/local-time';
import { rollupCover } from './scorecard-rollup-cover';

/** Every day the cover reads: each day of its spans, and each day of its whole months. */
function coveredDays(from: string, to: string): number[] {
  const cover = rollupCover(from, to);
  const out: number[] = [];
  for (const [a, b] of cover.days) for (let d = toDayNumber(a); d <= toDayNumber(b); d += 1) out.push(d);
  if (cover.months) {
    for (let m = cover.months[0]; m <= cover.months[1]; ) {
      const [y, mo] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
      expect(m.slice(8)).toBe('01');
      for (let day = 1; day <= daysInMonth(y, mo); day += 1) out.push(toDayNumber(`${m.slice(0, 8)}${String(day).padStart(2, '0')}`));
      m = mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`;
    }
  }
  return out.sort((a, b) => a - b);
}

describe('rollupCover', () => {
  it('should read a year from its twelve month rows and no day rows', () => {
    expect(rollupCover('2026-01-01', '2026-12-31')).toEqual({ months: ['2026-01-01', '2026-12-01'], days: [] });
  });

  it('should read a range from the day rows around its whole months', () => {
    expect(rollupCover('2026-01-15', '2026-04-10')).toEqual({
      months: ['2026-02-01', '2026-03-01'],
      days: [
        ['2026-01-15', '2026-01-31'],
        ['2026-04-01', '2026-04-10'],
      ],
    });
  });

  it('should read a range inside one month from day rows only', () => {
    expect(rollupCover('2026-02-02', '2026-02-27')).toEqual({ months: null, days: [['2026-02-02', '2026-02-27']] });
    expect(rollupCover('2026-01-31', '2026-02-01')).toEqual({ months: null, days: [['2026-01-31', '2026-02-01']] });
  });

  it('should read every day of any period exactly once (property)', () => {
    const day = fc.integer({ min: toDayNumber('2023-11-01'), max: toDayNumber('2027-03-31') });
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 500 }), (start, length) => {
        const from = fromDayNumber(start);
        const to = fromDayNumber(start + length);
        const expected = Array.from({ length: length + 1 }, (_, i) => start + i);
        expect(coveredDays(from, to)).toEqual(expected);
        expect(rollupCover(from, to).days.length).toBeLessThanOrEqual(2);
      }),
      { numRuns: 150 },
    );
  });
});
