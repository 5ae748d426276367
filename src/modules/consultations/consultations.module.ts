import { Module } from '@nestjs/common';
import { AuthModule } from 'src/modules/auth';
import { BodiesModule } from 'src/modules/bodies';
import { CalendarModule } from 'src/modules/calendar';
import { FilesModule } from 'src/modules/files';
import { NotificationsModule } from 'src/modules/notifications';
import { RequestsModule } from 'src/modules/requests';
import { ConsultationDeskNoticeSource } from './consultation-desk-notices';
import { ConsultationOfficerPagesController } from './consultation-officer-pages.controller';
import { ConsultationPagesController } from './consultation-pages.controller';
import { ConsultationRecordsModule } from './consultation-records.module';
import { ConsultationRequestController } from './consultation-request.controller';
import { OfficerConsultationsApiController, PublicConsultationsApiController } from './consultations-api.controller';
import { ConsultationsService } from './consultations.service';

/**
 * The online consultation desk (ruang konsultasi daring): tables consultations and
 * consultation_counters, written only through ConsultationsRepository; the citizen's form and
 * tracking page, the officers' desk, the public FAQ per body, and the way into a request.
 */
@Module({
  imports: [ConsultationRecordsModule, AuthModule, BodiesModule, CalendarModule, FilesModule, NotificationsModule, RequestsModule],
  controllers: [PublicConsultationsApiController, OfficerConsultationsApiController, ConsultationPagesController, ConsultationRequestController, ConsultationOfficerPagesController],
  providers: [ConsultationsService, ConsultationDeskNoticeSource],
  exports: [ConsultationsService],
})
export class ConsultationsModule {}
