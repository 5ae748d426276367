import { Module } from '@nestjs/common';
import { WorkingDaysModule } from 'src/modules/calendar';
import { DocumentsModule } from 'src/modules/documents';
import { COMPLIANCE_SOURCES, NoComplianceSources } from './compliance-sources';
import { BureauDeskController } from './bureau-desk.controller';
import { ScorecardsApiController } from './scorecards-api.controller';
import { ScorecardsPagesController } from './scorecards-pages.controller';
import { ScorecardsReport } from './scorecards-report';
import { ScorecardsRepository } from './scorecards.repository';
import { ScorecardsService } from './scorecards.service';

/**
 * Compliance scorecards of the badan publik, computed from the requests' rows and event log
 * (read-only report queries; this module owns no table). Keberatan and annual reports come in
 * through ComplianceSources once the portal keeps them.
 */
@Module({
  imports: [WorkingDaysModule, DocumentsModule],
  controllers: [ScorecardsPagesController, ScorecardsApiController, BureauDeskController],
  providers: [ScorecardsRepository, ScorecardsService, ScorecardsReport, { provide: COMPLIANCE_SOURCES, useClass: NoComplianceSources }],
  exports: [ScorecardsService],
})
export class ScorecardsModule {}
