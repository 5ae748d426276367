import { Module } from '@nestjs/common';
import { AnnualReportsModule } from 'src/modules/annual-reports';
import { WorkingDaysModule } from 'src/modules/calendar';
import { DipModule } from 'src/modules/dip';
import { ObjectionRecordsModule } from 'src/modules/objections';
import { NotificationsModule } from 'src/modules/notifications';
import { PublishedAnswersModule } from 'src/modules/published-answers';
import { BureauSummaryJobs } from './bureau-summary-jobs';
import { BureauSummaryRepository } from './bureau-summary.repository';
import { BureauSummaryService } from './bureau-summary.service';
import { COMPLIANCE_SOURCES } from './compliance-sources';
import { MonevModule } from 'src/modules/monev';
import { DocumentsModule } from 'src/modules/documents';
import { BureauDeskController } from './bureau-desk.controller';
import { BureauQueueController } from './bureau-queue.controller';
import { BureauQueueService } from './bureau-queue.service';
import { RecordedComplianceSources } from './recorded-compliance-sources';
import { ScorecardRollupJobs } from './scorecard-rollup-jobs';
import { ScorecardRollupsRepository } from './scorecard-rollups.repository';
import { ScorecardRollupsService } from './scorecard-rollups.service';
import { ScorecardRequestsRepository } from './scorecard-requests.repository';
import { ScorecardsApiController } from './scorecards-api.controller';
import { ScorecardsPagesController } from './scorecards-pages.controller';
import { ScorecardsReport } from './scorecards-report';
import { ScorecardsRepository } from './scorecards.repository';
import { ScorecardsService } from './scorecards.service';
import { ScorecardsMethodology } from './scorecards-methodology';
import { ScorecardsMonev } from './scorecards-monev';

/**
 * Compliance scorecards of the badan publik, computed from the requests' rows and event log
 * through rollups per unit and day (its own tables, kept current from marks that triggers write
 * with every change; scorecard-rollups.service.ts), and the weekly summaries sent to the bureau.
 * Keberatan, sengketa and annual reports come in through ComplianceSources, read from the
 * objections and annual-reports modules, and the DIP from the dip module; the Komisi Informasi's monev results come from the monev
 * module and are shown beside the index, never merged into it.
 */
@Module({
  imports: [WorkingDaysModule, NotificationsModule, ObjectionRecordsModule, AnnualReportsModule, MonevModule, DocumentsModule, DipModule, PublishedAnswersModule],
  controllers: [ScorecardsPagesController, ScorecardsApiController, BureauDeskController, BureauQueueController],
  providers: [
    ScorecardsRepository,
    ScorecardsService,
    ScorecardRequestsRepository,
    ScorecardRollupsRepository,
    ScorecardRollupsService,
    ScorecardRollupJobs,
    BureauQueueService,
    BureauSummaryRepository,
    BureauSummaryService,
    BureauSummaryJobs,
    ScorecardsMonev,
    ScorecardsMethodology,
    ScorecardsReport,
    RecordedComplianceSources,
    { provide: COMPLIANCE_SOURCES, useExisting: RecordedComplianceSources },
  ],
  exports: [ScorecardsService, ScorecardRollupsService],
})
export class ScorecardsModule {}
