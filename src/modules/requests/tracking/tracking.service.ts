import { Injectable } from '@nestjs/common';
import { RateLimiterService } from 'src/common/security/rate-limiter.service';
import { BodiesService } from 'src/modules/bodies';
import { DocumentsService } from 'src/modules/documents';
import { formatInstant } from 'src/common/views/view-helpers';
import { AppConfig } from 'src/config/app-config';
import { presentReceipt } from 'src/modules/requests/receipt.presenter';
import { RequestReceipt, RequestReceipts } from 'src/modules/requests/request-receipts';
import { RequestDocument } from 'src/modules/requests/request-document.entity';
import { RequestEvent } from 'src/modules/requests/request-event.entity';
import { normalizeRegistrationNumber } from 'src/modules/requests/intake/registration-number';
import { InformationRequest } from 'src/modules/requests/request.entity';
import { RequestNotFound } from 'src/modules/requests/request.errors';
import { RequestsRepository } from 'src/modules/requests/requests.repository';
import { formatTrackingCode, TrackingCodes } from 'src/modules/requests/tracking/tracking-code';
import { NoticeInput } from 'src/modules/requests/workflow/notice-input';
import { NOTICE_EVENTS } from 'src/modules/requests/workflow/request-transitions';

/** Wrong codes for one number in an hour, from everybody, from which on it counts as under attack. */
export const TRACKING_ATTACK_THRESHOLD = 10;
/** Wrong codes one client may try for one number in an hour: normally, and while it is under attack. */
export const TRACKING_CLIENT_ALLOWANCE = 10;
export const TRACKING_CLIENT_ALLOWANCE_UNDER_ATTACK = 2;

/** How many wrong codes of its own a client may have for a number that has `wrongForNumber` in total. */
export function trackingAllowance(wrongForNumber: number): number {
  return wrongForNumber >= TRACKING_ATTACK_THRESHOLD ? TRACKING_CLIENT_ALLOWANCE_UNDER_ATTACK : TRACKING_CLIENT_ALLOWANCE;
}

/** What the requester may see of a request, as domain values; tracking.presenter.ts words it for the page and the API. */
export interface TrackingRecord {
  receipt: RequestReceipt;
  /** Public events only, oldest first. */
  events: RequestEvent[];
  documents: RequestDocument[];
  /** The written notice as the officer gave it, once there is one. */
  notice: NoticeInput | null;
  /** The request this one was forwarded to (another body), or came from. */
  forwardedTo: { registrationNumber: string; bodyName: string } | null;
  forwardedFrom: { registrationNumber: string; bodyName: string } | null;
}

/** Events whose data holds the written notice, as the workflow stores it. */
const NOTICE_EVENT_TYPES = new Set(NOTICE_EVENTS);

/** The requester's view of a request, given its number and tracking code; no account needed. */
@Injectable()
export class TrackingService {
  constructor(
    private readonly requests: RequestsRepository,
    private readonly receipts: RequestReceipts,
    private readonly config: AppConfig,
    private readonly bodies: BodiesService,
    private readonly codes: TrackingCodes,
    private readonly rateLimiter: RateLimiterService,
    private readonly documents: DocumentsService,
  ) {}

  /**
   * An unknown number and a wrong code answer alike. Guessing is throttled so that nobody can lock
   * a citizen out of their own request (OWASP's "device cookie" idea, with the client address as
   * the device):
   * - per client address ('tracking_ip'): 30 failed lookups in 15 minutes, whatever the number;
   * - per client and number ('tracking_client_number'): that client's own wrong codes for the
   *   number, 10 an hour, or 2 once the number is under attack;
   * - per number ('tracking_number'): wrong codes from everybody; it refuses nobody by itself,
   *   but from 10 an hour on the number counts as under attack.
   * Each attempt is counted before the lookup (so parallel guesses cannot slip past) and given
   * back when the code is right, so the counts hold wrong guesses only. A client with no wrong
   * guess of its own is never refused: the right code from a fresh client always works.
   */
  async find(numberInput: string, codeInput: string, clientIp: string): Promise<InformationRequest> {
    await this.rateLimiter.consume('tracking_ip', clientIp);
    const number = normalizeRegistrationNumber(numberInput);
    if (!number) throw new RequestNotFound();
    const clientKey = `${clientIp}|${number}`;
    const wrongForNumber = await this.rateLimiter.count('tracking_number', number);
    try {
      await this.rateLimiter.consume('tracking_client_number', clientKey, trackingAllowance(wrongForNumber));
    } catch (e) {
      await this.rateLimiter.refund('tracking_ip', clientIp);
      throw e;
    }
    const request = await this.requests.findByRegistrationNumber(number);
    if (!request || !this.codes.matches(request, codeInput)) {
      await this.rateLimiter.consume('tracking_number', number);
      throw new RequestNotFound();
    }
    await this.rateLimiter.refund('tracking_client_number', clientKey);
    await this.rateLimiter.refund('tracking_ip', clientIp);
    return request;
  }

  async record(request: InformationRequest): Promise<TrackingRecord> {
    const unit = await this.bodies.getUnit(request.receivingUnitId);
    const events = await this.requests.findTimeline(request.id, true);
    const documents = await this.requests.findDocuments(request.id);
    const noticeEvent = [...events].reverse().find((e) => NOTICE_EVENT_TYPES.has(e.type) && typeof e.data.notice === 'object' && e.data.notice !== null);
    return {
      receipt: await this.receipts.of(request, unit),
      events,
      documents,
      notice: noticeEvent ? (noticeEvent.data.notice as NoticeInput) : null,
      forwardedTo: await this.linked(request.forwardedToRequestId),
      forwardedFrom: await this.linked(request.forwardedFromRequestId),
    };
  }

  private async linked(id: string | null): Promise<{ registrationNumber: string; bodyName: string } | null> {
    const other = id ? await this.requests.findById(id) : null;
    if (!other) return null;
    const unit = await this.bodies.findActiveUnit(other.receivingUnitId);
    return { registrationNumber: other.registrationNumber, bodyName: unit?.body.name ?? '' };
  }

  /** The tanda bukti penerimaan as PDF. */
  async receiptPdf(request: InformationRequest, now: Date): Promise<Buffer> {
    const unit = await this.bodies.getUnit(request.receivingUnitId);
    const receipt = presentReceipt(await this.receipts.of(request, unit), this.config.appUrl);
    return this.documents.renderReceipt({
      ...receipt,
      trackingCode: formatTrackingCode(this.codes.reveal(request)),
      issuedAtText: formatInstant(now, unit.timeZone),
    });
  }

  /** The receipt PDF by registration number, for the mail worker (it holds no tracking code). */
  async receiptPdfByNumber(number: string, now: Date): Promise<Buffer> {
    const request = await this.requests.findByRegistrationNumber(number);
    if (!request) throw new RequestNotFound();
    return this.receiptPdf(request, now);
  }
}
