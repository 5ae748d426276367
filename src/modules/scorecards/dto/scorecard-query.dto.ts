import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

/** Query of GET /api/v1/scorecards: a year, a quarter of it, or a date range (province time zone). */
export class ScorecardApiQuery {
  @ApiPropertyOptional({ example: '2026', description: 'Year; the current year when nothing is given' })
  @IsOptional() @IsString() @MaxLength(10) year?: string;

  @ApiPropertyOptional({ example: '1', description: 'Quarter 1–4 of the year' })
  @IsOptional() @IsString() @MaxLength(10) quarter?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'First day of a date range (instead of year/quarter)' })
  @IsOptional() @IsString() @MaxLength(20) from?: string;

  @ApiPropertyOptional({ example: '2026-03-31', description: 'Last day of a date range' })
  @IsOptional() @IsString() @MaxLength(20) to?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'] })
  @IsOptional() @IsIn(['json', 'csv', 'xlsx'], { message: 'Format harus json, csv atau xlsx.' }) format?: 'json' | 'csv' | 'xlsx';
}

/** Query of /peringkat and /peringkat/<kode>: tahun and triwulan, as the page's selector sends them. */
export class ScorecardPageQuery {
  @IsOptional() @IsString() @MaxLength(10) tahun?: string;
  @IsOptional() @IsString() @MaxLength(10) triwulan?: string;
  @IsOptional() @IsString() @MaxLength(20) dari?: string;
  @IsOptional() @IsString() @MaxLength(20) sampai?: string;
}
