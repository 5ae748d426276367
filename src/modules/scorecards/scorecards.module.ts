import { Module } from '@nestjs/common';
import { WorkingDaysModule } from 'src/modules/calendar';
import { MonevModule } from 'src/modules/monev';
import { COMPLIANCE_SOURCES, NoComplianceSources } from './compliance-sources';
import { BureauDeskController } from './bureau-desk.controller';
import { ScorecardsApiController } from './scorecards-api.controller';
import { ScorecardsPagesController } from './scorecards-pages.controller';
import { ScorecardsRepository } from './scorecards.repository';
import { ScorecardsService } from './scorecards.service';
import { ScorecardsMethodology } from './scorecards-methodology';
import { ScorecardsMonev } from './scorecards-monev';

/**
 * Compliance scorecards of the badan publik, computed from the requests' rows and event log
 * (read-only report queries; this module owns no table). Keberatan and annual reports come in
 * through ComplianceSources once the portal keeps them; the Komisi Informasi's monev results come
 * from the monev module and are shown beside the index, never merged into it.
 */
@Module({
  imports: [WorkingDaysModule, MonevModule],
  controllers: [ScorecardsPagesController, ScorecardsApiController, BureauDeskController],
  providers: [ScorecardsRepository, ScorecardsService, ScorecardsMonev, ScorecardsMethodology, { provide: COMPLIANCE_SOURCES, useClass: NoComplianceSources }],
  exports: [ScorecardsService],
})
export class ScorecardsModule {}
