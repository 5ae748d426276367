import { Injectable } from '@nestjs/common';
import { LocalDate } from 'src/common/time/local-time';
import { AppConfig } from 'src/config/app-config';
import { annualReportDeadline, AnnualReportsService } from 'src/modules/annual-reports';
import { ObjectionsRepository } from 'src/modules/objections';
import { AnnualReportStanding, ComplianceSources, UnitObjectionFigures } from './compliance-sources';
import { annualReportStanding } from './scorecard-compliance';
import { Period } from './scorecard-period';

/**
 * The keberatan, sengketa and annual reports the portal records, read through the public surfaces
 * of the modules that own those tables (ObjectionsRepository, AnnualReportsService) rather than by
 * SQL of our own: their owners keep the queries beside the schema they change, and the
 * scorecards stay a reader of requests, bodies and units only.
 */
@Injectable()
export class RecordedComplianceSources implements ComplianceSources {
  constructor(
    private readonly objectionRecords: ObjectionsRepository,
    private readonly annual: AnnualReportsService,
    private readonly config: AppConfig,
  ) {}

  async objections(period: Period, today: LocalDate): Promise<UnitObjectionFigures[]> {
    return this.objectionRecords.countsForScorecards(period.from, period.to, this.config.provinceTimeZone, today);
  }

  async annualReports(year: number, bodyIds: readonly number[], today: LocalDate): Promise<Map<number, AnnualReportStanding>> {
    const reportYear = year - 1;
    const deadline = annualReportDeadline(reportYear);
    const published = await this.annual.publicationDates(reportYear, bodyIds);
    return new Map(bodyIds.map((id) => [id, annualReportStanding(reportYear, deadline, published.get(id) ?? null, today)]));
  }
}
