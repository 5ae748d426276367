import { Module } from '@nestjs/common';
import { CalendarModule } from 'src/modules/calendar';
import { DipModule } from 'src/modules/dip';
import { NotificationsModule } from 'src/modules/notifications';
import { DipReminders } from './dip-reminders';
import { ReminderJobs } from './reminder-jobs';
import { RemindersRepository } from './reminders.repository';
import { RemindersService } from './reminders.service';

/**
 * Deadline reminders as jobs: due-soon mails to the assigned officer, a nightly digest per unit,
 * escalation of overdue requests to the atasan PPID; berkala items of the DIP due soon or stale
 * (views/mail/dip_berkala_due). Mail templates in views/mail/deadline_due_soon,
 * unit_digest and deadline_escalation.
 */
@Module({
  imports: [CalendarModule, DipModule, NotificationsModule],
  providers: [RemindersRepository, RemindersService, ReminderJobs, DipReminders],
  exports: [RemindersService, DipReminders],
})
export class RemindersModule {}
