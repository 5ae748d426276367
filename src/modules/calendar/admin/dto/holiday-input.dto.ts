import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { LocalDateField, TextField } from 'src/common/forms/fields';
import { MAX_INT4 } from 'src/common/validation/whole-number';
import { NotFound } from 'src/common/errors/domain-error';
import { HOLIDAY_KINDS, HolidayKind } from 'src/modules/calendar/holiday.entity';

/** A non-working day as the admin enters it: national (libur nasional, cuti bersama) or one body's closure. */
export class HolidayInputDto {
  @LocalDateField({ label: 'Tanggal', message: 'Tanggal tidak valid; tulis dalam format TTTT-BB-HH, mis. 2027-01-01.' })
  date: string;

  @TextField({ label: 'Keterangan hari libur', max: 200, example: 'Tahun Baru 2027 Masehi' })
  name: string;

  @ApiProperty({ enum: HOLIDAY_KINDS })
  @IsIn(HOLIDAY_KINDS, { message: 'Pilih jenis: libur nasional, cuti bersama, atau penutupan layanan.' })
  kind: HolidayKind;

  @TextField({ label: 'Dasar hukum', max: 300, example: 'SKB Menteri Agama, Menteri Ketenagakerjaan, dan MenPANRB Nomor 1497/2/5 Tahun 2025', description: 'Legal basis, e.g. the SKB number or the closure decree' })
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
  @TextField({ label: 'Dasar hukum penetapan', max: 300, example: 'SKB Nomor 1497/2/5 Tahun 2025' })
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
