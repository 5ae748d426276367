import { Injectable } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { Actor } from 'src/common/auth/actor';
import { AccessDenied } from 'src/common/auth/access-errors';
import { FieldCipher } from 'src/common/crypto/field-cipher';
import { ValidationFailed } from 'src/common/errors/domain-error';
import { validateDto } from 'src/common/forms/validate-dto';
import { RateLimiterService } from 'src/common/security/rate-limiter.service';
import { localDateTimeOf } from 'src/common/time/local-time';
import { formatInstant, formatLocalDate } from 'src/common/views/view-helpers';
import { AppConfig } from 'src/config/app-config';
import { DatabaseService } from 'src/database/database.service';
import { AccessPolicy } from 'src/modules/auth';
import { BodiesService, BodySummary, PpidUnit } from 'src/modules/bodies';
import { CalendarService } from 'src/modules/calendar';
import { MailService } from 'src/modules/notifications';
import { generateTrackingCode } from 'src/modules/requests';
import { Consultation } from './consultation.entity';
import { consultationDueDate, faqProblem, formatConsultationNumber, normalizeConsultationNumber } from './consultation-rules';
import { consultationContext } from './consultation-secrets';
import { ConsultationsRepository, FaqRow } from './consultations.repository';
import { ConsultationConflict, ConsultationNotFound } from './consultations.errors';
import { AnswerConsultationDto, AskConsultationDto, PublishFaqDto } from './dto/consultation.dto';

/** How many open consultations and answered ones the desk lists. */
const DESK_LIMIT = 200;
const FAQ_LIMIT = 200;

/** Where the unit and body of a consultation are named. */
export interface UnitNames {
  unitName: string;
  bodyName: string;
  bodyCode: string;
  timeZone: string;
}

/** A consultation with what its pages show: the asker in the clear (only for the asker and the unit's officers). */
export interface ConsultationRecord {
  consultation: Consultation;
  names: UnitNames;
  askerName: string;
  askerEmail: string;
}

export interface AskInput {
  body: unknown;
  honeypot?: string;
  clientIp: string;
  now: Date;
}

export interface Asked {
  record: ConsultationRecord;
  /** Known at this moment only, and mailed; stored encrypted. */
  trackingCode: string;
}

/** What the request form is filled in with when a consultation becomes a request. */
export interface RequestDraft {
  unitId: number;
  values: Record<string, string>;
}

export interface FaqOfBody {
  body: BodySummary;
  entries: (FaqRow & { unitName: string })[];
}

function sameCode(expected: string, typed: string): boolean {
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(typed.toUpperCase().replace(/[\s-]/g, '')).digest();
  return timingSafeEqual(a, b);
}

/**
 * The online consultation desk: a citizen asks a body's PPID, the unit's officers answer within
 * the response target; an answer with the asker's consent can become a public FAQ entry; a
 * consultation can become a request. Access is checked here, at the top of each use case.
 */
@Injectable()
export class ConsultationsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly consultations: ConsultationsRepository,
    private readonly bodies: BodiesService,
    private readonly calendar: CalendarService,
    private readonly cipher: FieldCipher,
    private readonly rateLimiter: RateLimiterService,
    private readonly mail: MailService,
    private readonly access: AccessPolicy,
    private readonly config: AppConfig,
  ) {}

  /** The public form and POST /api/v1/consultations: validate, count against the limits, number, seal, mail. */
  async ask(input: AskInput): Promise<Asked> {
    if (input.honeypot) throw new ValidationFailed({ form: 'Pertanyaan tidak dapat diproses. Muat ulang halaman dan coba lagi.' });
    const parsed = validateDto(AskConsultationDto, input.body);
    const errors = { ...(parsed.errors ?? {}) };
    const unit = parsed.value ? await this.bodies.findActiveUnitCached(parsed.value.unitId) : null;
    if (parsed.value && !unit) errors.unitId = 'Unit PPID tujuan tidak ditemukan.';
    if (!parsed.value || !unit || Object.keys(errors).length > 0) throw new ValidationFailed(errors);
    const dto = parsed.value;
    await this.rateLimiter.consume('consultation_ip', input.clientIp);
    // The e-mail is counted by a keyed hash: the limiter's table holds no address.
    await this.rateLimiter.consume('consultation_email', this.cipher.keyedHash(`consultation-email:${dto.email}`));
    const calendar = await this.calendar.calendarFor(unit.bodyId);
    const due = consultationDueDate(calendar, input.now, this.calendar.serviceHoursOf(unit), this.config.consultationResponseDays);
    const year = Number(localDateTimeOf(input.now, unit.timeZone).date.slice(0, 4));
    const trackingCode = generateTrackingCode();
    const names = namesOf(unit);
    const consultation = await this.db.transaction(async (m) => {
      const seq = await this.consultations.nextSeq(m, unit.bodyId, year);
      const number = formatConsultationNumber(unit.body.regionCode, year, seq);
      const saved = await this.consultations.insert(m, {
        number,
        bodyId: unit.bodyId,
        unitId: unit.id,
        year,
        seq,
        askerName: this.cipher.encrypt(dto.name, consultationContext('asker_name', number)),
        askerEmail: this.cipher.encrypt(dto.email, consultationContext('asker_email', number)),
        question: dto.question,
        faqConsent: dto.faqConsent === true,
        trackingCode: this.cipher.encrypt(trackingCode, consultationContext('tracking_code', number)),
        receivedAt: input.now,
        effectiveReceiptDate: due.effectiveReceiptDate,
        dueDate: due.dueDate,
        dueProvisional: due.provisional,
        status: 'open',
      });
      await this.mail.enqueue(m, {
        template: 'consultation_received',
        to: dto.email,
        data: {
          askerName: dto.name,
          number,
          trackingCode: formatCode(trackingCode),
          trackingUrl: this.trackingUrl(number),
          unitName: names.unitName,
          bodyName: names.bodyName,
          question: dto.question,
          receivedAtText: formatInstant(input.now, unit.timeZone),
          dueDateText: formatLocalDate(due.dueDate),
          dueProvisional: due.provisional,
          responseDays: this.config.consultationResponseDays,
        },
      });
      return saved;
    });
    return { record: { consultation, names, askerName: dto.name, askerEmail: dto.email }, trackingCode };
  }

  /** By number and tracking code, limited like request tracking; anything wrong is the same 404. */
  async find(numberInput: string, codeInput: string, clientIp: string): Promise<ConsultationRecord> {
    await this.rateLimiter.consume('tracking_ip', clientIp);
    const number = normalizeConsultationNumber(numberInput);
    if (!number) throw new ConsultationNotFound();
    const clientKey = `${clientIp}|${number}`;
    try {
      await this.rateLimiter.consume('tracking_client_number', clientKey);
    } catch (e) {
      await this.rateLimiter.refund('tracking_ip', clientIp);
      throw e;
    }
    const c = await this.consultations.findByNumber(number);
    if (!c || !sameCode(this.cipher.decrypt(c.trackingCode, consultationContext('tracking_code', c.number)).toString('utf8'), codeInput)) {
      throw new ConsultationNotFound();
    }
    await this.rateLimiter.refund('tracking_client_number', clientKey);
    await this.rateLimiter.refund('tracking_ip', clientIp);
    return this.record(c);
  }

  /** The officer's desk: open consultations of the units the actor sees, the earliest due first, and the latest answered. */
  async desk(actor: Actor): Promise<{ open: ConsultationRecord[]; answered: ConsultationRecord[] }> {
    const units = await this.access.visibleUnitIds(actor);
    const [open, answered] = await Promise.all([this.consultations.findOpenOfUnits(units, DESK_LIMIT), this.consultations.findAnsweredOfUnits(units, 20)]);
    return { open: await this.records(open), answered: await this.records(answered) };
  }

  /** One consultation for an officer; one of a unit they do not see is not found (404). */
  async get(actor: Actor, id: string): Promise<ConsultationRecord> {
    const c = await this.consultations.findById(id);
    if (!c || !(await this.access.canSeeUnit(actor, c.unitId))) throw new ConsultationNotFound('Konsultasi tidak ditemukan.');
    return this.record(c);
  }

  /** Who sees the asker's name and e-mail: officers (only of the units they work) and the atasan PPID of the body. */
  seesAsker(actor: Actor): boolean {
    return actor.role === 'officer' || actor.role === 'supervisor';
  }

  /** Whether the actor may answer and publish: an officer working the consultation's unit. */
  async canWork(actor: Actor, c: Consultation): Promise<boolean> {
    return this.access.isOfficerOfUnit(actor, c.unitId);
  }

  /** Records the answer and mails it to the asker, in one transaction. */
  async answer(actor: Actor, id: string, body: unknown, now: Date): Promise<ConsultationRecord> {
    const record = await this.get(actor, id);
    const c = record.consultation;
    if (!(await this.canWork(actor, c))) throw new AccessDenied('Hanya petugas PPID unit ini yang dapat menjawab konsultasi.');
    const parsed = validateDto(AnswerConsultationDto, body);
    if (parsed.errors) throw new ValidationFailed(parsed.errors);
    if (c.status !== 'open') throw new ConsultationConflict('Konsultasi ini sudah dijawab.', 'answer');
    const saved = await this.db.transaction(async (m) => {
      const done = await this.consultations.saveAnswer(m, c, { text: parsed.value.answer, at: now, userId: actor.userId, name: actor.name });
      if (!done) return false;
      await this.mail.enqueue(m, {
        template: 'consultation_answered',
        to: record.askerEmail,
        data: {
          askerName: record.askerName,
          number: c.number,
          trackingUrl: this.trackingUrl(c.number),
          unitName: record.names.unitName,
          bodyName: record.names.bodyName,
          question: c.question,
          answer: parsed.value.answer,
          answeredAtText: formatInstant(now, record.names.timeZone),
        },
      });
      return true;
    });
    if (!saved) throw new ConsultationConflict('Konsultasi ini baru saja diubah atau dijawab petugas lain. Muat ulang halaman.', 'answer');
    return this.get(actor, id);
  }

  /** Publishes an answered consultation as a FAQ entry of the body: only with the asker's consent (409 otherwise). */
  async publishFaq(actor: Actor, id: string, body: unknown, now: Date): Promise<ConsultationRecord> {
    const record = await this.get(actor, id);
    const c = record.consultation;
    if (!(await this.canWork(actor, c))) throw new AccessDenied('Hanya petugas PPID unit ini yang dapat menerbitkan FAQ.');
    const parsed = validateDto(PublishFaqDto, body);
    if (parsed.errors) throw new ValidationFailed(parsed.errors);
    const problem = faqProblem(c);
    if (problem) throw new ConsultationConflict(problem, 'question');
    if (!(await this.consultations.saveFaq(c, { question: parsed.value.question ?? c.question, at: now }))) {
      throw new ConsultationConflict('Konsultasi ini baru saja diubah petugas lain. Muat ulang halaman.', 'question');
    }
    return this.get(actor, id);
  }

  /** Takes a FAQ entry off the public page. */
  async withdrawFaq(actor: Actor, id: string): Promise<ConsultationRecord> {
    const record = await this.get(actor, id);
    if (!(await this.canWork(actor, record.consultation))) throw new AccessDenied('Hanya petugas PPID unit ini yang dapat menarik FAQ.');
    if (record.consultation.faqPublishedAt === null) throw new ConsultationConflict('Konsultasi ini tidak diterbitkan sebagai FAQ.');
    if (!(await this.consultations.saveFaq(record.consultation, null))) throw new ConsultationConflict('Konsultasi ini baru saja diubah petugas lain. Muat ulang halaman.');
    return this.get(actor, id);
  }

  /** A body's public FAQ: question and answer only. */
  async faqOfBody(code: string): Promise<FaqOfBody> {
    const body = await this.bodies.getBody(code);
    let bodyId: number | undefined;
    for (const u of body.units) {
      bodyId = (await this.bodies.findActiveUnit(u.id))?.bodyId;
      if (bodyId !== undefined) break;
    }
    const rows = bodyId === undefined ? [] : await this.consultations.findFaqOfBody(bodyId, FAQ_LIMIT);
    const unitNames = new Map(body.units.map((u) => [u.id, u.name]));
    return { body, entries: rows.map((r) => ({ ...r, unitName: unitNames.get(r.unitId) ?? '' })) };
  }

  /** What the request form is filled in with: the question as the information wanted, the unit, name and e-mail. */
  requestDraft(record: ConsultationRecord): RequestDraft {
    return {
      unitId: record.consultation.unitId,
      values: {
        'requester.type': 'individual',
        'requester.name': record.askerName,
        'requester.email': record.askerEmail,
        information: record.consultation.question,
      },
    };
  }

  /** Links the request a consultation became (the first one only). */
  async linkRequest(record: ConsultationRecord, request: { id: string; number: string }): Promise<void> {
    await this.consultations.linkRequest(record.consultation.id, request);
  }

  trackingUrl(number: string): string {
    return `${this.config.appUrl}/konsultasi/lacak?nomor=${encodeURIComponent(number)}`;
  }

  private async record(c: Consultation): Promise<ConsultationRecord> {
    const [r] = await this.records([c]);
    return r;
  }

  private async records(list: Consultation[]): Promise<ConsultationRecord[]> {
    const units = new Map((await this.bodies.findUnitsById([...new Set(list.map((c) => c.unitId))])).map((u) => [u.id, u]));
    const bodies = new Map<number, string>();
    for (const bodyId of new Set(list.map((c) => c.bodyId))) bodies.set(bodyId, (await this.bodies.findBodyOption(bodyId))?.name ?? '');
    return list.map((c) => {
      const unit = units.get(c.unitId);
      return {
        consultation: c,
        names: {
          unitName: unit?.name ?? '',
          bodyName: bodies.get(c.bodyId) ?? '',
          bodyCode: c.number.split('-')[0],
          timeZone: unit?.timeZone ?? this.config.provinceTimeZone,
        },
        askerName: this.cipher.decrypt(c.askerName, consultationContext('asker_name', c.number)).toString('utf8'),
        askerEmail: this.cipher.decrypt(c.askerEmail, consultationContext('asker_email', c.number)).toString('utf8'),
      };
    });
  }
}

function namesOf(unit: PpidUnit): UnitNames {
  return { unitName: unit.name, bodyName: unit.body.name, bodyCode: unit.body.regionCode.replace(/\./g, ''), timeZone: unit.timeZone };
}

/** 'ABCDEFGHJKMN' → 'ABCD-EFGH-JKMN'. */
export function formatCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}
