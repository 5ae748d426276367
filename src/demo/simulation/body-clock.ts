import { MINUTES_PER_DAY, instantOfLocalTime, localEpochMinutes, parseTimeOfDay } from 'src/common/time/local-time';
import { ServiceHours, WorkingDayCalendar } from 'src/modules/calendar';
import { Random } from './random';

/** Time on the unit's clock: local days and minutes of its zone, office hours, working days. */
export class BodyClock {
  readonly opens: number;
  readonly closes: number;
  readonly today: number;
  readonly nowMinute: number;

  constructor(
    readonly calendar: WorkingDayCalendar,
    readonly hours: ServiceHours,
    readonly now: Date,
  ) {
    this.opens = parseTimeOfDay(hours.opensAt);
    this.closes = parseTimeOfDay(hours.closesAt);
    const local = localEpochMinutes(now, hours.timeZone);
    this.today = Math.floor(local / MINUTES_PER_DAY);
    this.nowMinute = local - this.today * MINUTES_PER_DAY;
  }

  at(day: number, minute: number, second = 0): Date {
    return new Date(instantOfLocalTime(this.calendar.formatDayNumber(day), minute, this.hours.timeZone).getTime() + second * 1000);
  }

  /** Some time in office hours on a working day, and after `after` (pushed past it when needed). */
  officeTime(random: Random, day: number, after: Date): Date {
    const minute = random.int(this.opens + 30, Math.max(this.opens + 30, this.closes - 30));
    const t = this.at(day, minute, random.int(0, 59));
    return t.getTime() > after.getTime() ? t : new Date(after.getTime() + random.int(5, 90) * 60_000);
  }

  addWorkingDays(day: number, n: number): number {
    return this.calendar.addWorkingDaysToDayNumber(day, n);
  }

  /** The working day n working days before `day` (n ≥ 1). */
  workingDayBefore(day: number, n: number): number {
    let d = day;
    let left = n;
    while (left > 0) {
      d -= 1;
      if (this.calendar.isWorkingDayNumber(d)) left -= 1;
    }
    return d;
  }
}
