import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { LocalDateField, trimmed } from 'src/common/forms/fields';
import { MAX_INT4, OptionalWholeNumber } from 'src/common/validation/whole-number';

/** A status code as stored: known ones and those a newer lifecycle adds. */
const STATUS_CODE = /^([a-z][a-z_]{0,39})?$/;

const emptyAsAbsent = ({ value }: { value: unknown }) => {
  const v = trimmed(value);
  return v === '' ? undefined : v;
};

class RegisterSearch {
  @ApiPropertyOptional({ description: 'Status code (received, in_process, answered, closed, …)' })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @IsString({ message: 'Status tidak dikenal.' })
  @Matches(STATUS_CODE, { message: 'Status tidak dikenal.' })
  status?: string;

  @ApiPropertyOptional({ description: 'Part of the registration number or of the requester name' })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @IsString({ message: 'Kata kunci berupa teks.' })
  @MaxLength(100, { message: 'Kata kunci paling banyak 100 karakter.' })
  q?: string;
}

/** /petugas/register and its downloads (.csv, .xlsx, .pdf): the filter form's fields. */
export class RegisterPageQuery extends RegisterSearch {
  @OptionalWholeNumber(1, MAX_INT4, 'Pilih badan publik dari daftar.')
  badan?: number;

  @OptionalWholeNumber(1, MAX_INT4, 'Pilih unit dari daftar.')
  unit?: number;

  @LocalDateField({ label: 'Tanggal awal', message: 'Tanggal awal harus berbentuk TTTT-BB-HH, mis. 2026-01-31.', required: false })
  dari?: string;

  @LocalDateField({ label: 'Tanggal akhir', message: 'Tanggal akhir harus berbentuk TTTT-BB-HH, mis. 2026-01-31.', required: false })
  sampai?: string;

  @OptionalWholeNumber(1, 100000, 'Nomor halaman tidak valid.')
  halaman?: number;
}

/** GET /api/v1/registers/requests */
export class RegisterApiQuery extends RegisterSearch {
  @ApiPropertyOptional({ description: 'The public body (id); default: the caller\'s own' })
  @OptionalWholeNumber(1, MAX_INT4, 'bodyId harus berupa bilangan bulat positif.')
  bodyId?: number;

  @ApiPropertyOptional({ description: 'Only this unit (one the caller may see)' })
  @OptionalWholeNumber(1, MAX_INT4, 'unitId harus berupa bilangan bulat positif.')
  unitId?: number;

  @LocalDateField({ label: 'from', message: 'from harus berbentuk YYYY-MM-DD.', required: false, description: 'First day of receipt (province time zone); default 1 January of this year' })
  from?: string;

  @LocalDateField({ label: 'to', message: 'to harus berbentuk YYYY-MM-DD.', required: false, description: 'Last day of receipt (province time zone); default 31 December of this year' })
  to?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @OptionalWholeNumber(1, 100000, 'page harus berupa bilangan bulat positif.')
  page?: number;

  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx', 'pdf'], default: 'json' })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx', 'pdf'], { message: 'format: json, csv, xlsx atau pdf.' })
  format?: 'json' | 'csv' | 'xlsx' | 'pdf';
}
