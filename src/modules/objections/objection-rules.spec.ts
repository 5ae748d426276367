import { WorkingDayCalendar } from 'src/modules/calendar';
import {
  atasanDueDate,
  canMoveTo,
  checkGround,
  checkGrounds,
  disputeWindow,
  eligibleGrounds,
  kiPeriods,
  ObjectionGround,
  outcomeReopens,
  raisedGrounds,
  RequestFacts,
} from './objection-rules';

/** March–April 2026 with one holiday on Friday 20 March (and weekends). */
const HOLIDAY = '2026-03-20';
const calendar = WorkingDayCalendar.build({ nonWorkingDays: [HOLIDAY], confirmedYears: [2026] });
const plain = WorkingDayCalendar.build({ nonWorkingDays: [], confirmedYears: [2026] });

const refusedOnTime: RequestFacts = { dueDate: '2026-03-13', answer: { decision: 'refused', date: '2026-03-02' } };
const grantedOnTime: RequestFacts = { dueDate: '2026-03-13', answer: { decision: 'granted', date: '2026-03-02' } };
const partly: RequestFacts = { dueDate: '2026-03-13', answer: { decision: 'partially_granted', date: '2026-03-02' } };
const notHeld: RequestFacts = { dueDate: '2026-03-13', answer: { decision: 'not_held', date: '2026-03-02' } };
const unanswered: RequestFacts = { dueDate: '2026-03-02', answer: null };
const answeredLate: RequestFacts = { dueDate: '2026-03-02', answer: { decision: 'granted', date: '2026-03-05' } };

function eligible(g: ObjectionGround, facts: RequestFacts, today: string, cal = calendar): boolean {
  return checkGround(g, facts, today, cal).eligible;
}

describe('objection eligibility (Pasal 35–36)', () => {
  it.each<[string, RequestFacts, ObjectionGround[]]>([
    ['a refusal', refusedOnTime, ['a', 'b', 'd', 'e', 'f']],
    ['a partial grant', partly, ['a', 'b', 'd', 'e', 'f']],
    ['a full grant on time', grantedOnTime, ['b', 'd', 'e', 'f']],
    ['a not-held notice', notHeld, ['b', 'd', 'e', 'f']],
    ['an answer that came late', answeredLate, ['b', 'c', 'd', 'e', 'f', 'g']],
    ['no answer after the due date', unanswered, ['b', 'c', 'g']],
  ])('should allow exactly the grounds that arose after %s', (_label, facts, grounds) => {
    expect(eligibleGrounds(facts, '2026-03-09', calendar)).toEqual(grounds);
  });

  it('should allow nothing while the request waits for its answer within the due date', () => {
    const waiting: RequestFacts = { dueDate: '2026-03-13', answer: null };
    expect(eligibleGrounds(waiting, '2026-03-13', calendar)).toEqual([]);
    const reasons = checkGrounds(['a', 'c', 'g', 'd'], waiting, '2026-03-13', calendar).map((c) => (c.eligible ? '' : c.reason));
    expect(reasons[0]).toMatch(/setelah permohonan ditolak/);
    expect(reasons[1]).toMatch(/batas waktu jawaban \(13 Maret 2026\) lewat tanpa tanggapan/);
    expect(reasons[2]).toMatch(/huruf d hanya dapat diajukan setelah/);
    expect(reasons[3]).toMatch(/huruf g dapat diajukan setelah batas waktu/);
  });

  it('should refuse ground a after a full grant, in words', () => {
    const check = checkGround('a', grantedOnTime, '2026-03-09', calendar);
    expect(check).toEqual({ ground: 'a', eligible: false, reason: expect.stringMatching(/ditolak .*Pasal 17/) });
  });

  it('should refuse grounds c and g when the answer came on time', () => {
    expect(checkGround('c', grantedOnTime, '2026-03-09', calendar)).toMatchObject({ eligible: false, reason: expect.stringMatching(/2 Maret 2026, dalam batas waktu/) });
    expect(checkGround('g', grantedOnTime, '2026-03-09', calendar)).toMatchObject({ eligible: false, reason: expect.stringMatching(/tidak melebihi batas waktu 13 Maret 2026/) });
  });

  it('should count c from the due date and g from the late answer', () => {
    expect(checkGround('c', answeredLate, '2026-03-09', calendar)).toMatchObject({ eligible: true, arose: '2026-03-02' });
    expect(checkGround('g', answeredLate, '2026-03-09', calendar)).toMatchObject({ eligible: true, arose: '2026-03-05' });
    expect(checkGround('g', unanswered, '2026-03-09', calendar)).toMatchObject({ eligible: true, arose: '2026-03-02' });
  });

  it('should not allow c on the due date itself, only after it', () => {
    expect(eligible('c', unanswered, '2026-03-02')).toBe(false);
    expect(eligible('c', unanswered, '2026-03-03')).toBe(true);
  });

  it('should not offer a ground again once an objection raised it against the same answer', () => {
    const raised = raisedGrounds([{ grounds: ['a', 'd'], effectiveReceiptDate: '2026-03-04' }], refusedOnTime);
    expect([...raised].sort()).toEqual(['a', 'd']);
    expect(eligibleGrounds(refusedOnTime, '2026-03-09', calendar, raised)).toEqual(['b', 'e', 'f']);
  });

  it('should offer the grounds again against a new answer after the request was reopened', () => {
    const reanswered: RequestFacts = { dueDate: '2026-03-27', answer: { decision: 'refused', date: '2026-03-25' } };
    expect(raisedGrounds([{ grounds: ['a'], effectiveReceiptDate: '2026-03-04' }], reanswered).size).toBe(0);
    // Unanswered: an objection on c counts only while the current due date is the one it was filed after.
    expect(raisedGrounds([{ grounds: ['c'], effectiveReceiptDate: '2026-03-04' }], unanswered).has('c')).toBe(true);
    expect(raisedGrounds([{ grounds: ['c'], effectiveReceiptDate: '2026-03-04' }], { dueDate: '2026-03-18', answer: null }).size).toBe(0);
  });

  describe('the 30-working-day window', () => {
    // Refusal on Monday 2 March 2026. Without holidays the 30th working day after it is Monday
    // 13 April; the holiday on Friday 20 March moves it to Tuesday 14 April.
    it('should accept the 30th working day and refuse the 31st without a holiday', () => {
      expect(checkGround('a', refusedOnTime, '2026-04-13', plain)).toMatchObject({ eligible: true, lastDay: '2026-04-13' });
      expect(eligible('a', refusedOnTime, '2026-04-14', plain)).toBe(false);
    });

    it('should move the last day past a holiday inside the window', () => {
      expect(calendar.countWorkingDays('2026-03-02', '2026-04-14')).toBe(30);
      expect(checkGround('a', refusedOnTime, '2026-04-14', calendar)).toMatchObject({ eligible: true, lastDay: '2026-04-14' });
      const late = checkGround('a', refusedOnTime, '2026-04-15', calendar);
      expect(late).toEqual({
        ground: 'a',
        eligible: false,
        reason: 'Batas waktu keberatan dengan alasan huruf a telah lewat: 30 hari kerja sejak 2 Maret 2026 berakhir 14 April 2026 (Pasal 36 ayat (1)).',
      });
    });

    it('should accept a filing on a weekend inside the window and refuse the weekend right after it', () => {
      // Saturday 11 April is inside; Saturday 18 April is after the last day (Tuesday 14 April).
      expect(eligible('d', refusedOnTime, '2026-04-11')).toBe(true);
      expect(eligible('d', refusedOnTime, '2026-04-18')).toBe(false);
    });

    it('should count ground c from the due date, holiday included', () => {
      // Due Monday 2 March, unanswered: the same 30 working days as above.
      expect(eligible('c', unanswered, '2026-04-14')).toBe(true);
      expect(eligible('c', unanswered, '2026-04-15')).toBe(false);
    });

    it('should refuse the whole objection when one ground is late even if another is in time', () => {
      const checks = checkGrounds(['g', 'c'], answeredLate, '2026-04-15', calendar);
      // c counts from 2 March (ends 14 April), g from 5 March (ends 17 April).
      expect(checks.map((c) => [c.ground, c.eligible])).toEqual([
        ['c', false],
        ['g', true],
      ]);
    });
  });
});

describe("the atasan's 30 working days (Pasal 36(2))", () => {
  const hours = { timeZone: 'Asia/Jakarta', opensAt: '08:00', closesAt: '16:00' };

  it('should end on the 30th working day after a receipt in office hours, past the holiday', () => {
    // Monday 2 March 10:00 WIB: day 0 = 2 March; the 30th working day is Tuesday 14 April.
    expect(atasanDueDate(calendar, new Date('2026-03-02T03:00:00Z'), hours)).toEqual({
      effectiveReceiptDate: '2026-03-02',
      dueDate: '2026-04-14',
      provisional: false,
    });
  });

  it('should count a receipt after hours on Friday from Monday', () => {
    // Friday 6 March 17:00 WIB: day 0 = Monday 9 March; 30 working days later is Tuesday 21 April.
    const due = atasanDueDate(calendar, new Date('2026-03-06T10:00:00Z'), hours);
    expect(due.effectiveReceiptDate).toBe('2026-03-09');
    expect(due.dueDate).toBe('2026-04-21');
    expect(calendar.countWorkingDays(due.effectiveReceiptDate, due.dueDate)).toBe(30);
  });
});

describe('dispute window and the Komisi Informasi periods (Pasal 37–38)', () => {
  it('should count 14 working days from the atasan answer', () => {
    // Answer Wednesday 11 March 2026; with the holiday of 20 March the 14th working day is Wednesday 1 April.
    expect(disputeWindow({ responseDate: '2026-03-11', dueDate: '2026-04-14' }, '2026-03-12', calendar)).toEqual({
      from: '2026-03-11',
      lastDay: '2026-04-01',
      basis: 'answer',
    });
  });

  it('should count from the end of the atasan 30 days when no answer came, and be closed before that', () => {
    expect(disputeWindow({ responseDate: null, dueDate: '2026-03-02' }, '2026-03-02', calendar)).toBeNull();
    expect(disputeWindow({ responseDate: null, dueDate: '2026-03-02' }, '2026-03-03', calendar)).toEqual({
      from: '2026-03-02',
      lastDay: '2026-03-23',
      basis: 'no_answer',
    });
  });

  it('should give the KI 14 working days to start and 100 to settle', () => {
    const p = kiPeriods('2026-03-02', plain);
    expect(p.startBy).toBe('2026-03-20');
    expect(plain.countWorkingDays('2026-03-02', p.settleBy)).toBe(100);
    expect(kiPeriods('2026-03-02', calendar).startBy).toBe('2026-03-23');
  });

  it('should move stages forward only and reopen only on an opening decision', () => {
    expect(canMoveTo('registered', 'mediasi')).toBe(true);
    expect(canMoveTo('putusan', 'putusan')).toBe(true);
    expect(canMoveTo('ajudikasi', 'mediasi')).toBe(false);
    expect(outcomeReopens('opened')).toBe(true);
    expect(outcomeReopens('partially_opened')).toBe(true);
    expect(outcomeReopens('rejected')).toBe(false);
    expect(outcomeReopens('mediated')).toBe(false);
  });
});
