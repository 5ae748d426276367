import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Actor } from 'src/common/auth/actor';
import { Authenticated, CurrentActor } from 'src/common/auth/authenticated';
import { HolidaysQuery } from 'src/modules/calendar/dto/due-date.query';
import { Holiday } from 'src/modules/calendar/holiday.entity';
import { CalendarAdminService } from './calendar-admin.service';
import { AdminCalendarYearResponse, AdminHolidayResponse, holidayIdParam, HolidayInputDto, YearConfirmationDto } from './dto/holiday-input.dto';

function toResponse(h: Holiday): AdminHolidayResponse {
  return { id: h.id, date: h.date, name: h.name, kind: h.kind, bodyId: h.bodyId, source: h.source };
}

/** The admin calendar pages' actions as JSON; each change recomputes open due dates like the pages do. */
@ApiTags('admin')
@Controller('api/v1/admin/calendar')
@Authenticated('admin')
export class CalendarAdminApiController {
  constructor(private readonly admin: CalendarAdminService) {}

  @Get('holidays')
  @ApiResponse({ status: 200, type: AdminCalendarYearResponse, description: 'National days and every body closure of the year' })
  async holidays(@CurrentActor() actor: Actor, @Query() q: HolidaysQuery): Promise<AdminCalendarYearResponse> {
    const view = await this.admin.yearView(actor, q.year);
    return {
      year: view.year,
      confirmed: view.confirmed,
      source: view.confirmedSource,
      holidays: [...view.national, ...view.closures].sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id).map(toResponse),
    };
  }

  @Post('holidays')
  @HttpCode(201)
  @ApiBody({ type: HolidayInputDto })
  @ApiResponse({ status: 201, type: AdminHolidayResponse })
  @ApiResponse({ status: 400, description: '`errors` per field, also for a date already taken' })
  async add(@CurrentActor() actor: Actor, @Body() body: HolidayInputDto): Promise<AdminHolidayResponse> {
    return toResponse(await this.admin.addHoliday(actor, body));
  }

  @Put('holidays/:id')
  @ApiBody({ type: HolidayInputDto })
  @ApiResponse({ status: 200, type: AdminHolidayResponse })
  @ApiResponse({ status: 404, description: 'No such day' })
  async update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: HolidayInputDto): Promise<AdminHolidayResponse> {
    return toResponse(await this.admin.updateHoliday(actor, holidayIdParam(id), body));
  }

  @Delete('holidays/:id')
  @HttpCode(204)
  @ApiResponse({ status: 204, description: 'Removed' })
  async remove(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    await this.admin.removeHoliday(actor, holidayIdParam(id));
  }

  @Put('years/:year')
  @HttpCode(204)
  @ApiBody({ type: YearConfirmationDto })
  @ApiResponse({ status: 204, description: 'The year is marked as decreed' })
  async confirmYear(@CurrentActor() actor: Actor, @Param('year') year: string, @Body() body: YearConfirmationDto): Promise<void> {
    await this.admin.confirmYear(actor, /^\d{4}$/.test(year) ? Number(year) : NaN, body);
  }
}
