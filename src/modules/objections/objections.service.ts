import { Injectable } from '@nestjs/common';
import { Actor } from 'src/common/auth/actor';
import { AccessDenied } from 'src/common/auth/access-errors';
import { FieldCipher } from 'src/common/crypto/field-cipher';
import { FileTooLarge, ValidationFailed } from 'src/common/errors/domain-error';
import { sniffFileTypeAt } from 'src/common/files/file-sniffer';
import { parseDto } from 'src/common/forms/validate-dto';
import { LocalDate, localDateTimeOf, timeZoneLabel } from 'src/common/time/local-time';
import { readUploadedFile, UploadedFile } from 'src/common/uploads/uploaded-file';
import { formatInstant, formatLocalDate } from 'src/common/views/view-helpers';
import { DatabaseService } from 'src/database/database.service';
import { AuditService } from 'src/modules/audit';
import { BodiesService, letterDetailsOf, PpidUnit, UnitsRepository } from 'src/modules/bodies';
import { CalendarService, WorkingDayCalendar } from 'src/modules/calendar';
import { DocumentsService } from 'src/modules/documents';
import { DipExemptionsService } from 'src/modules/dip';
import { FilesService } from 'src/modules/files';
import { FollowUpActor, InformationRequest, RequestFollowUps, RequestsRepository, TrackingService } from 'src/modules/requests';
import { Dispute } from './dispute.entity';
import { DecideObjectionDto, DisputeStageDto, FileObjectionDto, ObjectionDecision, RecordDisputeDto } from './dto/objection.dto';
import { Objection } from './objection.entity';
import { proxyAddressContext } from './objection-secrets';
import { ObjectionLetterContext, objectionReceiptLetter, responseLetter } from './objection-letters';
import {
  atasanDueDate,
  canMoveTo,
  checkGrounds,
  DISPUTE_OUTCOMES,
  disputeWindow,
  eligibleGrounds,
  ObjectionGround,
  ObjectionStatus,
  outcomeReopens,
  raisedGrounds,
  RequestFacts,
} from './objection-rules';
import { ObjectionConflict, ObjectionNotEligible, ObjectionNotFound } from './objections.errors';
import { ObjectionsRepository } from './objections.repository';

/** The power of attorney (surat kuasa): JPEG, PNG or PDF by its bytes, at most 2 MB. */
export const PROXY_DOCUMENT_MAX_BYTES = 2 * 1024 * 1024;
const PROXY_DOCUMENT_TYPES = new Set(['image/jpeg', 'image/png', 'application/pdf']);
const QUEUE_LIMIT = 200;
const PENDING_MESSAGE = 'Keberatan atas permohonan ini masih menunggu tanggapan Atasan PPID. Keberatan baru dapat diajukan setelah ada tanggapan.';

const DECISION_STATUS: Record<ObjectionDecision, ObjectionStatus> = {
  uphold: 'upheld',
  overturn: 'overturned',
  overturn_partially: 'partially_overturned',
};

/** An objection with what its pages and the API show about it. */
export interface ObjectionRecord {
  objection: Objection;
  request: InformationRequest;
  dispute: Dispute | null;
  /** The body's PPID Utama: the atasan's office, zone and hours. */
  unit: PpidUnit;
  /** Pasal 37(2): the window to go to the Komisi Informasi; null while the atasan's 30 days run. */
  disputeWindow: { from: LocalDate; lastDay: LocalDate; basis: 'answer' | 'no_answer' } | null;
  calendar: WorkingDayCalendar;
  today: LocalDate;
}

/** What the requester sees on the tracking page: objections so far, and what they could file today. */
export interface RequesterObjections {
  records: ObjectionRecord[];
  /** Grounds eligible today; empty while an objection is pending. */
  eligibleGrounds: ObjectionGround[];
  pending: boolean;
}

/**
 * Keberatan and sengketa: the requester files an objection (with the tracking code), the atasan
 * PPID answers it, and either side records a dispute at the Komisi Informasi. Each use case runs in
 * one transaction with its letter and mail; officers' actions are audited in it.
 */
@Injectable()
export class ObjectionsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly objections: ObjectionsRepository,
    private readonly tracking: TrackingService,
    private readonly requests: RequestsRepository,
    private readonly followUps: RequestFollowUps,
    private readonly bodies: BodiesService,
    private readonly units: UnitsRepository,
    private readonly calendar: CalendarService,
    private readonly documents: DocumentsService,
    private readonly files: FilesService,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    private readonly exemptions: DipExemptionsService,
  ) {}

  /** The request behind a number and tracking code: the same proof, throttling and 404 as the tracking page. */
  findRequest(number: string, code: string, clientIp: string): Promise<InformationRequest> {
    return this.tracking.find(number, code, clientIp);
  }

  /** Pasal 35–36: files an objection if every ground asked for is eligible today. */
  async file(
    request: InformationRequest,
    input: { body: Record<string, unknown>; proxyDocument?: UploadedFile },
    now: Date,
  ): Promise<{ objection: Objection; request: InformationRequest }> {
    const dto = parseDto(FileObjectionDto, input.body);
    const doc = input.proxyDocument && input.proxyDocument.size > 0 ? input.proxyDocument : undefined;
    const docType = await this.checkProxyDocument(dto, doc);
    const unit = await this.utamaOf(request.bodyId);
    const calendar = await this.calendar.calendarFor(request.bodyId);
    const today = localDateTimeOf(now, unit.timeZone).date;
    const previous = await this.objections.findOfRequest(request.id);
    if (previous.some((o) => o.status === 'pending')) throw new ObjectionConflict(PENDING_MESSAGE);
    const facts = await this.factsOf(request);
    const checks = checkGrounds(dto.grounds, facts, today, calendar);
    const raised = raisedGrounds(previous, facts);
    const refused = checks.flatMap((c) =>
      raised.has(c.ground)
        ? [`Keberatan dengan alasan huruf ${c.ground} atas jawaban ini sudah diajukan; bila tidak puas dengan tanggapan Atasan PPID, langkah berikutnya adalah sengketa ke Komisi Informasi (Pasal 37).`]
        : c.eligible
          ? []
          : [c.reason],
    );
    if (refused.length > 0) throw new ObjectionNotEligible(refused);
    const due = atasanDueDate(calendar, now, this.calendar.serviceHoursOf(unit));
    const docContent = doc && docType ? await readUploadedFile(doc) : null;
    const year = Number(today.slice(0, 4));
    const objection = await this.db.transaction(async (m) => {
      // One request row lock orders concurrent filings for the same request.
      const locked = await this.requests.lockById(m, request.id);
      if (!locked) throw new ObjectionNotFound('Permohonan tidak ditemukan.');
      if ((await this.objections.findOfRequest(request.id, m)).some((o) => o.status === 'pending')) {
        throw new ObjectionConflict(PENDING_MESSAGE);
      }
      const seq = await this.objections.nextSeq(m, request.bodyId, year, 'objection');
      const number = `${unit.body.regionCode.replace(/\./g, '')}-KEB-${year}-${String(seq).padStart(5, '0')}`;
      const stored = docContent && docType
        ? await this.files.store(m, { kind: 'identity_document', filename: `surat-kuasa-${number}.${docType.ext}`, mediaType: docType.mime, content: docContent, encrypt: true })
        : null;
      const o = await this.objections.insert(m, {
        number,
        bodyId: request.bodyId,
        year,
        seq,
        requestId: request.id,
        grounds: checks.map((c) => c.ground),
        groundsArose: Object.fromEntries(checks.flatMap((c) => (c.eligible ? [[c.ground, c.arose]] : []))),
        reasons: dto.reasons,
        proxyName: dto.proxyName || null,
        proxyAddress: dto.proxyName && dto.proxyAddress ? this.cipher.encrypt(dto.proxyAddress, proxyAddressContext(number)) : null,
        proxyDocumentId: stored?.id ?? null,
        receivedAt: now,
        effectiveReceiptDate: due.effectiveReceiptDate,
        dueDate: due.dueDate,
        dueProvisional: due.provisional,
        status: 'pending',
      });
      const eventId = await this.followUps.recordEvent(m, locked, {
        type: 'objection_filed',
        actor: { kind: 'requester', id: null, name: null },
        occurredAt: now,
        data: { objectionNumber: number, grounds: o.grounds, dueDate: o.dueDate },
      });
      const ctx = this.letterContext(o, locked, unit);
      const details = letterDetailsOf(unit);
      const pdf = await this.documents.renderLetter(
        objectionReceiptLetter(ctx, {
          date: today,
          dueDateText: `${formatLocalDate(o.dueDate)} pukul 23.59 ${timeZoneLabel(unit.timeZone, now)}`,
          dueProvisional: o.dueProvisional,
          signer: details.signer
            ? { role: details.signer.position, name: details.signer.name, nip: details.signer.nip }
            : { role: `Pejabat Pengelola Informasi dan Dokumentasi\n${unit.name}`, name: unit.name },
        }),
      );
      await this.followUps.attachLetter(m, locked, eventId, {
        title: `Tanda bukti penerimaan keberatan ${number}`,
        letterNumber: number,
        filename: `tanda-terima-keberatan-${number}.pdf`,
        pdf,
        subject: 'Tanda Bukti Penerimaan Keberatan',
        message: `Keberatan Anda telah diterima dengan nomor ${number}. Atasan PPID wajib menanggapi paling lambat ${formatLocalDate(o.dueDate)} (30 hari kerja, Pasal 36 ayat (2) UU 14/2008).`,
        unitName: unit.name,
        bodyName: unit.body.name,
      });
      return o;
    });
    return { objection, request };
  }

  /** The requester's view: every objection of the request with its dispute, and the grounds open today. */
  async ofRequest(request: InformationRequest, now: Date): Promise<RequesterObjections> {
    const list = await this.objections.findOfRequest(request.id);
    const unit = await this.utamaOf(request.bodyId);
    const calendar = await this.calendar.calendarFor(request.bodyId);
    const today = localDateTimeOf(now, unit.timeZone).date;
    const disputes = await this.objections.findDisputesOf(list.map((o) => o.id));
    const records = list.map((o) => this.recordOf(o, request, unit, calendar, today, disputes.find((d) => d.objectionId === o.id) ?? null));
    const pending = list.some((o) => o.status === 'pending');
    const facts = await this.factsOf(request);
    return { records, pending, eligibleGrounds: pending ? [] : eligibleGrounds(facts, today, calendar, raisedGrounds(list, facts)) };
  }

  /** The atasan's queue: objections of the bodies the actor answers for or works in, undecided first. */
  async queue(actor: Actor, now: Date): Promise<ObjectionRecord[]> {
    const bodyIds = await this.bodiesOf(actor);
    const list = await this.objections.findQueue(bodyIds, QUEUE_LIMIT);
    const out: ObjectionRecord[] = [];
    for (const o of list) out.push(await this.load(o, now));
    return out;
  }

  /** One objection the actor may see; another body's answers like a missing one. */
  async get(actor: Actor, id: string, now: Date): Promise<ObjectionRecord> {
    return this.load(await this.visible(actor, id), now);
  }

  /**
   * The atasan PPID's answer (Pasal 36(2)): only a supervisor (atasan PPID) of the objection's body
   * decides. Upholding needs written reasons (36(3)); overturning (in full or in part) needs an
   * instruction and reopens the request with 10 working days. The tanggapan letter is stored with
   * the request, mailed, and tells the requester until when they may go to the Komisi Informasi.
   */
  async decide(actor: Actor, id: string, body: Record<string, unknown>, now: Date): Promise<ObjectionRecord> {
    const before = await this.visible(actor, id);
    if (actor.role !== 'supervisor' || actor.bodyId !== before.bodyId) throw new AccessDenied('Hanya Atasan PPID badan publik ini yang dapat memutus keberatan.');
    const dto = parseDto(DecideObjectionDto, body);
    if (before.status !== 'pending') throw new ObjectionConflict('Keberatan ini sudah diputus; tanggapan Atasan PPID hanya diberikan satu kali.');
    const request = await this.requestOf(before);
    const unit = await this.utamaOf(before.bodyId);
    const calendar = await this.calendar.calendarFor(before.bodyId);
    const overturn = dto.decision !== 'uphold';
    const opening = { kind: 'objection' as const, decision: dto.decision };
    await this.exemptions.checkChoice(request.id, opening, dto.openItemIds ?? [], 'openItemIds');
    const reopenCtx = overturn ? await this.followUps.reopenContext(request) : null;
    const today = localDateTimeOf(now, unit.timeZone).date;
    const year = Number(today.slice(0, 4));
    const position = dto.position ?? `Atasan PPID ${unit.body.name}`;
    const disputeLastDay = disputeWindow({ responseDate: today, dueDate: before.dueDate }, today, calendar)!.lastDay;
    await this.db.transaction(async (m) => {
      const o = await this.objections.lockById(m, id);
      if (!o || o.status !== 'pending') throw new ObjectionConflict('Keberatan ini sudah diputus; tanggapan Atasan PPID hanya diberikan satu kali.');
      const locked = await this.requests.lockById(m, o.requestId);
      if (!locked) throw new ObjectionNotFound('Permohonan tidak ditemukan.');
      const seq = await this.objections.nextSeq(m, o.bodyId, year, 'response');
      const responseNumber = `${String(seq).padStart(3, '0')}/TKB/${unit.body.regionCode.replace(/\./g, '')}/${year}`;
      await this.objections.update(m, o.id, {
        status: DECISION_STATUS[dto.decision],
        decisionReasons: dto.reasons ?? null,
        instruction: overturn ? (dto.instruction ?? null) : null,
        decidedAt: now,
        responseDate: today,
        deciderId: actor.userId,
        deciderName: actor.name,
        deciderPosition: position,
        responseNumber,
        version: o.version + 1,
      });
      const who: FollowUpActor = { kind: 'officer', id: actor.userId, name: actor.name };
      const eventId = await this.followUps.recordEvent(m, locked, {
        type: 'objection_decided',
        actor: who,
        occurredAt: now,
        data: { objectionNumber: o.number, decision: dto.decision, disputeLastDay },
      });
      // Pasal 11(2): what the atasan opened leaves the register of exempted information, in this transaction.
      await this.exemptions.openExemptedItems(m, { requestId: locked.id, decision: opening, chosen: dto.openItemIds, number: o.number, on: today, actorId: actor.userId }, now);
      let newDue: string | null = null;
      if (overturn && reopenCtx) {
        const instruction = dto.instruction ?? '';
        newDue = (await this.followUps.reopen(m, locked.id, reopenCtx, { actor: who, instruction, source: { kind: 'objection', number: o.number } }, now)).dueDate;
      }
      const pdf = await this.documents.renderLetter(
        responseLetter(this.letterContext(o, locked, unit), {
          number: responseNumber,
          date: today,
          decision: dto.decision,
          reasons: dto.reasons ?? null,
          instruction: overturn ? (dto.instruction ?? null) : null,
          newDueDateText: newDue ? formatLocalDate(newDue) : null,
          disputeLastDayText: formatLocalDate(disputeLastDay),
          decider: { name: actor.name, position },
        }),
      );
      await this.followUps.attachLetter(m, locked, eventId, {
        title: `Tanggapan Atasan PPID atas keberatan ${o.number}`,
        letterNumber: responseNumber,
        filename: `tanggapan-keberatan-${o.number}.pdf`,
        pdf,
        subject: 'Tanggapan Atasan PPID atas Keberatan',
        message:
          `Atasan PPID telah menanggapi keberatan Anda nomor ${o.number}. Bila Anda tidak puas, Anda dapat mengajukan sengketa informasi ` +
          `ke Komisi Informasi paling lambat ${formatLocalDate(disputeLastDay)} (14 hari kerja, Pasal 37 ayat (2) UU 14/2008).`,
        unitName: position,
        bodyName: unit.body.name,
      });
      await this.audit.record(
        { actor, action: 'objection.decided', target: { type: 'objection', id: o.id }, details: { decision: dto.decision, requestId: locked.id, reopened: overturn } },
        m,
      );
    });
    return this.get(actor, id, now);
  }

  /** The requester records the dispute they filed with the Komisi Informasi. */
  async recordDisputeByRequester(request: InformationRequest, objectionNumber: string, body: Record<string, unknown>, now: Date): Promise<ObjectionRecord> {
    const o = (await this.objections.findOfRequest(request.id)).find((x) => x.number === objectionNumber.trim().toUpperCase());
    if (!o) throw new ObjectionNotFound();
    await this.recordDispute(o, { kind: 'requester', id: null, name: null }, null, body, now);
    return this.load((await this.objections.findById(o.id))!, now);
  }

  /** An officer or the atasan records a dispute they were notified of. */
  async recordDisputeByOfficer(actor: Actor, id: string, body: Record<string, unknown>, now: Date): Promise<ObjectionRecord> {
    const o = await this.visible(actor, id);
    this.assertWorker(actor);
    await this.recordDispute(o, { kind: 'officer', id: actor.userId, name: actor.name }, actor, body, now);
    return this.get(actor, id, now);
  }

  /** The requester records a stage or the outcome of their dispute. */
  async disputeStageByRequester(request: InformationRequest, disputeId: string, body: Record<string, unknown>, now: Date): Promise<ObjectionRecord> {
    const d = await this.objections.findDisputeById(disputeId);
    if (!d || d.requestId !== request.id) throw new ObjectionNotFound('Sengketa tidak ditemukan.');
    await this.disputeStage(d, { kind: 'requester', id: null, name: null }, null, body, now);
    return this.load((await this.objections.findById(d.objectionId))!, now);
  }

  async disputeStageByOfficer(actor: Actor, disputeId: string, body: Record<string, unknown>, now: Date): Promise<ObjectionRecord> {
    const d = await this.objections.findDisputeById(disputeId);
    if (!d) throw new ObjectionNotFound('Sengketa tidak ditemukan.');
    await this.visible(actor, d.objectionId);
    this.assertWorker(actor);
    await this.disputeStage(d, { kind: 'officer', id: actor.userId, name: actor.name }, actor, body, now);
    return this.get(actor, d.objectionId, now);
  }

  private async recordDispute(o: Objection, who: FollowUpActor, actor: Actor | null, body: Record<string, unknown>, now: Date): Promise<void> {
    const dto = parseDto(RecordDisputeDto, body);
    const unit = await this.utamaOf(o.bodyId);
    const calendar = await this.calendar.calendarFor(o.bodyId);
    const today = localDateTimeOf(now, unit.timeZone).date;
    if (dto.filedOn > today) throw new ValidationFailed({ filedOn: 'Tanggal pengajuan tidak boleh di masa depan.' });
    const window = disputeWindow(o, today, calendar);
    if (!window) {
      throw new ObjectionConflict(
        `Sengketa baru dapat dicatat setelah Atasan PPID menanggapi keberatan ${o.number} atau setelah batas waktu tanggapannya (${formatLocalDate(o.dueDate)}) lewat.`,
      );
    }
    // The day the objection was handed in, not its receipt date for counting (the next working day after office hours).
    if (dto.filedOn < localDateTimeOf(o.receivedAt, unit.timeZone).date) throw new ValidationFailed({ filedOn: 'Tanggal pengajuan sengketa tidak boleh sebelum keberatan diajukan.' });
    const request = await this.requestOf(o);
    await this.db.transaction(async (m) => {
      const locked = await this.objections.lockById(m, o.id);
      if (!locked) throw new ObjectionNotFound();
      if ((await this.objections.findDisputesOf([o.id], m)).length > 0) {
        throw new ObjectionConflict(`Sengketa atas keberatan ${o.number} sudah dicatat. Catat tahap berikutnya pada sengketa tersebut.`);
      }
      const by = who.kind === 'requester' ? 'requester' : 'officer';
      const d = await this.objections.insertDispute(m, {
        objectionId: o.id,
        requestId: o.requestId,
        filedOn: dto.filedOn,
        caseNumber: dto.caseNumber,
        stage: 'registered',
        stages: [{ stage: 'registered', on: dto.filedOn, by }],
        recordedBy: by,
      });
      await this.followUps.recordEvent(m, request, {
        type: 'dispute_recorded',
        actor: who,
        occurredAt: now,
        data: { objectionNumber: o.number, caseNumber: dto.caseNumber, filedOn: dto.filedOn, late: dto.filedOn > window.lastDay },
      });
      if (actor) {
        await this.audit.record({ actor, action: 'dispute.recorded', target: { type: 'dispute', id: d.id }, details: { objectionId: o.id, filedOn: dto.filedOn } }, m);
      }
    });
  }

  private async disputeStage(d: Dispute, who: FollowUpActor, actor: Actor | null, body: Record<string, unknown>, now: Date): Promise<void> {
    const dto = parseDto(DisputeStageDto, body);
    const o = (await this.objections.findById(d.objectionId))!;
    const unit = await this.utamaOf(o.bodyId);
    const today = localDateTimeOf(now, unit.timeZone).date;
    if (dto.on > today) throw new ValidationFailed({ on: 'Tanggal tidak boleh di masa depan.' });
    if (dto.on < d.filedOn) throw new ValidationFailed({ on: 'Tanggal tidak boleh sebelum sengketa diajukan.' });
    if (dto.outcome && dto.stage === 'registered') throw new ValidationFailed({ outcome: 'Hasil sengketa dicatat pada tahap mediasi, ajudikasi atau putusan.' });
    const request = await this.requestOf(o);
    const reopens = dto.outcome !== undefined && outcomeReopens(dto.outcome);
    // The requester records the outcome without choosing items: a partial opening is then chosen by an officer on the DIP desk.
    const chosen = who.kind === 'requester' ? [] : (dto.openItemIds ?? []);
    const opening = dto.outcome ? { kind: 'commission' as const, outcome: dto.outcome } : null;
    if (opening) await this.exemptions.checkChoice(request.id, opening, chosen, 'openItemIds');
    const reopenCtx = reopens ? await this.followUps.reopenContext(request) : null;
    await this.db.transaction(async (m) => {
      const locked = await this.objections.lockDispute(m, d.id);
      if (!locked) throw new ObjectionNotFound('Sengketa tidak ditemukan.');
      if (locked.outcome) throw new ObjectionConflict('Sengketa ini sudah selesai; hasilnya sudah dicatat.');
      if (!canMoveTo(locked.stage, dto.stage)) throw new ObjectionConflict('Tahap sengketa hanya dapat maju: mediasi, lalu ajudikasi, lalu putusan.');
      const by = who.kind === 'requester' ? 'requester' : 'officer';
      await this.objections.updateDispute(m, d.id, {
        stage: dto.stage,
        outcome: dto.outcome ?? null,
        outcomeOn: dto.outcome ? dto.on : null,
        stages: [...locked.stages, { stage: dto.stage, on: dto.on, by, ...(dto.outcome ? { outcome: dto.outcome } : {}) }],
        version: locked.version + 1,
      });
      await this.followUps.recordEvent(m, request, {
        type: 'dispute_updated',
        actor: who,
        occurredAt: now,
        data: { caseNumber: d.caseNumber, stage: dto.stage, on: dto.on, outcome: dto.outcome ?? null },
      });
      if (opening) {
        await this.exemptions.openExemptedItems(m, { requestId: request.id, decision: opening, chosen, number: d.caseNumber, on: dto.on, actorId: who.id }, now);
      }
      if (reopens && reopenCtx && dto.outcome) {
        await this.followUps.reopen(
          m,
          request.id,
          reopenCtx,
          {
            actor: who,
            instruction: `Komisi Informasi memutus sengketa ${d.caseNumber}: ${DISPUTE_OUTCOMES[dto.outcome]}. Berikan informasi sesuai putusan tersebut.`,
            source: { kind: 'dispute', number: d.caseNumber },
          },
          now,
        );
      }
      if (actor) {
        await this.audit.record(
          { actor, action: 'dispute.updated', target: { type: 'dispute', id: d.id }, details: { stage: dto.stage, outcome: dto.outcome ?? null, reopened: reopens } },
          m,
        );
      }
    });
  }

  /** Officers and the atasan record disputes; bureau and admin only read. */
  private assertWorker(actor: Actor): void {
    if (actor.role !== 'officer' && actor.role !== 'supervisor') throw new AccessDenied();
  }

  private async checkProxyDocument(dto: FileObjectionDto, doc: UploadedFile | undefined): Promise<{ ext: string; mime: string } | null> {
    if (!dto.proxyName) {
      if (doc) throw new ValidationFailed({ proxyName: 'Isi nama dan alamat kuasa bila melampirkan surat kuasa.' });
      return null;
    }
    if (!doc) throw new ValidationFailed({ proxyDocument: 'Unggah surat kuasa (JPEG, PNG atau PDF) bila keberatan diajukan melalui kuasa.' });
    if (doc.size > PROXY_DOCUMENT_MAX_BYTES) throw new FileTooLarge({ proxyDocument: 'Surat kuasa paling besar 2 MB.' });
    const type = await sniffFileTypeAt(doc.path);
    if (!type || !PROXY_DOCUMENT_TYPES.has(type.mime)) throw new ValidationFailed({ proxyDocument: 'Surat kuasa harus berupa berkas JPEG, PNG atau PDF.' });
    return type;
  }

  /** The request's due date and its latest answer, in the handling unit's zone. */
  private async factsOf(request: InformationRequest): Promise<RequestFacts> {
    const unit = await this.bodies.getUnit(request.unitId);
    return {
      dueDate: request.dueDate,
      answer: request.answeredAt ? { decision: request.decision ?? '', date: localDateTimeOf(request.answeredAt, unit.timeZone).date } : null,
    };
  }

  private async utamaOf(bodyId: number): Promise<PpidUnit> {
    const utama = (await this.units.findUnitRefsOfBody(bodyId)).find((u) => u.level === 'utama');
    if (!utama) throw new ObjectionNotFound('PPID Utama badan publik ini tidak ditemukan.');
    return this.bodies.getUnit(utama.id);
  }

  private async requestOf(o: Objection): Promise<InformationRequest> {
    const request = await this.requests.findById(o.requestId);
    if (!request) throw new ObjectionNotFound('Permohonan tidak ditemukan.');
    return request;
  }

  /** Supervisor: their body; officer of a PPID Utama: its body; bureau and admin: all; anyone else: none. */
  private async bodiesOf(actor: Actor): Promise<number[] | 'all'> {
    if (actor.role === 'bureau' || actor.role === 'admin') return 'all';
    if (actor.role === 'supervisor') return actor.bodyId === null ? [] : [actor.bodyId];
    if (actor.unitId === null) return [];
    const unit = await this.bodies.findActiveUnit(actor.unitId);
    return unit && unit.level === 'utama' ? [unit.bodyId] : [];
  }

  private async visible(actor: Actor, id: string): Promise<Objection> {
    const o = await this.objections.findById(id);
    const bodies = o ? await this.bodiesOf(actor) : [];
    if (!o || (bodies !== 'all' && !bodies.includes(o.bodyId))) throw new ObjectionNotFound();
    return o;
  }

  private async load(o: Objection, now: Date): Promise<ObjectionRecord> {
    const request = await this.requestOf(o);
    const unit = await this.utamaOf(o.bodyId);
    const calendar = await this.calendar.calendarFor(o.bodyId);
    const today = localDateTimeOf(now, unit.timeZone).date;
    const [dispute] = await this.objections.findDisputesOf([o.id]);
    return this.recordOf(o, request, unit, calendar, today, dispute ?? null);
  }

  private recordOf(o: Objection, request: InformationRequest, unit: PpidUnit, calendar: WorkingDayCalendar, today: LocalDate, dispute: Dispute | null): ObjectionRecord {
    return { objection: o, request, dispute, unit, calendar, today, disputeWindow: disputeWindow(o, today, calendar) };
  }

  private letterContext(o: Objection, request: InformationRequest, unit: PpidUnit): ObjectionLetterContext {
    return {
      bodyName: unit.body.name,
      unitName: unit.name,
      kopLines: letterDetailsOf(unit).kopLines,
      regionName: unit.body.region?.name ?? unit.body.name,
      requesterName: request.requesterName,
      registrationNumber: request.registrationNumber,
      information: request.information,
      objectionNumber: o.number,
      receivedAtText: formatInstant(o.receivedAt, unit.timeZone),
      grounds: o.grounds,
      reasons: o.reasons,
      proxyName: o.proxyName,
    };
  }
}
