import { WorkingDayCalendar } from 'src/modules/calendar';
import { deadlineState, stateBounds, workingDaysOverdue } from './deadline-state';

const calendar = WorkingDayCalendar.build({
  nonWorkingDays: ['2025-12-25', '2025-12-26', '2026-01-01'],
  confirmedYears: [2025, 2026],
});

describe('deadlineState', () => {
  // Monday 22 December 2025: the next three working days are 23, 24 and 29 (25 and 26 are holidays).
  const bounds = stateBounds(calendar, '2025-12-22');

  it('should put the due-soon bound three working days ahead, skipping holidays', () => {
    expect(bounds).toEqual({ today: '2025-12-22', dueSoonUntil: '2025-12-29' });
  });

  it.each([
    ['2025-12-19', 'terlambat'],
    ['2025-12-21', 'terlambat'],
    ['2025-12-22', 'segera'],
    ['2025-12-24', 'segera'],
    ['2025-12-29', 'segera'],
    ['2025-12-30', 'aman'],
    ['2026-01-15', 'aman'],
  ])('should call a request due on %s %s on 22 December 2025', (due: string, expected: string) => {
    expect(deadlineState(due, bounds)).toBe(expected);
  });

  it('should count three working days after a weekend day (22, 23 and 24 December)', () => {
    expect(stateBounds(calendar, '2025-12-20')).toEqual({ today: '2025-12-20', dueSoonUntil: '2025-12-24' });
  });
});

describe('workingDaysOverdue', () => {
  // Due Wednesday 24 December 2025; 25 and 26 December and 1 January are holidays.
  it.each([
    ['2025-12-22', 0],
    ['2025-12-24', 0],
    ['2025-12-25', 1],
    ['2025-12-27', 1],
    ['2025-12-29', 1],
    ['2025-12-30', 2],
    ['2026-01-02', 4],
    ['2026-01-05', 5],
  ])('should count %s as %s working days past a due date of 24 December 2025', (today: string, expected: number) => {
    expect(workingDaysOverdue(calendar, '2025-12-24', today)).toBe(expected);
  });
});
