/** The objections module's public surface: other modules and the app import only from here. */
export { ObjectionsModule } from './objections.module';
export { ObjectionsService } from './objections.service';
export { ObjectionRecordsModule } from './objection-records.module';
export { ObjectionSecrets } from './objection-secrets';
export { ObjectionsRepository } from './objections.repository';
export type { DisputeReportRow, DisputeSummary, ObjectionRegisterRow, ObjectionReportRow, ObjectionDayFigures, ObjectionScorecardRow, ObjectionSelection, PendingObjectionsDay, RequestDayKeys } from './objections.repository';
export { proxyAddressContext } from './objection-secrets';
export { atasanDueDate, DISPUTE_FILING_WORKING_DAYS, DISPUTE_OUTCOMES, DISPUTE_STAGES, GROUND_KEYS, OBJECTION_GROUNDS, OBJECTION_STATUS_LABELS } from './objection-rules';
export type { DisputeOutcome, DisputeStage, ObjectionGround, ObjectionStatus } from './objection-rules';
