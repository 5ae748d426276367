import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { NotFound } from 'src/common/errors/domain-error';
import { AppConfig } from 'src/config/app-config';
import { AnnualReportDocuments } from './annual-report-documents';
import { reportPageView } from './annual-report.presenter';
import { AnnualReportsService } from './annual-reports.service';

const CODE = /^\d{2}(\.?\d{2})?$/;
const YEAR = /^(20\d{2})(\.pdf)?$/;

/** Published annual reports, for everyone: /laporan-tahunan/<body code>/<year> and its PDF. */
@ApiExcludeController()
@Controller('laporan-tahunan')
export class AnnualReportPublicController {
  constructor(
    private readonly reports: AnnualReportsService,
    private readonly documents: AnnualReportDocuments,
    private readonly config: AppConfig,
  ) {}

  @Get(':code')
  async list(@Param('code') code: string, @Res() res: Response): Promise<void> {
    if (!CODE.test(code)) throw new NotFound('Badan publik tidak ditemukan.');
    const { body, years } = await this.reports.publishedYears(code);
    const plain = body.regionCode.replace(/\./g, '');
    res.render('annual-reports/list', { title: `Laporan layanan informasi publik ${body.name}`, bodyName: body.name, reports: years.map((y) => ({ year: y, href: `/laporan-tahunan/${plain}/${y}` })) });
  }

  @Get(':code/:year')
  async show(@Param('code') code: string, @Param('year') rawYear: string, @Res() res: Response): Promise<void> {
    const m = YEAR.exec(rawYear);
    if (!CODE.test(code) || !m) throw new NotFound('Laporan tidak ditemukan.');
    const report = await this.reports.published(code, Number(m[1]));
    if (m[2]) {
      const file = await this.documents.render(report, new Date());
      res.status(200).set({ 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="laporan-layanan-informasi-${report.body.regionCode}-${report.year}.pdf"` }).send(file);
      return;
    }
    res.render('annual-reports/public', reportPageView(report, this.config.provinceTimeZone, { officer: false }));
  }
}
