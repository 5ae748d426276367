import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor } from 'src/common/auth/actor';
import { Authenticated, CurrentActor } from 'src/common/auth/authenticated';
import { ValidationFailed } from 'src/common/errors/domain-error';
import { AppConfig } from 'src/config/app-config';
import { DocumentsService } from 'src/modules/documents';
import { RegisterApiQuery } from './dto/register-filter.dto';
import { sendObjectionRegister, sendRegister } from './register-downloads';
import { presentRegisterApi } from './register.presenter';
import { RegistersService } from './registers.service';

@ApiTags('registers')
@Controller('api/v1/registers')
@Authenticated('officer', 'supervisor', 'bureau', 'admin')
export class RegisterApiController {
  constructor(
    private readonly registers: RegistersService,
    private readonly documents: DocumentsService,
    private readonly config: AppConfig,
  ) {}

  @Get('requests')
  @ApiOperation({
    summary: 'Register permohonan of a body or unit for a period (every status); personal data masked unless the caller works the request',
  })
  @ApiOkResponse({ description: '{ body, unit, from, to, total, page, pageCount, items } or the file' })
  async requests(@CurrentActor() actor: Actor, @Query() q: RegisterApiQuery, @Res() res: Response): Promise<void> {
    const format = q.format ?? 'json';
    const now = new Date();
    const query = this.queryOf(q, now);
    if (format === 'json') {
      const page = await this.registers.page(actor, query);
      if (!('scope' in page)) throw new ValidationFailed({ bodyId: 'Pilih badan publik (bodyId).' });
      res.status(200).json(presentRegisterApi(page));
      return;
    }
    const data = await this.registers.export(actor, query, format);
    await sendRegister(res, this.documents, data, format, this.config.provinceTimeZone, now);
  }

  @Get('objections')
  @ApiOperation({
    summary: 'Register keberatan of a body or unit for a period: each objection with its request, grounds, the atasan PPID\'s decision and dates, disputes and their outcome; personal data masked unless the caller works the request',
  })
  @ApiOkResponse({ description: '{ body, unit, from, to, total, page, pageCount, items } or the file; status filters the atasan\'s decision (pending, upheld, overturned, partially_overturned)' })
  async objections(@CurrentActor() actor: Actor, @Query() q: RegisterApiQuery, @Res() res: Response): Promise<void> {
    const format = q.format ?? 'json';
    const now = new Date();
    const query = this.queryOf(q, now);
    if (format === 'json') {
      const page = await this.registers.objectionPage(actor, query);
      if (!('scope' in page)) throw new ValidationFailed({ bodyId: 'Pilih badan publik (bodyId).' });
      res.status(200).json(presentRegisterApi(page));
      return;
    }
    const data = await this.registers.objectionExport(actor, query, format);
    await sendObjectionRegister(res, this.documents, data, format, this.config.provinceTimeZone, now);
  }

  private queryOf(q: RegisterApiQuery, now: Date) {
    return this.registers.query(
      { bodyId: q.bodyId, unitId: q.unitId, from: q.from, to: q.to, status: q.status, q: q.q, page: q.page },
      now,
      { from: 'from', to: 'to' },
    );
  }
}
