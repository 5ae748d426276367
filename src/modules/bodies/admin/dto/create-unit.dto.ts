import { IsEmail, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { MAX_INT4 } from 'src/common/validation/whole-number';

export const UNIT_TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The form of /admin/unit: a PPID Pelaksana under a body's PPID Utama. */
export class CreateUnitDto {
  @IsInt({ message: 'Pilih badan publik.' })
  @Min(1, { message: 'Pilih badan publik.' })
  @Max(MAX_INT4, { message: 'Pilih badan publik.' })
  bodyId: number;

  @IsString({ message: 'Isi nama unit.' })
  @IsNotEmpty({ message: 'Isi nama unit.' })
  @MaxLength(150, { message: 'Nama unit paling banyak 150 karakter.' })
  name: string;

  @IsString({ message: 'Isi kode unit.' })
  @Matches(/^[A-Z0-9]{1,8}$/, { message: 'Kode unit terdiri atas 1–8 huruf kapital atau angka, mis. KOMINFO atau DINKES.' })
  code: string;

  @IsOptional()
  @IsString({ message: 'Masukkan alamat e-mail unit yang valid.' })
  @IsEmail({}, { message: 'Masukkan alamat e-mail unit yang valid.' })
  email?: string;

  @IsIn(UNIT_TIME_ZONES, { message: 'Pilih zona waktu: WIB, WITA, atau WIT.' })
  timeZone: string;

  @IsString({ message: 'Isi jam layanan dibuka (JJ:MM).' })
  @Matches(TIME, { message: 'Isi jam layanan dibuka dalam format JJ:MM, mis. 08:00.' })
  opensAt: string;

  @IsString({ message: 'Isi jam layanan ditutup (JJ:MM).' })
  @Matches(TIME, { message: 'Isi jam layanan ditutup dalam format JJ:MM, mis. 16:00.' })
  closesAt: string;
}
