import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { FileTooLarge, ValidationFailed } from 'src/common/errors/domain-error';
import { sniffFileTypeAt } from 'src/common/files/file-sniffer';
import { readUploadedFile, UploadedFile } from 'src/common/uploads/uploaded-file';
import { formatLocalDate } from 'src/common/views/view-helpers';
import { DatabaseService } from 'src/database/database.service';
import { Actor } from 'src/common/auth/actor';
import { AccessPolicy, AccountsService } from 'src/modules/auth';
import { AccessDenied } from 'src/common/auth/access-errors';
import { BodiesService, PpidUnit, letterDetailsOf } from 'src/modules/bodies';
import { CalendarService, WorkingDayCalendar, extendDueDate } from 'src/modules/calendar';
import { localDateTimeOf, timeZoneLabel } from 'src/common/time/local-time';
import { DocumentsService, LetterData } from 'src/modules/documents';
import { FilesService } from 'src/modules/files';
import { MailService } from 'src/modules/notifications';
import { InformationRequest } from 'src/modules/requests/request.entity';
import { ActionNotAllowed, RequestChanged, RequestNotFound } from 'src/modules/requests/request.errors';
import { RequestsRepository } from 'src/modules/requests/requests.repository';
import { AppConfig } from 'src/config/app-config';
import { presentReceipt } from 'src/modules/requests/receipt.presenter';
import { RequestReceipts } from 'src/modules/requests/request-receipts';
import { STATUS_LABELS } from 'src/modules/requests/request-status';
import { extensionRefusal } from './extension-rules';
import { extensionLetter, LetterContext, noticeLetter, refusalLetter } from './letters';
import { parseNoticeInput } from './notice-input';
import { AssignmentDto, ExtensionDto, ForwardDto, NoteDto } from './dto/officer-actions.dto';
import { parseDto } from 'src/common/forms/validate-dto';
import { ACTION_LABELS, nextStatus, RequestAction, TRANSITIONS } from './request-transitions';
import { closeBlocker } from './delivery-rules';
import { noticeActionAt } from './refusal-approval';
import { FieldCipher, sealContext } from 'src/common/crypto/field-cipher';
import { ConsequenceTestRecord } from 'src/modules/requests/consequence-test.entity';
import { WithheldInformation, WithheldInformationRegister } from './withheld-information';

export { MAX_EXTENSION_DAYS } from './dto/officer-actions.dto';
/** Beside a due date that falls in a year without a decreed holiday list (as on the receipt). */
const PROVISIONAL_DUE_NOTE = '(sementara: daftar libur tahun itu belum ditetapkan)';
export const HANDOVER_MAX_BYTES = 20 * 1024 * 1024;
export const HANDOVER_MAX_FILES = 5;
/** PDF, images and office files, recognised by their bytes (old .doc/.xls are 'cfb'). */
const HANDOVER_TYPES = new Set(['pdf', 'jpg', 'png', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'cfb', 'zip']);

/** What an action needs besides the locked row, all loaded before the transaction. */
export interface ActionContext {
  unit: PpidUnit;
  receivingUnit: PpidUnit;
  calendar: WorkingDayCalendar;
}

export interface Outcome<T> {
  result: T;
  patch?: Partial<InformationRequest>;
  newDueDate?: string;
  data?: Record<string, unknown>;
  public?: boolean;
  /** `issuer`: the unit whose letterhead, number and signer the letter carries (default: the request's unit); `corrects`: the letter a ralat corrects. */
  letter?: { title: string; build: (ctx: LetterContext) => LetterData; message: string; issuer?: PpidUnit; corrects?: string };
  /** Rows of the action's own records that name its event (the consequence test of a refusal). */
  record?: (m: EntityManager, eventId: string) => Promise<unknown>;
  handover?: { filename: string; mediaType: string; content: Buffer }[];
  /** Further writes of the same use case, in its transaction, after the event (and letter) exist. */
  after?: (m: EntityManager, eventId: string, letterId: string | null) => Promise<void>;
}

/**
 * Officers' actions on a request. Each one: access check, row lock, version check, the
 * transition table, the change, one event with the old and new status and due date, and
 * the letter (PDF, stored, mailed) when the action produces one — all in one transaction.
 */
@Injectable()
export class RequestWorkflowService {
  constructor(
    private readonly db: DatabaseService,
    private readonly requests: RequestsRepository,
    private readonly access: AccessPolicy,
    private readonly bodies: BodiesService,
    private readonly calendar: CalendarService,
    private readonly documents: DocumentsService,
    private readonly files: FilesService,
    private readonly mail: MailService,
    private readonly receipts: RequestReceipts,
    private readonly accounts: AccountsService,
    private readonly config: AppConfig,
    private readonly withheld: WithheldInformationRegister,
    private readonly cipher: FieldCipher,
  ) {}

  /** Before anything is written: the exempted item the officer chose must take this test (400 naming the field otherwise). */
  async checkExemptionItem(bodyId: number, itemId: number | null | undefined, ground: string | null): Promise<void> {
    if (itemId === null || itemId === undefined || ground === null) return;
    const problem = await this.withheld.checkExisting(bodyId, itemId, ground);
    if (problem) throw new ValidationFailed({ exemptionItemId: problem });
  }

  /**
   * What a refusal or partial grant withheld, for the register of exempted information: the test,
   * the request's number and unit, and the requester's own strings (decrypted here only to be kept
   * out of the register, never stored with it).
   */
  withheldOf(r: InformationRequest, unit: PpidUnit, test: ConsequenceTestRecord, decidedOn: string, existingItemId: number | null, actorId: number | null): WithheldInformation {
    const open = (column: string, value: Buffer | null) => this.cipher.decryptText(value, sealContext('requests', column, r.registrationNumber));
    return {
      consequenceTestId: String(test.id),
      requestId: String(r.id),
      registrationNumber: r.registrationNumber,
      bodyId: unit.bodyId,
      unitId: r.unitId,
      unitName: unit.name,
      decision: test.decision,
      decidedOn,
      ground: test.exemptionGround,
      law: test.exemptionLaw,
      until: test.exemptionUntil,
      information: test.information,
      consequence: test.consequence,
      testedOn: test.testedOn,
      requesterName: r.requesterName,
      personal: [r.requesterEmail, r.requesterRegistrationNo, open('requester_nik', r.requesterNik), open('requester_address', r.requesterAddress), open('requester_phone', r.requesterPhone)].filter(
        (p): p is string => typeof p === 'string' && p !== '',
      ),
      existingItemId,
      actorId,
    };
  }

  /** Adds or links the exempted item, in the decision's transaction. */
  recordWithheld(m: EntityManager, w: WithheldInformation, now: Date): Promise<void> {
    return this.withheld.record(m, w, now);
  }

  /** A request the actor may see; another unit's request answers exactly like a missing one. */
  async visibleRequest(actor: Actor, id: string): Promise<InformationRequest> {
    const request = await this.requests.findById(id);
    if (!request || !(await this.access.canSeeUnit(actor, request.unitId))) throw new RequestNotFound('Permohonan tidak ditemukan.');
    return request;
  }

  async extend(actor: Actor, id: string, input: { workingDays: unknown; reason: unknown; version?: unknown }, now: Date): Promise<{ dueDate: string }> {
    await this.visibleRequest(actor, id); // another unit's request: 404 before any validation message
    const { workingDays: days, reason } = parseDto(ExtensionDto, { workingDays: input.workingDays, reason: input.reason });
    return this.act(actor, id, 'extend', input.version, now, async (_m, r, { unit, calendar }) => {
      const refusal = extensionRefusal(r, localDateTimeOf(now, unit.timeZone).date);
      if (refusal) throw new ActionNotAllowed(refusal);
      const extended = extendDueDate(calendar, r.dueDate, days);
      const provisional = r.dueProvisional || extended.provisional;
      const tz = unit.timeZone;
      const caveat = provisional ? ` ${PROVISIONAL_DUE_NOTE}` : '';
      return {
        result: { dueDate: extended.dueDate },
        patch: { extendedDays: days, dueDate: extended.dueDate, dueProvisional: provisional },
        newDueDate: extended.dueDate,
        data: { workingDays: days, reason },
        letter: {
          title: 'Surat pemberitahuan perpanjangan waktu',
          message: `Waktu pemberitahuan tertulis atas permohonan Anda diperpanjang ${days} hari kerja. Batas waktu yang baru: ${formatLocalDate(extended.dueDate)}${caveat}.`,
          build: (ctx) =>
            extensionLetter(ctx, {
              workingDays: days,
              reason,
              newDueDateText: `${formatLocalDate(extended.dueDate)} pukul 23.59 ${timeZoneLabel(tz, now)}${caveat}`,
            }),
        },
      };
    });
  }

  async notice(actor: Actor, id: string, raw: Record<string, unknown>, now: Date): Promise<{ status: string; documentId: string }> {
    const visible = await this.visibleRequest(actor, id); // another unit's request: 404 before any validation message
    const visibleUnit = await this.bodies.getUnit(visible.unitId);
    const today = localDateTimeOf(now, visibleUnit.timeZone).date;
    const parsed = parseNoticeInput(raw, today);
    if (!parsed.notice) throw new ValidationFailed(parsed.errors);
    const n = parsed.notice;
    const test = n.consequenceTest;
    const action = noticeActionAt(n.decision, visibleUnit.level);
    // A PPID Pelaksana's refusal waits for its PPID Utama: nothing goes out, the requester sees nothing yet.
    const held = action === 'submit_refusal';
    await this.checkExemptionItem(visibleUnit.bodyId, n.exemptionItemId, n.exemptionGround);
    let documentId = '';
    const status = await this.act(actor, id, action, raw.version, now, async (_m, r, { unit }) => {
      // Forwarded to another unit since the level was read: the route may differ, so nothing is saved.
      if (noticeActionAt(n.decision, unit.level) !== action) throw new RequestChanged();
      const facts = { late: today > r.dueDate };
      return {
        result: '',
        patch: held ? {} : { decision: n.decision, answeredAt: now },
        data: { notice: n },
        public: !held,
        record:
          test && n.exemptionGround && (n.decision === 'refused' || n.decision === 'partially_granted')
            ? async (m, eventId) => {
                const saved = await this.requests.insertConsequenceTest(m, {
                  requestId: r.id,
                  eventId,
                  decision: n.decision as 'refused' | 'partially_granted',
                  testedOn: test.date,
                  information: test.information,
                  exemptionGround: n.exemptionGround!,
                  exemptionLaw: n.exemptionLaw,
                  consequence: test.consequence,
                  publicInterest: test.publicInterest,
                  participants: test.participants,
                  legalBasis: test.legalBasis,
                  exemptionUntil: test.exemptionUntil,
                });
                // A PPID Pelaksana's refusal joins the register once its PPID Utama approves it.
                if (!held) await this.recordWithheld(m, this.withheldOf(r, unit, saved, today, n.exemptionItemId ?? null, actor.userId), now);
              }
            : undefined,
        letter: held ? undefined : {
          title: n.decision === 'refused' ? 'Surat penolakan permohonan' : 'Surat pemberitahuan tertulis',
          message:
            n.decision === 'refused'
              ? 'Permohonan informasi Anda tidak dapat dipenuhi. Alasan, dasar hukum dan hak Anda untuk mengajukan keberatan tercantum dalam surat terlampir.'
              : 'Berikut pemberitahuan tertulis atas permohonan informasi Anda sesuai Pasal 22 ayat (7) UU 14/2008. Hak Anda untuk mengajukan keberatan tercantum dalam surat terlampir.',
          build: (ctx) => (n.decision === 'refused' ? refusalLetter(ctx, n, facts) : noticeLetter(ctx, n, facts)),
        },
      };
    }, (docId) => (documentId = docId));
    const request = await this.requests.findById(id);
    return { status: request?.status ?? status, documentId };
  }

  async forward(actor: Actor, id: string, input: { unitId: unknown; note?: unknown; version?: unknown }, now: Date): Promise<void> {
    await this.visibleRequest(actor, id); // another unit's request: 404 before any validation message
    const form = parseDto(ForwardDto, input);
    const note = form.note ?? '';
    const target = await this.bodies.findActiveUnit(form.unitId);
    await this.act(actor, id, 'forward', input.version, now, async (_m, r, { unit }) => {
      if (!target || target.bodyId !== unit.bodyId || target.level !== 'pelaksana' || target.id === r.unitId) {
        throw new ValidationFailed({ unitId: 'Pilih PPID Pelaksana pada badan publik yang sama.' });
      }
      return {
        result: undefined,
        patch: { unitId: target.id, assigneeId: null },
        data: { fromUnitId: r.unitId, toUnitId: target.id, toUnitName: target.name, note },
      };
    });
  }

  async handover(actor: Actor, id: string, uploads: UploadedFile[], version: unknown, now: Date): Promise<void> {
    await this.visibleRequest(actor, id); // another unit's request: 404 before any validation message
    if (uploads.length === 0) throw new ValidationFailed({ files: 'Pilih paling sedikit satu berkas.' });
    const checked: { file: UploadedFile; mediaType: string }[] = [];
    for (const f of uploads) {
      if (f.size > HANDOVER_MAX_BYTES) throw new FileTooLarge({ files: `${f.originalname}: paling besar 20 MB.` });
      const type = await sniffFileTypeAt(f.path);
      if (!type || !HANDOVER_TYPES.has(type.ext)) {
        throw new ValidationFailed({ files: `${f.originalname}: hanya PDF, gambar (JPEG/PNG) atau berkas perkantoran.` });
      }
      checked.push({ file: f, mediaType: type.mime });
    }
    // Documents are stored in the database, so each is read whole here, after validation.
    const files: { filename: string; mediaType: string; content: Buffer }[] = [];
    for (const c of checked) files.push({ filename: c.file.originalname, mediaType: c.mediaType, content: await readUploadedFile(c.file) });
    await this.act(actor, id, 'handover', version, now, async (_m, r, { unit }) => ({
      result: undefined,
      // Handed over through the portal: delivered today, unless a delivery was recorded already.
      patch: r.deliveredOn ? {} : { deliveredOn: localDateTimeOf(now, unit.timeZone).date, deliveryChannel: 'portal' as const },
      data: { files: files.map((f) => f.filename) },
      handover: files,
    }));
  }

  async close(actor: Actor, id: string, version: unknown, now: Date): Promise<void> {
    await this.act(actor, id, 'close', version, now, async (_m, r) => {
      const blocker = closeBlocker(r);
      if (blocker) throw new ActionNotAllowed(blocker);
      return { result: undefined };
    });
  }

  /** `rawAssigneeId` empty or null unassigns; otherwise an officer or supervisor who may work the request's unit. */
  async assign(actor: Actor, id: string, rawAssigneeId: unknown, version: unknown, now: Date): Promise<void> {
    const request = await this.visibleRequest(actor, id); // another unit's request: 404 before any validation message
    if (actor.role !== 'officer') throw new AccessDenied();
    const { assigneeId: wanted } = parseDto(AssignmentDto, { assigneeId: rawAssigneeId === null ? undefined : rawAssigneeId });
    const assigneeId = await this.assigneeFor(wanted ?? null, request.unitId);
    await this.act(actor, id, 'assign', version, now, async () => ({
      result: undefined,
      patch: { assigneeId },
      data: { assigneeId },
      public: false,
    }));
  }

  /** Reminders go to the assignee: only someone who may work the unit can be one. */
  private async assigneeFor(id: number | null, unitId: number): Promise<number | null> {
    if (id === null) return null;
    const assignee = await this.accounts.findActiveActor(id);
    const mayWork =
      assignee !== null && (assignee.role === 'officer' || assignee.role === 'supervisor') && (await this.access.canSeeUnit(assignee, unitId));
    if (!mayWork) throw new ValidationFailed({ assigneeId: 'Petugas ini tidak dapat menangani permohonan pada unit ini. Pilih petugas dari daftar.' });
    return id;
  }

  async addNote(actor: Actor, id: string, text: unknown, now: Date): Promise<void> {
    await this.visibleRequest(actor, id); // another unit's request: 404 before any validation message
    const { note } = parseDto(NoteDto, { note: text });
    await this.act(actor, id, 'note', undefined, now, async () => ({ result: undefined, data: { note }, public: false }));
  }

  /**
   * One officer action: access, row lock, version, the transition table, `work`, the event, the
   * letter and `after`, in one transaction. Other use cases of the module (request-actions.service)
   * run their actions through it too.
   */
  async act<T>(
    actor: Actor,
    id: string,
    action: RequestAction,
    version: unknown,
    now: Date,
    work: (m: EntityManager, r: InformationRequest, ctx: ActionContext) => Promise<Outcome<T>>,
    onDocument?: (documentId: string) => void,
  ): Promise<T> {
    const before = await this.visibleRequest(actor, id);
    if (actor.role !== 'officer') throw new AccessDenied();
    // Read everything else before the transaction: on the embedded database it holds the only connection.
    const unit = await this.bodies.getUnit(before.unitId);
    const receivingUnit = before.receivingUnitId === unit.id ? unit : await this.bodies.getUnit(before.receivingUnitId);
    const ctx: ActionContext = { unit, receivingUnit, calendar: await this.calendar.calendarFor(unit.bodyId) };
    return this.db.transaction(async (m) => {
      const r = await this.requests.lockById(m, id);
      if (!r) throw new RequestNotFound('Permohonan tidak ditemukan.');
      const stale = version !== undefined && version !== null && version !== '' && Number(version) !== r.version;
      if (stale || r.unitId !== before.unitId) throw new RequestChanged();
      const to = nextStatus(action, r.status);
      if (to === null) {
        throw new ActionNotAllowed(`Tidak dapat ${ACTION_LABELS[action]}: permohonan berstatus "${STATUS_LABELS[r.status]}".`);
      }
      const outcome = await work(m, r, ctx);
      await this.requests.updateRequest(m, r.id, {
        ...outcome.patch,
        status: to,
        version: r.version + 1,
        updatedAt: now,
        ...(to === 'closed' && !r.closedAt ? { closedAt: now } : {}),
      });
      const event = await this.requests.insertEvent(m, {
        requestId: r.id,
        type: TRANSITIONS[action].event,
        actorKind: 'officer',
        actorId: actor.userId,
        actorName: actor.name,
        occurredAt: now,
        fromStatus: r.status,
        toStatus: to,
        oldDueDate: outcome.newDueDate ? r.dueDate : null,
        newDueDate: outcome.newDueDate ?? null,
        public: outcome.public ?? true,
        data: outcome.data ?? {},
      });
      await outcome.record?.(m, event.id);
      let letterId: string | null = null;
      if (outcome.letter) {
        letterId = await this.issueLetter(m, { ...r, ...outcome.patch } as InformationRequest, ctx, event.id, actor, now, outcome.letter);
        onDocument?.(letterId);
      }
      for (const f of outcome.handover ?? []) {
        const file = await this.files.store(m, { kind: 'handover', filename: f.filename, mediaType: f.mediaType, content: f.content, encrypt: false });
        await this.requests.insertDocument(m, { requestId: r.id, eventId: event.id, fileId: file.id, kind: 'handover', title: file.filename });
      }
      await outcome.after?.(m, event.id, letterId);
      return outcome.result;
    });
  }

  private async issueLetter(
    m: EntityManager,
    r: InformationRequest,
    ctx: ActionContext,
    eventId: string,
    actor: Actor,
    now: Date,
    letter: NonNullable<Outcome<unknown>['letter']>,
  ): Promise<string> {
    const unit = letter.issuer ?? ctx.unit;
    const today = localDateTimeOf(now, unit.timeZone).date;
    const year = Number(today.slice(0, 4));
    const seq = await this.requests.nextLetterSeq(m, unit.id, year);
    const number = `${String(seq).padStart(3, '0')}/PPID-${unit.code}/${unit.body.regionCode.replace(/\./g, '')}/${year}`;
    const receipt = presentReceipt(this.receipts.with(r, ctx.receivingUnit, ctx.calendar), this.config.appUrl);
    const data = letter.build({
      receipt,
      regionName: unit.body.region?.name ?? unit.body.name,
      ...letterDetailsOf(unit),
      number,
      date: today,
      officerName: actor.name,
    });
    const pdf = await this.documents.renderLetter(data);
    const file = await this.files.store(m, {
      kind: 'letter',
      filename: `surat-${number.replace(/\//g, '-')}.pdf`,
      mediaType: 'application/pdf',
      content: pdf,
      encrypt: false,
    });
    const doc = await this.requests.insertDocument(m, {
      requestId: r.id,
      eventId,
      fileId: file.id,
      kind: 'letter',
      title: letter.title,
      letterNumber: number,
      correctsDocumentId: letter.corrects ?? null,
    });
    if (r.requesterEmail) {
      await this.mail.enqueue(m, {
        template: 'request_letter',
        to: r.requesterEmail,
        requestId: r.id,
        data: {
          subject: data.subject,
          message: letter.message,
          letterNumber: number,
          registrationNumber: r.registrationNumber,
          requesterName: r.requesterName,
          trackingUrl: receipt.trackingUrl,
          unitName: unit.name,
          bodyName: unit.body.name,
        },
        attachments: [{ kind: 'request_document', ref: doc.id }],
      });
    }
    return doc.id;
  }
}
