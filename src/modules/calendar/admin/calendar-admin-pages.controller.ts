import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { statusOf, ValidationFailed } from 'src/common/errors/domain-error';
import { Actor } from 'src/common/auth/actor';
import { Authenticated, CurrentActor } from 'src/common/auth/authenticated';
import { idField, textField, validateForm } from 'src/common/forms/form-input';
import { Holiday } from 'src/modules/calendar/holiday.entity';
import { CalendarAdminService } from './calendar-admin.service';
import { CalendarForm, calendarYearPage, FORM_FIELDS, holidayEditPage, holidayValues, yearOfDate, yearParam } from './calendar-admin.presenter';
import { holidayIdParam, HolidayInputDto, YearConfirmationDto } from './dto/holiday-input.dto';
import { AppConfig } from 'src/config/app-config';
import { localDateTimeOf } from 'src/common/time/local-time';

type FormBody = Record<string, string | undefined>;

function echo(body: FormBody, fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f, body[f] ?? '']));
}

/** Holidays, cuti bersama, body closures and confirmed years, for admins. */
@ApiExcludeController()
@Controller('admin/kalender')
@Authenticated('admin')
export class CalendarAdminPagesController {
  constructor(
    private readonly admin: CalendarAdminService,
    private readonly config: AppConfig,
  ) {}

  private thisYear(now: Date): number {
    return Number(localDateTimeOf(now, this.config.provinceTimeZone).date.slice(0, 4));
  }

  @Get()
  async index(@CurrentActor() actor: Actor, @Res() res: Response, @Query('tahun') tahun?: string, @Query('pesan') pesan?: string): Promise<void> {
    const now = new Date();
    const view = await this.admin.yearView(actor, yearParam(tahun, this.thisYear(now)));
    res.render('admin/calendar/index', calendarYearPage(view, this.thisYear(now), undefined, pesan));
  }

  @Post('libur')
  async addNational(@CurrentActor() actor: Actor, @Res() res: Response, @Body() body: FormBody): Promise<void> {
    await this.submit(actor, res, body, 'national', async () => {
      const input = validateForm(HolidayInputDto, {
        date: textField(body.date),
        name: textField(body.name),
        kind: textField(body.kind),
        source: textField(body.source),
      });
      const row = await this.admin.addHoliday(actor, input);
      return `/admin/kalender?tahun=${row.date.slice(0, 4)}&pesan=ditambah#libur-nasional`;
    });
  }

  @Post('penutupan')
  async addClosure(@CurrentActor() actor: Actor, @Res() res: Response, @Body() body: FormBody): Promise<void> {
    await this.submit(actor, res, body, 'closure', async () => {
      const input = validateForm(HolidayInputDto, {
        date: textField(body.date),
        name: textField(body.name),
        kind: 'closure',
        source: textField(body.source),
        // '' rather than undefined: the field is optional in the API's DTO, but this form must name a body.
        bodyId: idField(body.bodyId) ?? '',
      });
      const row = await this.admin.addHoliday(actor, input);
      return `/admin/kalender?tahun=${row.date.slice(0, 4)}&pesan=ditambah#penutupan`;
    });
  }

  @Post('tahun')
  async confirmYear(@CurrentActor() actor: Actor, @Res() res: Response, @Body() body: FormBody): Promise<void> {
    await this.submit(actor, res, body, 'year', async () => {
      const year = yearParam(body.year, this.thisYear(new Date()));
      const input = validateForm(YearConfirmationDto, { source: textField(body.source) });
      await this.admin.confirmYear(actor, year, input);
      return `/admin/kalender?tahun=${year}&pesan=ditetapkan`;
    });
  }

  @Get('hari/:id')
  async edit(@CurrentActor() actor: Actor, @Res() res: Response, @Param('id') id: string): Promise<void> {
    const row = await this.admin.holiday(actor, holidayIdParam(id));
    res.render('admin/calendar/edit', holidayEditPage(row, await this.admin.bodies(actor), holidayValues(row), {}));
  }

  @Post('hari/:id')
  async update(@CurrentActor() actor: Actor, @Res() res: Response, @Param('id') id: string, @Body() body: FormBody): Promise<void> {
    const row = await this.admin.holiday(actor, holidayIdParam(id));
    try {
      const input = validateForm(HolidayInputDto, {
        date: textField(body.date),
        name: textField(body.name),
        kind: row.kind === 'closure' ? 'closure' : textField(body.kind),
        source: textField(body.source),
        bodyId: row.kind === 'closure' ? (idField(body.bodyId) ?? '') : undefined,
      });
      const saved = await this.admin.updateHoliday(actor, row.id, input);
      res.redirect(303, `/admin/kalender?tahun=${saved.date.slice(0, 4)}&pesan=diubah${anchorOf(saved)}`);
    } catch (e) {
      if (!(e instanceof ValidationFailed)) throw e;
      const values = { ...echo(body, ['date', 'name', 'kind', 'source', 'bodyId']), ...(row.kind === 'closure' ? { kind: 'closure' } : {}) };
      res.status(statusOf(e.code)).render('admin/calendar/edit', holidayEditPage(row, await this.admin.bodies(actor), values, e.errors ?? { date: e.message }));
    }
  }

  @Post('hari/:id/hapus')
  async remove(@CurrentActor() actor: Actor, @Res() res: Response, @Param('id') id: string): Promise<void> {
    const removed = await this.admin.removeHoliday(actor, holidayIdParam(id));
    res.redirect(303, `/admin/kalender?tahun=${removed.date.slice(0, 4)}&pesan=dihapus${anchorOf(removed)}`);
  }

  /** Runs a form's use case and redirects (303); on invalid input re-renders the year page with 400. */
  private async submit(actor: Actor, res: Response, body: FormBody, form: CalendarForm, work: () => Promise<string>): Promise<void> {
    try {
      res.redirect(303, await work());
    } catch (e) {
      if (!(e instanceof ValidationFailed)) throw e;
      const now = new Date();
      const fallback = yearParam(body.year, this.thisYear(now));
      const year = form === 'year' ? fallback : yearOfDate(body.date, fallback);
      const view = await this.admin.yearView(actor, year);
      const state = { form, values: echo(body, FORM_FIELDS[form]), errors: e.errors ?? { [FORM_FIELDS[form][0]]: e.message } };
      res.status(statusOf(e.code)).render('admin/calendar/index', calendarYearPage(view, this.thisYear(now), state));
    }
  }
}

function anchorOf(h: Holiday): string {
  return h.kind === 'closure' ? '#penutupan' : '#libur-nasional';
}
