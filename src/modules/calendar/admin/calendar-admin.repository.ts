import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, EntityManager, Repository } from 'typeorm';
import { CalendarYear } from 'src/modules/calendar/calendar-year.entity';
import { Holiday, HolidayKind } from 'src/modules/calendar/holiday.entity';

export interface HolidayFields {
  date: string;
  name: string;
  kind: HolidayKind;
  bodyId: number | null;
  source: string;
}

/** Every non-working day and confirmed year, read in one snapshot, with its revision. */
export interface CalendarRows {
  revision: string;
  days: { date: string; kind: HolidayKind; bodyId: number | null }[];
  confirmedYears: number[];
}

/**
 * A fingerprint of everything the working-day rule reads (dates, kinds, bodies, confirmed years):
 * equal fingerprints mean equal calendars. Names and sources do not count.
 */
const REVISION_SQL = `
  SELECT md5(
    coalesce((SELECT string_agg(to_char(date, 'YYYY-MM-DD') || '/' || kind || '/' || coalesce(body_id::text, '-'), ','
                                ORDER BY date, body_id NULLS FIRST, kind) FROM holidays), '')
    || '|' ||
    coalesce((SELECT string_agg(year::text, ',' ORDER BY year) FROM calendar_years WHERE confirmed), '')
  ) AS revision`;

/** Reads and writes of the admin's calendar pages: holidays, closures, confirmed years. */
@Injectable()
export class CalendarAdminRepository {
  constructor(
    @InjectRepository(Holiday) private readonly holidays: Repository<Holiday>,
    @InjectRepository(CalendarYear) private readonly years: Repository<CalendarYear>,
  ) {}

  /** National days and every body's closures of a year, by date. */
  findHolidaysOfYear(year: number): Promise<Holiday[]> {
    return this.holidays.find({
      where: { date: Between(`${year}-01-01`, `${year}-12-31`) },
      order: { date: 'ASC', id: 'ASC' },
    });
  }

  findHolidayById(id: number): Promise<Holiday | null> {
    return this.holidays.findOneBy({ id });
  }

  /** The national day (libur nasional or cuti bersama) on a date, or the body's closure on it. */
  findOnDate(date: string, bodyId: number | null): Promise<Holiday | null> {
    const qb = this.holidays.createQueryBuilder('h').where('h.date = :date', { date });
    if (bodyId === null) qb.andWhere('h.body_id IS NULL');
    else qb.andWhere('h.body_id = :bodyId', { bodyId });
    return qb.getOne();
  }

  findYear(year: number): Promise<CalendarYear | null> {
    return this.years.findOneBy({ year });
  }

  async insertHoliday(m: EntityManager, fields: HolidayFields): Promise<Holiday> {
    const repo = m.getRepository(Holiday);
    return repo.save(repo.create(fields));
  }

  async updateHoliday(m: EntityManager, id: number, fields: HolidayFields): Promise<void> {
    await m.getRepository(Holiday).update({ id }, fields);
  }

  async deleteHoliday(m: EntityManager, id: number): Promise<void> {
    await m.getRepository(Holiday).delete({ id });
  }

  /** Marks a year's list as decreed, with its SKB; true when it was not confirmed before. */
  async confirmYear(m: EntityManager, year: number, source: string): Promise<boolean> {
    const before = (await m.query('SELECT confirmed FROM calendar_years WHERE year = $1 FOR UPDATE', [year])) as { confirmed: boolean }[];
    await m.query(
      `INSERT INTO calendar_years (year, confirmed, source, updated_at) VALUES ($1, true, $2, now())
       ON CONFLICT (year) DO UPDATE SET confirmed = true, source = EXCLUDED.source, updated_at = now()`,
      [year, source],
    );
    return before[0]?.confirmed !== true;
  }

  /** The calendar's fingerprint as the transaction sees it. */
  async revision(m: EntityManager): Promise<string> {
    const [row] = (await m.query(REVISION_SQL)) as { revision: string }[];
    return row.revision;
  }

  /** The whole calendar and its fingerprint, from one snapshot (REPEATABLE READ). */
  readCalendar(): Promise<CalendarRows> {
    return this.holidays.manager.transaction('REPEATABLE READ', async (m) => {
      const revision = await this.revision(m);
      const days = await m.getRepository(Holiday).find({ select: { date: true, kind: true, bodyId: true } });
      const years = await m.getRepository(CalendarYear).find({ where: { confirmed: true } });
      return {
        revision,
        days: days.map((d) => ({ date: d.date, kind: d.kind, bodyId: d.bodyId })),
        confirmedYears: years.map((y) => y.year),
      };
    });
  }
}
