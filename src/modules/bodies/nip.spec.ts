import { nipProblem, normalizeNip } from './nip';

describe('nipProblem', () => {
  it.each(['197004121995031002', '19700412 199503 1 002', '198512302010122001'])('should accept %j', (nip) => {
    expect(nipProblem(nip)).toBeNull();
  });

  it.each([
    ['19700412199503100', 'NIP terdiri atas 18 angka (sekarang 17).'],
    ['1970041219950310021', 'NIP terdiri atas 18 angka (sekarang 19).'],
    ['19700412-199503-1-002', 'NIP hanya berisi angka.'],
    ['197013121995031002', 'Delapan angka pertama NIP harus tanggal lahir (TTTTBBHH).'],
    ['197002301995031002', 'Delapan angka pertama NIP harus tanggal lahir (TTTTBBHH).'],
    ['197004121995131002', 'Angka ke-9 sampai ke-14 NIP harus tahun dan bulan pengangkatan (TTTTBB).'],
    ['197004121975031002', 'Angka ke-9 sampai ke-14 NIP harus tahun dan bulan pengangkatan (TTTTBB).'],
    ['197004121995033002', 'Angka ke-15 NIP harus 1 atau 2.'],
  ])('should refuse %j', (nip, message) => {
    expect(nipProblem(nip)).toBe(message);
  });

  it('should drop the spaces of the printed form', () => {
    expect(normalizeNip(' 19700412 199503 1 002 ')).toBe('197004121995031002');
  });
});
