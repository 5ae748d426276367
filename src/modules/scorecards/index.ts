/** The scorecards module's public surface: other modules import only from here. */
export { COMPLIANCE_SOURCES } from './compliance-sources';
export type { AnnualReportStanding, ComplianceSources, ObjectionFigures, UnitObjectionFigures } from './compliance-sources';
export { ScorecardsModule } from './scorecards.module';
export { ScorecardsService } from './scorecards.service';
export type { BodyScorecard, ProvinceScorecards } from './scorecards.service';
export { ROLLUP_REFRESH_QUEUE } from './scorecard-rollup-jobs';
export { rebuildScorecardRollups, ScorecardRollupsService } from './scorecard-rollups.service';
export type { RollupFreshness, RollupRefresh } from './scorecard-rollups.service';
