import { assertSafeDetails } from './audit-details';

describe('assertSafeDetails', () => {
  it('should accept codes, ids, dates, flags and short lists of them', () => {
    expect(() =>
      assertSafeDetails({ role: 'officer', unitId: 12, bodyId: null, date: '2026-03-31', wasConfirmed: true, changed: ['date', 'name'], mediaType: 'image/png' }),
    ).not.toThrow();
  });

  it.each([
    ['a NIK', { nik: '3578015503900001' }],
    ['a phone number', { phone: '081234567890' }],
    ['an e-mail', { to: 'pemohon@contoh.id' }],
    ['a name with spaces', { name: 'Dyah Ayu' }],
    ['an address', { address: 'Jl._Pemuda_No._17,_Surabaya' }],
    ['a NIK inside a list', { ids: ['1', '3578015503900001'] }],
    ['a non-finite number', { n: Number.NaN }],
    ['a long text', { code: 'x'.repeat(65) }],
    ['a key that is not a plain name', { 'nama pemohon': 'x' }],
  ])('should refuse %s', (_label, details) => {
    expect(() => assertSafeDetails(details)).toThrow(/audit details/);
  });
});
