import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AppConfig } from 'src/config/app-config';
import { Actor } from 'src/common/auth/actor';
import { Authenticated, CurrentActor } from 'src/common/auth/authenticated';
import { validateForm } from 'src/common/forms/form-input';
import { submitForm } from 'src/common/forms/form-page';
import { UnitCodeTaken } from 'src/modules/bodies/bodies.errors';
import { BODY_DETAIL_FIELDS, UNIT_DETAIL_FIELDS } from './details-input';
import { CreateUnitDto } from './dto/create-unit.dto';
import { UnitsAdminService } from './units-admin.service';
import { bodyFormValues, presentBodyDetailsPage, presentUnitDetailsPage, presentUnitsPage, UNIT_FIELDS, unitFormValues, UnitsPageView } from './units-admin.presenter';

type FormBody = Record<string, string | undefined>;


/** The typed values of a form, each a string, so a re-rendered form shows exactly what was sent. */
function typedValues(body: FormBody, fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f, typeof body[f] === 'string' ? body[f] : '']));
}

/** A route id: digits only (else NaN, which the service answers as not found). */
function routeId(raw: string): number {
  return /^\d{1,10}$/.test(raw) ? Number(raw) : Number.NaN;
}

/** PPID units and the details of bodies and units, for admins (/admin/unit, /admin/badan/:id). */
@ApiExcludeController()
@Controller('admin')
@Authenticated('admin')
export class UnitsAdminPagesController {
  constructor(
    private readonly unitsAdmin: UnitsAdminService,
    private readonly config: AppConfig,
  ) {}

  @Get('unit')
  async units(
    @CurrentActor() actor: Actor,
    @Res() res: Response,
    @Query('dibuat') created?: string,
    @Query('disimpan') saved?: string,
  ): Promise<void> {
    const values = { timeZone: this.config.provinceTimeZone, opensAt: '08:00', closesAt: '16:00' };
    res.render('admin/units/index', await this.unitsView(actor, values, {}, Number(created), saved));
  }

  @Post('unit')
  async createUnit(@CurrentActor() actor: Actor, @Res() res: Response, @Body() body: FormBody): Promise<void> {
    await submitForm(
      res,
      {
        fields: UNIT_FIELDS,
        values: typedValues(body, UNIT_FIELDS),
        shows: (e) => e instanceof UnitCodeTaken,
        render: async (state) => ({ view: 'admin/units/index', model: await this.unitsView(actor, state.values, state.errors) }),
      },
      async () => {
        const input = validateForm(CreateUnitDto, body);
        const { id } = await this.unitsAdmin.createPelaksana(actor, input);
        res.redirect(303, `/admin/unit?dibuat=${id}#unit-${id}`);
      },
    );
  }

  @Get('unit/:id')
  async unitForm(@CurrentActor() actor: Actor, @Res() res: Response, @Param('id') id: string): Promise<void> {
    const unit = await this.unitsAdmin.unitDetails(actor, routeId(id));
    res.render('admin/units/edit', presentUnitDetailsPage(unit, unitFormValues(unit), {}));
  }

  @Post('unit/:id')
  async updateUnit(@CurrentActor() actor: Actor, @Res() res: Response, @Param('id') id: string, @Body() body: FormBody): Promise<void> {
    const unitId = routeId(id);
    await submitForm(
      res,
      {
        fields: UNIT_DETAIL_FIELDS,
        values: typedValues(body, UNIT_DETAIL_FIELDS),
        render: async (state) => ({
          view: 'admin/units/edit',
          model: presentUnitDetailsPage(await this.unitsAdmin.unitDetails(actor, unitId), state.values, state.errors),
        }),
      },
      async () => {
        await this.unitsAdmin.updateUnitDetails(actor, unitId, typedValues(body, UNIT_DETAIL_FIELDS));
        res.redirect(303, `/admin/unit?disimpan=unit-${unitId}#unit-${unitId}`);
      },
    );
  }

  @Get('badan/:id')
  async bodyForm(@CurrentActor() actor: Actor, @Res() res: Response, @Param('id') id: string): Promise<void> {
    const body = await this.unitsAdmin.bodyDetails(actor, routeId(id));
    res.render('admin/bodies/edit', presentBodyDetailsPage(body, bodyFormValues(body), {}));
  }

  @Post('badan/:id')
  async updateBody(@CurrentActor() actor: Actor, @Res() res: Response, @Param('id') id: string, @Body() form: FormBody): Promise<void> {
    const bodyId = routeId(id);
    await submitForm(
      res,
      {
        fields: BODY_DETAIL_FIELDS,
        values: typedValues(form, BODY_DETAIL_FIELDS),
        render: async (state) => ({
          view: 'admin/bodies/edit',
          model: presentBodyDetailsPage(await this.unitsAdmin.bodyDetails(actor, bodyId), state.values, state.errors),
        }),
      },
      async () => {
        await this.unitsAdmin.updateBodyDetails(actor, bodyId, typedValues(form, BODY_DETAIL_FIELDS));
        res.redirect(303, `/admin/unit?disimpan=badan-${bodyId}#badan-${bodyId}`);
      },
    );
  }

  private async unitsView(actor: Actor, values: Record<string, string>, errors: Record<string, string>, createdId?: number, saved?: string): Promise<UnitsPageView> {
    return presentUnitsPage(await this.unitsAdmin.bodyTree(actor), values, errors, createdId, saved);
  }
}
