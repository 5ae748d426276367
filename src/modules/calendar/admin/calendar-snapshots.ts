import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from 'src/config/app-config';
import { WorkingDayCalendar } from 'src/modules/calendar/working-day-calendar';
import { CalendarAdminRepository } from './calendar-admin.repository';

/** The calendars of every body as of one moment, and the fingerprint of that moment. */
export interface CalendarSnapshot {
  readonly revision: string;
  /** National days plus the body's closures (built on first use). */
  calendarFor(bodyId: number): WorkingDayCalendar;
}

/**
 * Calendars for the due-date recomputation. Unlike CalendarService (30 s cache per instance) they
 * are read fresh, in one snapshot, with a revision the worker checks again inside each of its
 * transactions: a batch never writes due dates computed from a calendar that has changed since.
 */
@Injectable()
export class CalendarSnapshots {
  constructor(
    private readonly repo: CalendarAdminRepository,
    private readonly config: AppConfig,
  ) {}

  async load(): Promise<CalendarSnapshot> {
    const rows = await this.repo.readCalendar();
    const counted = rows.days.filter((d) => d.kind !== 'cuti_bersama' || this.config.cutiBersamaIsNonWorking);
    const national = counted.filter((d) => d.bodyId === null).map((d) => d.date);
    const built = new Map<number, WorkingDayCalendar>();
    return {
      revision: rows.revision,
      calendarFor: (bodyId) => {
        let calendar = built.get(bodyId);
        if (!calendar) {
          const closures = counted.filter((d) => d.bodyId === bodyId).map((d) => d.date);
          calendar = WorkingDayCalendar.build({ nonWorkingDays: [...national, ...closures], confirmedYears: rows.confirmedYears });
          built.set(bodyId, calendar);
        }
        return calendar;
      },
    };
  }

  /** The revision as a transaction sees it; compare it with CalendarSnapshot.revision. */
  revisionIn(m: EntityManager): Promise<string> {
    return this.repo.revision(m);
  }
}
