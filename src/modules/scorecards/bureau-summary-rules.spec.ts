import { changeText, needsLeaderCall, rateText, summaryWeeks } from './bureau-summary-rules';

describe('bureau summary rules', () => {
  it.each([
    // Monday: the week that ended yesterday.
    ['2025-02-24', '2025-02-17', '2025-02-23', '2025-02-10', '2025-02-16'],
    // Wednesday and Sunday: still the last whole week.
    ['2025-02-26', '2025-02-17', '2025-02-23', '2025-02-10', '2025-02-16'],
    ['2025-03-02', '2025-02-17', '2025-02-23', '2025-02-10', '2025-02-16'],
    // Across the new year.
    ['2025-01-06', '2024-12-30', '2025-01-05', '2024-12-23', '2024-12-29'],
  ])('should report on the last whole week when today is %s', (today, start, end, previousStart, previousEnd) => {
    expect(summaryWeeks(today)).toEqual({ start, end, previousStart, previousEnd });
  });

  it('should word changes and rates in Indonesian', () => {
    expect(changeText(5, 2)).toBe('naik 3');
    expect(changeText(2, 5)).toBe('turun 3');
    expect(changeText(4, 4)).toBe('tetap');
    expect(rateText(3, 4)).toBe('75,0% (3 dari 4)');
    expect(rateText(0, 0)).toMatch(/^—/);
  });

  it.each([
    [11, 10, true],
    [10, 10, false],
    [3, 2, true],
    [2, 2, false],
    [1, 1, false],
    [101, 100, true],
  ])('should call a request %i working days overdue a leader\'s call with a threshold of %i: %s', (overdue, threshold, expected) => {
    expect(needsLeaderCall(overdue, threshold)).toBe(expected);
  });
});
