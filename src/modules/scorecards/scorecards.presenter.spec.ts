import { quarterPeriod, rangePeriod, yearPeriod } from './scorecard-period';
import { rate } from './scorecard-stats';
import { periodLabel, periodQuery, presentAnnualReport, presentRate } from './scorecards.presenter';

describe('presentRate', () => {
  it('should write the share with k of n and the Wilson interval in Indonesian numbers', () => {
    expect(presentRate(rate(3, 4))).toEqual({ text: '75,0%', detail: '3 dari 4; IK 95%: 30,1–95,4%' });
  });

  it('should write a dash and n = 0 when there is no base', () => {
    expect(presentRate(rate(0, 0))).toEqual({ text: '—', detail: 'n = 0' });
  });
});

describe('periodLabel and periodQuery', () => {
  it('should name and link a year, a quarter and a range', () => {
    expect(periodLabel(yearPeriod(2025))).toBe('Tahun 2025');
    expect(periodLabel(quarterPeriod(2025, 3))).toBe('Triwulan III 2025');
    expect(periodQuery(quarterPeriod(2025, 3))).toBe('?tahun=2025&triwulan=3');
    expect(periodQuery(yearPeriod(2025))).toBe('?tahun=2025');
    expect(periodQuery(rangePeriod('2025-01-05', '2025-02-01'))).toBe('?dari=2025-01-05&sampai=2025-02-01');
  });
});

describe('presentAnnualReport', () => {
  const report = { reportYear: 2024, deadline: '2025-03-31' };

  it.each([
    [{ ...report, publishedOn: '2025-03-31', onTime: true }, 'Ya (laporan 2024 terbit 31 Maret 2025)'],
    [{ ...report, publishedOn: '2025-04-01', onTime: false }, 'Tidak (laporan 2024 terbit 1 April 2025)'],
    [{ ...report, publishedOn: null, onTime: false }, 'Tidak (laporan 2024 belum terbit)'],
    [{ ...report, publishedOn: null, onTime: null }, 'Belum jatuh tempo (laporan 2024, batas 31 Maret 2025)'],
    [null, '—'],
  ])('should write %j as %s', (standing, text) => {
    expect(presentAnnualReport(standing)).toBe(text);
  });
});
