import { Module, OnModuleInit } from '@nestjs/common';
import { AuditModule } from 'src/modules/audit';
import { AuthModule } from 'src/modules/auth';
import { BodiesModule } from 'src/modules/bodies';
import { DipModule } from 'src/modules/dip';
import { CalendarModule } from 'src/modules/calendar';
import { DocumentsModule } from 'src/modules/documents';
import { FilesModule } from 'src/modules/files';
import { OfficerRequestSections, RequestsModule, TrackingSections } from 'src/modules/requests';
import { ObjectionOfficerPagesController } from './objection-officer-pages.controller';
import { ObjectionPagesController } from './objection-pages.controller';
import { ObjectionRecordsModule } from './objection-records.module';
import { OfficerObjectionsApiController, RequesterObjectionsApiController } from './objections-api.controller';
import { presentOfficerObjections, presentRequesterObjections } from './objections.presenter';
import { ObjectionsService } from './objections.service';

/**
 * Keberatan and sengketa (Pasal 35–38): tables objections, disputes and objection_counters,
 * written only through ObjectionsRepository; the requester's forms from the tracking page, the
 * atasan PPID's queue and decisions, disputes at the Komisi Informasi.
 */
@Module({
  imports: [ObjectionRecordsModule, RequestsModule, AuditModule, AuthModule, BodiesModule, CalendarModule, DipModule, DocumentsModule, FilesModule],
  controllers: [RequesterObjectionsApiController, OfficerObjectionsApiController, ObjectionPagesController, ObjectionOfficerPagesController],
  providers: [ObjectionsService],
  exports: [ObjectionsService],
})
export class ObjectionsModule implements OnModuleInit {
  constructor(
    private readonly sections: TrackingSections,
    private readonly officerSections: OfficerRequestSections,
    private readonly objections: ObjectionsService,
  ) {}

  /** The tracking page shows the request's objections, the atasan's answers and disputes, and the form's entry. */
  onModuleInit(): void {
    this.sections.register('objections', async (request, now) => {
      return presentRequesterObjections(await this.objections.ofRequest(request, now));
    });
    // The officer's request page links to the request's objections: number, where each stands, its due date.
    this.officerSections.register('objections', async (request, now) => {
      return presentOfficerObjections((await this.objections.ofRequest(request, now)).records);
    });
  }
}
