import { Controller, Get, Post, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor } from 'src/common/auth/actor';
import { Authenticated, CurrentActor } from 'src/common/auth/authenticated';
import { submitForm } from 'src/common/forms/form-page';
import { AcceptsUploads, uploadedFiles } from 'src/common/uploads/accepts-uploads';
import { AppConfig } from 'src/config/app-config';
import { MonevFileTooLarge } from './monev.errors';
import { monevPageView, MonevPageView } from './monev.presenter';
import { MonevService } from './monev.service';
import { MONEV_FILE_UPLOAD } from './upload-rules';

/** The bureau's import of the Komisi Informasi's monev results: /biro/monev. */
@ApiExcludeController()
@Controller('biro/monev')
@Authenticated('bureau', 'admin')
export class MonevPagesController {
  constructor(
    private readonly monev: MonevService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Render('monev/import')
  async show(@CurrentActor() actor: Actor): Promise<MonevPageView> {
    return monevPageView(await this.monev.years(actor), this.config.provinceTimeZone, null);
  }

  @Post()
  @AcceptsUploads(MONEV_FILE_UPLOAD)
  async import(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response): Promise<void> {
    const file = uploadedFiles(req, 'file')[0];
    await submitForm(
      res,
      {
        fields: ['file'],
        values: {},
        shows: (e) => e instanceof MonevFileTooLarge,
        render: async () => ({ view: 'monev/import', model: monevPageView(await this.monev.years(actor), this.config.provinceTimeZone, null) }),
      },
      async () => {
        const report = await this.monev.import(actor, file, new Date());
        const view = monevPageView(await this.monev.years(actor), this.config.provinceTimeZone, report);
        res.status(201).set('Cache-Control', 'no-store').render('monev/import', view);
      },
    );
  }
}
