/** The reminders module's public surface. */
export { RemindersModule } from './reminders.module';
export { DipReminders } from './dip-reminders';
