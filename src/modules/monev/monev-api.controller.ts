import { Controller, Post, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConsumes, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Actor } from 'src/common/auth/actor';
import { Authenticated, CurrentActor } from 'src/common/auth/authenticated';
import { AcceptsUploads, uploadedFiles } from 'src/common/uploads/accepts-uploads';
import { MonevImport, MonevService } from './monev.service';
import { MONEV_FILE_UPLOAD } from './upload-rules';

/** The monev import as an API (bureau, admin): the same checks and report as /biro/monev. */
@ApiTags('monev')
@Controller('api/v1/monev')
@Authenticated('bureau', 'admin')
export class MonevApiController {
  constructor(private readonly monev: MonevService) {}

  @Post('imports')
  @AcceptsUploads(MONEV_FILE_UPLOAD)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: 'CSV: tahun, kode, nilai, kualifikasi' } } },
  })
  @ApiCreatedResponse({ description: '`{ fileName, stored: [{ line, year, code, bodyName, score, qualification, replaced }], rejected: [{ line, reason }], years }`' })
  @ApiBadRequestResponse({ description: 'No file, not a CSV text file, or a wrong header: nothing stored; `errors.file` says why' })
  import(@CurrentActor() actor: Actor, @Req() req: Request): Promise<MonevImport> {
    return this.monev.import(actor, uploadedFiles(req, 'file')[0], new Date());
  }
}
