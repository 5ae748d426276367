import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Max, Min, ValidateBy, ValidationOptions } from 'class-validator';
import { MAX_INT4 } from 'src/common/validation/whole-number';
import { NotFound } from 'src/common/errors/domain-error';
import { HOLIDAY_KINDS, HolidayKind } from 'src/modules/calendar/holiday.entity';
import { isValidLocalDate } from 'src/common/time/local-time';

/** A real calendar date written 'YYYY-MM-DD' (2027-02-30 fails). */
function IsLocalDate(options: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isLocalDate', validator: { validate: (v: unknown) => typeof v === 'string' && isValidLocalDate(v) } }, options);
}

/** A non-working day as the admin enters it: national (libur nasional, cuti bersama) or one body's closure. */
export class HolidayInputDto {
  @ApiProperty({ example: '2027-01-01' })
  @IsString({ message: 'Isi tanggal.' })
  @IsNotEmpty({ message: 'Isi tanggal.' })
  @IsLocalDate({ message: 'Tanggal tidak valid; tulis dalam format TTTT-BB-HH, mis. 2027-01-01.' })
  date: string;

  @ApiProperty({ example: 'Tahun Baru 2027 Masehi' })
  @IsString({ message: 'Isi keterangan hari libur.' })
  @IsNotEmpty({ message: 'Isi keterangan hari libur.' })
  @MaxLength(200, { message: 'Keterangan paling banyak 200 karakter.' })
  name: string;

  @ApiProperty({ enum: HOLIDAY_KINDS })
  @IsIn(HOLIDAY_KINDS, { message: 'Pilih jenis: libur nasional, cuti bersama, atau penutupan layanan.' })
  kind: HolidayKind;

  @ApiProperty({ example: 'SKB Menteri Agama, Menteri Ketenagakerjaan, dan MenPANRB Nomor 1497/2/5 Tahun 2025' })
  @IsString({ message: 'Isi dasar hukum (mis. nomor SKB atau surat keputusan penutupan).' })
  @IsNotEmpty({ message: 'Isi dasar hukum (mis. nomor SKB atau surat keputusan penutupan).' })
  @MaxLength(300, { message: 'Dasar hukum paling banyak 300 karakter.' })
  source: string;

  @ApiPropertyOptional({ description: 'The closed body; required for kind closure, absent otherwise' })
  @IsOptional()
  @IsInt({ message: 'Pilih badan publik.' })
  @Min(1, { message: 'Pilih badan publik.' })
  @Max(MAX_INT4, { message: 'Pilih badan publik.' })
  bodyId?: number;
}

/** The SKB that decrees a year's list of holidays and cuti bersama. */
export class YearConfirmationDto {
  @ApiProperty({ example: 'SKB Nomor 1497/2/5 Tahun 2025' })
  @IsString({ message: 'Isi dasar hukum penetapan (nomor SKB).' })
  @IsNotEmpty({ message: 'Isi dasar hukum penetapan (nomor SKB).' })
  @MaxLength(300, { message: 'Dasar hukum paling banyak 300 karakter.' })
  source: string;
}

export class AdminHolidayResponse {
  @ApiProperty() id: number;
  @ApiProperty({ example: '2027-01-01' }) date: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: HOLIDAY_KINDS }) kind: string;
  @ApiProperty({ nullable: true, type: Number }) bodyId: number | null;
  @ApiProperty() source: string;
}

export class AdminCalendarYearResponse {
  @ApiProperty({ example: 2027 }) year: number;
  @ApiProperty() confirmed: boolean;
  @ApiProperty({ nullable: true, type: String }) source: string | null;
  @ApiProperty({ type: [AdminHolidayResponse] }) holidays: AdminHolidayResponse[];
}

/** A day's id in a path: a positive integer, else the day does not exist. */
export function holidayIdParam(raw: string): number {
  if (!/^[1-9]\d{0,8}$/.test(raw)) throw new NotFound('Hari libur tidak ditemukan.');
  return Number(raw);
}
