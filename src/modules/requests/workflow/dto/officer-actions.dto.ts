import { ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { TextField, WholeNumberField } from 'src/common/forms/fields';
import { MAX_INT4 } from 'src/common/validation/whole-number';

/** Pasal 22(8): one extension, of at most 7 working days. */
export const MAX_EXTENSION_DAYS = 7;

/** POST /api/v1/requests/:id/extension and the officer's extension form. */
export class ExtensionDto {
  @WholeNumberField({ label: 'Jumlah hari kerja', min: 1, max: MAX_EXTENSION_DAYS, message: `Perpanjangan 1 sampai ${MAX_EXTENSION_DAYS} hari kerja.` })
  workingDays: number;

  @TextField({ label: 'Alasan perpanjangan', min: 10, max: 5000 })
  reason: string;

  @ApiPropertyOptional({ type: 'integer', description: 'The version of the request the officer saw; a stale one answers 409' })
  @Allow()
  version?: unknown;
}

/** POST /api/v1/requests/:id/notes and the internal note form. */
export class NoteDto {
  @TextField({ label: 'Catatan', max: 5000 })
  note: string;
}

/** POST /api/v1/requests/:id/forward and the disposisi form: a PPID Pelaksana of the same body. */
export class ForwardDto {
  @WholeNumberField({ label: 'PPID Pelaksana tujuan', min: 1, max: MAX_INT4, message: 'Pilih PPID Pelaksana pada badan publik yang sama.' })
  unitId: number;

  @TextField({ label: 'Catatan disposisi', max: 2000, required: false })
  note?: string;

  @ApiPropertyOptional({ type: 'integer', description: 'The version of the request the officer saw; a stale one answers 409' })
  @Allow()
  version?: unknown;
}

/** POST /api/v1/requests/:id/assignment and the assignment form: empty unassigns. */
export class AssignmentDto {
  @WholeNumberField({ label: 'Petugas', min: 1, max: MAX_INT4, message: 'Pilih petugas dari daftar.', required: false })
  assigneeId?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'The version of the request the officer saw; a stale one answers 409' })
  @Allow()
  version?: unknown;
}
