import { maskNik, nikProblem } from 'src/modules/requests/intake/requester-identity';

const provinces = new Set(['11', '31', '35', '51', '94']);

describe('nikProblem', () => {
  it.each([
    ['3578011503900001', null, 'a man born 15 March 1990 in Surabaya'],
    ['3578015503900001', null, 'a woman born 15 March 1990 (day + 40)'],
    ['3578017112990002', null, 'a woman born 31 December 1999'],
    ['3578012902000001', null, '29 February 2000'],
    ['3578012902960001', null, '29 February 1996'],
    ['357801150390000', 'format', 'fifteen digits'],
    ['35780115039000011', 'format', 'seventeen digits'],
    ['3578O11503900001', 'format', 'a letter O in place of a zero'],
    ['', 'format', 'nothing'],
    ['9978011503900001', 'province', 'an unknown province 99'],
    ['0078011503900001', 'province', 'province 00'],
    ['3500011503900001', 'region', 'kab/kota 00'],
    ['3578001503900001', 'region', 'kecamatan 00'],
    ['3578013203900001', 'birth_date', 'day 32'],
    ['3578017203900001', 'birth_date', 'day 72 (women: 32)'],
    ['3578010003900001', 'birth_date', 'day 00'],
    ['3578011513900001', 'birth_date', 'month 13'],
    ['3578011500900001', 'birth_date', 'month 00'],
    ['3578013104900001', 'birth_date', '31 April'],
    ['3578012902010001', 'birth_date', '29 February of a year that is leap in neither century (01)'],
    ['3578011503900000', 'serial', 'serial 0000'],
  ])('should answer %s → %s for %s', (nik: string, expected: string | null, _case: string) => {
    expect(nikProblem(nik, provinces)).toBe(expected);
  });
});

describe('maskNik', () => {
  it('should show only the last four digits when they are known', () => {
    expect(maskNik('0001')).toBe('************0001');
  });

  it('should show a dash when no NIK was given', () => {
    expect(maskNik(null)).toBe('—');
  });
});
