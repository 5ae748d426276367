import { Injectable } from '@nestjs/common';
import { AppConfig } from 'src/config/app-config';
import { formatLocalDate } from 'src/common/views/view-helpers';
import { BodiesService, PpidUnit } from 'src/modules/bodies';
import { CalendarService, WorkingDayCalendar } from 'src/modules/calendar';
import { formatTimeOfDay, localDateTimeOf, timeZoneLabel } from 'src/common/time/local-time';
import { RequestEvent } from 'src/modules/requests/request-event.entity';
import { InformationRequest } from 'src/modules/requests/request.entity';
import { CHANNELS, COPY_DELIVERIES, OBTAIN_METHODS, REQUESTER_TYPES } from 'src/modules/requests/request-options';
import { EVENT_LABELS, STATUS_LABELS } from 'src/modules/requests/request-status';

/** What the requester sees of a request: confirmation page, receipt PDF, receipt mail, tracking page. */
export interface ReceiptView {
  registrationNumber: string;
  bodyName: string;
  unitName: string;
  receivedAt: string;
  receivedAtText: string;
  effectiveReceiptDate: string;
  effectiveReceiptDateText: string;
  dueDate: string;
  dueDateText: string;
  dueProvisional: boolean;
  dueExplanation: string;
  channelLabel: string;
  requesterName: string;
  requesterTypeLabel: string;
  information: string;
  purpose: string;
  obtainMethodLabel: string;
  copyDeliveryLabel: string | null;
  status: string;
  statusLabel: string;
  trackingUrl: string;
}

export interface TimelineEntry {
  at: string;
  atText: string;
  label: string;
  dueChange: string | null;
}

/** Formats an instant in a zone: 'Kamis, 27 Maret 2025 pukul 10.00 WIB'. */
export function formatInstant(instant: Date, timeZone: string): string {
  const local = localDateTimeOf(instant, timeZone);
  return `${formatLocalDate(local.date)} pukul ${formatTimeOfDay(local.minuteOfDay, '.')} ${timeZoneLabel(timeZone, instant)}`;
}

/** 'Permohonan diteruskan (disposisi) ke PPID Pelaksana Dinas Pendidikan' and the like. */
export function eventLabel(e: RequestEvent): string {
  const base = EVENT_LABELS[e.type] ?? e.type;
  if (e.type === 'forwarded' && typeof e.data.toUnitName === 'string') return `${base} ke ${e.data.toUnitName}`;
  return base;
}

@Injectable()
export class RequestViews {
  constructor(
    private readonly bodies: BodiesService,
    private readonly calendar: CalendarService,
    private readonly config: AppConfig,
  ) {}

  async receipt(r: InformationRequest, unitGiven?: PpidUnit): Promise<ReceiptView> {
    const unit = unitGiven?.id === r.receivingUnitId ? unitGiven : await this.bodies.getUnit(r.receivingUnitId);
    return this.receiptWith(r, unit, await this.calendar.calendarFor(unit.bodyId));
  }

  /**
   * The receipt view from what is already loaded (the receiving unit and its calendar): no I/O, so
   * it is safe inside a transaction, where the embedded database's one connection is taken.
   */
  receiptWith(r: InformationRequest, unit: PpidUnit, calendar: WorkingDayCalendar): ReceiptView {
    const zone = unit.timeZone;
    const explained = this.calendar.dueDateWith(calendar, unit, r.receivedAt, 10);
    const extension = r.extendedDays
      ? ` Diperpanjang ${r.extendedDays} hari kerja sehingga batas waktu menjadi ${formatLocalDate(r.dueDate)}.`
      : '';
    return {
      registrationNumber: r.registrationNumber,
      bodyName: unit.body.name,
      unitName: unit.name,
      receivedAt: r.receivedAt.toISOString(),
      receivedAtText: formatInstant(r.receivedAt, zone),
      effectiveReceiptDate: r.effectiveReceiptDate,
      effectiveReceiptDateText: formatLocalDate(r.effectiveReceiptDate),
      dueDate: r.dueDate,
      dueDateText: `${formatLocalDate(r.dueDate)} pukul 23.59 ${timeZoneLabel(zone, r.receivedAt)}`,
      dueProvisional: r.dueProvisional,
      dueExplanation: explained.explanation + extension,
      channelLabel: CHANNELS[r.channel],
      requesterName: r.requesterName,
      requesterTypeLabel: REQUESTER_TYPES[r.requesterType],
      information: r.information,
      purpose: r.purpose,
      obtainMethodLabel: OBTAIN_METHODS[r.obtainMethod],
      copyDeliveryLabel: r.copyDelivery ? COPY_DELIVERIES[r.copyDelivery] : null,
      status: r.status,
      statusLabel: STATUS_LABELS[r.status],
      trackingUrl: `${this.config.appUrl}/lacak?nomor=${encodeURIComponent(r.registrationNumber)}`,
    };
  }

  timeline(events: RequestEvent[], timeZone: string): TimelineEntry[] {
    return events.map((e) => ({
      at: e.occurredAt.toISOString(),
      atText: formatInstant(e.occurredAt, timeZone),
      label: eventLabel(e),
      dueChange:
        e.oldDueDate && e.newDueDate && e.oldDueDate !== e.newDueDate
          ? `Batas waktu berubah dari ${formatLocalDate(e.oldDueDate)} menjadi ${formatLocalDate(e.newDueDate)}`
          : e.newDueDate && !e.oldDueDate
            ? `Batas waktu: ${formatLocalDate(e.newDueDate)}`
            : null,
    }));
  }
}
