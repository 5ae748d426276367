import { Controller, Get, Param, Query, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ValidationFailed } from 'src/common/errors/domain-error';
import { FIRST_YEAR, parsePeriod, Period } from './scorecard-period';
import { historyChart, rankingChart } from './scorecard-charts';
import { given, ScorecardPageQuery } from './dto/scorecard-query.dto';
import { bodyPageView, BodyPageView, BAND_LABELS, INDEX_LABEL, periodLabel, quarterShortLabel, rankingPageView, RankingPageView } from './scorecards.presenter';
import { ScorecardsService } from './scorecards.service';

/** The public ranking pages: /peringkat and /peringkat/<kode>. */
@ApiExcludeController()
@Controller('peringkat')
export class ScorecardsPagesController {
  constructor(private readonly scorecards: ScorecardsService) {}

  private period(q: ScorecardPageQuery, now: Date): Period {
    const parsed = parsePeriod({ year: given(q.tahun), quarter: given(q.triwulan), from: given(q.dari), to: given(q.sampai) }, this.scorecards.today(now));
    if (!parsed.period) throw new ValidationFailed(parsed.errors, 'Periode yang diminta tidak valid.');
    return parsed.period;
  }

  @Get()
  @Render('scorecards/index')
  async index(@Query() q: ScorecardPageQuery): Promise<RankingPageView> {
    const now = new Date();
    const result = await this.scorecards.province(this.period(q, now), now);
    const bars = result.bodies
      .filter((c) => c.rank !== null && c.index.index !== null && c.band !== null)
      .map((c) => ({ name: c.body.name.replace(/^Pemerintah /, ''), index: c.index.index as number, category: BAND_LABELS[c.band as keyof typeof BAND_LABELS] }));
    const svg = bars.length === 0 ? '' : await rankingChart(bars, result.medians.index, `${INDEX_LABEL} per badan publik, ${periodLabel(result.period)}; garis putus-putus: median provinsi`);
    return rankingPageView(result, this.scorecards.today(now), svg, FIRST_YEAR);
  }

  @Get(':code')
  @Render('scorecards/body')
  async body(@Param('code') code: string, @Query() q: ScorecardPageQuery): Promise<BodyPageView> {
    const now = new Date();
    const page = await this.scorecards.body(code, this.period(q, now), now);
    const points = page.history.map((h) => ({ quarter: quarterShortLabel(h.period), index: h.index }));
    const year = page.province.period.year ?? Number(page.province.period.to.slice(0, 4));
    const svg = points.some((p) => p.index !== null)
      ? await historyChart(points, `${INDEX_LABEL} ${page.current.body.name} per triwulan ${year}`)
      : '';
    return bodyPageView(page, svg);
  }
}
