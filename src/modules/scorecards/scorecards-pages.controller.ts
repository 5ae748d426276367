import { Controller, Get, Param, Query, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ValidationFailed } from 'src/common/errors/domain-error';
import { FIRST_YEAR, parsePeriod, Period } from './scorecard-period';
import { historyChart, rankingChart } from './scorecard-charts';
import { given, ScorecardPageQuery } from './dto/scorecard-query.dto';
import { bodyPageView, BodyPageView, BAND_LABELS, INDEX_LABEL, periodLabel, quarterShortLabel, rankingPageView, RankingPageView } from './scorecards.presenter';
import { ScorecardsService } from './scorecards.service';
import { ScorecardsMethodology } from './scorecards-methodology';
import { methodologyPageView, MethodologyPageView } from './scorecards-methodology.presenter';
import { ScorecardsMonev } from './scorecards-monev';
import { correlationView, CorrelationView, MONEV_LABEL, monevCell, MonevCellView, MonevRowView, rowsWithMonev } from './scorecards-monev.presenter';

/** The public ranking pages: /peringkat and /peringkat/<kode>. */
@ApiExcludeController()
@Controller('peringkat')
export class ScorecardsPagesController {
  constructor(
    private readonly scorecards: ScorecardsService,
    private readonly monev: ScorecardsMonev,
    private readonly methodology: ScorecardsMethodology,
  ) {}

  private period(q: ScorecardPageQuery, now: Date): Period {
    const parsed = parsePeriod({ year: given(q.tahun), quarter: given(q.triwulan), from: given(q.dari), to: given(q.sampai) }, this.scorecards.today(now));
    if (!parsed.period) throw new ValidationFailed(parsed.errors, 'Periode yang diminta tidak valid.');
    return parsed.period;
  }

  @Get()
  @Render('scorecards/index')
  async index(@Query() q: ScorecardPageQuery): Promise<RankingPageView & { rows: MonevRowView[]; monevLabel: string; monev: CorrelationView }> {
    const now = new Date();
    const result = await this.scorecards.province(this.period(q, now), now);
    const bars = result.bodies
      .filter((c) => c.rank !== null && c.index.index !== null && c.band !== null)
      .map((c) => ({ name: c.body.name.replace(/^Pemerintah /, ''), index: c.index.index as number, category: BAND_LABELS[c.band as keyof typeof BAND_LABELS] }));
    const svg = bars.length === 0 ? '' : await rankingChart(bars, result.medians.index, `${INDEX_LABEL} per badan publik, ${periodLabel(result.period)}; garis putus-putus: median provinsi`);
    const monev = await this.monev.beside(result);
    const view = rankingPageView(result, this.scorecards.today(now), svg, FIRST_YEAR);
    return { ...view, rows: rowsWithMonev(view.rows, result, monev), monevLabel: MONEV_LABEL, monev: correlationView(monev) };
  }

  /** Declared before `:code`, which would take it for a body code. */
  @Get('metodologi')
  @Render('scorecards/methodology')
  async methodologyPage(): Promise<MethodologyPageView> {
    return methodologyPageView(await this.methodology.describe(new Date()));
  }

  @Get(':code')
  @Render('scorecards/body')
  async body(@Param('code') code: string, @Query() q: ScorecardPageQuery): Promise<BodyPageView & { monevLabel: string; monevYear: number; monevCell: MonevCellView; monev: CorrelationView }> {
    const now = new Date();
    const page = await this.scorecards.body(code, this.period(q, now), now);
    const points = page.history.map((h) => ({ quarter: quarterShortLabel(h.period), index: h.index }));
    const year = page.province.period.year ?? Number(page.province.period.to.slice(0, 4));
    const svg = points.some((p) => p.index !== null)
      ? await historyChart(points, `${INDEX_LABEL} ${page.current.body.name} per triwulan ${year}`)
      : '';
    const monev = await this.monev.beside(page.province);
    return {
      ...bodyPageView(page, svg),
      monevLabel: MONEV_LABEL,
      monevYear: monev.year,
      monevCell: monevCell(monev.results.get(page.current.body.id)),
      monev: correlationView(monev),
    };
  }
}
