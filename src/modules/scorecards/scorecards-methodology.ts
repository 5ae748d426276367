import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from 'src/config/app-config';
import { IndexComponent, ScorecardWeights } from 'src/config/scorecard-weights';
import { COMPLIANCE_SOURCES, ComplianceSources } from './compliance-sources';
import { NOTICE_WORKING_DAYS } from './scorecard-index';
import { yearPeriod } from './scorecard-period';
import { ScorecardsService } from './scorecards.service';

/** How fresh the figures are: today every view computes them from the request rows. */
export interface ScorecardFreshness {
  mode: 'computed_on_view';
  /** The moment this answer was computed (the figures are as of then). */
  at: Date;
}

/** Everything the methodology page states, as configured on this deployment. */
export interface ScorecardMethod {
  weights: ScorecardWeights;
  minRequests: number;
  noticeWorkingDays: number;
  provinceTimeZone: string;
  /** Parts whose data source the portal does not keep yet (left out of every index). */
  notAvailable: IndexComponent[];
  freshness: ScorecardFreshness;
}

/** The method behind the scorecards as this deployment applies it. */
@Injectable()
export class ScorecardsMethodology {
  constructor(
    private readonly scorecards: ScorecardsService,
    private readonly config: AppConfig,
    @Inject(COMPLIANCE_SOURCES) private readonly sources: ComplianceSources,
  ) {}

  async describe(now: Date): Promise<ScorecardMethod> {
    const today = this.scorecards.today(now);
    const year = Number(today.slice(0, 4));
    const [objections, reports] = await Promise.all([this.sources.objections(yearPeriod(year), today), this.sources.annualReports(year, [], today)]);
    const notAvailable: IndexComponent[] = [];
    if (!objections) notAvailable.push('objections');
    if (!reports) notAvailable.push('annualReport');
    return {
      weights: this.config.scorecardWeights,
      minRequests: this.config.scorecardMinRequests,
      noticeWorkingDays: NOTICE_WORKING_DAYS,
      provinceTimeZone: this.config.provinceTimeZone,
      notAvailable,
      freshness: { mode: 'computed_on_view', at: now },
    };
  }
}
