/** The scorecards module's public surface: other modules import only from here. */
export { COMPLIANCE_SOURCES } from './compliance-sources';
export type { AnnualReportStanding, ComplianceSources, ObjectionFigures, UnitObjectionFigures } from './compliance-sources';
export { ScorecardsModule } from './scorecards.module';
export { ScorecardsService } from './scorecards.service';
export type { BodyScorecard, ProvinceScorecards } from './scorecards.service';
