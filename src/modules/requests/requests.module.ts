import { Module, OnModuleInit } from '@nestjs/common';
import { BodiesModule } from 'src/modules/bodies/bodies.module';
import { CalendarModule } from 'src/modules/calendar/calendar.module';
import { DocumentsModule } from 'src/modules/documents/documents.module';
import { FilesModule } from 'src/modules/files/files.module';
import { MailAttachments } from 'src/modules/notifications/mail-attachments';
import { NotificationsModule } from 'src/modules/notifications/notifications.module';
import { IntakeService } from 'src/modules/requests/intake/intake.service';
import { RequestPagesController } from 'src/modules/requests/request-pages.controller';
import { RequestViews } from 'src/modules/requests/request-views';
import { RequestsApiController } from 'src/modules/requests/requests.controller';
import { RequestsRepository } from 'src/modules/requests/requests.repository';
import { TrackingCodes } from 'src/modules/requests/tracking/tracking-code';
import { TrackingService } from 'src/modules/requests/tracking/tracking.service';

@Module({
  imports: [BodiesModule, CalendarModule, DocumentsModule, FilesModule, NotificationsModule],
  controllers: [RequestsApiController, RequestPagesController],
  providers: [RequestsRepository, IntakeService, TrackingService, RequestViews, TrackingCodes],
  exports: [RequestsRepository, TrackingService, RequestViews],
})
export class RequestsModule implements OnModuleInit {
  constructor(
    private readonly attachments: MailAttachments,
    private readonly tracking: TrackingService,
  ) {}

  /** The receipt mail carries the receipt PDF, rendered when the mail is sent. */
  onModuleInit(): void {
    this.attachments.register('request_receipt', async (registrationNumber) => ({
      filename: `tanda-terima-${registrationNumber}.pdf`,
      contentType: 'application/pdf',
      content: await this.tracking.receiptPdfByNumber(registrationNumber, new Date()),
    }));
  }
}
