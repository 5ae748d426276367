import { formatInstant, formatLocalDate } from 'src/common/views/view-helpers';
import { timeZoneLabel } from 'src/common/time/local-time';
import type { ReceiptData } from 'src/modules/documents';
import { RequestEvent } from 'src/modules/requests/request-event.entity';
import { CHANNELS, COPY_DELIVERIES, OBTAIN_METHODS, REQUESTER_TYPES } from 'src/modules/requests/request-options';
import { EVENT_LABELS, STATUS_LABELS } from 'src/modules/requests/request-status';
import { CreatedRequestDto } from './dto/create-request.dto';
import { RequestReceipt } from './request-receipts';

/** What the requester sees of a request: confirmation page, receipt PDF, receipt mail, tracking page. */
export interface ReceiptView extends Omit<ReceiptData, 'trackingCode' | 'issuedAtText'> {
  /** The same moments as ISO values, for the API and for <time datetime>. */
  receivedAt: string;
  effectiveReceiptDate: string;
  dueDate: string;
  status: string;
  statusLabel: string;
  /** The requester's answer to whether the answer may be published without their personal data. */
  publicationConsentLabel: string;
}

export interface TimelineEntry {
  at: string;
  atText: string;
  label: string;
  dueChange: string | null;
}

/** 'Permohonan diteruskan (disposisi) ke PPID Pelaksana Dinas Pendidikan' and the like. */
export function eventLabel(e: RequestEvent): string {
  const base = EVENT_LABELS[e.type] ?? e.type;
  if (e.type === 'forwarded' && typeof e.data.toUnitName === 'string') return `${base} ke ${e.data.toUnitName}`;
  if (e.type === 'transferred' && typeof e.data.toBodyName === 'string') return `${base}: ${e.data.toBodyName}, nomor pendaftaran baru ${String(e.data.toRegistrationNumber)}`;
  if (e.type === 'received_by_transfer' && typeof e.data.fromRegistrationNumber === 'string') return `${base} (nomor pendaftaran asal ${e.data.fromRegistrationNumber})`;
  if (e.type === 'letter_corrected' && typeof e.data.letterNumber === 'string') return `${base} atas surat nomor ${e.data.letterNumber}`;
  return base;
}

/** The receipt in words, for the confirmation page, the receipt PDF and mail, the tracking page and the officers' page. */
export function presentReceipt({ request: r, unit, dueExplanation }: RequestReceipt, appUrl: string): ReceiptView {
  const zone = unit.timeZone;
  const extension = r.extendedDays ? ` Diperpanjang ${r.extendedDays} hari kerja sehingga batas waktu menjadi ${formatLocalDate(r.dueDate)}.` : '';
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
    dueExplanation: dueExplanation + extension,
    channelLabel: CHANNELS[r.channel],
    requesterName: r.requesterName,
    requesterTypeLabel: REQUESTER_TYPES[r.requesterType],
    information: r.information,
    purpose: r.purpose,
    obtainMethodLabel: OBTAIN_METHODS[r.obtainMethod],
    copyDeliveryLabel: r.copyDelivery ? COPY_DELIVERIES[r.copyDelivery] : null,
    status: r.status,
    statusLabel: STATUS_LABELS[r.status],
    publicationConsentLabel: r.publicationConsent
      ? 'Ya: bila dikabulkan, jawaban dipublikasikan tanpa data pribadi pemohon'
      : 'Tidak: jawaban tidak dipublikasikan',
    trackingUrl: `${appUrl}/lacak?nomor=${encodeURIComponent(r.registrationNumber)}`,
  };
}

/** The public timeline in words; due-date changes spelled out. */
export function presentTimeline(events: RequestEvent[], timeZone: string): TimelineEntry[] {
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

/** The API's answer to a registration (POST /api/v1/requests and /api/v1/offline-requests). */
export function presentCreatedRequest(receipt: RequestReceipt, trackingCode: string): CreatedRequestDto {
  const r = receipt.request;
  return {
    registrationNumber: r.registrationNumber,
    trackingCode,
    status: r.status,
    receivedAt: r.receivedAt.toISOString(),
    effectiveReceiptDate: r.effectiveReceiptDate,
    dueDate: r.dueDate,
  };
}
