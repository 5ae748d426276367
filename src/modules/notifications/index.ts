/** The notifications module's public surface: other modules import only from here. */
export { MailAttachments } from './mail-attachments';
export { MailService } from './mail.service';
export { NotificationsModule } from './notifications.module';
