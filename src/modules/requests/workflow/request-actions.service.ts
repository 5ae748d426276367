import { Injectable } from '@nestjs/common';
import { Actor } from 'src/common/auth/actor';
import { AccessDenied } from 'src/common/auth/access-errors';
import { FieldCipher, sealContext } from 'src/common/crypto/field-cipher';
import { FileTooLarge, NotFound, ValidationFailed } from 'src/common/errors/domain-error';
import { sniffFileTypeAt } from 'src/common/files/file-sniffer';
import { parseDto } from 'src/common/forms/validate-dto';
import { localDateTimeOf, timeZoneLabel } from 'src/common/time/local-time';
import { readUploadedFile, UploadedFile } from 'src/common/uploads/uploaded-file';
import { formatLocalDate } from 'src/common/views/view-helpers';
import { AppConfig } from 'src/config/app-config';
import { DatabaseService } from 'src/database/database.service';
import { AuditService } from 'src/modules/audit';
import { BodiesService, PpidUnit } from 'src/modules/bodies';
import { CalendarService } from 'src/modules/calendar';
import { FilesService } from 'src/modules/files';
import { ANSWER_WORKING_DAYS } from 'src/modules/requests/intake/intake.service';
import { formatRegistrationNumber } from 'src/modules/requests/intake/registration-number';
import { InformationRequest } from 'src/modules/requests/request.entity';
import { ActionNotAllowed, RequestChanged, RequestNotFound } from 'src/modules/requests/request.errors';
import { STATUS_LABELS } from 'src/modules/requests/request-status';
import { RequestsRepository } from 'src/modules/requests/requests.repository';
import { TrackingCodes } from 'src/modules/requests/tracking/tracking-code';
import { TrackingService } from 'src/modules/requests/tracking/tracking.service';
import { correctionLetter, transferLetter } from './action-letters';
import { deliveryProblems, isGrant } from './delivery-rules';
import { CorrectionDto, DeliveryDto, ReturnRefusalDto, TransferDto, WithdrawalDto } from './dto/request-actions.dto';
import { refusalLetter } from './letters';
import { NoticeInput } from './notice-input';
import { decidesRefusal } from './refusal-approval';
import { nextStatus, TRANSITIONS } from './request-transitions';
import { RequestWorkflowService } from './request-workflow.service';

export const DELIVERY_PROOF_MAX_BYTES = 5 * 1024 * 1024;
const DELIVERY_PROOF_TYPES = new Set(['pdf', 'jpg', 'png']);

/**
 * The later steps of a request: recording a delivery, the PPID Utama's decision on a PPID
 * Pelaksana's refusal, a ralat of a letter, forwarding to another body, and the requester's
 * withdrawal. Officers' actions run through RequestWorkflowService.act (access, lock, version,
 * transition, event, letter, one transaction).
 */
@Injectable()
export class RequestActionsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly workflow: RequestWorkflowService,
    private readonly requests: RequestsRepository,
    private readonly bodies: BodiesService,
    private readonly calendar: CalendarService,
    private readonly files: FilesService,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly codes: TrackingCodes,
    private readonly tracking: TrackingService,
    private readonly config: AppConfig,
  ) {}

  /** A granted request's information reached the requester outside the portal: date, channel and proof. */
  async recordDelivery(
    actor: Actor,
    id: string,
    input: { deliveredOn: unknown; channel: unknown; note?: unknown; version?: unknown },
    proof: UploadedFile | undefined,
    now: Date,
  ): Promise<void> {
    await this.workflow.visibleRequest(actor, id);
    const d = parseDto(DeliveryDto, { deliveredOn: input.deliveredOn, channel: input.channel, note: input.note });
    const file = proof && proof.size > 0 ? await this.checkedProof(proof) : null;
    await this.workflow.act(actor, id, 'record_delivery', input.version, now, async (m, r, { unit }) => {
      if (!isGrant(r.decision)) throw new ActionNotAllowed('Penyampaian informasi hanya dicatat untuk permohonan yang dikabulkan seluruhnya atau sebagian.');
      const today = localDateTimeOf(now, unit.timeZone).date;
      const noticeOn = r.answeredAt ? localDateTimeOf(r.answeredAt, unit.timeZone).date : null;
      const problems = deliveryProblems({ deliveredOn: d.deliveredOn, note: d.note || null, hasProofFile: file !== null }, { noticeOn, today });
      if (Object.keys(problems).length > 0) throw new ValidationFailed(problems);
      const stored = file
        ? await this.files.store(m, { kind: 'delivery_proof', filename: file.filename, mediaType: file.mediaType, content: file.content, encrypt: true })
        : null;
      return {
        result: undefined,
        patch: { deliveredOn: d.deliveredOn, deliveryChannel: d.channel, deliveryNote: d.note || null, deliveryProofFileId: stored?.id ?? null },
        data: { deliveredOn: d.deliveredOn, channel: d.channel, note: d.note || null, proofFile: stored?.filename ?? null },
      };
    });
  }

  /** The PPID Utama approves a PPID Pelaksana's refusal: the letter is numbered by the Utama and goes out. */
  async approveRefusal(actor: Actor, id: string, version: unknown, now: Date): Promise<{ documentId: string }> {
    const utama = await this.assertDecidesRefusal(actor, id);
    let documentId = '';
    await this.workflow.act(
      actor,
      id,
      'approve_refusal',
      version,
      now,
      async (m, r, { unit }) => {
        const submitted = await this.requests.latestEventOfType(m, r.id, TRANSITIONS.submit_refusal.event);
        // The letter goes out now: a refusal approved after the due date is a late answer (ground g).
        const late = localDateTimeOf(now, unit.timeZone).date > r.dueDate;
        const n = submitted?.data.notice as NoticeInput | undefined;
        if (!submitted || !n) throw new ActionNotAllowed('Rancangan penolakan tidak ditemukan.');
        return {
          result: undefined,
          patch: { decision: 'refused', answeredAt: now },
          data: { notice: n, approvedBy: actor.name, preparedBy: submitted.actorName },
          letter: {
            title: 'Surat penolakan permohonan',
            message: 'Permohonan informasi Anda tidak dapat dipenuhi. Alasan, dasar hukum dan hak Anda untuk mengajukan keberatan tercantum dalam surat terlampir.',
            build: (ctx) => refusalLetter(ctx, n, { late }),
            issuer: utama,
          },
          after: async (em, _eventId, letterId) => {
            // The refusal takes effect now: its consequence test joins the register of exempted information.
            const test = await this.requests.findConsequenceTestOfEvent(em, submitted.id);
            if (test) {
              const decidedOn = localDateTimeOf(now, unit.timeZone).date;
              await this.workflow.recordWithheld(em, this.workflow.withheldOf(r, unit, test, decidedOn, n.exemptionItemId ?? null, actor.userId), now);
            }
            await this.audit.record(
              { actor, action: 'request.refusal_approved', target: { type: 'request', id: r.id }, details: { unitId: r.unitId, letterId } },
              em,
            );
          },
        };
      },
      (docId) => (documentId = docId),
    );
    return { documentId };
  }

  /** The PPID Utama sends a refusal back to the PPID Pelaksana with a reason; nothing goes out. */
  async returnRefusal(actor: Actor, id: string, input: { reason: unknown; version?: unknown }, now: Date): Promise<void> {
    await this.assertDecidesRefusal(actor, id);
    const { reason } = parseDto(ReturnRefusalDto, { reason: input.reason });
    await this.workflow.act(actor, id, 'return_refusal', input.version, now, async (_m, r) => ({
      result: undefined,
      data: { reason },
      public: false,
      after: async (em) => {
        await this.audit.record({ actor, action: 'request.refusal_returned', target: { type: 'request', id: r.id }, details: { unitId: r.unitId } }, em);
      },
    }));
  }

  /** A ralat: a new numbered letter naming the letter it corrects; both stay on the record. */
  async correctLetter(actor: Actor, id: string, input: { documentId: unknown; original: unknown; corrected: unknown; version?: unknown }, now: Date): Promise<{ documentId: string }> {
    await this.workflow.visibleRequest(actor, id);
    const c = parseDto(CorrectionDto, { documentId: typeof input.documentId === 'number' ? String(input.documentId) : input.documentId, original: input.original, corrected: input.corrected });
    const letter = await this.requests.findDocument(id, c.documentId);
    if (!letter || letter.kind !== 'letter' || !letter.letterNumber) throw new ValidationFailed({ documentId: 'Pilih surat yang akan diralat dari daftar surat permohonan ini.' });
    const number = letter.letterNumber;
    let documentId = '';
    await this.workflow.act(
      actor,
      id,
      'correct_letter',
      input.version,
      now,
      async (_m, _r, { unit }) => {
        const dateText = formatLocalDate(localDateTimeOf(letter.createdAt, unit.timeZone).date, false);
        return {
          result: undefined,
          data: { documentId: letter.id, letterNumber: number },
          letter: {
            title: `Ralat surat nomor ${number}`,
            message: `Surat nomor ${number} tanggal ${dateText} memuat kekeliruan dan diralat dengan surat terlampir.`,
            build: (ctx) => correctionLetter(ctx, { number, dateText, title: letter.title }, { original: c.original, corrected: c.corrected }),
            corrects: letter.id,
          },
        };
      },
      (docId) => (documentId = docId),
    );
    return { documentId };
  }

  /**
   * Forwards a request whose information another body on the portal holds: registered at that
   * body's PPID Utama with its own number and clock (received now, due by its calendar), the
   * requester's data carried over under the new number, the same tracking code; the original
   * closes as forwarded with a notice letter.
   */
  async transfer(actor: Actor, id: string, input: { bodyCode: unknown; note?: unknown; version?: unknown }, now: Date): Promise<{ requestId: string; registrationNumber: string; dueDate: string }> {
    const original = await this.workflow.visibleRequest(actor, id);
    const t = parseDto(TransferDto, { bodyCode: input.bodyCode, note: input.note });
    const target = await this.targetUtama(t.bodyCode);
    if (!target) throw new ValidationFailed({ bodyCode: 'Badan publik tujuan tidak ditemukan. Pilih dari daftar.' });
    if (target.bodyId === original.bodyId) {
      throw new ValidationFailed({ bodyCode: 'Pilih badan publik lain. Untuk PPID Pelaksana pada badan publik yang sama, gunakan disposisi.' });
    }
    // Everything read before the transaction: on the embedded database it holds the only connection.
    const targetCalendar = await this.calendar.calendarFor(target.bodyId);
    const due = this.calendar.dueDateWith(targetCalendar, target, now, ANSWER_WORKING_DAYS);
    const year = Number(localDateTimeOf(now, target.timeZone).date.slice(0, 4));
    const dueDateText = `${formatLocalDate(due.dueDate)} pukul 23.59 ${timeZoneLabel(target.timeZone, now)}`;
    let created = { requestId: '', registrationNumber: '', dueDate: due.dueDate };
    await this.workflow.act(actor, id, 'transfer', input.version, now, async (m, r) => {
      const seq = await this.requests.nextRegistrationSeq(m, target.id, year);
      const number = formatRegistrationNumber(target.body.regionCode, target.code, year, seq);
      const open = (column: string, value: Buffer | null) => this.cipher.decryptText(value, sealContext('requests', column, r.registrationNumber));
      const seal = (column: string, value: string | null) => (value === null ? null : this.cipher.encrypt(value, sealContext('requests', column, number)));
      const copy = await this.requests.insertRequest(m, {
        registrationNumber: number,
        receivingUnitId: target.id,
        registrationYear: year,
        registrationSeq: seq,
        unitId: target.id,
        bodyId: target.bodyId,
        channel: r.channel,
        status: 'received',
        requesterType: r.requesterType,
        requesterName: r.requesterName,
        requesterNik: seal('requester_nik', open('requester_nik', r.requesterNik)),
        requesterNikLast4: r.requesterNikLast4,
        requesterRegistrationNo: r.requesterRegistrationNo,
        requesterAddress: seal('requester_address', open('requester_address', r.requesterAddress) ?? '') ?? Buffer.alloc(0),
        requesterOccupation: r.requesterOccupation,
        requesterPhone: seal('requester_phone', open('requester_phone', r.requesterPhone)),
        requesterEmail: r.requesterEmail,
        information: r.information,
        purpose: r.purpose,
        obtainMethod: r.obtainMethod,
        copyDelivery: r.copyDelivery,
        identityDocumentId: r.identityDocumentId,
        receivedAt: now,
        effectiveReceiptDate: due.effectiveReceiptDate,
        dueDate: due.dueDate,
        dueProvisional: due.provisional,
        trackingCode: this.codes.seal(this.codes.reveal(r), number),
        forwardedFromRequestId: r.id,
        version: 1,
      });
      await this.requests.insertEvent(m, {
        requestId: copy.id,
        type: 'received_by_transfer',
        actorKind: 'officer',
        actorId: actor.userId,
        actorName: actor.name,
        occurredAt: now,
        toStatus: 'received',
        newDueDate: due.dueDate,
        data: { fromRequestId: r.id, fromRegistrationNumber: r.registrationNumber, fromBodyId: r.bodyId, effectiveReceiptDate: due.effectiveReceiptDate },
      });
      created = { requestId: copy.id, registrationNumber: number, dueDate: due.dueDate };
      const trackingUrl = `${this.config.appUrl}/lacak?nomor=${encodeURIComponent(number)}`;
      return {
        result: undefined,
        patch: { decision: 'forwarded', answeredAt: now, forwardedToRequestId: copy.id },
        data: { toRequestId: copy.id, toRegistrationNumber: number, toBodyName: target.body.name, toUnitName: target.name, note: t.note || null },
        letter: {
          title: 'Surat pemberitahuan penerusan permohonan',
          message:
            `Informasi yang Anda minta dikuasai ${target.body.name}. Permohonan Anda telah diteruskan kepada ${target.name} ` +
            `dan terdaftar dengan nomor pendaftaran baru ${number}, dengan batas waktu ${dueDateText}. ` +
            `Lacak permohonan tersebut di ${trackingUrl} dengan kode lacak yang sama.`,
          build: (ctx) =>
            transferLetter(ctx, { bodyName: target.body.name, unitName: target.name, registrationNumber: number, dueDateText, trackingUrl }, t.note || null),
        },
      };
    });
    return created;
  }

  /**
   * The requester withdraws (dicabut) a request not yet finished, with the tracking code: the
   * clock stops (no reminders, not overdue in the queue) and the officers see it on the request.
   */
  async withdraw(input: { number: string; code: string; clientIp: string; reason?: unknown }, now: Date): Promise<InformationRequest> {
    const found = await this.tracking.find(input.number, input.code, input.clientIp);
    const { reason } = parseDto(WithdrawalDto, { reason: input.reason });
    await this.db.transaction(async (m) => {
      const r = await this.requests.lockById(m, found.id);
      if (!r) throw new RequestNotFound();
      const to = nextStatus('withdraw', r.status);
      if (to === null) {
        throw new ActionNotAllowed(`Permohonan tidak dapat dicabut karena sudah berstatus "${STATUS_LABELS[r.status]}".`);
      }
      await this.requests.updateRequest(m, r.id, {
        status: to,
        withdrawnAt: now,
        withdrawalReason: reason || null,
        closedAt: now,
        version: r.version + 1,
        updatedAt: now,
      });
      await this.requests.insertEvent(m, {
        requestId: r.id,
        type: TRANSITIONS.withdraw.event,
        actorKind: 'requester',
        actorName: r.requesterName,
        occurredAt: now,
        fromStatus: r.status,
        toStatus: to,
        data: { reason: reason || null },
      });
    });
    const after = await this.requests.findById(found.id);
    if (!after) throw new RequestChanged();
    return after;
  }

  /** The delivery proof file, for those who may see the request. */
  async deliveryProof(actor: Actor, id: string): Promise<{ filename: string; mediaType: string; content: Buffer }> {
    const request = await this.workflow.visibleRequest(actor, id);
    const file = request.deliveryProofFileId ? await this.files.read(request.deliveryProofFileId) : null;
    if (!file) throw new NotFound('Bukti penyampaian tidak ditemukan.');
    return { filename: file.filename, mediaType: file.mediaType, content: file.plain };
  }

  /** The PPID Utama unit of a body by code ('35.07' or '3507'), or null. */
  private async targetUtama(code: string): Promise<PpidUnit | null> {
    try {
      const body = await this.bodies.getBody(code);
      const utama = body.units.find((u) => u.level === 'utama');
      return utama ? await this.bodies.findActiveUnit(utama.id) : null;
    } catch (e) {
      if (e instanceof NotFound) return null;
      throw e;
    }
  }

  /** 404 for a request the actor may not see; 403 for anyone but an officer of the body's PPID Utama. Returns that unit. */
  private async assertDecidesRefusal(actor: Actor, id: string): Promise<PpidUnit> {
    const request = await this.workflow.visibleRequest(actor, id);
    const unit = actor.role === 'officer' && actor.unitId !== null ? await this.bodies.findActiveUnit(actor.unitId) : null;
    if (!unit || !decidesRefusal({ role: actor.role, unit }, request.bodyId)) {
      throw new AccessDenied('Hanya petugas PPID Utama badan publik ini yang dapat memutus penolakan dari PPID Pelaksana.');
    }
    return unit;
  }

  private async checkedProof(f: UploadedFile): Promise<{ filename: string; mediaType: string; content: Buffer }> {
    if (f.size > DELIVERY_PROOF_MAX_BYTES) throw new FileTooLarge({ proof: `${f.originalname}: paling besar 5 MB.` });
    const type = await sniffFileTypeAt(f.path);
    if (!type || !DELIVERY_PROOF_TYPES.has(type.ext)) throw new ValidationFailed({ proof: `${f.originalname}: bukti penyampaian harus berupa PDF, JPEG atau PNG.` });
    return { filename: f.originalname, mediaType: type.mime, content: await readUploadedFile(f) };
  }
}
