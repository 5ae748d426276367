import { Controller, Get, Query, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CalendarPageService } from './calendar-page.service';
import { CalendarPageQuery } from './dto/calendar-page.query';

@ApiExcludeController()
@Controller('kalender')
export class CalendarPageController {
  constructor(private readonly page: CalendarPageService) {}

  @Get()
  @Render('calendar/index')
  show(@Query() q: CalendarPageQuery): Promise<object> {
    return this.page.view(q, new Date());
  }
}
