import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CalendarService, DueDateAnswer, HolidayView } from './calendar.service';
import { DueDateQuery, HolidaysQuery } from './dto/due-date.query';
import { DueDateResponse, HolidayResponse } from './dto/calendar.responses';

@ApiTags('calendar')
@Controller('api/v1/calendar')
export class CalendarApiController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('due-date')
  @ApiOkResponse({ type: DueDateResponse })
  @ApiBadRequestResponse({ description: 'A parameter is missing or invalid; `errors` names it' })
  dueDate(@Query() q: DueDateQuery): Promise<DueDateAnswer> {
    return this.calendar.dueDate(new Date(q.receivedAt), q.workingDays, q.unitId);
  }

  @Get('holidays')
  @ApiOkResponse({ type: [HolidayResponse] })
  holidays(@Query() q: HolidaysQuery): Promise<HolidayView[]> {
    return this.calendar.holidaysOfYear(q.year);
  }
}
