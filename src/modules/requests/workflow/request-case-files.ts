import { Injectable } from '@nestjs/common';
import { Actor } from 'src/common/auth/actor';
import { FieldCipher, sealContext } from 'src/common/crypto/field-cipher';
import { localDateTimeOf } from 'src/common/time/local-time';
import { AuditService } from 'src/modules/audit';
import { AccessPolicy } from 'src/modules/auth';
import { BodiesService, PpidUnit } from 'src/modules/bodies';
import { CalendarService } from 'src/modules/calendar';
import { RequestDocument } from 'src/modules/requests/request-document.entity';
import { RequestEvent } from 'src/modules/requests/request-event.entity';
import { InformationRequest } from 'src/modules/requests/request.entity';
import { RequestsRepository } from 'src/modules/requests/requests.repository';
import { awaitsNotice, DeadlineState, deadlineState, stateBounds, workingDaysOverdue } from './deadline-state';
import { QueueRepository } from './queue.repository';
import { canTransition, RequestAction, TRANSITIONS } from './request-transitions';
import { isGrant } from './delivery-rules';
import { NoticeInput } from './notice-input';
import { decidesRefusal, noticeActionAt } from './refusal-approval';

/** The requester as an officer may see them: the full NIK only for officers of the request's own unit. */
export interface RequesterRecord {
  /** The full NIK, or null when the actor may see its last four digits only. */
  nik: string | null;
  nikLast4: string | null;
  registrationNo: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  occupation: string | null;
  /** An identity document exists and this actor may open it. */
  identityDocumentShown: boolean;
}

/** The actions the officer's page offers (the workflow checks each again when it is posted). */
export type OfficerAction = 'extend' | 'notice' | 'forward' | 'handover' | 'close' | 'assign' | 'note' | 'deliver' | 'decideRefusal' | 'correct' | 'transfer';

/** Another request this one is linked to by a transfer, and whether the actor may open it. */
export interface LinkedRequest {
  id: string;
  registrationNumber: string;
  bodyName: string;
  visible: boolean;
}

/** Everything known about one request that an officer's page needs, as domain values. */
export interface RequestCaseFile {
  request: InformationRequest;
  unit: PpidUnit;
  /** Null once the written notice went out. */
  deadline: { state: DeadlineState; workingDaysOverdue: number } | null;
  requester: RequesterRecord;
  /** Every event, internal ones included, oldest first. */
  events: RequestEvent[];
  documents: RequestDocument[];
  forwardTargets: { id: number; name: string }[];
  officers: { id: number; name: string }[];
  allowed: Record<OfficerAction, boolean>;
  /** A refusal here waits for the body's PPID Utama (the unit is a PPID Pelaksana). */
  refusalNeedsApproval: boolean;
  /** Other bodies on the portal a transfer may go to (code and name). */
  transferTargets: { code: string; name: string }[];
  /** The refusal a PPID Pelaksana submitted, while it awaits the PPID Utama. */
  pendingRefusal: { notice: NoticeInput; preparedBy: string | null; submittedAt: Date } | null;
  forwardedTo: LinkedRequest | null;
  forwardedFrom: LinkedRequest | null;
}

/** Loads an officer's view of a request; personal data only as far as the actor may see it, and audited. */
@Injectable()
export class RequestCaseFiles {
  constructor(
    private readonly requests: RequestsRepository,
    private readonly access: AccessPolicy,
    private readonly bodies: BodiesService,
    private readonly calendar: CalendarService,
    private readonly cipher: FieldCipher,
    private readonly queue: QueueRepository,
    private readonly audit: AuditService,
  ) {}

  async load(actor: Actor, r: InformationRequest, now: Date): Promise<RequestCaseFile> {
    const unit = await this.bodies.getUnit(r.unitId);
    const ownUnit = await this.access.isOfficerOfUnit(actor, r.unitId);
    const events = await this.requests.findTimeline(r.id, false);
    const documents = await this.requests.findDocuments(r.id);
    const body = await this.bodies.getBody(unit.body.regionCode);
    const calendar = await this.calendar.calendarFor(unit.bodyId);
    const bounds = stateBounds(calendar, localDateTimeOf(now, unit.timeZone).date);
    const state = awaitsNotice(r.status) ? deadlineState(r.dueDate, bounds) : null;
    const can = (a: RequestAction) => actor.role === 'officer' && canTransition(a, r.status);
    const actorUnit = actor.role === 'officer' && actor.unitId !== null ? await this.bodies.findActiveUnit(actor.unitId) : null;
    const submitted = r.status === 'awaiting_approval' ? [...events].reverse().find((e) => e.type === TRANSITIONS.submit_refusal.event) : undefined;
    const bodies = can('transfer') ? await this.bodies.listBodies() : [];
    const fullNik = ownUnit && r.requesterNik !== null;
    // Recorded before the page is rendered: no personal data leaves without its trail entry.
    await this.audit.record({
      actor,
      action: fullNik ? 'personal_data.nik_viewed' : 'request.full_record_viewed',
      target: { type: 'request', id: r.id },
      details: { unitId: r.unitId, shown: fullNik ? ['nik', 'address', 'phone', 'email'] : ['address', 'phone', 'email'] },
    });
    const open = (column: string, value: Buffer | null) => this.cipher.decryptText(value, sealContext('requests', column, r.registrationNumber));
    return {
      request: r,
      unit,
      deadline: state && { state, workingDaysOverdue: workingDaysOverdue(calendar, r.dueDate, bounds.today) },
      requester: {
        nik: ownUnit ? open('requester_nik', r.requesterNik) : null,
        nikLast4: r.requesterNikLast4,
        registrationNo: r.requesterRegistrationNo,
        address: open('requester_address', r.requesterAddress),
        phone: open('requester_phone', r.requesterPhone),
        email: r.requesterEmail,
        occupation: r.requesterOccupation,
        identityDocumentShown: ownUnit && r.identityDocumentId !== null,
      },
      events,
      documents,
      forwardTargets: body.units.filter((u) => u.level === 'pelaksana' && u.id !== r.unitId).map((u) => ({ id: u.id, name: u.name })),
      officers: await this.queue.findAssignableOfficers(r.unitId),
      allowed: {
        extend: can('extend') && !r.extendedDays,
        notice: can('notice'),
        forward: can('forward'),
        handover: can('handover'),
        close: can('close'),
        assign: can('assign'),
        note: can('note'),
        deliver: can('record_delivery') && isGrant(r.decision),
        decideRefusal: can('approve_refusal') && decidesRefusal({ role: actor.role, unit: actorUnit }, r.bodyId),
        correct: can('correct_letter') && documents.some((d) => d.kind === 'letter'),
        transfer: can('transfer'),
      },
      refusalNeedsApproval: noticeActionAt('refused', unit.level) === 'submit_refusal',
      transferTargets: bodies.filter((b) => b.code !== unit.body.regionCode).map((b) => ({ code: b.code, name: b.name })),
      pendingRefusal:
        submitted && typeof submitted.data.notice === 'object' && submitted.data.notice !== null
          ? { notice: submitted.data.notice as NoticeInput, preparedBy: submitted.actorName, submittedAt: submitted.occurredAt }
          : null,
      forwardedTo: await this.linked(actor, r.forwardedToRequestId),
      forwardedFrom: await this.linked(actor, r.forwardedFromRequestId),
    };
  }

  private async linked(actor: Actor, id: string | null): Promise<LinkedRequest | null> {
    const other = id ? await this.requests.findById(id) : null;
    if (!other) return null;
    const unit = await this.bodies.findActiveUnit(other.unitId);
    return { id: other.id, registrationNumber: other.registrationNumber, bodyName: unit?.body.name ?? '', visible: await this.access.canSeeUnit(actor, other.unitId) };
  }
}
