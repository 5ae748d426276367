import { Injectable } from '@nestjs/common';
import { BodiesService, PpidUnit } from 'src/modules/bodies';
import { CalendarService, WorkingDayCalendar } from 'src/modules/calendar';
import { InformationRequest } from './request.entity';

/** A request with what its receipt states besides the request itself: the receiving unit and how the due date was reached. */
export interface RequestReceipt {
  request: InformationRequest;
  /** The unit that received the request (its letterhead and time zone). */
  unit: PpidUnit;
  /** The due-date rule applied to this request, in words (calendar.service explainDueDate). */
  dueExplanation: string;
}

/** Gathers a request's receipt facts; receipt.presenter.ts words them for pages, PDFs, mails and the API. */
@Injectable()
export class RequestReceipts {
  constructor(
    private readonly bodies: BodiesService,
    private readonly calendar: CalendarService,
  ) {}

  async of(r: InformationRequest, unitGiven?: PpidUnit): Promise<RequestReceipt> {
    const unit = unitGiven?.id === r.receivingUnitId ? unitGiven : await this.bodies.getUnit(r.receivingUnitId);
    return this.with(r, unit, await this.calendar.calendarFor(unit.bodyId));
  }

  /**
   * The same from what is already loaded (the receiving unit and its calendar): no I/O, so it is
   * safe inside a transaction, where the embedded database's one connection is taken.
   */
  with(r: InformationRequest, unit: PpidUnit, calendar: WorkingDayCalendar): RequestReceipt {
    return { request: r, unit, dueExplanation: this.calendar.dueDateWith(calendar, unit, r.receivedAt, 10).explanation };
  }
}
