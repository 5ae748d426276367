import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { submitForm } from 'src/common/forms/form-page';
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

  /** The addresses the year page's forms post to: reopened after a failed post, they lead back to the year page. */
  @Get(['libur', 'penutupan', 'tahun'])
  reopen(@Res() res: Response): void {
    res.redirect(303, '/admin/kalender');
  }

  @Get('hari/:id')
  async edit(@CurrentActor() actor: Actor, @Res() res: Response, @Param('id') id: string): Promise<void> {
    const row = await this.admin.holiday(actor, holidayIdParam(id));
    res.render('admin/calendar/edit', holidayEditPage(row, await this.admin.bodies(actor), holidayValues(row), {}));
  }

  @Post('hari/:id')
  async update(@CurrentActor() actor: Actor, @Res() res: Response, @Param('id') id: string, @Body() body: FormBody): Promise<void> {
    const row = await this.admin.holiday(actor, holidayIdParam(id));
    const fields = row.kind === 'closure' ? ['bodyId', 'date', 'name', 'source'] : ['date', 'name', 'kind', 'source'];
    await submitForm(
      res,
      {
        fields,
        values: body,
        render: async (_state, failure) => {
          const values = { ...echo(body, ['date', 'name', 'kind', 'source', 'bodyId']), ...(row.kind === 'closure' ? { kind: 'closure' } : {}) };
          return { view: 'admin/calendar/edit', model: holidayEditPage(row, await this.admin.bodies(actor), values, failure.errors) };
        },
      },
      async () => {
        const input = validateForm(HolidayInputDto, {
          date: textField(body.date),
          name: textField(body.name),
          kind: row.kind === 'closure' ? 'closure' : textField(body.kind),
          source: textField(body.source),
          bodyId: row.kind === 'closure' ? (idField(body.bodyId) ?? '') : undefined,
        });
        const saved = await this.admin.updateHoliday(actor, row.id, input);
        res.redirect(303, `/admin/kalender?tahun=${saved.date.slice(0, 4)}&pesan=diubah${anchorOf(saved)}`);
      },
    );
  }

  @Post('hari/:id/hapus')
  async remove(@CurrentActor() actor: Actor, @Res() res: Response, @Param('id') id: string): Promise<void> {
    const removed = await this.admin.removeHoliday(actor, holidayIdParam(id));
    res.redirect(303, `/admin/kalender?tahun=${removed.date.slice(0, 4)}&pesan=dihapus${anchorOf(removed)}`);
  }

  /**
   * Runs a form's use case and redirects (303); on invalid input renders the year page again, its
   * three forms keyed by the year page itself. A failed post's address redirects to the year page.
   */
  private async submit(actor: Actor, res: Response, body: FormBody, form: CalendarForm, work: () => Promise<string>): Promise<void> {
    await submitForm(
      res,
      {
        fields: FORM_FIELDS[form],
        values: body,
        idPrefix: form,
        render: async (_state, failure) => {
          const now = new Date();
          const fallback = yearParam(body.year, this.thisYear(now));
          const year = form === 'year' ? fallback : yearOfDate(body.date, fallback);
          const view = await this.admin.yearView(actor, year);
          const state = { form, values: echo(body, FORM_FIELDS[form]), errors: failure.errors };
          return { view: 'admin/calendar/index', model: calendarYearPage(view, this.thisYear(now), state) };
        },
      },
      async () => res.redirect(303, await work()),
    );
  }
}

function anchorOf(h: Holiday): string {
  return h.kind === 'closure' ? '#penutupan' : '#libur-nasional';
}
