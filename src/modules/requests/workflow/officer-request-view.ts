import { Injectable } from '@nestjs/common';
import { FieldCipher, sealContext } from 'src/common/crypto/field-cipher';
import { formatLocalDate } from 'src/common/views/view-helpers';
import { AuditService } from 'src/modules/audit';
import { Actor } from 'src/common/auth/actor';
import { AccessPolicy } from 'src/modules/auth';
import { BodiesService } from 'src/modules/bodies';
import { CalendarService } from 'src/modules/calendar';
import { localDateTimeOf } from 'src/common/time/local-time';
import { maskNik } from 'src/modules/requests/intake/requester-identity';
import { InformationRequest } from 'src/modules/requests/request.entity';
import { formatInstant, RequestViews } from 'src/modules/requests/request-views';
import { RequestsRepository } from 'src/modules/requests/requests.repository';
import { awaitsNotice, DEADLINE_STATE_LABELS, deadlineState, stateBounds, workingDaysOverdue } from './deadline-state';
import { DECISIONS } from './notice-input';
import { QueueRepository } from './queue.repository';
import { canTransition } from './request-transitions';

/** Everything an officer's request page shows; personal data only as far as the actor may see it. */
@Injectable()
export class OfficerRequestViews {
  constructor(
    private readonly requests: RequestsRepository,
    private readonly views: RequestViews,
    private readonly access: AccessPolicy,
    private readonly bodies: BodiesService,
    private readonly calendar: CalendarService,
    private readonly cipher: FieldCipher,
    private readonly queue: QueueRepository,
    private readonly audit: AuditService,
  ) {}

  async detail(actor: Actor, r: InformationRequest, now: Date): Promise<object> {
    const unit = await this.bodies.getUnit(r.unitId);
    const ownUnit = await this.access.isOfficerOfUnit(actor, r.unitId);
    const receipt = await this.views.receipt(r);
    const events = await this.requests.findTimeline(r.id, false);
    const documents = await this.requests.findDocuments(r.id);
    const body = await this.bodies.getBody(unit.body.regionCode);
    const calendar = await this.calendar.calendarFor(unit.bodyId);
    const bounds = stateBounds(calendar, localDateTimeOf(now, unit.timeZone).date);
    const state = awaitsNotice(r.status) ? deadlineState(r.dueDate, bounds) : null;
    const can = (a: Parameters<typeof canTransition>[0]) => actor.role === 'officer' && canTransition(a, r.status);
    const fullNik = ownUnit && r.requesterNik !== null;
    // Recorded before the page is rendered: no personal data leaves without its trail entry.
    await this.audit.record({
      actor,
      action: fullNik ? 'personal_data.nik_viewed' : 'request.full_record_viewed',
      target: { type: 'request', id: r.id },
      details: { unitId: r.unitId, shown: fullNik ? ['nik', 'address', 'phone', 'email'] : ['address', 'phone', 'email'] },
    });
    return {
      request: r,
      receipt,
      unit: { id: unit.id, name: unit.name, level: unit.level },
      state: state && { key: state, label: DEADLINE_STATE_LABELS[state], daysOverdue: workingDaysOverdue(calendar, r.dueDate, bounds.today) },
      decisionLabel: r.decision ? DECISIONS[r.decision as keyof typeof DECISIONS] : null,
      requester: {
        nik: ownUnit ? (this.cipher.decryptText(r.requesterNik, sealContext('requests', 'requester_nik', r.registrationNumber)) ?? '—') : maskNik(r.requesterNikLast4),
        nikMasked: !ownUnit,
        registrationNo: r.requesterRegistrationNo,
        address: this.cipher.decryptText(r.requesterAddress, sealContext('requests', 'requester_address', r.registrationNumber)),
        phone: this.cipher.decryptText(r.requesterPhone, sealContext('requests', 'requester_phone', r.registrationNumber)),
        email: r.requesterEmail,
        occupation: r.requesterOccupation,
        hasIdentityDocument: ownUnit && r.identityDocumentId !== null,
      },
      timeline: events.map((e) => ({
        atText: formatInstant(e.occurredAt, unit.timeZone),
        label: this.views.eventLabel(e),
        actor: e.actorName ?? (e.actorKind === 'system' ? 'Sistem' : '—'),
        internal: !e.public,
        note: typeof e.data.note === 'string' ? e.data.note : null,
        reason: typeof e.data.reason === 'string' ? e.data.reason : null,
        dueChange:
          e.oldDueDate && e.newDueDate && e.oldDueDate !== e.newDueDate
            ? `${formatLocalDate(e.oldDueDate)} → ${formatLocalDate(e.newDueDate)}`
            : null,
      })),
      documents: documents.map((d) => ({ id: d.id, title: d.title, letterNumber: d.letterNumber, kind: d.kind })),
      forwardTargets: body.units.filter((u) => u.level === 'pelaksana' && u.id !== r.unitId),
      officers: await this.queue.findAssignableOfficers(r.unitId),
      can: {
        extend: can('extend') && !r.extendedDays,
        notice: can('notice'),
        forward: can('forward'),
        handover: can('handover'),
        close: can('close'),
        assign: can('assign'),
        note: can('note'),
      },
    };
  }
}
