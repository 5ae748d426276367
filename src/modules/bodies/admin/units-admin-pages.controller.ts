import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AppConfig } from 'src/config/app-config';
import { Actor } from 'src/common/auth/actor';
import { Authenticated, CurrentActor } from 'src/common/auth/authenticated';
import { errorList, idField, textField, validateForm } from 'src/common/forms/form-input';
import { submitForm } from 'src/common/forms/form-page';
import { UnitCodeTaken } from 'src/modules/bodies/bodies.errors';
import { BODY_DETAIL_FIELDS, UNIT_DETAIL_FIELDS } from './details-input';
import { CreateUnitDto } from './dto/create-unit.dto';
import { UnitsAdminService } from './units-admin.service';
import { bodyFormValues, bodySummary, timeZoneOptions, unitFormValues, unitTreeView, weekdayFields } from './units-admin.views';

type FormBody = Record<string, string | undefined>;

const UNIT_FIELDS = ['bodyId', 'name', 'code', 'email', 'timeZone', 'opensAt', 'closesAt'];


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
        const input = validateForm(CreateUnitDto, {
          bodyId: idField(body.bodyId),
          name: textField(body.name),
          code: textField(body.code)?.toUpperCase(),
          email: textField(body.email),
          timeZone: textField(body.timeZone),
          opensAt: textField(body.opensAt),
          closesAt: textField(body.closesAt),
        });
        const { id } = await this.unitsAdmin.createPelaksana(actor, input);
        res.redirect(303, `/admin/unit?dibuat=${id}#unit-${id}`);
      },
    );
  }

  @Get('unit/:id')
  async unitForm(@CurrentActor() actor: Actor, @Res() res: Response, @Param('id') id: string): Promise<void> {
    const unit = await this.unitsAdmin.unitDetails(actor, routeId(id));
    res.render('admin/units/edit', this.unitEditView(unit, unitFormValues(unit), {}));
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
          model: this.unitEditView(await this.unitsAdmin.unitDetails(actor, unitId), state.values, state.errors),
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
    res.render('admin/bodies/edit', this.bodyEditView(body, bodyFormValues(body), {}));
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
          model: this.bodyEditView(await this.unitsAdmin.bodyDetails(actor, bodyId), state.values, state.errors),
        }),
      },
      async () => {
        await this.unitsAdmin.updateBodyDetails(actor, bodyId, typedValues(form, BODY_DETAIL_FIELDS));
        res.redirect(303, `/admin/unit?disimpan=badan-${bodyId}#badan-${bodyId}`);
      },
    );
  }

  private bodyEditView(body: Awaited<ReturnType<UnitsAdminService['bodyDetails']>>, values: Record<string, string>, errors: Record<string, string>): object {
    return {
      title: `Rincian ${body.name}`,
      body: { id: body.id, name: body.name, regionCode: body.regionCode, ...bodySummary(body) },
      weekdays: weekdayFields(),
      values,
      errors,
      errorList: errorList(errors, BODY_DETAIL_FIELDS),
    };
  }

  private unitEditView(unit: Awaited<ReturnType<UnitsAdminService['unitDetails']>>, values: Record<string, string>, errors: Record<string, string>): object {
    return {
      title: `Rincian ${unit.name}`,
      unit: { id: unit.id, name: unit.name, code: unit.code, bodyId: unit.bodyId, bodyName: unit.bodyName, levelLabel: unit.level === 'utama' ? 'PPID Utama' : 'PPID Pelaksana' },
      values,
      errors,
      errorList: errorList(errors, UNIT_DETAIL_FIELDS),
    };
  }

  private async unitsView(actor: Actor, values: Record<string, string>, errors: Record<string, string>, createdId?: number, saved?: string): Promise<object> {
    const tree = await this.unitsAdmin.bodyTree(actor);
    const units = tree.flatMap((b) => b.units.map((u) => ({ ...u, bodyName: b.name })));
    const created = units.find((u) => u.id === createdId);
    const savedUnit = units.find((u) => saved === `unit-${u.id}`);
    const savedBody = tree.find((b) => saved === `badan-${b.id}`);
    return {
      title: 'Unit PPID',
      bodies: unitTreeView(tree),
      bodyOptions: tree.map((b) => ({ id: b.id, name: b.name, selected: String(b.id) === values.bodyId })),
      timeZones: timeZoneOptions(values.timeZone),
      created: created ? { name: created.name, code: created.code, bodyName: created.bodyName } : null,
      saved: savedUnit?.name ?? savedBody?.name ?? null,
      values,
      errors,
      errorList: errorList(errors, UNIT_FIELDS),
    };
  }
}
