import { isUniqueViolation } from 'src/common/errors/database-errors';
import { Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { FieldCipher, sealContext } from 'src/common/crypto/field-cipher';
import { ValidationFailed } from 'src/common/errors/domain-error';
import { sniffFileTypeAt } from 'src/common/files/file-sniffer';
import { RateLimiterService } from 'src/common/security/rate-limiter.service';
import { readUploadedFile, sha256OfUploadedFile, UploadedFile } from 'src/common/uploads/uploaded-file';
import { DatabaseService } from 'src/database/database.service';
import { BodiesService, PpidUnit } from 'src/modules/bodies';
import { validateDto } from 'src/common/forms/validate-dto';
import { OfflineReceiptDto } from 'src/modules/requests/dto/create-request.dto';
import { CalendarService } from 'src/modules/calendar';
import { instantOfLocalTime, isValidLocalDate, localDateTimeOf } from 'src/common/time/local-time';
import { FilesService } from 'src/modules/files';
import { MailService } from 'src/modules/notifications';
import { formatRegistrationNumber } from 'src/modules/requests/intake/registration-number';
import { Actor } from 'src/common/auth/actor';
import { AccessPolicy } from 'src/modules/auth';
import { AccessDenied } from 'src/common/auth/access-errors';
import { Channel } from 'src/modules/requests/request-options';
import { SubmissionKeyReused } from 'src/modules/requests/request.errors';
import {
  scopedSubmissionKey,
  SubmissionFingerprint,
  submissionDigestInput,
  SubmissionKeyScope,
  validSubmissionKey,
} from 'src/modules/requests/intake/idempotency';
import { parseRequestSubmission, RequestSubmission } from 'src/modules/requests/intake/request-submission';
import { RequestsRepository } from 'src/modules/requests/requests.repository';
import { generateTrackingCode, TrackingCodes } from 'src/modules/requests/tracking/tracking-code';
import { presentReceipt } from 'src/modules/requests/receipt.presenter';
import { RequestReceipt, RequestReceipts } from 'src/modules/requests/request-receipts';
import { AppConfig } from 'src/config/app-config';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Statutory period of Pasal 22(7). */
export const ANSWER_WORKING_DAYS = 10;

export const IDENTITY_DOCUMENT_MAX_BYTES = 2 * 1024 * 1024;
const IDENTITY_DOCUMENT_TYPES = new Set(['image/jpeg', 'image/png', 'application/pdf']);

/** A streamed upload in a temporary file (see AcceptsUploads). */
export type UploadedDocument = UploadedFile;

export interface OnlineSubmission {
  body: Record<string, unknown>;
  identityDocument?: UploadedDocument;
  identityDocumentRequired: boolean;
  submissionKey?: string;
  honeypot?: string;
  clientIp: string;
  now: Date;
}

interface Validated {
  submission: RequestSubmission;
  unit: PpidUnit;
  submissionKey: string | undefined;
}

interface Idempotency {
  scope: SubmissionKeyScope;
  key: string;
  fingerprint: SubmissionFingerprint;
}

/** A request just registered: its receipt, and its tracking code in the clear (known, not decrypted). */
interface Registered {
  receipt: RequestReceipt;
  trackingCode: string;
}

export interface IntakeResult {
  receipt: RequestReceipt;
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
    private readonly receipts: RequestReceipts,
    private readonly access: AccessPolicy,
    private readonly config: AppConfig,
  ) {}

  /**
   * Order matters: validate, count the attempt against the limits (a replay counts too), and only
   * then look the key up, so a key never answers for a body that is invalid or over the limit.
   */
  async submitOnline(input: OnlineSubmission): Promise<IntakeResult> {
    if (input.honeypot) throw new ValidationFailed({ form: 'Permohonan tidak dapat diproses. Muat ulang halaman dan coba lagi.' });
    const { submission, unit, submissionKey } = await this.validate(input);
    await this.rateLimiter.consumeAll([
      { action: 'intake_ip', key: input.clientIp },
      { action: 'intake_email', key: submission.requester.email },
    ]);
    const idempotency = submissionKey
      ? { scope: { kind: 'online' as const }, key: submissionKey, fingerprint: { submission, identityDocumentSha256: await sha256OfUploadedFile(input.identityDocument) } }
      : null;
    return this.registerOnce(idempotency, () =>
      this.register(submission, unit, { channel: 'online', receivedAt: input.now, idempotency, identityDocument: input.identityDocument }),
    );
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
    const receipt = validateDto(OfflineReceiptDto, { channel: input.channel });
    const errors: Record<string, string> = { ...receipt.errors };
    const channel: Channel | null = receipt.value?.channel ?? null;
    let validated: Validated | null = null;
    try {
      validated = await this.validate({ ...input, identityDocumentRequired: false }, { emailOptional: true });
    } catch (e) {
      if (!(e instanceof ValidationFailed)) throw e;
      Object.assign(errors, e.errors);
    }
    // The scope check comes before any key lookup: a foreign unit's key must not reach its request.
    if (validated && !(await this.access.canSeeUnit(actor, validated.unit.id))) errors.unitId = 'Anda tidak dapat mencatat permohonan untuk unit ini.';
    const receivedAt = receivedInstant(input.receivedAt, validated?.unit.timeZone ?? this.config.provinceTimeZone);
    if (!receivedAt) errors.receivedAt = 'Isi tanggal dan jam permohonan diterima.';
    else if (receivedAt.getTime() > now.getTime() + 60_000) errors.receivedAt = 'Waktu diterima tidak boleh di masa depan.';
    if (!validated || !channel || !receivedAt || Object.keys(errors).length > 0) throw new ValidationFailed(errors);
    const { submission, unit, submissionKey } = validated;
    const idempotency = submissionKey
      ? {
          scope: { kind: 'offline' as const, unitId: unit.id },
          key: submissionKey,
          fingerprint: { submission, channel, receivedAt, identityDocumentSha256: await sha256OfUploadedFile(input.identityDocument) },
        }
      : null;
    return this.registerOnce(idempotency, () =>
      this.register(submission, unit, { channel, receivedAt, idempotency, identityDocument: input.identityDocument, recordedBy: actor }),
    );
  }

  /**
   * Registers unless the key was used already (then the replay's answer). The request's key hash
   * is unique, so a used key (or the same submission sent twice at the same moment) fails the
   * insert, which rolls back with its number, and is answered as a replay: a new key costs no
   * lookup. During a key rotation a key stored under the previous key would not collide with its
   * hash under the current one, so then it is looked up first.
   */
  private async registerOnce(idempotency: Idempotency | null, register: () => Promise<Registered>): Promise<IntakeResult> {
    const earlier = idempotency && this.cipher.rotating ? await this.replayOf(idempotency) : null;
    if (earlier) return earlier;
    try {
      const { receipt, trackingCode } = await register();
      return { receipt, trackingCode, duplicate: false };
    } catch (e) {
      const raced = idempotency && isUniqueViolation(e) ? await this.replayOf(idempotency) : null;
      if (raced) return raced;
      throw e;
    }
  }

  /**
   * The answer to a key already used in its scope: the original answer when the submission is the
   * same (digest under the key that hashed the stored key), 422 without any of it when not. Null
   * when the key is new.
   */
  private async replayOf(idempotency: Idempotency): Promise<IntakeResult | null> {
    const candidates = this.cipher.keyedHashes(scopedSubmissionKey(idempotency.scope, idempotency.key));
    const existing = await this.requests.findBySubmissionKeyHashes(
      candidates.map((c) => c.hash),
      idempotency.scope.kind === 'offline' ? idempotency.scope.unitId : null,
    );
    if (!existing) return null;
    const under = candidates.find((c) => c.hash === existing.submissionKeyHash);
    const digest = under ? this.cipher.keyedHashWith(under.keyId, submissionDigestInput(idempotency.fingerprint)) : null;
    const stored = existing.submissionDigest;
    if (!digest || !stored || stored.length !== digest.length || !timingSafeEqual(Buffer.from(stored), Buffer.from(digest))) {
      throw new SubmissionKeyReused();
    }
    return { receipt: await this.receipts.of(existing), trackingCode: this.codes.reveal(existing), duplicate: true };
  }

  private async validate(
    input: Pick<OnlineSubmission, 'body' | 'identityDocument' | 'identityDocumentRequired' | 'submissionKey'>,
    options: { emailOptional?: boolean } = {},
  ): Promise<Validated> {
    const parsed = parseRequestSubmission(input.body, options);
    const errors = { ...(parsed.errors ?? {}) };
    let unit: PpidUnit | null = null;
    if (parsed.submission) {
      unit = await this.bodies.findActiveUnitCached(parsed.submission.unitId);
      if (!unit) errors.unitId = 'Unit PPID tujuan tidak ditemukan.';
    }
    const docProblem = await identityDocumentProblem(input.identityDocument, input.identityDocumentRequired);
    if (docProblem) errors.identityDocument = docProblem;
    const submissionKey = validSubmissionKey(input.submissionKey);
    if (input.submissionKey !== undefined && submissionKey === undefined) {
      errors.submissionKey = 'Kunci pengiriman (Idempotency-Key) harus 16–64 karakter huruf, angka, "-" atau "_".';
    }
    if (!parsed.submission || !unit || Object.keys(errors).length > 0) throw new ValidationFailed(errors);
    return { submission: parsed.submission, unit, submissionKey };
  }

  private async register(
    s: RequestSubmission,
    unit: PpidUnit,
    meta: {
      channel: Channel;
      receivedAt: Date;
      idempotency: Idempotency | null;
      identityDocument?: UploadedDocument;
      recordedBy?: Actor;
    },
  ): Promise<Registered> {
    // Everything that reads the database is loaded before the transaction: on the embedded
    // database the transaction holds the only connection.
    const calendar = await this.calendar.calendarFor(unit.bodyId);
    const due = dueDateOrInvalid(() => this.calendar.dueDateWith(calendar, unit, meta.receivedAt, ANSWER_WORKING_DAYS), calendar.firstYear);
    const year = Number(localDateTimeOf(meta.receivedAt, unit.timeZone).date.slice(0, 4));
    const document = meta.identityDocument;
    const documentType = document ? await sniffFileTypeAt(document.path) : null;
    // Validated already (size, type); read whole only now, to store it encrypted in the database.
    const documentContent = document && documentType ? await readUploadedFile(document) : null;
    const trackingCode = generateTrackingCode();
    // Under the current key; a lookup also tries the previous one (see replayOf).
    const idempotency = meta.idempotency
      ? {
          submissionKeyHash: this.cipher.keyedHash(scopedSubmissionKey(meta.idempotency.scope, meta.idempotency.key)),
          submissionDigest: this.cipher.keyedHash(submissionDigestInput(meta.idempotency.fingerprint)),
        }
      : { submissionKeyHash: null, submissionDigest: null };
    return this.db.transaction(async (m) => {
      const file =
        documentContent && documentType
          ? await this.files.store(m, {
              kind: 'identity_document',
              filename: `identitas.${documentType.ext}`,
              mediaType: documentType.mime,
              content: documentContent,
              encrypt: true,
            })
          : null;
      // The unit's counter stays locked from here to the commit: only the statements that need
      // the number follow (the request with its first event, the receipt mail and its job).
      const seq = await this.requests.nextRegistrationSeq(m, unit.id, year);
      const registrationNumber = formatRegistrationNumber(unit.body.regionCode, unit.code, year, seq);
      const seal = (column: string, value: string): Buffer => this.cipher.encrypt(value, sealContext('requests', column, registrationNumber));
      const request = await this.requests.insertRequestWithEvent(m, {
        registrationNumber,
        receivingUnitId: unit.id,
        registrationYear: year,
        registrationSeq: seq,
        unitId: unit.id,
        bodyId: unit.bodyId,
        channel: meta.channel,
        status: 'received',
        requesterType: s.requester.type,
        requesterName: s.requester.name,
        requesterNik: s.requester.nik ? seal('requester_nik', s.requester.nik) : null,
        requesterNikLast4: s.requester.nik ? s.requester.nik.slice(-4) : null,
        requesterRegistrationNo: s.requester.registrationNo,
        requesterAddress: seal('requester_address', s.requester.address),
        requesterOccupation: s.requester.occupation,
        requesterPhone: seal('requester_phone', s.requester.phone),
        requesterEmail: s.requester.email,
        information: s.information,
        purpose: s.purpose,
        obtainMethod: s.obtainMethod,
        copyDelivery: s.copyDelivery,
        publicationConsent: s.publicationConsent,
        identityDocumentId: file?.id ?? null,
        receivedAt: meta.receivedAt,
        effectiveReceiptDate: due.effectiveReceiptDate,
        dueDate: due.dueDate,
        dueProvisional: due.provisional,
        trackingCode: this.codes.seal(trackingCode, registrationNumber),
        ...idempotency,
        version: 1,
      }, {
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
      const receipt = this.receipts.with(request, unit, calendar);
      if (s.requester.email) await this.mail.enqueue(m, {
        template: 'request_receipt',
        to: s.requester.email,
        requestId: request.id,
        data: { ...presentReceipt(receipt, this.config.appUrl), trackingCode },
        attachments: [{ kind: 'request_receipt', ref: request.registrationNumber }],
      });
      return { receipt, trackingCode };
    });
  }
}

async function identityDocumentProblem(doc: UploadedDocument | undefined, required: boolean): Promise<string | null> {
  if (!doc || doc.size === 0) return required ? 'Unggah dokumen identitas (KTP, akta pendirian, atau surat kuasa).' : null;
  if (doc.size > IDENTITY_DOCUMENT_MAX_BYTES) return 'Dokumen identitas paling besar 2 MB.';
  const type = await sniffFileTypeAt(doc.path);
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
