import { Module } from '@nestjs/common';
import { MailAttachments } from './mail-attachments';
import { MailDeliveryWorker } from './mail-delivery.worker';
import { MailRenderer } from './mail-renderer';
import { MailService } from './mail.service';
import { MailTransport } from './mail-transport';
import { OutboundMailsRepository } from './outbound-mails.repository';

/**
 * Outgoing mail: MailService.enqueue in the caller's transaction, delivery by a job, templates in
 * views/mail. Other modules register attachment kinds with MailAttachments.
 */
@Module({
  providers: [MailService, MailAttachments, MailRenderer, MailTransport, OutboundMailsRepository, MailDeliveryWorker],
  exports: [MailService, MailAttachments],
})
export class NotificationsModule {}
