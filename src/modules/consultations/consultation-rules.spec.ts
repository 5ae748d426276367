import { defaultServiceHours, ServiceHours, WorkingDayCalendar } from 'src/modules/calendar';
import {
  consultationDueDate,
  deskState,
  faqProblem,
  formatConsultationNumber,
  localToday,
  normalizeConsultationNumber,
} from './consultation-rules';

// The SKB 2026 days around the cases below (copied from the seed list so the test stands alone).
const HOLIDAYS_2026: ReadonlyArray<readonly [string, 'libur_nasional' | 'cuti_bersama']> = [
  ['2026-01-01', 'libur_nasional'],
  ['2026-01-16', 'libur_nasional'], // Isra Mikraj
  ['2026-03-18', 'cuti_bersama'],
  ['2026-03-19', 'libur_nasional'], // Nyepi
  ['2026-03-20', 'cuti_bersama'],
  ['2026-03-21', 'libur_nasional'], // Idul Fitri
  ['2026-03-22', 'libur_nasional'],
  ['2026-03-23', 'cuti_bersama'],
  ['2026-03-24', 'cuti_bersama'],
  ['2026-04-03', 'libur_nasional'], // Good Friday
];

function calendar(options: { cutiBersama?: boolean; closures?: string[]; confirmedYears?: number[] } = {}): WorkingDayCalendar {
  const { cutiBersama = true, closures = [], confirmedYears = [2026] } = options;
  const days = HOLIDAYS_2026.filter(([, kind]) => cutiBersama || kind === 'libur_nasional').map(([d]) => d);
  return WorkingDayCalendar.build({ nonWorkingDays: [...days, ...closures], confirmedYears });
}

const WIB = defaultServiceHours('Asia/Jakarta');
const WITA: ServiceHours = { timeZone: 'Asia/Makassar', opensAt: '08:00', closesAt: '16:00' };

describe('consultationDueDate', () => {
  it.each([
    ['a Friday morning: day 0 that Friday, three working days over the weekend', '2026-01-09T10:00:00+07:00', '2026-01-09', '2026-01-14'],
    ['a Friday after closing time: day 0 the Monday after', '2026-01-09T16:30:00+07:00', '2026-01-12', '2026-01-15'],
    ['a Saturday: day 0 the Monday after', '2026-01-10T09:00:00+07:00', '2026-01-12', '2026-01-15'],
    ['a Sunday night: day 0 the Monday after', '2026-01-11T23:59:00+07:00', '2026-01-12', '2026-01-15'],
    ['before opening time on a working day: that day', '2026-01-13T06:00:00+07:00', '2026-01-13', '2026-01-19'],
    ['the day before a holiday Friday: the holiday and the weekend are skipped', '2026-01-15T10:00:00+07:00', '2026-01-15', '2026-01-21'],
    ['on a holiday in the Idul Fitri week: day 0 after the cuti bersama', '2026-03-19T10:00:00+07:00', '2026-03-25', '2026-03-30'],
    ['just before a year ends: 1 January is skipped', '2026-12-30T10:00:00+07:00', '2026-12-30', '2027-01-04'],
  ])('should count %s', (_case, receivedAt, day0, due) => {
    const result = consultationDueDate(calendar({ confirmedYears: [2026, 2027] }), new Date(receivedAt), WIB, 3);
    expect(result).toEqual({ effectiveReceiptDate: day0, dueDate: due, provisional: false });
  });

  it('should count cuti bersama as working days when the setting says so', () => {
    const result = consultationDueDate(calendar({ cutiBersama: false }), new Date('2026-03-19T10:00:00+07:00'), WIB, 3);
    expect(result).toEqual({ effectiveReceiptDate: '2026-03-20', dueDate: '2026-03-25', provisional: false });
  });

  it('should skip a closure recorded for the body', () => {
    const result = consultationDueDate(calendar({ closures: ['2026-03-26'] }), new Date('2026-03-19T10:00:00+07:00'), WIB, 3);
    expect(result.dueDate).toBe('2026-03-31');
  });

  it('should read the receipt time in the unit’s own time zone', () => {
    // 15:30 WIB is 16:30 WITA: after closing time in Makassar, before it in Surabaya.
    const at = new Date('2026-01-13T15:30:00+07:00');
    expect(consultationDueDate(calendar(), at, WIB, 3).effectiveReceiptDate).toBe('2026-01-13');
    expect(consultationDueDate(calendar(), at, WITA, 3).effectiveReceiptDate).toBe('2026-01-14');
  });

  it('should follow the configured target: one working day and ten', () => {
    const at = new Date('2026-01-09T10:00:00+07:00');
    expect(consultationDueDate(calendar(), at, WIB, 1).dueDate).toBe('2026-01-12');
    expect(consultationDueDate(calendar(), at, WIB, 10).dueDate).toBe('2026-01-26');
  });

  it('should mark the due date provisional when it falls in a year without a decreed list', () => {
    const result = consultationDueDate(calendar({ confirmedYears: [2026] }), new Date('2026-12-30T10:00:00+07:00'), WIB, 3);
    expect(result.provisional).toBe(true);
    expect(result.dueDate > '2026-12-31').toBe(true);
  });

  it('should refuse a target that is not a whole number of days', () => {
    expect(() => consultationDueDate(calendar(), new Date('2026-01-09T10:00:00+07:00'), WIB, 0)).toThrow(RangeError);
    expect(() => consultationDueDate(calendar(), new Date('2026-01-09T10:00:00+07:00'), WIB, 1.5)).toThrow(RangeError);
  });
});

describe('deskState', () => {
  it.each([
    ['2026-01-13', '2026-01-14', 'aman'],
    ['2026-01-14', '2026-01-14', 'hari_ini'],
    ['2026-01-15', '2026-01-14', 'terlambat'],
    ['2027-01-01', '2026-12-31', 'terlambat'],
  ])('should read today %s against due %s as %s', (today, due, state) => {
    expect(deskState(today, due)).toBe(state);
  });

  it('should take today in the local zone, not the UTC date, early in the morning', () => {
    // 06:00 WIB on 14 January is still 13 January in UTC.
    expect(localToday(new Date('2026-01-13T23:00:00Z'), 'Asia/Jakarta')).toBe('2026-01-14');
  });
});

describe('consultation numbers', () => {
  it('should format a number per body and year, padded, without dots', () => {
    expect(formatConsultationNumber('35.78', 2026, 7)).toBe('3578-KON-2026-00007');
    expect(formatConsultationNumber('35', 2026, 123456)).toBe('35-KON-2026-123456');
  });

  it('should read back what a person typed and refuse anything else', () => {
    expect(normalizeConsultationNumber(' 3578-kon-2026-00007 ')).toBe('3578-KON-2026-00007');
    expect(normalizeConsultationNumber('3578-U-2026-00007')).toBeNull();
    expect(normalizeConsultationNumber("3578-KON-2026-00007' OR 1=1")).toBeNull();
  });
});

describe('faqProblem', () => {
  it('should allow a FAQ entry only for an answered consultation whose asker consented', () => {
    expect(faqProblem({ status: 'answered', faqConsent: true })).toBeNull();
    expect(faqProblem({ status: 'answered', faqConsent: false })).toMatch(/tidak menyetujui/);
    expect(faqProblem({ status: 'open', faqConsent: true })).toMatch(/Jawab konsultasi ini/);
  });
});
