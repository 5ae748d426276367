import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor } from 'src/common/auth/actor';
import { Authenticated, CurrentActor } from 'src/common/auth/authenticated';
import { NotFound } from 'src/common/errors/domain-error';
import { submitForm } from 'src/common/forms/form-page';
import { parseDto } from 'src/common/forms/validate-dto';
import { WholeNumberPipe, MAX_INT4 } from 'src/common/validation/whole-number';
import { AppConfig } from 'src/config/app-config';
import { AnnualReportDocuments } from './annual-report-documents';
import { NARRATIVE_FIELDS, reportPageView } from './annual-report.presenter';
import { AnnualReportsService } from './annual-reports.service';
import { ReportPageQuery } from './dto/report-params';

const BODY_ID = new WholeNumberPipe({ min: 1, max: MAX_INT4, message: 'Badan publik tidak ditemukan.' });
const YEAR = /^(20\d{2})(\.pdf)?$/;

function yearOf(raw: string): { year: number; pdf: boolean } {
  const m = YEAR.exec(raw);
  if (!m) throw new NotFound('Laporan tidak ditemukan.');
  return { year: Number(m[1]), pdf: m[2] !== undefined };
}

const DONE: Record<string, string> = {
  tersimpan: 'Uraian laporan tersimpan.',
  diumumkan: 'Laporan telah diumumkan dan dapat dibaca publik.',
};

/** The annual report for officers: figures, the PPID's narrative form, publication, the draft PDF. */
@ApiExcludeController()
@Controller('petugas/laporan-tahunan')
@Authenticated('officer', 'supervisor', 'bureau', 'admin')
export class AnnualReportPagesController {
  constructor(
    private readonly reports: AnnualReportsService,
    private readonly documents: AnnualReportDocuments,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async page(@CurrentActor() actor: Actor, @Query() params: Record<string, string | undefined>, @Res() res: Response): Promise<void> {
    const q = parseDto(ReportPageQuery, params);
    const now = new Date();
    const bodies = await this.reports.bodiesOf(actor);
    const bodyId = q.badan ?? bodies[0]?.id;
    if (bodyId === undefined) throw new NotFound('Badan publik tidak ditemukan.');
    const thisYear = Number(this.reports.today(now).slice(0, 4));
    const year = q.tahun ?? thisYear - 1;
    res.render('annual-reports/officer', await this.model(actor, bodyId, year, now, bodies, typeof params.selesai === 'string' ? (DONE[params.selesai] ?? null) : null));
  }

  @Get(':bodyId/:year')
  async show(@CurrentActor() actor: Actor, @Param('bodyId', BODY_ID) bodyId: number, @Param('year') rawYear: string, @Res() res: Response): Promise<void> {
    const { year, pdf } = yearOf(rawYear);
    const now = new Date();
    if (!pdf) {
      res.redirect(303, `/petugas/laporan-tahunan?badan=${bodyId}&tahun=${year}`);
      return;
    }
    const report = await this.reports.forOfficer(actor, bodyId, year, now);
    const file = await this.documents.render(report, now);
    res.status(200).set({ 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="laporan-layanan-informasi-${report.body.regionCode}-${year}.pdf"`, 'Cache-Control': 'no-store' }).send(file);
  }

  @Post(':bodyId/:year')
  async save(@CurrentActor() actor: Actor, @Param('bodyId', BODY_ID) bodyId: number, @Param('year') rawYear: string, @Body() form: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const { year, pdf } = yearOf(rawYear);
    if (pdf) throw new NotFound('Laporan tidak ditemukan.');
    const now = new Date();
    await submitForm(
      res,
      {
        fields: NARRATIVE_FIELDS,
        values: form,
        shows: (e) => e.code === 'conflict',
        render: async () => ({ view: 'annual-reports/officer', model: await this.model(actor, bodyId, year, now, await this.reports.bodiesOf(actor), null) }),
      },
      async () => {
        await this.reports.saveNarrative(actor, bodyId, year, form, now);
        res.redirect(303, `/petugas/laporan-tahunan?badan=${bodyId}&tahun=${year}&selesai=tersimpan`);
      },
    );
  }

  @Post(':bodyId/:year/umumkan')
  async publish(@CurrentActor() actor: Actor, @Param('bodyId', BODY_ID) bodyId: number, @Param('year') rawYear: string, @Res() res: Response): Promise<void> {
    const { year, pdf } = yearOf(rawYear);
    if (pdf) throw new NotFound('Laporan tidak ditemukan.');
    const now = new Date();
    await submitForm(
      res,
      {
        fields: NARRATIVE_FIELDS,
        values: {},
        shows: (e) => e.code === 'conflict',
        render: async () => ({ view: 'annual-reports/officer', model: await this.model(actor, bodyId, year, now, await this.reports.bodiesOf(actor), null) }),
      },
      async () => {
        await this.reports.publish(actor, bodyId, year, now);
        res.redirect(303, `/petugas/laporan-tahunan?badan=${bodyId}&tahun=${year}&selesai=diumumkan`);
      },
    );
  }

  private async model(actor: Actor, bodyId: number, year: number, now: Date, bodies: { id: number; name: string }[], notice: string | null): Promise<object> {
    const report = await this.reports.forOfficer(actor, bodyId, year, now);
    const thisYear = Number(this.reports.today(now).slice(0, 4));
    const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
    return reportPageView(report, this.config.provinceTimeZone, { officer: true, years, bodies, notice });
  }
}
