import { Module } from '@nestjs/common';
import { CalendarModule } from 'src/modules/calendar';
import { NotificationsModule } from 'src/modules/notifications';
import { ReminderJobs } from './reminder-jobs';
import { RemindersRepository } from './reminders.repository';
import { RemindersService } from './reminders.service';

/**
 * Deadline reminders as jobs: due-soon mails to the assigned officer, a nightly digest per unit,
 * escalation of overdue requests to the atasan PPID. Mail templates in views/mail/deadline_due_soon,
 * unit_digest and deadline_escalation.
 */
@Module({
  imports: [CalendarModule, NotificationsModule],
  providers: [RemindersRepository, RemindersService, ReminderJobs],
  exports: [RemindersService],
})
export class RemindersModule {}
