import {
  dayNumberFromParts,
  dayOfWeek,
  endOfLocalDay,
  formatIndonesianDate,
  formatTimeOfDay,
  fromDayNumber,
  isFixedOffsetZone,
  isValidLocalDate,
  localDateTimeOf,
  localEpochMinutes,
  parseLocalDate,
  parseTimeOfDay,
  partsFromDayNumber,
  timeZoneLabel,
  toDayNumber,
  utcOffsetMinutes,
} from 'src/common/time/local-time';

describe('local-time', () => {
  describe('isValidLocalDate', () => {
    it.each([
      ['2025-03-27', true],
      ['2024-02-29', true],
      ['2000-02-29', true],
      ['0001-01-01', true],
      ['2025-02-29', false],
      ['1900-02-29', false],
      ['2025-04-31', false],
      ['2025-13-01', false],
      ['2025-00-10', false],
      ['2025-01-00', false],
      ['0000-01-01', false],
      ['2025-4-1', false],
      ['2025/04/01', false],
      ['2025-04-01T00:00', false],
      [' 2025-04-01', false],
      ['', false],
      ['abcd-ef-gh', false],
    ])('should return %s → %s when validating', (value, expected) => {
      expect(isValidLocalDate(value)).toBe(expected);
    });
  });

  describe('parseLocalDate', () => {
    it('should split the parts when the date is valid', () => {
      expect(parseLocalDate('2026-12-24')).toEqual({ year: 2026, month: 12, day: 24 });
    });

    it('should throw a RangeError when the date does not exist', () => {
      expect(() => parseLocalDate('2025-02-29')).toThrow(RangeError);
    });
  });

  describe('day numbers', () => {
    it.each([
      ['1970-01-01', 0],
      ['1970-01-02', 1],
      ['1969-12-31', -1],
      ['2000-03-01', 11017], // 30 × 365 + 7 leap days to 2000-01-01, then 31 + 29
      ['2025-03-27', 20174],
    ])('should map %s to day %i when converting both ways', (date, dayNumber) => {
      expect(toDayNumber(date)).toBe(dayNumber);
      expect(fromDayNumber(dayNumber)).toBe(date);
    });

    it('should agree with Date.UTC when converting every day from 1900 to 2100', () => {
      const first = Date.UTC(1900, 0, 1) / 86_400_000;
      const last = Date.UTC(2100, 11, 31) / 86_400_000;
      const mismatches: number[] = [];
      for (let day = first; day <= last; day += 1) {
        const utc = new Date(day * 86_400_000);
        const [year, month, date] = [utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate()];
        const parts = partsFromDayNumber(day);
        if (
          parts.year !== year ||
          parts.month !== month ||
          parts.day !== date ||
          dayNumberFromParts(year, month, date) !== day ||
          dayOfWeek(day) !== utc.getUTCDay()
        ) {
          mismatches.push(day);
        }
      }
      expect(mismatches).toEqual([]);
      expect(last - first).toBeGreaterThan(73_000);
    });

    it('should throw a RangeError when the date string is invalid', () => {
      expect(() => toDayNumber('2025-02-30')).toThrow(RangeError);
    });

    it('should throw a RangeError when the day number is not an integer', () => {
      expect(() => fromDayNumber(1.5)).toThrow(RangeError);
    });
  });

  describe('dayOfWeek', () => {
    it.each([
      ['1970-01-01', 4], // Thursday
      ['2025-03-27', 4], // Kamis
      ['2025-03-29', 6], // Saturday
      ['2025-03-30', 0], // Sunday
      ['1969-12-31', 3],
    ])('should give %s weekday %i when computing', (date, weekday) => {
      expect(dayOfWeek(toDayNumber(date))).toBe(weekday);
    });
  });

  describe('parseTimeOfDay', () => {
    it.each([
      ['00:00', 0],
      ['08:00', 480],
      ['16:00', 960],
      ['23:59', 1439],
    ])('should parse %s to %i minutes when valid', (value, minutes) => {
      expect(parseTimeOfDay(value)).toBe(minutes);
    });

    it.each(['24:00', '8:00', '16.00', '16:60', 'ab:cd', '', '16:00:00'])(
      'should throw a RangeError when given %p',
      (value) => {
        expect(() => parseTimeOfDay(value)).toThrow(RangeError);
      },
    );
  });

  describe('formatTimeOfDay', () => {
    it('should use the separator when formatting Indonesian times', () => {
      expect(formatTimeOfDay(600, '.')).toBe('10.00');
      expect(formatTimeOfDay(1439)).toBe('23:59');
      expect(formatTimeOfDay(5, '.')).toBe('00.05');
    });
  });

  describe('localDateTimeOf', () => {
    it.each([
      ['2025-03-26T17:30:00Z', 'Asia/Jakarta', '2025-03-27', 30], // 00:30 WIB, UTC date is the 26th
      ['2025-03-27T09:30:00Z', 'Asia/Jakarta', '2025-03-27', 990], // 16:30 WIB
      ['2025-03-26T16:59:59.999Z', 'Asia/Jakarta', '2025-03-26', 1439],
      ['2025-03-26T17:00:00Z', 'Asia/Jakarta', '2025-03-27', 0],
      ['2024-12-31T17:00:00Z', 'Asia/Pontianak', '2025-01-01', 0],
      ['2025-03-27T08:30:00Z', 'Asia/Makassar', '2025-03-27', 990], // 16:30 WITA
      ['2025-03-26T15:30:00Z', 'Asia/Jayapura', '2025-03-27', 30], // 00:30 WIT
      ['1969-12-31T20:00:00Z', 'Asia/Jakarta', '1970-01-01', 180],
      ['1969-12-31T16:00:00Z', 'Asia/Jakarta', '1969-12-31', 1380],
      ['2025-03-27T10:00:00Z', 'UTC', '2025-03-27', 600],
      // Zones outside the fast path go through Intl, DST included.
      ['2025-03-27T03:00:00Z', 'Asia/Ujung_Pandang', '2025-03-27', 660],
      ['2025-07-01T12:00:00Z', 'Europe/Amsterdam', '2025-07-01', 840],
      ['2025-01-15T12:00:00Z', 'Europe/Amsterdam', '2025-01-15', 780],
      ['2025-03-09T06:59:00Z', 'America/New_York', '2025-03-09', 119], // 01:59 EST
      ['2025-03-09T07:00:00Z', 'America/New_York', '2025-03-09', 180], // 03:00 EDT
      ['2025-03-09T04:30:00Z', 'America/New_York', '2025-03-08', 1410],
    ])('should give local date and minute when %s is read in %s', (instant, zone, date, minuteOfDay) => {
      expect(localDateTimeOf(new Date(instant), zone)).toEqual({ date, minuteOfDay });
    });

    it('should throw a RangeError when the zone is unknown', () => {
      expect(() => localDateTimeOf(new Date('2025-03-27T00:00:00Z'), 'Asia/Atlantis')).toThrow(RangeError);
    });

    it('should throw a RangeError when the instant is invalid', () => {
      expect(() => localDateTimeOf(new Date('not a date'), 'Asia/Jakarta')).toThrow(RangeError);
    });

    it('should match the Intl path when the zone has a fixed offset', () => {
      const zones = ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura'];
      const formatters = zones.map(
        (timeZone) =>
          new Intl.DateTimeFormat('en-CA', {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
          }),
      );
      const start = Date.UTC(2024, 0, 1);
      const mismatches: string[] = [];
      for (let i = 0; i < 2000; i += 1) {
        const instant = start + i * 1_637_000; // about 27 minutes apart, over 38 days
        zones.forEach((zone, z) => {
          const parts = Object.fromEntries(formatters[z].formatToParts(instant).map((p) => [p.type, p.value]));
          const local = localDateTimeOf(new Date(instant), zone);
          const expected = `${parts.year}-${parts.month}-${parts.day} ${Number(parts.hour) * 60 + Number(parts.minute)}`;
          if (`${local.date} ${local.minuteOfDay}` !== expected) mismatches.push(`${zone} ${instant}`);
        });
      }
      expect(mismatches).toEqual([]);
    });
  });

  describe('localEpochMinutes and utcOffsetMinutes', () => {
    it('should pack day and minute when given epoch milliseconds', () => {
      const instant = Date.parse('2025-03-27T03:00:00Z'); // 10:00 WIB
      expect(localEpochMinutes(instant, 'Asia/Jakarta')).toBe(20174 * 1440 + 600);
    });

    it.each([
      ['Asia/Jakarta', 420],
      ['Asia/Makassar', 480],
      ['Asia/Jayapura', 540],
      ['Europe/Amsterdam', 120],
    ])('should give the offset of %s when asked in July 2025', (zone, offset) => {
      expect(utcOffsetMinutes(new Date('2025-07-01T00:00:00Z'), zone)).toBe(offset);
    });

    it('should take the fast path only when the zone is Indonesian or UTC', () => {
      expect(isFixedOffsetZone('Asia/Jakarta')).toBe(true);
      expect(isFixedOffsetZone('UTC')).toBe(true);
      expect(isFixedOffsetZone('Europe/Amsterdam')).toBe(false);
    });
  });

  describe('endOfLocalDay', () => {
    it.each([
      ['2025-04-22', 'Asia/Jakarta', '2025-04-22T16:59:59.000Z'],
      ['2025-04-22', 'Asia/Pontianak', '2025-04-22T16:59:59.000Z'],
      ['2025-04-22', 'Asia/Makassar', '2025-04-22T15:59:59.000Z'],
      ['2025-04-22', 'Asia/Jayapura', '2025-04-22T14:59:59.000Z'],
      ['2025-07-01', 'Europe/Amsterdam', '2025-07-01T21:59:59.000Z'],
      ['2025-01-15', 'Europe/Amsterdam', '2025-01-15T22:59:59.000Z'],
      ['2025-03-09', 'America/New_York', '2025-03-10T03:59:59.000Z'], // DST began that morning
    ])('should end %s in %s at 23:59:59 local when asked', (date, zone, iso) => {
      expect(endOfLocalDay(date, zone).toISOString()).toBe(iso);
    });

    it('should read back as the same date at minute 1439 when converted to local time', () => {
      for (const zone of ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura', 'Europe/Amsterdam']) {
        expect(localDateTimeOf(endOfLocalDay('2026-12-24', zone), zone)).toEqual({
          date: '2026-12-24',
          minuteOfDay: 1439,
        });
      }
    });
  });

  describe('Indonesian labels', () => {
    it.each([
      ['2025-03-27', true, 'Kamis, 27 Maret 2025'],
      ['2025-08-17', true, 'Minggu, 17 Agustus 2025'],
      ['2026-12-24', true, 'Kamis, 24 Desember 2026'],
      ['2024-01-01', false, '1 Januari 2024'],
      ['2025-05-02', false, '2 Mei 2025'],
    ])('should write %s (weekday %s) as %s when formatting', (date, weekday, text) => {
      expect(formatIndonesianDate(date, { weekday })).toBe(text);
    });

    it.each([
      ['Asia/Jakarta', '2025-07-01T00:00:00Z', 'WIB'],
      ['Asia/Pontianak', '2025-07-01T00:00:00Z', 'WIB'],
      ['Asia/Makassar', '2025-07-01T00:00:00Z', 'WITA'],
      ['Asia/Jayapura', '2025-07-01T00:00:00Z', 'WIT'],
      ['Europe/Amsterdam', '2025-07-01T00:00:00Z', 'UTC+2'],
      ['America/New_York', '2025-01-15T00:00:00Z', 'UTC-5'],
      ['Asia/Kolkata', '2025-01-15T00:00:00Z', 'UTC+5.30'],
    ])('should label %s at %s as %s when naming the zone', (zone, instant, label) => {
      expect(timeZoneLabel(zone, new Date(instant))).toBe(label);
    });
  });
});
