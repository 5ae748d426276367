import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ValidationFailed } from 'src/common/errors/domain-error';
import { parsePeriod } from './scorecard-period';
import { given, ScorecardApiQuery } from './dto/scorecard-query.dto';
import { scorecardsCsv } from './scorecards-csv';
import { scorecardsXlsx } from './scorecards-xlsx';
import { presentScorecardsApi, ScorecardsApiResponse } from './scorecards-api.presenter';
import { ScorecardsReport } from './scorecards-report';
import { ScorecardsService } from './scorecards.service';
import { ScorecardsMonev } from './scorecards-monev';

/** The ranking as data: public, no personal data. */
@ApiTags('scorecards')
@Controller('api/v1/scorecards')
export class ScorecardsApiController {
  constructor(
    private readonly scorecards: ScorecardsService,
    private readonly monev: ScorecardsMonev,
    private readonly report: ScorecardsReport,
  ) {}

  @Get()
  @ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf')
  @ApiOkResponse({
    description:
      'Every body with rank (null when not ranked), the portal service index, category, n and metrics (`metrics.publicInformation`: `dipCompleteness` and `dipFreshness`, the DIP as it stood on the period\'s last day, and `answersPublished`, the granted requests of the period whose answer is published; each `{ k, n, value, low, high }`); beside them, never merged, `monev` (the Komisi Informasi result of the year: `{ year, score, qualification }` or null) and the top-level `monevYear` and `correlation` `{ n, pearson, spearman }` (null coefficients below 3 pairs). `format=csv` and `format=xlsx` give the same rows as a download; `format=pdf` gives the report for the Governor (cover, method, ranking, charts, one page per body)',
    content: {
      'application/json': { schema: { type: 'object' } },
      'text/csv': { schema: { type: 'string' } },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiBadRequestResponse({ description: 'A period parameter is invalid; `errors` names it' })
  async list(@Query() q: ScorecardApiQuery, @Res({ passthrough: true }) res: Response): Promise<ScorecardsApiResponse | string | StreamableFile> {
    const now = new Date();
    const parsed = parsePeriod({ year: given(q.year), quarter: given(q.quarter), from: given(q.from), to: given(q.to) }, this.scorecards.today(now));
    if (!parsed.period) throw new ValidationFailed(parsed.errors);
    const result = await this.scorecards.province(parsed.period, now);
    const monev = await this.monev.beside(result);
    if (q.format === 'csv') {
      res.set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="peringkat-layanan-informasi.csv"' });
      return `\uFEFF${scorecardsCsv(result, monev)}`;
    }
    if (q.format === 'pdf') {
      const file = await this.report.pdf(parsed.period, now);
      return new StreamableFile(file.pdf, { type: 'application/pdf', disposition: `attachment; filename="${file.fileName}"` });
    }
    if (q.format === 'xlsx') {
      return new StreamableFile(await scorecardsXlsx(result, monev), {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        disposition: 'attachment; filename="peringkat-layanan-informasi.xlsx"',
      });
    }
    return presentScorecardsApi(result, monev);
  }

  @Get(':code')
  @ApiOkResponse({ description: 'One body: its scorecard and its PPID units for the period' })
  async one(@Param('code') code: string, @Query() q: ScorecardApiQuery): Promise<unknown> {
    const now = new Date();
    const parsed = parsePeriod({ year: given(q.year), quarter: given(q.quarter), from: given(q.from), to: given(q.to) }, this.scorecards.today(now));
    if (!parsed.period) throw new ValidationFailed(parsed.errors);
    const page = await this.scorecards.body(code, parsed.period, now);
    const all = presentScorecardsApi(page.province, await this.monev.beside(page.province));
    return {
      ...all,
      bodies: undefined,
      body: all.bodies.find((b) => b.code === code),
      units: page.units.map((u) => ({ id: u.unit.id, name: u.unit.name, level: u.unit.level, metrics: u.metrics })),
      history: page.history.map((h) => ({ year: h.period.year, quarter: h.period.quarter, score: h.index, n: h.received })),
      overdue: page.overdue,
    };
  }
}
