import { Module } from '@nestjs/common';
import { WorkingDaysModule } from 'src/modules/calendar';
import { NotificationsModule } from 'src/modules/notifications';
import { BureauSummaryJobs } from './bureau-summary-jobs';
import { BureauSummaryRepository } from './bureau-summary.repository';
import { BureauSummaryService } from './bureau-summary.service';
import { COMPLIANCE_SOURCES, NoComplianceSources } from './compliance-sources';
import { BureauDeskController } from './bureau-desk.controller';
import { BureauQueueController } from './bureau-queue.controller';
import { BureauQueueService } from './bureau-queue.service';
import { ScorecardRequestsRepository } from './scorecard-requests.repository';
import { ScorecardsApiController } from './scorecards-api.controller';
import { ScorecardsPagesController } from './scorecards-pages.controller';
import { ScorecardsRepository } from './scorecards.repository';
import { ScorecardsService } from './scorecards.service';

/**
 * Compliance scorecards of the badan publik, computed from the requests' rows and event log
 * (read-only report queries; its one table records the weekly summaries sent to the bureau).
 * Keberatan and annual reports come in
 * through ComplianceSources once the portal keeps them.
 */
@Module({
  imports: [WorkingDaysModule, NotificationsModule],
  controllers: [ScorecardsPagesController, ScorecardsApiController, BureauDeskController, BureauQueueController],
  providers: [ScorecardsRepository, ScorecardsService, ScorecardRequestsRepository, BureauQueueService, BureauSummaryRepository, BureauSummaryService, BureauSummaryJobs, { provide: COMPLIANCE_SOURCES, useClass: NoComplianceSources }],
  exports: [ScorecardsService],
})
export class ScorecardsModule {}
