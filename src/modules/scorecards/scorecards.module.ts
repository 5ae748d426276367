import { Module } from '@nestjs/common';
import { AnnualReportsModule } from 'src/modules/annual-reports';
import { WorkingDaysModule } from 'src/modules/calendar';
import { ObjectionRecordsModule } from 'src/modules/objections';
import { COMPLIANCE_SOURCES } from './compliance-sources';
import { BureauDeskController } from './bureau-desk.controller';
import { RecordedComplianceSources } from './recorded-compliance-sources';
import { ScorecardsApiController } from './scorecards-api.controller';
import { ScorecardsPagesController } from './scorecards-pages.controller';
import { ScorecardsRepository } from './scorecards.repository';
import { ScorecardsService } from './scorecards.service';

/**
 * Compliance scorecards of the badan publik, computed from the requests' rows and event log
 * (read-only report queries; this module owns no table). Keberatan, sengketa and annual reports
 * come in through ComplianceSources, read from the objections and annual-reports modules.
 */
@Module({
  imports: [WorkingDaysModule, ObjectionRecordsModule, AnnualReportsModule],
  controllers: [ScorecardsPagesController, ScorecardsApiController, BureauDeskController],
  providers: [ScorecardsRepository, ScorecardsService, RecordedComplianceSources, { provide: COMPLIANCE_SOURCES, useExisting: RecordedComplianceSources }],
  exports: [ScorecardsService],
})
export class ScorecardsModule {}
