import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MAX_INT4, OptionalWholeNumber } from 'src/common/validation/whole-number';
import { CHANNELS } from 'src/modules/requests/request-options';
import { STATUS_LABELS } from 'src/modules/requests/request-status';

const STATUSES = ['', ...Object.keys(STATUS_LABELS)];
const STATES = ['', 'aman', 'segera', 'terlambat'];
const CHANNEL_VALUES = ['', ...Object.keys(CHANNELS)];
const ASSIGNEES = ['', 'me', 'none'];
/** The cursor the queue hands out: due date and id. */
const CURSOR = /^(\d{4}-\d{2}-\d{2}_\d{1,18})?$/;

/** Filters shared by the queue page and the API; empty means "all". */
class QueueFilters {
  @ApiPropertyOptional({ enum: STATUSES.filter(Boolean) })
  @IsOptional()
  @IsIn(STATUSES, { message: 'Status tidak dikenal.' })
  status?: string;

  @ApiPropertyOptional({ enum: STATES.filter(Boolean) })
  @IsOptional()
  @IsIn(STATES, { message: 'Keadaan tenggat: aman, segera, atau terlambat.' })
  state?: string;

  @ApiPropertyOptional({ enum: CHANNEL_VALUES.filter(Boolean) })
  @IsOptional()
  @IsIn(CHANNEL_VALUES, { message: 'Saluran tidak dikenal.' })
  channel?: string;

  @ApiPropertyOptional({ enum: ['me', 'none'] })
  @IsOptional()
  @IsIn(ASSIGNEES, { message: 'Penugasan: me atau none.' })
  assignee?: string;

  @ApiPropertyOptional({ description: 'Words of the registration number, requester name or information' })
  @IsOptional()
  @IsString({ message: 'Kata kunci berupa teks.' })
  @MaxLength(100, { message: 'Kata kunci paling banyak 100 karakter.' })
  q?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString({ message: 'Penanda halaman tidak valid.' })
  @Matches(CURSOR, { message: 'Penanda halaman tidak valid.' })
  after?: string;
}

/** GET /api/v1/queue */
export class QueueApiQuery extends QueueFilters {
  @ApiPropertyOptional({ description: 'Only this unit (one the caller may see)' })
  @OptionalWholeNumber(1, MAX_INT4, 'unitId harus berupa bilangan bulat positif.')
  unitId?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @OptionalWholeNumber(1, 200, 'limit harus berupa bilangan bulat 1 sampai 200.')
  limit?: number;
}

/** GET /petugas: the queue page's filter form. */
export class QueuePageQuery extends QueueFilters {
  @OptionalWholeNumber(1, MAX_INT4, 'Unit tidak valid.')
  unit?: number;
}
