import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { MAX_INT4 } from 'src/common/validation/whole-number';

/** An ISO 8601 instant with an explicit offset: without one the local date would be a guess. */
export const INSTANT_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

export class DueDateQuery {
  @ApiProperty({ example: '2025-03-27T10:00:00+07:00', description: 'Receipt instant, ISO 8601 with offset' })
  @Matches(INSTANT_WITH_OFFSET, {
    message: 'receivedAt harus berupa waktu ISO 8601 dengan zona waktu, mis. 2025-03-27T10:00:00+07:00',
  })
  receivedAt: string;

  @ApiProperty({ example: 10, minimum: 0, maximum: 250 })
  @Type(() => Number)
  @IsInt({ message: 'workingDays harus berupa bilangan bulat' })
  @Min(0, { message: 'workingDays tidak boleh negatif' })
  @Max(250, { message: 'workingDays paling banyak 250' })
  workingDays: number;

  @ApiPropertyOptional({ description: 'PPID unit whose time zone, service hours and closures apply' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'unitId harus berupa bilangan bulat' })
  @Min(1, { message: 'unitId harus berupa bilangan bulat positif' })
  @Max(MAX_INT4, { message: 'unitId harus berupa bilangan bulat positif' })
  unitId?: number;
}

export class HolidaysQuery {
  @ApiProperty({ example: 2025 })
  @Type(() => Number)
  @IsInt({ message: 'year harus berupa tahun, mis. 2025' })
  @Min(2000, { message: 'year paling awal 2000' })
  @Max(2100, { message: 'year paling akhir 2100' })
  year: number;
}
