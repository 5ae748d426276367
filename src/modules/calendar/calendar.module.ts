import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from 'src/modules/audit';
import { BodiesModule } from 'src/modules/bodies';
import { CalendarAdminApiController } from './admin/calendar-admin-api.controller';
import { CalendarAdminPagesController } from './admin/calendar-admin-pages.controller';
import { CalendarAdminRepository } from './admin/calendar-admin.repository';
import { CalendarAdminService } from './admin/calendar-admin.service';
import { CalendarSnapshots } from './admin/calendar-snapshots';
import { CalendarBannerInterceptor, NextYearNotice } from './admin/next-year-notice';
import { CalendarApiController } from './calendar.controller';
import { CalendarPageController } from './calendar-page.controller';
import { CalendarPageService } from './calendar-page.service';
import { CalendarYear } from './calendar-year.entity';
import { Holiday } from './holiday.entity';
import { WorkingDaysModule } from './working-days.module';

/**
 * Working days: national holidays, cuti bersama and body closures (tables holidays and
 * calendar_years, written only here), due dates, the public calendar and its administration.
 * Loads the bundled national holiday list at start.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Holiday, CalendarYear]), WorkingDaysModule, AuditModule, BodiesModule],
  controllers: [CalendarApiController, CalendarPageController, CalendarAdminPagesController, CalendarAdminApiController],
  providers: [
    CalendarPageService,
    CalendarAdminRepository,
    CalendarAdminService,
    CalendarSnapshots,
    NextYearNotice,
    { provide: APP_INTERCEPTOR, useClass: CalendarBannerInterceptor },
  ],
  exports: [WorkingDaysModule, CalendarSnapshots],
})
export class CalendarModule {}
