/** The calendar module's public surface: other modules import only from here. */
export { CALENDAR_RECOMPUTE_QUEUE, isCalendarRecomputeJob } from './admin/calendar-recompute-job';
export type { CalendarRecomputeJob } from './admin/calendar-recompute-job';
export { CalendarSnapshots } from './admin/calendar-snapshots';
export type { CalendarSnapshot } from './admin/calendar-snapshots';
export { CalendarModule } from './calendar.module';
export { CalendarService } from './calendar.service';
export { DEFAULT_OPENING_HOURS, defaultServiceHours, WorkingDayCalendar, computeDueDate, effectiveReceiptDate, extendDueDate, workingDaysLeft } from './working-day-calendar';
export type { DueDateResult, ServiceHours } from './working-day-calendar';
export { WorkingDaysModule } from './working-days.module';
