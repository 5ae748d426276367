import { parsePeriod, periodEnd, previousPeriod, quarterPeriod, quartersBegun, rangePeriod, yearPeriod } from './scorecard-period';

const TODAY = '2026-05-20';

describe('parsePeriod', () => {
  it('should read no parameter as the current year', () => {
    expect(parsePeriod({}, TODAY)).toEqual({ period: yearPeriod(2026), errors: null });
  });

  it('should read a quarter with its first and last day', () => {
    expect(parsePeriod({ year: '2025', quarter: '4' }, TODAY).period).toEqual({ kind: 'quarter', year: 2025, quarter: 4, from: '2025-10-01', to: '2025-12-31' });
    expect(quarterPeriod(2024, 1)).toMatchObject({ from: '2024-01-01', to: '2024-03-31' });
  });

  it('should read a date range', () => {
    expect(parsePeriod({ from: '2026-01-15', to: '2026-02-15' }, TODAY).period).toEqual(rangePeriod('2026-01-15', '2026-02-15'));
  });

  it.each([
    [{ year: '26' }, 'year', 'Tahun harus empat angka, misalnya 2026.'],
    [{ year: '2027' }, 'year', 'Tahun harus antara 2010 dan 2026.'],
    [{ year: '2009' }, 'year', 'Tahun harus antara 2010 dan 2026.'],
    [{ year: '2026', quarter: '5' }, 'quarter', 'Triwulan harus 1, 2, 3 atau 4.'],
    [{ year: '2026', quarter: '3' }, 'quarter', 'Triwulan 3 tahun 2026 belum dimulai.'],
    [{ from: '2026-02-30', to: '2026-03-01' }, 'from', 'Tanggal tidak valid (format TTTT-BB-HH).'],
    [{ from: '2026-03-01' }, 'to', 'Tanggal awal dan akhir rentang wajib diisi.'],
    [{ from: '2026-03-02', to: '2026-03-01' }, 'to', 'Tanggal akhir tidak boleh sebelum tanggal awal.'],
    [{ year: '2026', from: '2026-03-01', to: '2026-03-02' }, 'from', 'Pilih tahun/triwulan atau rentang tanggal, tidak keduanya.'],
  ])('should refuse %j naming %s', (input, field, message) => {
    const result = parsePeriod(input, TODAY);
    expect(result.period).toBeNull();
    expect(result.errors?.[field]).toBe(message);
  });
});

describe('previousPeriod', () => {
  it('should step back a year, a quarter across a year end, and a range of the same length', () => {
    expect(previousPeriod(yearPeriod(2026))).toEqual(yearPeriod(2025));
    expect(previousPeriod(quarterPeriod(2026, 1))).toEqual(quarterPeriod(2025, 4));
    expect(previousPeriod(quarterPeriod(2026, 3))).toEqual(quarterPeriod(2026, 2));
    expect(previousPeriod(rangePeriod('2026-03-01', '2026-03-10'))).toEqual(rangePeriod('2026-02-19', '2026-02-28'));
  });
});

describe('periodEnd and quartersBegun', () => {
  it('should end a running period today and list only the quarters begun', () => {
    expect(periodEnd(yearPeriod(2026), TODAY)).toBe(TODAY);
    expect(periodEnd(yearPeriod(2025), TODAY)).toBe('2025-12-31');
    expect(quartersBegun(2026, TODAY).map((p) => p.quarter)).toEqual([1, 2]);
    expect(quartersBegun(2025, TODAY)).toHaveLength(4);
  });
});
