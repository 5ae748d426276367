import { Injectable, OnModuleInit } from '@nestjs/common';
import { join } from 'node:path';
import { readCsv } from 'src/common/files/csv';
import { CalendarRepository, NationalHoliday } from './calendar.repository';
import { HolidayKind } from './holiday.entity';

/** The national holidays and cuti bersama of the SKB lists bundled with the portal (id-holidays.csv). */
export function bundledNationalHolidays(): NationalHoliday[] {
  return readCsv(join(__dirname, 'id-holidays.csv')).map((r) => ({ date: r.date, name: r.name, kind: r.kind as HolidayKind, source: r.source }));
}

/**
 * Loads, at every start (onModuleInit), the national holidays of each year the bundled list
 * covers, unless that year is already known (then the admin's list stands).
 */
@Injectable()
export class CalendarReferenceData implements OnModuleInit {
  constructor(private readonly calendar: CalendarRepository) {}

  async onModuleInit(): Promise<void> {
    const rows = bundledNationalHolidays();
    const years = [...new Set(rows.map((r) => Number(r.date.slice(0, 4))))];
    for (const year of years) {
      const ofYear = rows.filter((r) => r.date.startsWith(`${year}-`));
      const sources = [...new Set(ofYear.map((h) => h.source))].join('; ');
      await this.calendar.insertDecreedYear(year, ofYear, sources);
    }
  }
}
