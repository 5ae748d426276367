import { parseDayHours, serviceHoursFrom, summarizeServiceHours, ServiceHours } from './service-hours';

const WORKWEEK: ServiceHours = {
  mon: { opens: '08:00', closes: '15:00' },
  tue: { opens: '08:00', closes: '15:00' },
  wed: { opens: '08:00', closes: '15:00' },
  thu: { opens: '08:00', closes: '15:00' },
  fri: { opens: '08:00', closes: '11:00' },
  sat: null,
  sun: null,
};

describe('parseDayHours', () => {
  it.each([
    ['08.00–15.00', { opens: '08:00', closes: '15:00' }],
    ['08:00-15:00', { opens: '08:00', closes: '15:00' }],
    ['8.00 - 15.30', { opens: '08:00', closes: '15:30' }],
    ['07.30 s.d. 12.00', { opens: '07:30', closes: '12:00' }],
    ['', null],
    [' tutup ', null],
    ['Libur', null],
  ])('should read %j as %j', (text, hours) => {
    expect(parseDayHours(text)).toEqual({ ok: true, hours });
  });

  it.each([
    ['pagi', 'Tulis jam layanan seperti 08.00–15.00, atau kosongkan bila tutup.'],
    ['24.00–25.00', 'Jam harus antara 00.00 dan 23.59.'],
    ['15.00–08.00', 'Jam tutup harus setelah jam buka.'],
    ['08.00–08.00', 'Jam tutup harus setelah jam buka.'],
  ])('should refuse %j with an Indonesian message', (text, message) => {
    expect(parseDayHours(text)).toEqual({ ok: false, message });
  });
});

describe('summarizeServiceHours', () => {
  it('should group consecutive days with the same hours and leave out closed days', () => {
    expect(summarizeServiceHours(WORKWEEK)).toBe('Senin–Kamis 08.00–15.00; Jumat 08.00–11.00');
  });

  it('should not join days that a closed day separates', () => {
    const split: ServiceHours = { ...WORKWEEK, wed: null, fri: { opens: '08:00', closes: '15:00' } };
    expect(summarizeServiceHours(split)).toBe('Senin–Selasa 08.00–15.00; Kamis–Jumat 08.00–15.00');
  });

  it('should give an empty text when every day is closed', () => {
    const closed = serviceHoursFrom({});
    expect(closed && summarizeServiceHours(closed)).toBe('');
  });
});

describe('serviceHoursFrom', () => {
  it('should read a malformed day as closed and a non-object as no hours', () => {
    expect(serviceHoursFrom({ mon: { opens: 8 }, tue: { opens: '08:00', closes: '12:00' } })?.mon).toBeNull();
    expect(serviceHoursFrom({ tue: { opens: '08:00', closes: '12:00' } })?.tue).toEqual({ opens: '08:00', closes: '12:00' });
    expect(serviceHoursFrom(null)).toBeNull();
    expect(serviceHoursFrom([1])).toBeNull();
  });
});
