import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor } from 'src/common/auth/actor';
import { Authenticated, CurrentActor } from 'src/common/auth/authenticated';
import { NotFound, statusOf, ValidationFailed } from 'src/common/errors/domain-error';
import { parseDto } from 'src/common/forms/validate-dto';
import { AppConfig } from 'src/config/app-config';
import { DocumentsService } from 'src/modules/documents';
import { RegisterPageQuery } from './dto/register-filter.dto';
import { sendObjectionRegister, sendRegister } from './register-downloads';
import { RegisterFilter } from './register-query';
import { objectionRegisterPageView, registerPageView } from './register.presenter';
import { RegisterFormat, RegistersService } from './registers.service';

/** The filter form's fields as they come in the URL. */
type RegisterPageParams = Record<string, string | undefined>;

const PERIOD_FIELDS = { from: 'dari', to: 'sampai' };
const FORMATS = new Set<string>(['csv', 'xlsx', 'pdf']);

function filterOf(q: RegisterPageQuery): RegisterFilter {
  return { bodyId: q.badan, unitId: q.unit, from: q.dari, to: q.sampai, status: q.status, q: q.q, page: q.halaman };
}

/** Register permohonan and register keberatan for officers, supervisors, bureau and admins: the pages and their downloads. */
@ApiExcludeController()
@Controller('petugas')
@Authenticated('officer', 'supervisor', 'bureau', 'admin')
export class RegisterPagesController {
  constructor(
    private readonly registers: RegistersService,
    private readonly documents: DocumentsService,
    private readonly config: AppConfig,
  ) {}

  @Get('register')
  async page(@CurrentActor() actor: Actor, @Query() params: RegisterPageParams, @Res() res: Response): Promise<void> {
    try {
      const query = this.registers.query(filterOf(parseDto(RegisterPageQuery, params)), new Date(), PERIOD_FIELDS);
      res.render('registers/requests', registerPageView(await this.registers.page(actor, query), params, {}));
    } catch (e) {
      if (!(e instanceof ValidationFailed)) throw e;
      res.status(statusOf(e.code)).render('registers/requests', registerPageView(null, params, e.errors ?? {}));
    }
  }

  @Get('register.:format')
  async download(@CurrentActor() actor: Actor, @Param('format') format: string, @Query() params: RegisterPageParams, @Res() res: Response): Promise<void> {
    if (!FORMATS.has(format)) throw new NotFound('Format unduhan tidak dikenal.');
    const now = new Date();
    const query = this.registers.query(filterOf(parseDto(RegisterPageQuery, params)), now, PERIOD_FIELDS);
    const data = await this.registers.export(actor, query, format as RegisterFormat);
    await sendRegister(res, this.documents, data, format as RegisterFormat, this.config.provinceTimeZone, now);
  }

  @Get('register/keberatan')
  async objections(@CurrentActor() actor: Actor, @Query() params: RegisterPageParams, @Res() res: Response): Promise<void> {
    try {
      const query = this.registers.query(filterOf(parseDto(RegisterPageQuery, params)), new Date(), PERIOD_FIELDS);
      res.render('registers/objections', objectionRegisterPageView(await this.registers.objectionPage(actor, query), params, {}));
    } catch (e) {
      if (!(e instanceof ValidationFailed)) throw e;
      res.status(statusOf(e.code)).render('registers/objections', objectionRegisterPageView(null, params, e.errors ?? {}));
    }
  }

  @Get('register/keberatan.:format')
  async objectionDownload(@CurrentActor() actor: Actor, @Param('format') format: string, @Query() params: RegisterPageParams, @Res() res: Response): Promise<void> {
    if (!FORMATS.has(format)) throw new NotFound('Format unduhan tidak dikenal.');
    const now = new Date();
    const query = this.registers.query(filterOf(parseDto(RegisterPageQuery, params)), now, PERIOD_FIELDS);
    const data = await this.registers.objectionExport(actor, query, format as RegisterFormat);
    await sendObjectionRegister(res, this.documents, data, format as RegisterFormat, this.config.provinceTimeZone, now);
  }
}
