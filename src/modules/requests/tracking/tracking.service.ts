import { Injectable } from '@nestjs/common';
import { RateLimiterService } from 'src/common/security/rate-limiter.service';
import { BodiesService } from 'src/modules/bodies/bodies.service';
import { DocumentsService } from 'src/modules/documents/documents.service';
import { formatInstant, ReceiptView, RequestViews, TimelineEntry } from 'src/modules/requests/request-views';
import { normalizeRegistrationNumber } from 'src/modules/requests/intake/registration-number';
import { InformationRequest } from 'src/modules/requests/request.entity';
import { RequestNotFound } from 'src/modules/requests/request.errors';
import { RequestsRepository } from 'src/modules/requests/requests.repository';
import { formatTrackingCode, TrackingCodes } from 'src/modules/requests/tracking/tracking-code';

export interface TrackingView {
  receipt: ReceiptView;
  timeline: TimelineEntry[];
  documents: { id: string; title: string; letterNumber: string | null; kind: string }[];
}

/** The requester's view of a request, given its number and tracking code; no account needed. */
@Injectable()
export class TrackingService {
  constructor(
    private readonly requests: RequestsRepository,
    private readonly views: RequestViews,
    private readonly bodies: BodiesService,
    private readonly codes: TrackingCodes,
    private readonly rateLimiter: RateLimiterService,
    private readonly documents: DocumentsService,
  ) {}

  /** An unknown number and a wrong code answer alike; failed attempts are throttled per address and per number. */
  async find(numberInput: string, codeInput: string, clientIp: string): Promise<InformationRequest> {
    await this.rateLimiter.consume('tracking_ip', clientIp);
    const number = normalizeRegistrationNumber(numberInput);
    if (!number) throw new RequestNotFound();
    await this.rateLimiter.check('tracking_number', number);
    const request = await this.requests.findByRegistrationNumber(number);
    if (!request || !this.codes.matches(request, codeInput)) {
      await this.rateLimiter.consume('tracking_number', number);
      throw new RequestNotFound();
    }
    return request;
  }

  async view(request: InformationRequest): Promise<TrackingView> {
    const unit = await this.bodies.getUnit(request.receivingUnitId);
    const events = await this.requests.findTimeline(request.id, true);
    const documents = await this.requests.findDocuments(request.id);
    return {
      receipt: await this.views.receipt(request, unit),
      timeline: this.views.timeline(events, unit.timeZone),
      documents: documents.map((d) => ({ id: d.id, title: d.title, letterNumber: d.letterNumber, kind: d.kind })),
    };
  }

  /** The tanda bukti penerimaan as PDF. */
  async receiptPdf(request: InformationRequest, now: Date): Promise<Buffer> {
    const unit = await this.bodies.getUnit(request.receivingUnitId);
    const receipt = await this.views.receipt(request, unit);
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
