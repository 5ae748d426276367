import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PpidUnit, BodiesService } from 'src/modules/bodies';
import { CalendarService, computeDueDate, WorkingDayCalendar } from 'src/modules/calendar';
import { FilesService } from 'src/modules/files';
import { MailService } from 'src/modules/notifications';
import { AppConfig } from 'src/config/app-config';
import { ANSWER_WORKING_DAYS } from 'src/modules/requests/intake/intake.service';
import { ActorKind } from 'src/modules/requests/request-event.entity';
import { InformationRequest } from 'src/modules/requests/request.entity';
import { ActionNotAllowed, RequestNotFound } from 'src/modules/requests/request.errors';
import { STATUS_LABELS } from 'src/modules/requests/request-status';
import { RequestsRepository } from 'src/modules/requests/requests.repository';
import { ACTION_LABELS, nextStatus, TRANSITIONS } from './request-transitions';

/** The written notice's period (Pasal 22(7)), also the period of a reopened request. */
export const REOPEN_WORKING_DAYS = ANSWER_WORKING_DAYS;

/** Who acted on the request from outside its own workflow (an atasan PPID, the requester, an officer). */
export interface FollowUpActor {
  kind: ActorKind;
  id: number | null;
  name: string | null;
}

/** What a reopening needs besides the locked row, loaded before the transaction. */
export interface ReopenContext {
  unit: PpidUnit;
  calendar: WorkingDayCalendar;
}

export interface ReopenInput {
  actor: FollowUpActor;
  /** What the PPID must now do, shown on the officer's request page. */
  instruction: string;
  /** Why: the objection decided or the Komisi Informasi's decision, by its number. */
  source: { kind: 'objection' | 'dispute'; number: string };
}

export interface FollowUpLetter {
  title: string;
  letterNumber: string;
  filename: string;
  pdf: Buffer;
  /** The mail's subject line and the sentence it opens with. */
  subject: string;
  message: string;
  unitName: string;
  bodyName: string;
}

/**
 * What happens to a request after its answer, decided elsewhere (objections, disputes): events on
 * its history, letters with its documents (listed on the tracking page and mailed to the
 * requester), and reopening it for a new answer. Each runs in the caller's transaction.
 */
@Injectable()
export class RequestFollowUps {
  constructor(
    private readonly requests: RequestsRepository,
    private readonly bodies: BodiesService,
    private readonly calendar: CalendarService,
    private readonly files: FilesService,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  async recordEvent(
    m: EntityManager,
    request: InformationRequest,
    event: { type: string; actor: FollowUpActor; occurredAt: Date; data: Record<string, unknown>; public?: boolean },
  ): Promise<string> {
    const row = await this.requests.insertEvent(m, {
      requestId: request.id,
      type: event.type,
      actorKind: event.actor.kind,
      actorId: event.actor.id,
      actorName: event.actor.name,
      occurredAt: event.occurredAt,
      fromStatus: request.status,
      toStatus: request.status,
      public: event.public ?? true,
      data: event.data,
    });
    return row.id;
  }

  /** Stores the PDF as one of the request's letters and mails it to the requester (when they gave an address). */
  async attachLetter(m: EntityManager, request: InformationRequest, eventId: string, letter: FollowUpLetter): Promise<string> {
    const file = await this.files.store(m, { kind: 'letter', filename: letter.filename, mediaType: 'application/pdf', content: letter.pdf, encrypt: false });
    const doc = await this.requests.insertDocument(m, {
      requestId: request.id,
      eventId,
      fileId: file.id,
      kind: 'letter',
      title: letter.title,
      letterNumber: letter.letterNumber,
    });
    if (request.requesterEmail) {
      await this.mail.enqueue(m, {
        template: 'request_letter',
        to: request.requesterEmail,
        requestId: request.id,
        data: {
          subject: letter.subject,
          message: letter.message,
          letterNumber: letter.letterNumber,
          registrationNumber: request.registrationNumber,
          requesterName: request.requesterName,
          trackingUrl: `${this.config.appUrl}/lacak?nomor=${encodeURIComponent(request.registrationNumber)}`,
          unitName: letter.unitName,
          bodyName: letter.bodyName,
        },
        attachments: [{ kind: 'request_document', ref: doc.id }],
      });
    }
    return doc.id;
  }

  /** The handling unit and its calendar; call before the transaction (the embedded database has one connection). */
  async reopenContext(request: InformationRequest): Promise<ReopenContext> {
    const unit = await this.bodies.getUnit(request.unitId);
    return { unit, calendar: await this.calendar.calendarFor(unit.bodyId) };
  }

  /**
   * Puts a request back to the PPID: status 'in_process', the answer cleared, a new due date 10
   * working days after `now` (the unit's hours and calendar), one 'reopened' event carrying the
   * instruction. A request still waiting for its first answer gets the new period too.
   */
  async reopen(m: EntityManager, requestId: string, ctx: ReopenContext, input: ReopenInput, now: Date): Promise<{ dueDate: string }> {
    const r = await this.requests.lockById(m, requestId);
    if (!r) throw new RequestNotFound('Permohonan tidak ditemukan.');
    const to = nextStatus('reopen', r.status);
    if (to === null) throw new ActionNotAllowed(`Tidak dapat ${ACTION_LABELS.reopen}: permohonan berstatus "${STATUS_LABELS[r.status]}".`);
    const due = computeDueDate(ctx.calendar, now, REOPEN_WORKING_DAYS, this.calendar.serviceHoursOf(ctx.unit));
    await this.requests.updateRequest(m, r.id, {
      status: to,
      decision: null,
      answeredAt: null,
      closedAt: null,
      reopenedAt: now,
      dueDate: due.dueDate,
      dueProvisional: due.provisional,
      extendedDays: null,
      version: r.version + 1,
      updatedAt: now,
    });
    await this.requests.insertEvent(m, {
      requestId: r.id,
      type: TRANSITIONS.reopen.event,
      actorKind: input.actor.kind,
      actorId: input.actor.id,
      actorName: input.actor.name,
      occurredAt: now,
      fromStatus: r.status,
      toStatus: to,
      oldDueDate: r.dueDate,
      newDueDate: due.dueDate,
      public: true,
      data: { instruction: input.instruction, source: input.source.kind, sourceNumber: input.source.number },
    });
    return { dueDate: due.dueDate };
  }
}
