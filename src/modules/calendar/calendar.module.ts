import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
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
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';

@Module({
  imports: [AuditModule, BodiesModule],
  controllers: [CalendarApiController, CalendarPageController, CalendarAdminPagesController, CalendarAdminApiController],
  providers: [
    CalendarRepository,
    CalendarService,
    CalendarPageService,
    CalendarAdminRepository,
    CalendarAdminService,
    CalendarSnapshots,
    NextYearNotice,
    { provide: APP_INTERCEPTOR, useClass: CalendarBannerInterceptor },
  ],
  exports: [CalendarService, CalendarSnapshots],
})
export class CalendarModule {}
