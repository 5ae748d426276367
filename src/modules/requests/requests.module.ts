import { Module, OnModuleInit } from '@nestjs/common';
import { AuditModule } from 'src/modules/audit';
import { AuthModule } from 'src/modules/auth';
import { BodiesModule } from 'src/modules/bodies';
import { CalendarModule } from 'src/modules/calendar';
import { DocumentsModule } from 'src/modules/documents';
import { FilesModule } from 'src/modules/files';
import { MailAttachments, NotificationsModule } from 'src/modules/notifications';
import { IntakeService } from 'src/modules/requests/intake/intake.service';
import { RequestPagesController } from 'src/modules/requests/request-pages.controller';
import { RequestReceipts } from 'src/modules/requests/request-receipts';
import { RequestsApiController } from 'src/modules/requests/requests.controller';
import { RequestRecordsModule } from 'src/modules/requests/request-records.module';
import { TrackingSections } from 'src/modules/requests/tracking/tracking-sections';
import { OfficerRequestSections } from 'src/modules/requests/workflow/officer-request-sections';
import { TrackingService } from 'src/modules/requests/tracking/tracking.service';
import { DocumentDownloads } from 'src/modules/requests/workflow/document-downloads';
import { DueDateRecomputeWorker } from 'src/modules/requests/workflow/due-date-recompute';
import { OfficerApiController } from 'src/modules/requests/workflow/officer-api.controller';
import { OfficerPagesController } from 'src/modules/requests/workflow/officer-pages.controller';
import { RequestCaseFiles } from 'src/modules/requests/workflow/request-case-files';
import { RequestFollowUps } from 'src/modules/requests/workflow/request-follow-ups';
import { QueueRepository } from 'src/modules/requests/workflow/queue.repository';
import { QueueService } from 'src/modules/requests/workflow/queue.service';
import { RequestWorkflowService } from 'src/modules/requests/workflow/request-workflow.service';
import { RequestActionsService } from 'src/modules/requests/workflow/request-actions.service';
import { RequestActionsApiController } from 'src/modules/requests/workflow/request-actions-api.controller';
import { WithheldInformationRegister } from 'src/modules/requests/workflow/withheld-information';
import { WithdrawalApiController, WithdrawalPagesController } from 'src/modules/requests/tracking/withdrawal.controller';

/**
 * Permohonan: intake (form, API, offline recording), tracking by the requester, and the officers'
 * workflow (queue, actions, letters).
 */
@Module({
  imports: [
    RequestRecordsModule,
    AuditModule,
    AuthModule,
    BodiesModule,
    CalendarModule,
    DocumentsModule,
    FilesModule,
    NotificationsModule,
  ],
  controllers: [
    RequestsApiController,
    RequestPagesController,
    OfficerApiController,
    OfficerPagesController,
    RequestActionsApiController,
    WithdrawalApiController,
    WithdrawalPagesController,
  ],
  providers: [
    IntakeService,
    TrackingService,
    RequestReceipts,
    QueueRepository,
    QueueService,
    RequestWorkflowService,
    RequestActionsService,
    RequestCaseFiles,
    DocumentDownloads,
    DueDateRecomputeWorker,
    RequestFollowUps,
    TrackingSections,
    OfficerRequestSections,
    WithheldInformationRegister,
  ],
  exports: [RequestRecordsModule, IntakeService, TrackingService, RequestReceipts, QueueService, RequestFollowUps, TrackingSections, OfficerRequestSections, WithheldInformationRegister],
})
export class RequestsModule implements OnModuleInit {
  constructor(
    private readonly attachments: MailAttachments,
    private readonly tracking: TrackingService,
    private readonly downloads: DocumentDownloads,
  ) {}

  /** Mails carry PDFs rendered or read when the mail is sent, never stored in the outbox. */
  onModuleInit(): void {
    this.attachments.register('request_receipt', async (registrationNumber) => ({
      filename: `tanda-terima-${registrationNumber}.pdf`,
      contentType: 'application/pdf',
      content: await this.tracking.receiptPdfByNumber(registrationNumber, new Date()),
    }));
    this.attachments.register('request_document', async (documentId) => {
      const doc = await this.downloads.byDocumentId(documentId);
      return { filename: doc.filename, contentType: doc.mediaType, content: doc.content };
    });
  }
}
