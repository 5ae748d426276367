import { bodySearchTerms, matchesBodySearch, normalizeRegionCode } from './body-search';

const SURABAYA = { code: '35.78', name: 'Pemerintah Kota Surabaya' };
const KAB_MALANG = { code: '35.07', name: 'Pemerintah Kabupaten Malang' };
const KOTA_MALANG = { code: '35.73', name: 'Pemerintah Kota Malang' };

describe('normalizeRegionCode', () => {
  it.each([
    ['35', '35'],
    ['35.01', '35.01'],
    ['3501', '35.01'],
    [' 3578 ', '35.78'],
  ])('should read %j as %j', (raw: string, code: string) => {
    expect(normalizeRegionCode(raw)).toBe(code);
  });

  it.each(['', '3', '35.1', '350', '35011', '35-01', 'abc', '35.01.01', '３５０１', '35\u000001'])('should refuse %j', (raw: string) => {
    expect(normalizeRegionCode(raw)).toBeNull();
  });
});

describe('matchesBodySearch', () => {
  it('should find a body by part of its name whatever the case', () => {
    expect(matchesBodySearch(SURABAYA, 'surabaya')).toBe(true);
    expect(matchesBodySearch(SURABAYA, 'SURA')).toBe(true);
    expect(matchesBodySearch(KAB_MALANG, 'surabaya')).toBe(false);
  });

  it('should need every word, so "kota malang" finds the kota and not the kabupaten', () => {
    expect(matchesBodySearch(KOTA_MALANG, 'kota malang')).toBe(true);
    expect(matchesBodySearch(KAB_MALANG, 'kota malang')).toBe(false);
    expect(matchesBodySearch(KAB_MALANG, 'kab malang')).toBe(true);
  });

  it('should find a body by its code with or without the dot', () => {
    expect(matchesBodySearch(SURABAYA, '3578')).toBe(true);
    expect(matchesBodySearch(SURABAYA, '35.78')).toBe(true);
    expect(matchesBodySearch(KAB_MALANG, '3578')).toBe(false);
  });

  it('should ignore "pemerintah", which every name carries, and match everything on an empty search', () => {
    expect(bodySearchTerms('Pemerintah  Kota, Surabaya')).toEqual(['kota', 'surabaya']);
    expect(matchesBodySearch(KAB_MALANG, 'pemerintah kota')).toBe(false);
    expect(matchesBodySearch(KAB_MALANG, '   ')).toBe(true);
  });
});
