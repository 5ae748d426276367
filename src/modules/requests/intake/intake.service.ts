import { Injectable } from '@nestjs/common';
import { FieldCipher } from 'src/common/crypto/field-cipher';
import { ValidationFailed } from 'src/common/errors/domain-error';
import { sniffFileType } from 'src/common/files/file-sniffer';
import { RateLimiterService } from 'src/common/security/rate-limiter.service';
import { DatabaseService } from 'src/database/database.service';
import { allProvinceCodes } from 'src/modules/bodies/area-data';
import { BodiesService } from 'src/modules/bodies/bodies.service';
import { PpidUnit } from 'src/modules/bodies/ppid-unit.entity';
import { CalendarService } from 'src/modules/calendar/calendar.service';
import { instantOfLocalTime, isValidLocalDate, localDateTimeOf } from 'src/modules/calendar/local-time';
import { FilesService } from 'src/modules/files/files.service';
import { MailService } from 'src/modules/notifications/mail.service';
import { formatRegistrationNumber } from 'src/modules/requests/intake/registration-number';
import { Actor } from 'src/modules/auth/actor';
import { AccessPolicy } from 'src/modules/auth/access-policy';
import { AccessDenied } from 'src/modules/auth/auth.errors';
import { Channel, CHANNELS } from 'src/modules/requests/request-options';
import { InformationRequest } from 'src/modules/requests/request.entity';
import { parseRequestSubmission, RequestSubmission } from 'src/modules/requests/intake/request-submission';
import { RequestsRepository } from 'src/modules/requests/requests.repository';
import { randomSubmissionKey, TrackingCodes } from 'src/modules/requests/tracking/tracking-code';
import { ReceiptView, RequestViews } from 'src/modules/requests/request-views';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Statutory period of Pasal 22(7). */
export const ANSWER_WORKING_DAYS = 10;

const IDENTITY_DOCUMENT_MAX_BYTES = 2 * 1024 * 1024;
const IDENTITY_DOCUMENT_TYPES = new Set(['image/jpeg', 'image/png', 'application/pdf']);

export interface UploadedDocument {
  originalname: string;
  size: number;
  buffer: Buffer;
}

export interface OnlineSubmission {
  body: Record<string, unknown>;
  identityDocument?: UploadedDocument;
  identityDocumentRequired: boolean;
  submissionKey?: string;
  honeypot?: string;
  clientIp: string;
  now: Date;
}

export interface IntakeResult {
  receipt: ReceiptView;
  trackingCode: string;
  duplicate: boolean;
}

/** Registers requests: validation, limits, numbering, due date, first event and receipt mail in one transaction. */
@Injectable()
export class IntakeService {
  constructor(
    private readonly db: DatabaseService,
    private readonly requests: RequestsRepository,
    private readonly bodies: BodiesService,
    private readonly calendar: CalendarService,
    private readonly files: FilesService,
    private readonly cipher: FieldCipher,
    private readonly codes: TrackingCodes,
    private readonly rateLimiter: RateLimiterService,
    private readonly mail: MailService,
    private readonly views: RequestViews,
    private readonly access: AccessPolicy,
  ) {}

  async submitOnline(input: OnlineSubmission): Promise<IntakeResult> {
    if (input.honeypot) throw new ValidationFailed({ form: 'Permohonan tidak dapat diproses. Muat ulang halaman dan coba lagi.' });
    const submissionKey = input.submissionKey && /^[\w-]{16,64}$/.test(input.submissionKey) ? input.submissionKey : undefined;
    if (submissionKey) {
      const existing = await this.requests.findBySubmissionKey(submissionKey);
      if (existing) return { receipt: await this.views.receipt(existing), trackingCode: this.trackingCode(existing), duplicate: true };
    }
    const { submission, unit } = await this.validate(input);
    await this.rateLimiter.consume('intake_ip', input.clientIp);
    await this.rateLimiter.consume('intake_email', submission.requester.email);
    try {
      const request = await this.register(submission, unit, {
        channel: 'online',
        receivedAt: input.now,
        submissionKey: submissionKey ?? randomSubmissionKey(),
        identityDocument: input.identityDocument,
      });
      return { receipt: await this.views.receipt(request), trackingCode: this.trackingCode(request), duplicate: false };
    } catch (e) {
      // The same form sent twice at the same moment: the unique key lets one through; answer the other with it.
      if (submissionKey && isUniqueViolation(e)) {
        const existing = await this.requests.findBySubmissionKey(submissionKey);
        if (existing) return { receipt: await this.views.receipt(existing), trackingCode: this.trackingCode(existing), duplicate: true };
      }
      throw e;
    }
  }

  /**
   * An officer records a request that came in person, by letter, e-mail or phone (Pasal 22(3)),
   * with its real receipt time; it is numbered like the online ones and the requester gets the
   * same receipt and tracking code.
   */
  async recordOffline(
    actor: Actor,
    input: { body: Record<string, unknown>; channel: unknown; receivedAt: unknown; identityDocument?: UploadedDocument; submissionKey?: string },
    now: Date,
  ): Promise<IntakeResult> {
    if (actor.role !== 'officer') throw new AccessDenied();
    const errors: Record<string, string> = {};
    const channel = typeof input.channel === 'string' && Object.hasOwn(CHANNELS, input.channel) && input.channel !== 'online' ? (input.channel as Channel) : null;
    if (!channel) errors.channel = 'Pilih saluran: datang langsung, surat, e-mail, atau telepon.';
    const submissionKey = input.submissionKey && /^[\w-]{16,64}$/.test(input.submissionKey) ? input.submissionKey : undefined;
    if (submissionKey) {
      const existing = await this.requests.findBySubmissionKey(submissionKey);
      if (existing) return { receipt: await this.views.receipt(existing), trackingCode: this.trackingCode(existing), duplicate: true };
    }
    let validated: { submission: RequestSubmission; unit: PpidUnit } | null = null;
    try {
      validated = await this.validate({ ...input, identityDocumentRequired: false }, { emailOptional: true });
    } catch (e) {
      if (!(e instanceof ValidationFailed)) throw e;
      Object.assign(errors, e.errors);
    }
    if (validated && !(await this.access.canSeeUnit(actor, validated.unit.id))) errors.unitId = 'Anda tidak dapat mencatat permohonan untuk unit ini.';
    const receivedAt = receivedInstant(input.receivedAt, validated?.unit.timeZone ?? 'Asia/Jakarta');
    if (!receivedAt) errors.receivedAt = 'Isi tanggal dan jam permohonan diterima.';
    else if (receivedAt.getTime() > now.getTime() + 60_000) errors.receivedAt = 'Waktu diterima tidak boleh di masa depan.';
    if (!validated || !channel || !receivedAt || Object.keys(errors).length > 0) throw new ValidationFailed(errors);
    const request = await this.register(validated.submission, validated.unit, {
      channel,
      receivedAt,
      submissionKey: submissionKey ?? randomSubmissionKey(),
      identityDocument: input.identityDocument,
      recordedBy: actor,
    });
    return { receipt: await this.views.receipt(request), trackingCode: this.trackingCode(request), duplicate: false };
  }

  private trackingCode(request: InformationRequest): string {
    return this.codes.forSubmission(request.submissionKey as string);
  }

  private async validate(
    input: Pick<OnlineSubmission, 'body' | 'identityDocument' | 'identityDocumentRequired'>,
    options: { emailOptional?: boolean } = {},
  ): Promise<{ submission: RequestSubmission; unit: PpidUnit }> {
    const parsed = parseRequestSubmission(input.body, allProvinceCodes(), options);
    const errors = { ...(parsed.errors ?? {}) };
    let unit: PpidUnit | null = null;
    if (parsed.submission) {
      unit = await this.bodies.getUnit(parsed.submission.unitId).catch(() => null);
      if (!unit) errors.unitId = 'Unit PPID tujuan tidak ditemukan.';
    }
    const docProblem = await identityDocumentProblem(input.identityDocument, input.identityDocumentRequired);
    if (docProblem) errors.identityDocument = docProblem;
    if (!parsed.submission || !unit || Object.keys(errors).length > 0) throw new ValidationFailed(errors);
    return { submission: parsed.submission, unit };
  }

  private async register(
    s: RequestSubmission,
    unit: PpidUnit,
    meta: {
      channel: Channel;
      receivedAt: Date;
      submissionKey: string;
      identityDocument?: UploadedDocument;
      recordedBy?: Actor;
    },
  ): Promise<InformationRequest> {
    // Everything that reads the database is loaded before the transaction: on the embedded
    // database the transaction holds the only connection.
    const calendar = await this.calendar.calendarFor(unit.bodyId);
    const due = dueDateOrInvalid(() => this.calendar.dueDateWith(calendar, unit, meta.receivedAt, ANSWER_WORKING_DAYS), calendar.firstYear);
    const year = Number(localDateTimeOf(meta.receivedAt, unit.timeZone).date.slice(0, 4));
    const document = meta.identityDocument;
    const documentType = document ? await sniffFileType(document.buffer) : null;
    const trackingCode = this.codes.forSubmission(meta.submissionKey);
    return this.db.transaction(async (m) => {
      const seq = await this.requests.nextRegistrationSeq(m, unit.id, year);
      const file =
        document && documentType
          ? await this.files.store(m, {
              kind: 'identity_document',
              filename: `identitas.${documentType.ext}`,
              mediaType: documentType.mime,
              content: document.buffer,
              encrypt: true,
            })
          : null;
      const request = await this.requests.insertRequest(m, {
        registrationNumber: formatRegistrationNumber(unit.body.regionCode, unit.code, year, seq),
        receivingUnitId: unit.id,
        registrationYear: year,
        registrationSeq: seq,
        unitId: unit.id,
        bodyId: unit.bodyId,
        channel: meta.channel,
        status: 'received',
        requesterType: s.requester.type,
        requesterName: s.requester.name,
        requesterNik: s.requester.nik ? this.cipher.encrypt(s.requester.nik) : null,
        requesterNikLast4: s.requester.nik ? s.requester.nik.slice(-4) : null,
        requesterRegistrationNo: s.requester.registrationNo,
        requesterAddress: this.cipher.encrypt(s.requester.address),
        requesterOccupation: s.requester.occupation,
        requesterPhone: this.cipher.encrypt(s.requester.phone),
        requesterEmail: s.requester.email,
        information: s.information,
        purpose: s.purpose,
        obtainMethod: s.obtainMethod,
        copyDelivery: s.copyDelivery,
        identityDocumentId: file?.id ?? null,
        receivedAt: meta.receivedAt,
        effectiveReceiptDate: due.effectiveReceiptDate,
        dueDate: due.dueDate,
        dueProvisional: due.provisional,
        trackingCodeHash: this.codes.hash(trackingCode),
        submissionKey: meta.submissionKey,
        version: 1,
      });
      await this.requests.insertEvent(m, {
        requestId: request.id,
        type: meta.recordedBy ? 'recorded_offline' : 'registered',
        actorKind: meta.recordedBy ? 'officer' : 'requester',
        actorId: meta.recordedBy?.userId ?? null,
        actorName: meta.recordedBy?.name ?? s.requester.name,
        occurredAt: meta.recordedBy ? new Date() : meta.receivedAt,
        toStatus: 'received',
        newDueDate: due.dueDate,
        data: {
          channel: meta.channel,
          receivedAt: meta.receivedAt.toISOString(),
          effectiveReceiptDate: due.effectiveReceiptDate,
          provisional: due.provisional,
        },
      });
      const receipt = this.views.receiptWith(request, unit, calendar);
      if (s.requester.email) await this.mail.enqueue(m, {
        template: 'request_receipt',
        to: s.requester.email,
        requestId: request.id,
        data: { ...receipt, trackingCode },
        attachments: [{ kind: 'request_receipt', ref: request.registrationNumber }],
      });
      return request;
    });
  }
}

async function identityDocumentProblem(doc: UploadedDocument | undefined, required: boolean): Promise<string | null> {
  if (!doc || doc.size === 0) return required ? 'Unggah dokumen identitas (KTP, akta pendirian, atau surat kuasa).' : null;
  if (doc.size > IDENTITY_DOCUMENT_MAX_BYTES) return 'Dokumen identitas paling besar 2 MB.';
  const type = await sniffFileType(doc.buffer);
  if (!type || !IDENTITY_DOCUMENT_TYPES.has(type.mime)) {
    return 'Dokumen identitas harus berupa berkas JPEG, PNG, atau PDF.';
  }
  return null;
}

/** An ISO instant with offset (API), or a local 'YYYY-MM-DDTHH:MM' typed in the unit's zone (form). */
function receivedInstant(raw: unknown, timeZone: string): Date | null {
  if (typeof raw !== 'string') return null;
  if (INSTANT.test(raw)) {
    const d = new Date(raw);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const local = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)$/.exec(raw);
  if (!local || !isValidLocalDate(local[1])) return null;
  return instantOfLocalTime(local[1], Number(local[2]) * 60 + Number(local[3]), timeZone);
}

/** The calendar covers a fixed range of years; a receipt time outside it is the officer's typo, not a fault. */
function dueDateOrInvalid<T>(compute: () => T, firstYear: number): T {
  try {
    return compute();
  } catch (e) {
    if (e instanceof RangeError) throw new ValidationFailed({ receivedAt: `Waktu diterima paling awal 1 Januari ${firstYear}.` });
    throw e;
  }
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; driverError?: { code?: string } };
  return err.code === '23505' || err.driverError?.code === '23505';
}
