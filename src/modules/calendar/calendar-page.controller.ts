import { Controller, Get, Query, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { presentCalendarPage, CalendarPageView } from './calendar-page.presenter';
import { CalendarPageService } from './calendar-page.service';
import { CalendarPageQuery } from './dto/calendar-page.query';

@ApiExcludeController()
@Controller('kalender')
export class CalendarPageController {
  constructor(private readonly page: CalendarPageService) {}

  @Get()
  @Render('calendar/index')
  async show(@Query() q: CalendarPageQuery): Promise<CalendarPageView> {
    const now = new Date();
    return presentCalendarPage(await this.page.load(q, now), now);
  }
}
