import {
  defaultServiceHours,
  ServiceHours,
  WorkingDayCalendar,
  computeDueDate,
  effectiveReceiptDate,
  explainDueDate,
  extendDueDate,
  parseServiceHours,
  workingDaysLeft,
} from 'src/modules/calendar/working-day-calendar';

type HolidayKind = 'libur_nasional' | 'cuti_bersama';

// The SKB lists for 2024–2026 (with Keppres polling days and the 2025 change), copied from
// shared/data/id-holidays.csv so these tests stand alone.
const HOLIDAYS: ReadonlyArray<readonly [string, HolidayKind]> = [
  ['2024-01-01', 'libur_nasional'],
  ['2024-02-08', 'libur_nasional'],
  ['2024-02-09', 'cuti_bersama'],
  ['2024-02-10', 'libur_nasional'],
  ['2024-02-14', 'libur_nasional'], // Pemilu
  ['2024-03-11', 'libur_nasional'], // Nyepi
  ['2024-03-12', 'cuti_bersama'],
  ['2024-03-29', 'libur_nasional'],
  ['2024-03-31', 'libur_nasional'],
  ['2024-04-08', 'cuti_bersama'], // Idul Fitri 1445
  ['2024-04-09', 'cuti_bersama'],
  ['2024-04-10', 'libur_nasional'],
  ['2024-04-11', 'libur_nasional'],
  ['2024-04-12', 'cuti_bersama'],
  ['2024-04-15', 'cuti_bersama'],
  ['2024-05-01', 'libur_nasional'],
  ['2024-05-09', 'libur_nasional'],
  ['2024-05-10', 'cuti_bersama'],
  ['2024-05-23', 'libur_nasional'],
  ['2024-05-24', 'cuti_bersama'],
  ['2024-06-01', 'libur_nasional'],
  ['2024-06-17', 'libur_nasional'],
  ['2024-06-18', 'cuti_bersama'],
  ['2024-07-07', 'libur_nasional'],
  ['2024-08-17', 'libur_nasional'],
  ['2024-09-16', 'libur_nasional'],
  ['2024-11-27', 'libur_nasional'], // Pilkada
  ['2024-12-25', 'libur_nasional'],
  ['2024-12-26', 'cuti_bersama'],
  ['2025-01-01', 'libur_nasional'],
  ['2025-01-27', 'libur_nasional'],
  ['2025-01-28', 'cuti_bersama'],
  ['2025-01-29', 'libur_nasional'],
  ['2025-03-28', 'cuti_bersama'], // Nyepi 1947
  ['2025-03-29', 'libur_nasional'],
  ['2025-03-31', 'libur_nasional'], // Idul Fitri 1446
  ['2025-04-01', 'libur_nasional'],
  ['2025-04-02', 'cuti_bersama'],
  ['2025-04-03', 'cuti_bersama'],
  ['2025-04-04', 'cuti_bersama'],
  ['2025-04-07', 'cuti_bersama'],
  ['2025-04-18', 'libur_nasional'], // Good Friday
  ['2025-04-20', 'libur_nasional'],
  ['2025-05-01', 'libur_nasional'],
  ['2025-05-12', 'libur_nasional'],
  ['2025-05-13', 'cuti_bersama'],
  ['2025-05-29', 'libur_nasional'],
  ['2025-05-30', 'cuti_bersama'],
  ['2025-06-01', 'libur_nasional'],
  ['2025-06-06', 'libur_nasional'],
  ['2025-06-09', 'cuti_bersama'],
  ['2025-06-27', 'libur_nasional'],
  ['2025-08-17', 'libur_nasional'],
  ['2025-08-18', 'cuti_bersama'], // added by SKB 933/1/3 Tahun 2025
  ['2025-09-05', 'libur_nasional'],
  ['2025-12-25', 'libur_nasional'],
  ['2025-12-26', 'cuti_bersama'],
  ['2026-01-01', 'libur_nasional'],
  ['2026-01-16', 'libur_nasional'],
  ['2026-02-16', 'cuti_bersama'],
  ['2026-02-17', 'libur_nasional'],
  ['2026-03-18', 'cuti_bersama'], // Nyepi 1948
  ['2026-03-19', 'libur_nasional'],
  ['2026-03-20', 'cuti_bersama'], // Idul Fitri 1447
  ['2026-03-21', 'libur_nasional'],
  ['2026-03-22', 'libur_nasional'],
  ['2026-03-23', 'cuti_bersama'],
  ['2026-03-24', 'cuti_bersama'],
  ['2026-04-03', 'libur_nasional'], // Good Friday
  ['2026-04-05', 'libur_nasional'],
  ['2026-05-01', 'libur_nasional'],
  ['2026-05-14', 'libur_nasional'],
  ['2026-05-15', 'cuti_bersama'],
  ['2026-05-27', 'libur_nasional'],
  ['2026-05-28', 'cuti_bersama'],
  ['2026-05-31', 'libur_nasional'],
  ['2026-06-01', 'libur_nasional'],
  ['2026-06-16', 'libur_nasional'],
  ['2026-08-17', 'libur_nasional'],
  ['2026-08-25', 'libur_nasional'],
  ['2026-12-24', 'cuti_bersama'],
  ['2026-12-25', 'libur_nasional'],
];

interface CalendarFixture {
  cutiBersama?: boolean;
  closures?: string[];
  confirmedYears?: number[];
  firstYear?: number;
  lastYear?: number;
}

function buildCalendar(fixture: CalendarFixture = {}): WorkingDayCalendar {
  const { cutiBersama = true, closures = [], confirmedYears = [2024, 2025, 2026] } = fixture;
  const holidays = HOLIDAYS.filter(([, kind]) => cutiBersama || kind === 'libur_nasional').map(([date]) => date);
  return WorkingDayCalendar.build({
    nonWorkingDays: [...holidays, ...closures],
    confirmedYears,
    firstYear: fixture.firstYear,
    lastYear: fixture.lastYear,
  });
}

const WIB = defaultServiceHours('Asia/Jakarta');
const WITA: ServiceHours = { timeZone: 'Asia/Makassar', opensAt: '08:00', closesAt: '16:00' };
const WIT: ServiceHours = { timeZone: 'Asia/Jayapura', opensAt: '08:00', closesAt: '16:00' };

describe('WorkingDayCalendar', () => {
  const cal = buildCalendar();

  describe('isWorkingDay', () => {
    it.each([
      ['2025-03-27', true], // Thursday
      ['2025-03-28', false], // cuti bersama Nyepi
      ['2025-03-29', false], // Saturday and Nyepi
      ['2025-03-30', false], // Sunday
      ['2025-04-08', true],
      ['2024-02-14', false], // Pemilu (Keppres)
      ['2024-11-27', false], // Pilkada (Keppres)
      ['2025-08-18', false], // cuti bersama added in 2025
      ['2026-12-24', false],
      ['2025-07-21', true],
      ['2027-01-01', false], // 2027 has no list yet, but New Year is on the same date every year
      ['2027-01-04', true],
      ['2027-08-17', false], // Hari Kemerdekaan in a year without a list
      ['2027-02-08', true], // whatever moving feast falls here is unknown until the list is decreed
    ])('should say %s is working = %s when checked', (date, expected) => {
      expect(cal.isWorkingDay(date)).toBe(expected);
    });

    it('should treat cuti bersama as working when the caller leaves it out', () => {
      const withoutCuti = buildCalendar({ cutiBersama: false });
      expect(withoutCuti.isWorkingDay('2025-03-28')).toBe(true);
      expect(withoutCuti.isWorkingDay('2025-03-31')).toBe(false);
    });

    it('should treat a body closure as non-working when it is passed in', () => {
      expect(buildCalendar({ closures: ['2025-07-23'] }).isWorkingDay('2025-07-23')).toBe(false);
    });
  });

  describe('nextWorkingDayOnOrAfter', () => {
    it.each([
      ['2025-03-28', '2025-04-08'], // through Nyepi and Idul Fitri 2025
      ['2025-04-08', '2025-04-08'],
      ['2024-04-06', '2024-04-16'], // Idul Fitri 2024
      ['2026-03-18', '2026-03-25'], // Nyepi and Idul Fitri 2026
      ['2024-12-25', '2024-12-27'],
      ['2025-07-19', '2025-07-21'],
    ])('should move %s to %s when it is not a working day', (date, expected) => {
      expect(cal.nextWorkingDayOnOrAfter(date)).toBe(expected);
    });
  });

  describe('addWorkingDays', () => {
    it.each([
      ['2025-03-27', 0, '2025-03-27'],
      ['2025-03-28', 0, '2025-03-28'], // n = 0 returns d0 even when it is not working
      ['2025-03-27', 1, '2025-04-08'],
      ['2025-03-28', 1, '2025-04-08'],
      ['2025-03-27', 10, '2025-04-22'],
      ['2025-03-27', 17, '2025-05-02'],
      ['2024-12-23', 10, '2025-01-09'],
    ])('should give %s + %i working days = %s when counting', (d0, n, expected) => {
      expect(cal.addWorkingDays(d0, n)).toBe(expected);
    });

    it.each([-1, 1.5, Number.NaN])('should throw a RangeError when n is %p', (n) => {
      expect(() => cal.addWorkingDays('2025-03-27', n)).toThrow(RangeError);
    });

    it('should throw a RangeError when the date is not a real date', () => {
      expect(() => cal.addWorkingDays('2025-02-29', 1)).toThrow(RangeError);
    });
  });

  describe('countWorkingDays', () => {
    it.each([
      ['2025-03-27', '2025-04-22', 10],
      ['2025-04-22', '2025-03-27', -10], // reversed span counts negative
      ['2025-03-27', '2025-03-27', 0],
      ['2025-07-18', '2025-07-21', 1], // Friday to Monday
      ['2025-07-19', '2025-07-20', 0], // the weekend itself
      ['2025-03-28', '2025-04-07', 0], // Nyepi and Idul Fitri 2025, nothing but holidays
      ['2024-04-05', '2024-04-16', 1],
      ['2023-12-31', '2024-12-31', 238], // 262 weekdays − 24 weekday holidays
      ['2024-12-31', '2025-12-31', 237], // 261 − 24
      ['2025-12-31', '2026-12-31', 240], // 261 − 21
    ])('should count (%s, %s] as %i when asked', (from, to, expected) => {
      expect(cal.countWorkingDays(from, to)).toBe(expected);
    });

    it('should count 11 more days in 2025 when cuti bersama is not excluded', () => {
      expect(buildCalendar({ cutiBersama: false }).countWorkingDays('2024-12-31', '2025-12-31')).toBe(248);
    });
  });

  describe('isProvisional', () => {
    it.each([
      ['2023-06-01', true],
      ['2024-01-01', false],
      ['2026-12-31', false],
      ['2027-01-01', true],
      ['2040-01-01', true], // outside the range, still answerable
    ])('should say %s is provisional = %s when 2024–2026 are confirmed', (date, expected) => {
      expect(cal.isProvisional(date)).toBe(expected);
    });
  });

  describe('range', () => {
    it('should cover 2020 to the last confirmed year + 5 when built with defaults', () => {
      expect([cal.firstDate, cal.lastDate]).toEqual(['2020-01-01', '2031-12-31']);
    });

    it('should start earlier when a confirmed year is before 2020', () => {
      expect(buildCalendar({ confirmedYears: [2018, 2019] }).firstDate).toBe('2018-01-01');
    });

    it.each([
      ['2019-12-31', () => cal.isWorkingDay('2019-12-31')],
      ['2032-01-01', () => cal.isWorkingDay('2032-01-01')],
      ['2035-01-01', () => cal.addWorkingDays('2035-01-01', 1)],
      ['2031-12-30', () => cal.addWorkingDays('2031-12-30', 5)], // result falls past the end
      ['2040-03-01', () => computeDueDate(cal, new Date('2040-03-01T10:00:00+07:00'), 10, WIB)],
    ])('should throw a RangeError naming the range when %s is out of range', (_date, query) => {
      expect(query).toThrow(RangeError);
      expect(query).toThrow('2020-01-01..2031-12-31');
    });

    it('should answer up to the edges when they are inside the range', () => {
      expect(cal.isWorkingDay('2020-01-02')).toBe(true);
      expect(cal.isWorkingDay('2031-12-31')).toBe(true);
    });

    it('should use the explicit years when firstYear and lastYear are given', () => {
      const narrow = buildCalendar({ firstYear: 2024, lastYear: 2026 });
      expect(() => narrow.isWorkingDay('2023-12-31')).toThrow(RangeError);
      expect(narrow.isWorkingDay('2026-12-31')).toBe(true);
      expect(() => narrow.addWorkingDays('2026-12-23', 10)).toThrow(RangeError);
    });

    it('should throw a RangeError when firstYear is after lastYear', () => {
      expect(() => buildCalendar({ firstYear: 2027, lastYear: 2026 })).toThrow(RangeError);
    });

    it('should throw a RangeError when a non-working day is not a real date', () => {
      expect(() => WorkingDayCalendar.build({ nonWorkingDays: ['2025-02-30'], confirmedYears: [2025] })).toThrow(
        RangeError,
      );
    });
  });
});

describe('computeDueDate and effectiveReceiptDate', () => {
  const cal = buildCalendar();

  // Each expected date was counted by hand on the 2024–2026 calendar.
  it.each([
    // RULES.md worked example.
    ['worked example, Thursday 27 March 2025 10:00 WIB', '2025-03-27T10:00:00+07:00', WIB, '2025-03-27', '2025-04-22'],
    // Idul Fitri.
    ['before Idul Fitri 2024, Friday 5 April', '2024-04-05T10:00:00+07:00', WIB, '2024-04-05', '2024-04-29'],
    ['on Idul Fitri 2024, Wednesday 10 April', '2024-04-10T09:00:00+07:00', WIB, '2024-04-16', '2024-04-30'],
    ['on cuti bersama Idul Fitri 2025, 2 April', '2025-04-02T10:00:00+07:00', WIB, '2025-04-08', '2025-04-23'],
    ['before Nyepi and Idul Fitri 2026, 17 March', '2026-03-17T10:00:00+07:00', WIB, '2026-03-17', '2026-04-08'],
    ['on cuti bersama Idul Fitri 2026, 23 March', '2026-03-23T10:00:00+07:00', WIB, '2026-03-25', '2026-04-09'],
    // Nyepi.
    ['at 16:00 on the Friday before Nyepi 2024', '2024-03-08T16:00:00+07:00', WIB, '2024-03-13', '2024-03-27'],
    ['on cuti bersama Nyepi 2025, 28 March', '2025-03-28T10:00:00+07:00', WIB, '2025-04-08', '2025-04-23'],
    // Year ends.
    ['before Christmas 2024, Monday 23 December', '2024-12-23T11:00:00+07:00', WIB, '2024-12-23', '2025-01-09'],
    ['on cuti bersama 26 December 2024', '2024-12-26T10:00:00+07:00', WIB, '2024-12-27', '2025-01-13'],
    ['at 15:59 on 24 December 2025', '2025-12-24T15:59:00+07:00', WIB, '2025-12-24', '2026-01-12'],
    // Receipt time.
    ['after 16:00, at 16:30', '2025-03-27T16:30:00+07:00', WIB, '2025-04-08', '2025-04-23'],
    ['exactly at 16:00', '2025-03-27T16:00:00+07:00', WIB, '2025-04-08', '2025-04-23'],
    ['one second before 16:00', '2025-03-27T15:59:59+07:00', WIB, '2025-03-27', '2025-04-22'],
    ['before 08:00, at 07:00', '2025-03-27T07:00:00+07:00', WIB, '2025-03-27', '2025-04-22'],
    ['on a Saturday', '2025-07-19T10:00:00+07:00', WIB, '2025-07-21', '2025-08-04'],
    ['late on a Sunday', '2025-07-20T23:00:00+07:00', WIB, '2025-07-21', '2025-08-04'],
    ['on a Friday evening', '2025-07-18T17:00:00+07:00', WIB, '2025-07-21', '2025-08-04'],
    ['on cuti bersama HUT RI, Monday 18 August 2025', '2025-08-18T09:00:00+07:00', WIB, '2025-08-19', '2025-09-02'],
    ['on New Year 2025, a Wednesday', '2025-01-01T10:00:00+07:00', WIB, '2025-01-02', '2025-01-16'],
    // Instants given in UTC.
    ['at 17:30Z on the 26th, 00:30 WIB on the 27th', '2025-03-26T17:30:00Z', WIB, '2025-03-27', '2025-04-22'],
    ['at 09:30Z, 16:30 WIB', '2025-03-27T09:30:00Z', WIB, '2025-04-08', '2025-04-23'],
    ['at 00:30Z, 07:30 WIB Monday', '2025-07-21T00:30:00Z', WIB, '2025-07-21', '2025-08-04'],
    // Other zones.
    ['at 08:30Z, 16:30 WITA', '2025-03-27T08:30:00Z', WITA, '2025-04-08', '2025-04-23'],
    ['at 07:59Z, 15:59 WITA', '2025-03-27T07:59:00Z', WITA, '2025-03-27', '2025-04-22'],
    ['at 07:00Z, 16:00 WIT', '2025-03-27T07:00:00Z', WIT, '2025-04-08', '2025-04-23'],
    ['at 23:30Z, 08:30 WIT the next day', '2025-07-21T23:30:00Z', WIT, '2025-07-22', '2025-08-05'],
    ['at 15:45 with hours 07:30–15:30', '2025-03-27T15:45:00+07:00', { ...WIB, opensAt: '07:30', closesAt: '15:30' }, '2025-04-08', '2025-04-23'],
  ])('should set day 0 and the 10-day due date when received %s', (_case, instant, hours, day0, due) => {
    const receivedAt = new Date(instant);
    expect(effectiveReceiptDate(cal, receivedAt, hours)).toBe(day0);
    expect(computeDueDate(cal, receivedAt, 10, hours)).toEqual({
      effectiveReceiptDate: day0,
      dueDate: due,
      provisional: false,
    });
  });

  it('should give the same instant different day 0s when read in WIB and in WIT', () => {
    const receivedAt = new Date('2025-03-27T07:00:00Z'); // 14:00 WIB, 16:00 WIT
    expect(effectiveReceiptDate(cal, receivedAt, WIB)).toBe('2025-03-27');
    expect(effectiveReceiptDate(cal, receivedAt, WIT)).toBe('2025-04-08');
  });

  it('should count 17 working days when the period includes the longest extension', () => {
    expect(computeDueDate(cal, new Date('2025-03-27T10:00:00+07:00'), 17, WIB).dueDate).toBe('2025-05-02');
  });

  it('should return day 0 itself when the period is 0 working days', () => {
    expect(computeDueDate(cal, new Date('2025-03-28T10:00:00+07:00'), 0, WIB).dueDate).toBe('2025-04-08');
  });

  it('should skip only libur nasional when cuti bersama is not excluded', () => {
    const withoutCuti = buildCalendar({ cutiBersama: false });
    expect(computeDueDate(withoutCuti, new Date('2025-03-27T10:00:00+07:00'), 10, WIB).dueDate).toBe('2025-04-14');
    expect(computeDueDate(withoutCuti, new Date('2025-03-28T10:00:00+07:00'), 10, WIB)).toEqual({
      effectiveReceiptDate: '2025-03-28',
      dueDate: '2025-04-15',
      provisional: false,
    });
  });

  it('should skip a body closure when one falls inside the period', () => {
    const closed = buildCalendar({ closures: ['2025-04-08'] });
    expect(computeDueDate(closed, new Date('2025-03-27T10:00:00+07:00'), 10, WIB).dueDate).toBe('2025-04-23');
  });

  describe('provisional', () => {
    it.each([
      // 2027 has no list: its moving feasts are unknown, but 1 January is a holiday every year.
      ['the period runs into 2027', '2026-12-23T10:00:00+07:00', '2026-12-23', '2027-01-11'],
      ['received on cuti bersama 24 December 2026', '2026-12-24T10:00:00+07:00', '2026-12-28', '2027-01-12'],
      ['the whole period is in 2027', '2027-03-01T10:00:00+07:00', '2027-03-01', '2027-03-15'],
      ['day 0 is in unconfirmed 2023', '2023-12-29T10:00:00+07:00', '2023-12-29', '2024-01-15'],
    ])('should be provisional when %s', (_case, instant, day0, due) => {
      expect(computeDueDate(cal, new Date(instant), 10, WIB)).toEqual({
        effectiveReceiptDate: day0,
        dueDate: due,
        provisional: true,
      });
    });

    it('should skip New Year 2027 when a request received 16 December 2026 runs into 2027, which has no list yet', () => {
      // Without the fixed-date holidays the tenth working day would be Friday 1 January 2027.
      expect(computeDueDate(cal, new Date('2026-12-16T10:00:00+07:00'), 10, WIB)).toEqual({
        effectiveReceiptDate: '2026-12-16',
        dueDate: '2027-01-04',
        provisional: true,
      });
    });

    it('should skip 17 August in a year without a list and still mark the due date provisional', () => {
      // Thursday 12 August 2027: 13, 16, (17 off), 18, 19, 20, 23, 24, 25, 26, 27.
      expect(computeDueDate(cal, new Date('2027-08-12T10:00:00+07:00'), 10, WIB)).toEqual({
        effectiveReceiptDate: '2027-08-12',
        dueDate: '2027-08-27',
        provisional: true,
      });
    });

    it('should keep every fixed-date holiday non-working in a year without a list, and leave other dates to the list', () => {
      const none = WorkingDayCalendar.build({ nonWorkingDays: [], confirmedYears: [2026] });
      expect(['2028-01-01', '2028-05-01', '2028-06-01', '2028-08-17', '2028-12-25'].map((d) => none.isWorkingDay(d))).toEqual([false, false, false, false, false]);
      // A decreed year follows its list alone.
      expect(none.isWorkingDay('2026-08-17')).toBe(true);
    });

    it('should be provisional when only the year in between is unconfirmed', () => {
      const receivedAt = new Date('2024-12-02T10:00:00+07:00');
      const gap = computeDueDate(buildCalendar({ confirmedYears: [2024, 2026] }), receivedAt, 280, WIB);
      const full = computeDueDate(cal, receivedAt, 280, WIB);
      expect(gap.dueDate).toBe('2026-02-05'); // 19 left in Dec 2024 + 237 in 2025 + 24 in 2026
      expect(gap.provisional).toBe(true);
      expect(full.provisional).toBe(false);
    });

    it('should be provisional when 2026 is not yet confirmed and the period crosses into it', () => {
      const partial = buildCalendar({ confirmedYears: [2024, 2025] });
      expect(computeDueDate(partial, new Date('2025-12-24T10:00:00+07:00'), 10, WIB).provisional).toBe(true);
      expect(computeDueDate(partial, new Date('2025-03-27T10:00:00+07:00'), 10, WIB).provisional).toBe(false);
    });
  });

  it('should agree with a day-by-day walk when given 3,000 random receipts across 2024–2026', () => {
    // An independent oracle: walk UTC dates one by one instead of reading the index.
    const closed = new Set(HOLIDAYS.map(([date]) => date));
    // Years without a list keep the fixed-date holidays.
    for (const year of [2027, 2028]) for (const md of ['01-01', '05-01', '06-01', '08-17', '12-25']) closed.add(`${year}-${md}`);
    const dayMs = 86_400_000;
    const label = (ms: number): string => {
      const d = new Date(ms);
      const pad = (v: number): string => String(v).padStart(2, '0');
      return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    };
    const isWorking = (ms: number): boolean => {
      const weekday = new Date(ms).getUTCDay();
      return weekday !== 0 && weekday !== 6 && !closed.has(label(ms));
    };
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const mismatches: string[] = [];
    for (let i = 0; i < 3000; i += 1) {
      const instant = Date.UTC(2024, 0, 1) + Math.floor(random() * 3 * 365 * dayMs);
      const n = Math.floor(random() * 40);
      const local = instant + 7 * 3_600_000; // WIB wall clock, as if it were UTC
      let day = local - (local % dayMs);
      if (!(isWorking(day) && local - day < 16 * 3_600_000)) {
        do day += dayMs;
        while (!isWorking(day));
      }
      const day0 = label(day);
      for (let left = n; left > 0; left -= isWorking(day) ? 1 : 0) day += dayMs;
      const expected = `${day0} ${label(day)}`;
      const result = computeDueDate(cal, new Date(instant), n, WIB);
      const actual = `${result.effectiveReceiptDate} ${result.dueDate}`;
      if (actual !== expected) mismatches.push(`${new Date(instant).toISOString()} +${n}: ${actual} ≠ ${expected}`);
    }
    expect(mismatches).toEqual([]);
  });

  it.each([
    ['closing before opening', { ...WIB, opensAt: '16:00', closesAt: '08:00' }],
    ['a malformed time', { ...WIB, closesAt: '4pm' }],
    ['an unknown zone', { ...WIB, timeZone: 'Asia/Atlantis' }],
  ])('should throw a RangeError when the service hours have %s', (_case, hours) => {
    expect(() => computeDueDate(cal, new Date('2025-03-27T10:00:00+07:00'), 10, hours)).toThrow(RangeError);
  });

  it('should throw a RangeError when the receipt instant is invalid', () => {
    expect(() => computeDueDate(cal, new Date('nonsense'), 10, WIB)).toThrow(RangeError);
  });

  it('should parse the default hours when validating configuration', () => {
    expect(parseServiceHours(WIB)).toEqual({ opensAt: 480, closesAt: 960 });
  });
});

describe('extendDueDate', () => {
  const cal = buildCalendar();

  it.each([
    ['2025-04-22', 7, '2025-05-02', false], // worked example + 7, over 1 May
    ['2024-04-05', 7, '2024-04-24', false], // over Idul Fitri 2024
    ['2025-12-24', 7, '2026-01-07', false], // over 25/26 December and New Year
    ['2026-12-23', 7, '2027-01-06', true], // over 24/25 December 2026 and New Year 2027
    ['2025-04-22', 0, '2025-04-22', false],
  ])('should move %s by %i working days to %s when extended', (currentDue, extra, dueDate, provisional) => {
    expect(extendDueDate(cal, currentDue, extra)).toEqual({ dueDate, provisional });
  });

  it('should equal 17 working days from day 0 when a 10-day period is extended by 7', () => {
    const first = computeDueDate(cal, new Date('2025-03-27T10:00:00+07:00'), 10, WIB);
    expect(extendDueDate(cal, first.dueDate, 7).dueDate).toBe(cal.addWorkingDays(first.effectiveReceiptDate, 17));
  });
});

describe('workingDaysLeft', () => {
  const cal = buildCalendar();

  it.each([
    ['2025-03-27', '2025-04-22', 10],
    ['2025-04-17', '2025-04-22', 2], // Good Friday in between
    ['2025-04-19', '2025-04-22', 2], // Saturday
    ['2025-04-22', '2025-04-22', 0], // due today, not late
    ['2025-04-23', '2025-04-22', -1],
    ['2025-04-26', '2025-04-22', -3], // Saturday after 23–25 April
    ['2025-04-28', '2025-04-22', -4],
    ['2025-04-26', '2025-04-25', -1], // weekend right after a Friday due date is already late
    ['2025-04-28', '2025-04-25', -1],
    ['2025-04-29', '2025-04-25', -2],
  ])('should give %s → %s as %i when counting what is left', (today, due, expected) => {
    expect(workingDaysLeft(cal, today, due)).toBe(expected);
  });
});

describe('explainDueDate', () => {
  const cal = buildCalendar();
  const rest = '(tidak termasuk Sabtu, Minggu, libur nasional dan cuti bersama)';

  it.each([
    [
      'within service hours',
      '2025-03-27T10:00:00+07:00',
      WIB,
      `Diterima Kamis, 27 Maret 2025 pukul 10.00 WIB; hari ke-0 = 27 Maret 2025; 10 hari kerja ${rest} berakhir Selasa, 22 April 2025 pukul 23.59 WIB.`,
    ],
    [
      'after hours',
      '2025-03-27T16:30:00+07:00',
      WIB,
      'Diterima Kamis, 27 Maret 2025 pukul 16.30 WIB, setelah jam layanan (08.00–16.00), sehingga dihitung sejak ' +
        `hari kerja berikutnya; hari ke-0 = 8 April 2025; 10 hari kerja ${rest} berakhir Rabu, 23 April 2025 pukul 23.59 WIB.`,
    ],
    [
      'before opening',
      '2025-03-27T07:00:00+07:00',
      WIB,
      'Diterima Kamis, 27 Maret 2025 pukul 07.00 WIB, sebelum jam layanan dibuka (08.00), dihitung pada hari itu; ' +
        `hari ke-0 = 27 Maret 2025; 10 hari kerja ${rest} berakhir Selasa, 22 April 2025 pukul 23.59 WIB.`,
    ],
    [
      'on a Saturday',
      '2025-07-19T10:00:00+07:00',
      WIB,
      'Diterima Sabtu, 19 Juli 2025 pukul 10.00 WIB, pada akhir pekan, sehingga dihitung sejak hari kerja berikutnya; ' +
        `hari ke-0 = 21 Juli 2025; 10 hari kerja ${rest} berakhir Senin, 4 Agustus 2025 pukul 23.59 WIB.`,
    ],
    [
      'on a holiday',
      '2025-08-18T09:00:00+07:00',
      WIB,
      'Diterima Senin, 18 Agustus 2025 pukul 09.00 WIB, pada hari libur, sehingga dihitung sejak hari kerja berikutnya; ' +
        `hari ke-0 = 19 Agustus 2025; 10 hari kerja ${rest} berakhir Selasa, 2 September 2025 pukul 23.59 WIB.`,
    ],
    [
      'in WITA',
      '2025-03-27T02:00:00Z',
      WITA,
      `Diterima Kamis, 27 Maret 2025 pukul 10.00 WITA; hari ke-0 = 27 Maret 2025; 10 hari kerja ${rest} berakhir Selasa, 22 April 2025 pukul 23.59 WITA.`,
    ],
    [
      'in WIT just after midnight',
      '2025-03-26T15:30:00Z',
      WIT,
      `Diterima Kamis, 27 Maret 2025 pukul 00.30 WIT, sebelum jam layanan dibuka (08.00), dihitung pada hari itu; hari ke-0 = 27 Maret 2025; 10 hari kerja ${rest} berakhir Selasa, 22 April 2025 pukul 23.59 WIT.`,
    ],
    [
      'with a provisional due date',
      '2026-12-23T10:00:00+07:00',
      WIB,
      `Diterima Rabu, 23 Desember 2026 pukul 10.00 WIB; hari ke-0 = 23 Desember 2026; 10 hari kerja ${rest} berakhir Senin, 11 Januari 2027 pukul 23.59 WIB. ` +
        'Tanggal ini masih sementara karena daftar hari libur tahun 2027 belum ditetapkan.',
    ],
  ])('should explain the computation when received %s', (_case, instant, hours, sentence) => {
    expect(explainDueDate(cal, new Date(instant), 10, hours)).toBe(sentence);
  });

  it('should leave cuti bersama out of the sentence when the setting is off', () => {
    const withoutCuti = buildCalendar({ cutiBersama: false });
    expect(
      explainDueDate(withoutCuti, new Date('2025-03-27T10:00:00+07:00'), 10, WIB, { cutiBersamaExcluded: false }),
    ).toBe(
      'Diterima Kamis, 27 Maret 2025 pukul 10.00 WIB; hari ke-0 = 27 Maret 2025; 10 hari kerja ' +
        '(tidak termasuk Sabtu, Minggu dan libur nasional) berakhir Senin, 14 April 2025 pukul 23.59 WIB.',
    );
  });
});
