import { Injectable } from '@nestjs/common';
import { LocalDate } from 'src/common/time/local-time';
import { annualReportDeadline, AnnualReportsService } from 'src/modules/annual-reports';
import { AnnualReportStanding, ComplianceSources, UnitObjectionFigures } from './compliance-sources';
import { annualReportStanding } from './scorecard-compliance';
import { Period } from './scorecard-period';
import { ScorecardRollupsService } from './scorecard-rollups.service';

/**
 * The keberatan, sengketa and annual reports the portal records. Keberatan and sengketa are read
 * from the scorecards' rollups, whose rows the refresh takes from the objections module
 * (ObjectionsRepository.scorecardRollupFigures, beside the schema it owns); annual reports through
 * AnnualReportsService. No request or keberatan row is read per page view.
 */
@Injectable()
export class RecordedComplianceSources implements ComplianceSources {
  constructor(
    private readonly rollups: ScorecardRollupsService,
    private readonly annual: AnnualReportsService,
  ) {}

  async objections(period: Period, today: LocalDate): Promise<UnitObjectionFigures[]> {
    return this.rollups.objectionsByUnit(period.from, period.to, today);
  }

  async annualReports(year: number, bodyIds: readonly number[], today: LocalDate): Promise<Map<number, AnnualReportStanding>> {
    const reportYear = year - 1;
    const deadline = annualReportDeadline(reportYear);
    const published = await this.annual.publicationDates(reportYear, bodyIds);
    return new Map(bodyIds.map((id) => [id, annualReportStanding(reportYear, deadline, published.get(id) ?? null, today)]));
  }
}
