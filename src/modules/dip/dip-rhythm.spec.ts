import fc from 'fast-check';
import { WorkingDayCalendar } from 'src/modules/calendar';
import { addMonths, DUE_SOON_WORKING_DAYS, rhythmOf } from './dip-rhythm';
import { periodProblem, UPDATE_PERIODS } from './dip-categories';

// The SKB non-working days around the dates below (libur nasional and cuti bersama), as in id-holidays.csv.
const NON_WORKING = [
  '2025-03-28', '2025-03-29', '2025-03-31', '2025-04-01', '2025-04-02', '2025-04-03', '2025-04-04', '2025-04-07',
  '2025-04-18', '2025-12-25', '2025-12-26', '2026-01-01', '2026-01-16',
  '2026-03-18', '2026-03-19', '2026-03-20', '2026-03-23', '2026-03-24',
];
const calendar = WorkingDayCalendar.build({ nonWorkingDays: NON_WORKING, confirmedYears: [2024, 2025, 2026] });
/** The same years with one body's own closure on 2 January 2026. */
const closed = WorkingDayCalendar.build({ nonWorkingDays: [...NON_WORKING, '2026-01-02'], confirmedYears: [2024, 2025, 2026] });

describe('addMonths', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-08-31', 6, '2025-02-28'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2025-07-01', 6, '2026-01-01'],
    ['2025-10-15', 3, '2026-01-15'],
    ['2025-12-31', 12, '2026-12-31'],
  ])('should put %s + %i months on %s', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });
});

describe('rhythmOf (berkala items on the body calendar)', () => {
  it('should move a due date that falls in the Idul Fitri holidays to the first working day after them', () => {
    // 1 October 2024 + 6 months = 1 April 2025 (Idul Fitri); 2–4 April cuti bersama, 5–6 weekend, 7 April cuti bersama.
    const r = rhythmOf(calendar, '2024-10-01', 6, '2025-04-08');
    expect(r).toEqual({ nominalDue: '2025-04-01', dueDate: '2025-04-08', state: 'segera', workingDaysLeft: 0 });
    expect(rhythmOf(calendar, '2024-10-01', 6, '2025-04-09').state).toBe('terlambat');
    expect(rhythmOf(calendar, '2024-10-01', 6, '2025-04-02').state).toBe('segera');
  });

  it('should carry a due date across the turn of the year past Christmas, cuti bersama and New Year', () => {
    // 25 June + 6 months = Thursday 25 December (holiday), 26 December cuti bersama, then the weekend: Monday 29 December.
    expect(rhythmOf(calendar, '2025-06-25', 6, '2025-12-29')).toMatchObject({ dueDate: '2025-12-29', state: 'segera', workingDaysLeft: 0 });
    expect(rhythmOf(calendar, '2025-06-25', 6, '2025-12-30').state).toBe('terlambat');
    // 1 July + 6 months = 1 January 2026 (New Year): Friday 2 January, unless the body closed that day: Monday 5 January.
    expect(rhythmOf(calendar, '2025-07-01', 6, '2026-01-02')).toMatchObject({ dueDate: '2026-01-02', state: 'segera' });
    expect(rhythmOf(calendar, '2025-07-01', 6, '2026-01-03').state).toBe('terlambat');
    expect(rhythmOf(closed, '2025-07-01', 6, '2026-01-03')).toMatchObject({ dueDate: '2026-01-05', state: 'segera', workingDaysLeft: 1 });
    expect(rhythmOf(closed, '2025-07-01', 6, '2026-01-06').state).toBe('terlambat');
  });

  it('should count the working days left, skipping holidays, and turn segera at ten', () => {
    // Due Monday 29 December 2025. Working days after 10 December up to it: 11–12, 15–19, 22–24, 29 = 11.
    expect(rhythmOf(calendar, '2025-06-29', 6, '2025-12-10')).toMatchObject({ dueDate: '2025-12-29', workingDaysLeft: 11, state: 'aman' });
    expect(rhythmOf(calendar, '2025-06-29', 6, '2025-12-11')).toMatchObject({ workingDaysLeft: 10, state: 'segera' });
    expect(DUE_SOON_WORKING_DAYS).toBe(10);
  });

  it('should keep a due date that is a working day and treat the due date itself as not yet stale', () => {
    const r = rhythmOf(calendar, '2025-05-05', 3, '2025-08-05');
    expect(r).toMatchObject({ nominalDue: '2025-08-05', dueDate: '2025-08-05', state: 'segera', workingDaysLeft: 0 });
    expect(rhythmOf(calendar, '2025-05-05', 3, '2025-01-02').state).toBe('aman');
  });

  it('should compare plain dates outside the calendar years', () => {
    expect(rhythmOf(calendar, '2010-01-01', 6, '2025-05-05')).toMatchObject({ dueDate: '2010-07-01', state: 'terlambat', workingDaysLeft: null });
  });

  it('should never put a due date before the nominal date nor on a non-working day, and be stale exactly after it', () => {
    const day = fc.integer({ min: 0, max: 365 * 2 }).map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.constantFrom(1, 3, 6), day, (last, months, today) => {
        const r = rhythmOf(calendar, last, months, today);
        expect(r.dueDate >= r.nominalDue).toBe(true);
        expect(calendar.isWorkingDay(r.dueDate)).toBe(true);
        expect(r.state === 'terlambat').toBe(today > r.dueDate);
      }),
    );
  });
});

describe('periodProblem (Pasal 9: berkala at least every six months)', () => {
  it('should require a period of 1, 3 or 6 months for berkala items and refuse 12', () => {
    expect(periodProblem('berkala', null)).toBe('Jangka waktu pemutakhiran wajib dipilih untuk informasi berkala.');
    for (const m of [1, 3, 6]) expect(periodProblem('berkala', m)).toBeNull();
    expect(periodProblem('berkala', 12)).toContain('paling lambat setiap 6 bulan (Pasal 9 UU 14/2008)');
  });

  it('should let items available at any time carry a yearly review, and refuse periods not on the list', () => {
    expect(periodProblem('setiap_saat', 12)).toBeNull();
    expect(periodProblem('setiap_saat', null)).toBeNull();
    expect(periodProblem('setiap_saat', 2)).toBe('Jangka waktu pemutakhiran: pilih 1, 3, 6 atau 12 bulan.');
    expect(UPDATE_PERIODS).toEqual([1, 3, 6, 12]);
  });
});
