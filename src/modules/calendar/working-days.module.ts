import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BodiesModule } from 'src/modules/bodies';
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';
import { CalendarYear } from './calendar-year.entity';
import { Holiday } from './holiday.entity';
import { CalendarReferenceData } from './reference-data';

/**
 * The working-day calendar without its pages: the holidays and calendar_years tables, the bundled
 * national holiday list loaded at start, and CalendarService (due dates). CalendarModule adds the
 * pages and the administration; scripts use this part alone.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Holiday, CalendarYear]), BodiesModule],
  providers: [CalendarRepository, CalendarService, CalendarReferenceData],
  exports: [CalendarService],
})
export class WorkingDaysModule {}
