import { ServiceHours, WorkingDayCalendar } from 'src/modules/calendar';
import { dueDateChanged, recomputeDueDate, RecomputedDueDate } from 'src/modules/requests/workflow/due-date-recompute';

/** The non-working weekdays around the RULES.md worked example, plus a few around the new year. */
const DAYS_2025 = [
  '2025-03-28', // cuti bersama Idul Fitri
  '2025-03-31', // Idul Fitri
  '2025-04-01', // Idul Fitri
  '2025-04-02', // cuti bersama
  '2025-04-03',
  '2025-04-04',
  '2025-04-07',
  '2025-04-18', // Wafat Yesus Kristus
  '2025-05-01', // Hari Buruh
  '2025-12-25', // Natal
  '2025-12-26', // cuti bersama Natal
  '2026-01-01', // Tahun Baru
];

const WIB: ServiceHours = { timeZone: 'Asia/Jakarta', opensAt: '08:00', closesAt: '16:00' };
const WITA: ServiceHours = { timeZone: 'Asia/Makassar', opensAt: '08:00', closesAt: '16:00' };

function calendar(options: { add?: string[]; remove?: string[]; confirmed?: number[] } = {}): WorkingDayCalendar {
  const days = DAYS_2025.filter((d) => !(options.remove ?? []).includes(d)).concat(options.add ?? []);
  return WorkingDayCalendar.build({ nonWorkingDays: days, confirmedYears: options.confirmed ?? [2025, 2026] });
}

describe('recomputeDueDate', () => {
  it.each<[string, WorkingDayCalendar, string, number | null, ServiceHours, RecomputedDueDate]>([
    [
      'the worked example of RULES.md',
      calendar(),
      '2025-03-27T10:00:00+07:00',
      null,
      WIB,
      { effectiveReceiptDate: '2025-03-27', dueDate: '2025-04-22', provisional: false },
    ],
    [
      'a holiday added on the due date moves it one working day',
      calendar({ add: ['2025-04-22'] }),
      '2025-03-27T10:00:00+07:00',
      null,
      WIB,
      { effectiveReceiptDate: '2025-03-27', dueDate: '2025-04-23', provisional: false },
    ],
    [
      'a holiday added inside the period moves it one working day',
      calendar({ add: ['2025-04-10'] }),
      '2025-03-27T10:00:00+07:00',
      null,
      WIB,
      { effectiveReceiptDate: '2025-03-27', dueDate: '2025-04-23', provisional: false },
    ],
    [
      'a holiday removed inside the period brings it one working day earlier',
      calendar({ remove: ['2025-04-18'] }),
      '2025-03-27T10:00:00+07:00',
      null,
      WIB,
      { effectiveReceiptDate: '2025-03-27', dueDate: '2025-04-21', provisional: false },
    ],
    [
      'a holiday added on the receipt date moves day 0',
      calendar({ add: ['2025-03-27'] }),
      '2025-03-27T10:00:00+07:00',
      null,
      WIB,
      { effectiveReceiptDate: '2025-04-08', dueDate: '2025-04-23', provisional: false },
    ],
    [
      'a holiday after the due date changes nothing',
      calendar({ add: ['2025-04-24'] }),
      '2025-03-27T10:00:00+07:00',
      null,
      WIB,
      { effectiveReceiptDate: '2025-03-27', dueDate: '2025-04-22', provisional: false },
    ],
    [
      'received at closing time counts from the next working day',
      calendar(),
      '2025-03-27T16:00:00+07:00',
      null,
      WIB,
      { effectiveReceiptDate: '2025-04-08', dueDate: '2025-04-23', provisional: false },
    ],
    [
      'received before opening counts that day',
      calendar(),
      '2025-03-27T07:00:00+07:00',
      null,
      WIB,
      { effectiveReceiptDate: '2025-03-27', dueDate: '2025-04-22', provisional: false },
    ],
    [
      "the receiving unit's time zone decides: 16:30 WITA is after hours",
      calendar(),
      '2025-03-27T16:30:00+08:00',
      null,
      WITA,
      { effectiveReceiptDate: '2025-04-08', dueDate: '2025-04-23', provisional: false },
    ],
    [
      'the same instant is 15:30 WIB, within hours',
      calendar(),
      '2025-03-27T16:30:00+08:00',
      null,
      WIB,
      { effectiveReceiptDate: '2025-03-27', dueDate: '2025-04-22', provisional: false },
    ],
    [
      'an extension adds its days after the first due date',
      calendar(),
      '2025-03-27T10:00:00+07:00',
      7,
      WIB,
      { effectiveReceiptDate: '2025-03-27', dueDate: '2025-05-02', provisional: false },
    ],
    [
      'an extension follows a moved first due date',
      calendar({ add: ['2025-04-22'] }),
      '2025-03-27T10:00:00+07:00',
      7,
      WIB,
      { effectiveReceiptDate: '2025-03-27', dueDate: '2025-05-05', provisional: false },
    ],
    [
      'a due date in a year without a confirmed list is provisional',
      calendar({ confirmed: [2025] }),
      '2025-12-22T10:00:00+07:00',
      null,
      WIB,
      { effectiveReceiptDate: '2025-12-22', dueDate: '2026-01-08', provisional: true },
    ],
    [
      'confirming that year makes it final',
      calendar({ confirmed: [2025, 2026] }),
      '2025-12-22T10:00:00+07:00',
      null,
      WIB,
      { effectiveReceiptDate: '2025-12-22', dueDate: '2026-01-08', provisional: false },
    ],
    [
      'an extension into an unconfirmed year makes it provisional',
      calendar({ confirmed: [2025] }),
      '2025-12-10T10:00:00+07:00',
      7,
      WIB,
      { effectiveReceiptDate: '2025-12-10', dueDate: '2026-01-07', provisional: true },
    ],
    [
      'without the extension the same request is final',
      calendar({ confirmed: [2025] }),
      '2025-12-10T10:00:00+07:00',
      null,
      WIB,
      { effectiveReceiptDate: '2025-12-10', dueDate: '2025-12-24', provisional: false },
    ],
  ])('should give the due date when %s', (_case, cal, receivedAt, extendedDays, hours, expected) => {
    expect(recomputeDueDate(cal, { receivedAt: new Date(receivedAt), extendedDays }, hours)).toEqual(expected);
  });

  it('should throw a RangeError when the receipt lies outside the calendar', () => {
    expect(() => recomputeDueDate(calendar(), { receivedAt: new Date('2019-06-03T10:00:00+07:00'), extendedDays: null }, WIB)).toThrow(RangeError);
  });

  it('should count a reopened request from its reopening and keep day 0 of its receipt', () => {
    // Received Thursday 27 March 2025, reopened Monday 5 May 2025 10:00: ten working days to Monday 19 May.
    const reopened = { receivedAt: new Date('2025-03-27T10:00:00+07:00'), reopenedAt: new Date('2025-05-05T10:00:00+07:00'), extendedDays: null };
    expect(recomputeDueDate(calendar(), reopened, WIB)).toMatchObject({ effectiveReceiptDate: '2025-03-27', dueDate: '2025-05-19' });
    expect(recomputeDueDate(calendar({ add: ['2025-05-12'] }), reopened, WIB).dueDate).toBe('2025-05-20');
  });

  it('should give the same answer when run twice', () => {
    const input = { receivedAt: new Date('2025-03-27T10:00:00+07:00'), extendedDays: 3 };
    const first = recomputeDueDate(calendar({ add: ['2025-04-22'] }), input, WIB);
    const stored = { effectiveReceiptDate: first.effectiveReceiptDate, dueDate: first.dueDate, dueProvisional: first.provisional };
    expect(dueDateChanged(stored, recomputeDueDate(calendar({ add: ['2025-04-22'] }), input, WIB))).toBe(false);
  });
});

describe('dueDateChanged', () => {
  const stored = { effectiveReceiptDate: '2025-03-27', dueDate: '2025-04-22', dueProvisional: false };

  it.each<[string, RecomputedDueDate, boolean]>([
    ['nothing differs', { effectiveReceiptDate: '2025-03-27', dueDate: '2025-04-22', provisional: false }, false],
    ['the due date differs', { effectiveReceiptDate: '2025-03-27', dueDate: '2025-04-23', provisional: false }, true],
    ['only the provisional flag differs', { effectiveReceiptDate: '2025-03-27', dueDate: '2025-04-22', provisional: true }, true],
    ['only day 0 differs', { effectiveReceiptDate: '2025-03-28', dueDate: '2025-04-22', provisional: false }, true],
  ])('should tell whether it changed when %s', (_case, next, expected) => {
    expect(dueDateChanged(stored, next)).toBe(expected);
  });
});
