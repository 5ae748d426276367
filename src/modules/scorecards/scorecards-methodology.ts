import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from 'src/config/app-config';
import { IndexComponent, ScorecardWeights } from 'src/config/scorecard-weights';
import { COMPLIANCE_SOURCES, ComplianceSources } from './compliance-sources';
import { NOTICE_WORKING_DAYS } from './scorecard-index';
import { publicInformationNotAvailable } from './scorecard-public-information';
import { ROLLUP_FRESHNESS_MINUTES } from './scorecard-rollup-jobs';
import { ScorecardRollupsService } from './scorecard-rollups.service';
import { yearPeriod } from './scorecard-period';
import { ScorecardsService } from './scorecards.service';

/** How fresh the figures are: read from rollups kept current from each change's marks. */
export interface ScorecardFreshness {
  mode: 'rollups';
  /** When the rollups were last brought up to date: every change committed before it is in the figures. */
  refreshedAt: Date | null;
  /** Changes waiting to be applied (a page view applies a few itself, the job the rest). */
  pending: number;
  /** The longest a change waits before the figures show it. */
  maxDelayMinutes: number;
  /** The moment this answer was made. */
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
    private readonly rollups: ScorecardRollupsService,
    private readonly config: AppConfig,
    @Inject(COMPLIANCE_SOURCES) private readonly sources: ComplianceSources,
  ) {}

  async describe(now: Date): Promise<ScorecardMethod> {
    const today = this.scorecards.today(now);
    const year = Number(today.slice(0, 4));
    await this.rollups.catchUp();
    const [objections, reports, publicInformation, fresh] = await Promise.all([
      this.sources.objections(yearPeriod(year), today),
      this.sources.annualReports(year, [], today),
      this.sources.publicInformation(yearPeriod(year), today, []),
      this.rollups.freshness(),
    ]);
    const notAvailable: IndexComponent[] = [];
    if (!objections) notAvailable.push('objections');
    if (!reports) notAvailable.push('annualReport');
    notAvailable.push(...publicInformationNotAvailable(publicInformation));
    return {
      weights: this.config.scorecardWeights,
      minRequests: this.config.scorecardMinRequests,
      noticeWorkingDays: NOTICE_WORKING_DAYS,
      provinceTimeZone: this.config.provinceTimeZone,
      notAvailable,
      freshness: { mode: 'rollups', refreshedAt: fresh.refreshedAt, pending: fresh.pending, maxDelayMinutes: ROLLUP_FRESHNESS_MINUTES, at: now },
    };
  }
}
