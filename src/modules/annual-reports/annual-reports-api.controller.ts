import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotFound } from 'src/common/errors/domain-error';
import { AnnualReportsService } from './annual-reports.service';

const CODE = /^\d{2}(\.?\d{2})?$/;
const YEAR = /^20\d{2}$/;

@ApiTags('annual-reports')
@Controller('api/v1/annual-reports')
export class AnnualReportsApiController {
  constructor(private readonly reports: AnnualReportsService) {}

  @Get(':code/:year')
  @ApiOperation({ summary: "A body's published Laporan layanan informasi publik: figures and narrative (public; 404 until published)" })
  @ApiOkResponse({ description: '{ body: { code, name }, year, publishedAt, figures, narrative }' })
  async show(@Param('code') code: string, @Param('year') year: string): Promise<Record<string, unknown>> {
    if (!CODE.test(code) || !YEAR.test(year)) throw new NotFound('Laporan tidak ditemukan.');
    const r = await this.reports.published(code, Number(year));
    return { body: { code: r.body.regionCode, name: r.body.name }, year: r.year, publishedAt: r.publishedAt, figures: r.figures, narrative: r.narrative };
  }
}
