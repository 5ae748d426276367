import { Injectable } from '@nestjs/common';
import { LocalDate } from 'src/common/time/local-time';
import { annualReportDeadline, AnnualReportsService } from 'src/modules/annual-reports';
import { CalendarService, WorkingDayCalendar } from 'src/modules/calendar';
import { DipService } from 'src/modules/dip';
import { PublishedAnswersService } from 'src/modules/published-answers';
import { AppConfig } from 'src/config/app-config';
import { AnnualReportStanding, ComplianceSources, UnitObjectionFigures } from './compliance-sources';
import { annualReportStanding } from './scorecard-compliance';
import { Period } from './scorecard-period';
import { dipFigures, PublicInformationFigures, PublicInformationMetric, Share } from './scorecard-public-information';
import { ScorecardRollupsService } from './scorecard-rollups.service';

/**
 * The keberatan, sengketa and annual reports the portal records. Keberatan and sengketa are read
 * from the scorecards' rollups, whose rows the refresh takes from the objections module
 * (ObjectionsRepository.scorecardRollupFigures, beside the schema it owns); annual reports through
 * AnnualReportsService; the DIP through DipService.itemsAsOf (one statement for every body). No
 * request or keberatan row is read per page view.
 */
@Injectable()
export class RecordedComplianceSources implements ComplianceSources {
  constructor(
    private readonly rollups: ScorecardRollupsService,
    private readonly annual: AnnualReportsService,
    private readonly dip: DipService,
    private readonly calendar: CalendarService,
    private readonly answers: PublishedAnswersService,
    private readonly config: AppConfig,
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

  /** Each public-information source, merged: one function per source, each giving one or more metrics. */
  async publicInformation(period: Period, asOf: LocalDate, bodyIds: readonly number[]): Promise<PublicInformationFigures> {
    const parts = await Promise.all([this.dipFigures(asOf, bodyIds), this.answerFigures(period, asOf, bodyIds)]);
    return new Map(parts.flatMap((p) => [...p]));
  }

  /** DIP completeness and berkala freshness on `asOf`, each body's items judged on its own working-day calendar. */
  private async dipFigures(asOf: LocalDate, bodyIds: readonly number[]): Promise<Map<PublicInformationMetric, Map<number, Share>>> {
    const rows = await this.dip.itemsAsOf(asOf);
    const calendars = new Map<number, WorkingDayCalendar>();
    const asked = new Set(bodyIds);
    for (const bodyId of new Set(rows.filter((r) => r.category === 'berkala' && asked.has(r.bodyId)).map((r) => r.bodyId))) {
      calendars.set(bodyId, await this.calendar.calendarFor(bodyId));
    }
    return dipFigures(rows, (bodyId) => calendars.get(bodyId) as WorkingDayCalendar, asOf, bodyIds);
  }

  /**
   * The share of granted answers published: of the requests received in the period and granted in
   * full or in part (the rollups' grants, as the completion rate counts them), those whose answer is
   * published now (the published-answers module).
   */
  private async answerFigures(period: Period, asOf: LocalDate, bodyIds: readonly number[]): Promise<Map<PublicInformationMetric, Map<number, Share>>> {
    const [units, published] = await Promise.all([
      this.rollups.countsByUnit(period.from, period.to, asOf, asOf),
      this.answers.publishedOfReceived(period.from, period.to, this.config.provinceTimeZone),
    ]);
    const grants = new Map<number, number>();
    for (const u of units) grants.set(u.bodyId, (grants.get(u.bodyId) ?? 0) + u.grants);
    // Never more published than granted: an answer published after the rollups were last refreshed waits for them.
    return new Map([['answersPublished', new Map(bodyIds.map((id) => [id, { k: Math.min(published.get(id) ?? 0, grants.get(id) ?? 0), n: grants.get(id) ?? 0 }]))]]);
  }
}
