import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CalendarYear } from './calendar-year.entity';
import { Holiday } from './holiday.entity';

@Injectable()
export class CalendarRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** National holidays and cuti bersama, and the closures of one body when given. */
  findNonWorkingDays(bodyId: number | null): Promise<Holiday[]> {
    const qb = this.dataSource.getRepository(Holiday).createQueryBuilder('h').where('h.body_id IS NULL');
    if (bodyId !== null) qb.orWhere('h.body_id = :bodyId', { bodyId });
    return qb.orderBy('h.date').getMany();
  }

  findHolidaysOfYear(year: number, bodyId: number | null): Promise<Holiday[]> {
    const qb = this.dataSource
      .getRepository(Holiday)
      .createQueryBuilder('h')
      .where('h.date BETWEEN :from AND :to', { from: `${year}-01-01`, to: `${year}-12-31` })
      .andWhere(bodyId === null ? 'h.body_id IS NULL' : '(h.body_id IS NULL OR h.body_id = :bodyId)', { bodyId });
    return qb.orderBy('h.date').getMany();
  }

  async findConfirmedYears(): Promise<number[]> {
    const rows = await this.dataSource.getRepository(CalendarYear).find({ where: { confirmed: true } });
    return rows.map((r) => r.year);
  }

  findYear(year: number): Promise<CalendarYear | null> {
    return this.dataSource.getRepository(CalendarYear).findOneBy({ year });
  }
}
