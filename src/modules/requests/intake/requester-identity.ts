import { ValidateBy, ValidationArguments } from 'class-validator';
/**
 * NIK (Nomor Induk Kependudukan) rules: 16 digits = province (2) + kab/kota (2) + kecamatan (2)
 * + date of birth DDMMYY (40 added to the day for women) + serial (4).
 */
export type NikProblem = 'format' | 'province' | 'region' | 'birth_date' | 'serial';

export const NIK_MESSAGES: Record<NikProblem, string> = {
  format: 'NIK harus terdiri atas 16 angka.',
  province: 'Dua angka pertama NIK bukan kode provinsi yang berlaku.',
  region: 'Kode kabupaten/kota atau kecamatan pada NIK tidak valid.',
  birth_date: 'Angka tanggal lahir pada NIK (digit ke-7 sampai ke-12) tidak valid.',
  serial: 'Nomor urut pada NIK (empat angka terakhir) tidak valid.',
};

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function validBirthDate(dd: number, mm: number, yy: number): boolean {
  const day = dd > 40 ? dd - 40 : dd;
  if (mm < 1 || mm > 12 || day < 1) return false;
  const lengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (day > lengths[mm - 1]) return false;
  // 29 February needs a leap year in the century the two digits could stand for.
  if (mm === 2 && day === 29) return isLeap(1900 + yy) || isLeap(2000 + yy);
  return true;
}

/** Why a NIK is invalid, or null when it is valid. */
export function nikProblem(nik: string, provinceCodes: ReadonlySet<string>): NikProblem | null {
  if (!/^\d{16}$/.test(nik)) return 'format';
  if (!provinceCodes.has(nik.slice(0, 2))) return 'province';
  if (nik.slice(2, 4) === '00' || nik.slice(4, 6) === '00') return 'region';
  const [dd, mm, yy] = [nik.slice(6, 8), nik.slice(8, 10), nik.slice(10, 12)].map(Number);
  if (!validBirthDate(dd, mm, yy)) return 'birth_date';
  if (nik.slice(12) === '0000') return 'serial';
  return null;
}

/** '3578012345670001' → '************0001': enough for the requester to recognise, nothing more. */
export function maskNik(last4: string | null): string {
  return last4 ? `************${last4}` : '—';
}

/**
 * The NIK rule as a validator for DTOs: 16 digits whose region, birth date and serial can be
 * real, under a province code that exists; the message says which part is wrong.
 */
export function IsNik(provinceCodes: () => ReadonlySet<string>): PropertyDecorator {
  return ValidateBy({
    name: 'nik',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && nikProblem(value, provinceCodes()) === null,
      defaultMessage: (args?: ValidationArguments) => {
        const value: unknown = args?.value;
        if (value === undefined || value === null || value === '') return 'NIK wajib diisi.';
        return NIK_MESSAGES[typeof value === 'string' ? (nikProblem(value, provinceCodes()) ?? 'format') : 'format'];
      },
    },
  });
}
