import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CalendarYear } from './calendar-year.entity';
import { Holiday, HolidayKind } from './holiday.entity';

/** A national holiday or cuti bersama of the bundled SKB list. */
export interface NationalHoliday {
  date: string;
  name: string;
  kind: HolidayKind;
  source: string;
}

@Injectable()
export class CalendarRepository {
  constructor(
    @InjectRepository(Holiday) private readonly holidays: Repository<Holiday>,
    @InjectRepository(CalendarYear) private readonly years: Repository<CalendarYear>,
  ) {}

  /** National holidays and cuti bersama, and the closures of one body when given. */
  findNonWorkingDays(bodyId: number | null): Promise<Holiday[]> {
    const qb = this.holidays.createQueryBuilder('h').where('h.body_id IS NULL');
    if (bodyId !== null) qb.orWhere('h.body_id = :bodyId', { bodyId });
    return qb.orderBy('h.date').getMany();
  }

  findHolidaysOfYear(year: number, bodyId: number | null): Promise<Holiday[]> {
    const qb = this.holidays
      .createQueryBuilder('h')
      .where('h.date BETWEEN :from AND :to', { from: `${year}-01-01`, to: `${year}-12-31` })
      .andWhere(bodyId === null ? 'h.body_id IS NULL' : '(h.body_id IS NULL OR h.body_id = :bodyId)', { bodyId });
    return qb.orderBy('h.date').getMany();
  }

  async findConfirmedYears(): Promise<number[]> {
    const rows = await this.years.find({ where: { confirmed: true } });
    return rows.map((r) => r.year);
  }

  findYear(year: number): Promise<CalendarYear | null> {
    return this.years.findOneBy({ year });
  }

  /**
   * A year's national holidays from the SKB list and the year marked as decreed, in one
   * transaction; nothing when the year is known already (an admin's list is never overwritten).
   */
  async insertDecreedYear(year: number, days: readonly NationalHoliday[], source: string): Promise<void> {
    await this.holidays.manager.transaction(async (m) => {
      const inserted = (await m.query(
        'INSERT INTO calendar_years (year, confirmed, source) VALUES ($1, true, $2) ON CONFLICT (year) DO NOTHING RETURNING year',
        [year, source],
      )) as unknown[];
      if (inserted.length === 0) return;
      for (const h of days) {
        await m.query(
          `INSERT INTO holidays (date, name, kind, source) VALUES ($1, $2, $3, $4)
           ON CONFLICT (date) WHERE body_id IS NULL DO NOTHING`,
          [h.date, h.name, h.kind, h.source],
        );
      }
    });
  }
}
