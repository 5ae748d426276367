import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Query of /kalender: the year shown and the due-date calculator's fields, all as typed. */
export class CalendarPageQuery {
  @IsOptional() @IsString() @MaxLength(4) tahun?: string;
  @IsOptional() @IsString() @MaxLength(10) unit?: string;
  @IsOptional() @IsString() @MaxLength(10) tanggal?: string;
  @IsOptional() @IsString() @MaxLength(5) jam?: string;
  @IsOptional() @IsString() @MaxLength(3) hari?: string;
}
