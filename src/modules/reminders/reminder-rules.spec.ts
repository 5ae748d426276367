import { WorkingDayCalendar } from 'src/modules/calendar';
import {
  AwaitingRequest,
  candidateHorizon,
  clockOf,
  daysLeftText,
  digestOf,
  digestRecipients,
  dueSoonRecipient,
  isDueSoon,
  isOverdue,
  latenessOf,
  latenessText,
  overdueHorizon,
  reminderDay,
} from './reminder-rules';

// Friday 12 March 2027 is a holiday in this calendar.
const calendar = WorkingDayCalendar.build({ nonWorkingDays: ['2027-03-12'], confirmedYears: [2027] });
// Wednesday 10 March 2027, 09:00 WIB.
const asOf = new Date('2027-03-10T02:00:00Z');
const day = reminderDay(calendar, asOf, 'Asia/Jakarta');

let nextId = 0;
function awaiting(dueDate: string, overrides: Partial<AwaitingRequest> = {}): AwaitingRequest {
  nextId += 1;
  return {
    id: String(nextId),
    registrationNumber: `35.78-2027-${String(nextId).padStart(6, '0')}`,
    requesterName: `Pemohon ${nextId}`,
    dueDate,
    unitId: 7,
    unitName: 'PPID Utama Kota Surabaya',
    unitEmail: 'ppid@surabaya.go.id',
    timeZone: 'Asia/Jakarta',
    bodyId: 3,
    bodyName: 'Pemerintah Kota Surabaya',
    assignee: { id: 11, name: 'Rina Petugas', email: 'rina@surabaya.go.id', active: true },
    ...overrides,
  };
}

describe('reminder rules', () => {
  describe('reminderDay', () => {
    it('should take today in the unit zone and put segera three working days ahead, skipping the holiday', () => {
      expect(day).toEqual({ today: '2027-03-10', bounds: { today: '2027-03-10', dueSoonUntil: '2027-03-16' }, workingDay: true });
    });

    it('should read the local date of each zone when it is already tomorrow further east', () => {
      const lateEvening = new Date('2027-03-10T16:30:00Z');
      expect(reminderDay(calendar, lateEvening, 'Asia/Jakarta').today).toBe('2027-03-10');
      expect(reminderDay(calendar, lateEvening, 'Asia/Jayapura').today).toBe('2027-03-11');
    });

    it.each([
      ['2027-03-12T02:00:00Z', false],
      ['2027-03-13T02:00:00Z', false],
      ['2027-03-15T02:00:00Z', true],
    ])('should call %s a working day: %s', (instant: string, expected: boolean) => {
      expect(reminderDay(calendar, new Date(instant), 'Asia/Jakarta').workingDay).toBe(expected);
    });
  });

  describe('states', () => {
    it.each([
      ['2027-03-09', false, true],
      ['2027-03-10', true, false],
      ['2027-03-16', true, false],
      ['2027-03-17', false, false],
    ])('should call a request due on %s due soon: %s, overdue: %s', (due: string, soon: boolean, overdue: boolean) => {
      expect(isDueSoon({ dueDate: due }, day)).toBe(soon);
      expect(isOverdue({ dueDate: due }, day)).toBe(overdue);
    });
  });

  describe('horizons', () => {
    it('should bound the queries by the easternmost local date', () => {
      const lateEvening = new Date('2027-03-10T16:30:00Z');
      expect(candidateHorizon(lateEvening)).toBe('2027-04-11');
      expect(overdueHorizon(lateEvening)).toBe('2027-03-10');
      expect(overdueHorizon(asOf)).toBe('2027-03-09');
    });
  });

  describe('recipients', () => {
    it.each<[string, string | null, Partial<AwaitingRequest>]>([
      ['an active assignee', 'rina@surabaya.go.id', {}],
      ['a deactivated assignee', 'ppid@surabaya.go.id', { assignee: { id: 11, name: 'Rina', email: 'rina@surabaya.go.id', active: false } }],
      ['no assignee', 'ppid@surabaya.go.id', { assignee: null }],
      ['no assignee and no unit address', null, { assignee: null, unitEmail: null }],
    ])('should send the due-soon reminder of a request with %s to %s', (_: string, expected: string | null, overrides: Partial<AwaitingRequest>) => {
      expect(dueSoonRecipient(awaiting('2027-03-11', overrides))?.email ?? null).toBe(expected);
    });

    it('should send the digest to the unit officers, else to the unit address, else to nobody', () => {
      const officers = [{ email: 'a@surabaya.go.id', name: 'A' }];
      expect(digestRecipients({ unitEmail: 'ppid@surabaya.go.id', unitName: 'U' }, officers)).toEqual(officers);
      expect(digestRecipients({ unitEmail: 'ppid@surabaya.go.id', unitName: 'U' }, [])).toEqual([{ email: 'ppid@surabaya.go.id', name: 'U' }]);
      expect(digestRecipients({ unitEmail: null, unitName: 'U' }, [])).toEqual([]);
    });
  });

  describe('latenessOf', () => {
    it.each([
      ['2027-03-05', '2027-03-10', 3, 5],
      ['2027-03-05', '2027-03-08', 1, 3],
      ['2027-03-11', '2027-03-15', 1, 4],
      ['2027-03-10', '2027-03-10', 0, 0],
    ])('should count a request due %s as late on %s by %i working and %i calendar days', (due: string, today: string, working: number, days: number) => {
      expect(latenessOf(calendar, today, due)).toEqual({ workingDays: working, calendarDays: days });
    });

    it('should word the days for the mail', () => {
      expect([daysLeftText(0), daysLeftText(2), latenessText(3), latenessText(0)]).toEqual([
        'jatuh tempo hari ini',
        'sisa 2 hari kerja',
        'terlambat 3 hari kerja',
        'terlambat 1 hari kerja',
      ]);
    });
  });

  describe('digestOf', () => {
    it('should split due-soon and overdue requests into their sections by due date, leaving out the rest', () => {
      const later = awaiting('2027-03-16', { assignee: null });
      const today = awaiting('2027-03-10');
      const late = awaiting('2027-03-05');
      const veryLate = awaiting('2027-02-26');
      const safe = awaiting('2027-03-17');
      const digest = digestOf([later, safe, late, today, veryLate], calendar, day);
      expect(digest?.dueSoon.map((l) => [l.requestId, l.days, l.daysText, l.assigneeName])).toEqual([
        [today.id, 0, 'jatuh tempo hari ini', 'Rina Petugas'],
        [later.id, 3, 'sisa 3 hari kerja', null],
      ]);
      expect(digest?.overdue.map((l) => [l.requestId, l.days])).toEqual([
        [veryLate.id, 8],
        [late.id, 3],
      ]);
      expect(digest?.overdue[0]).toMatchObject({ registrationNumber: veryLate.registrationNumber, requesterName: veryLate.requesterName, dueDate: '2027-02-26' });
    });

    it('should give no digest when nothing is due soon or overdue', () => {
      expect(digestOf([awaiting('2027-03-17'), awaiting('2027-04-01')], calendar, day)).toBeNull();
      expect(digestOf([], calendar, day)).toBeNull();
    });
  });

  describe('clockOf', () => {
    const now = new Date('2026-11-30T01:00:00Z');

    it('should run at now unless the job names its own clock', () => {
      expect(clockOf({}, now)).toBe(now);
      expect(clockOf({ asOf: null }, now)).toBe(now);
      expect(clockOf({ asOf: '2027-03-10T02:00:00Z' }, now)).toEqual(asOf);
    });

    it.each([['besok'], [1_700_000_000_000], [{}]])('should refuse an asOf of %p', (value: unknown) => {
      expect(() => clockOf({ asOf: value }, now)).toThrow(RangeError);
    });
  });
});
