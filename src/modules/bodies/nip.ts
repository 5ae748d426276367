/**
 * NIP (Nomor Induk Pegawai) of a civil servant: 18 digits, yyyymmdd of birth, yyyymm of
 * appointment (TMT CPNS), 1 or 2 for the sex, and a three-digit serial (PP 11/2017 practice).
 */

export const NIP_LENGTH = 18;

function validDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Why a NIP is not valid (Bahasa Indonesia), or null when it is. Spaces are allowed between groups. */
export function nipProblem(raw: string): string | null {
  const nip = normalizeNip(raw);
  if (!/^\d+$/.test(nip)) return 'NIP hanya berisi angka.';
  if (nip.length !== NIP_LENGTH) return `NIP terdiri atas ${NIP_LENGTH} angka (sekarang ${nip.length}).`;
  const birthYear = Number(nip.slice(0, 4));
  if (birthYear < 1940 || !validDate(birthYear, Number(nip.slice(4, 6)), Number(nip.slice(6, 8)))) {
    return 'Delapan angka pertama NIP harus tanggal lahir (TTTTBBHH).';
  }
  const appointedYear = Number(nip.slice(8, 12));
  const appointedMonth = Number(nip.slice(12, 14));
  if (appointedYear < birthYear + 15 || appointedMonth < 1 || appointedMonth > 12) {
    return 'Angka ke-9 sampai ke-14 NIP harus tahun dan bulan pengangkatan (TTTTBB).';
  }
  if (nip[14] !== '1' && nip[14] !== '2') return 'Angka ke-15 NIP harus 1 atau 2.';
  return null;
}

/** '19700412 199503 1 002' → '197004121995031002'. */
export function normalizeNip(raw: string): string {
  return raw.replace(/\s+/g, '');
}
