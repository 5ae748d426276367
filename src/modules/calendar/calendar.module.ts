import { Module } from '@nestjs/common';
import { BodiesModule } from 'src/modules/bodies/bodies.module';
import { CalendarApiController } from './calendar.controller';
import { CalendarPageController } from './calendar-page.controller';
import { CalendarPageService } from './calendar-page.service';
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';

@Module({
  imports: [BodiesModule],
  controllers: [CalendarApiController, CalendarPageController],
  providers: [CalendarRepository, CalendarService, CalendarPageService],
  exports: [CalendarService],
})
export class CalendarModule {}
