/** Walks a request's planned steps through the transition table up to the clock: its events and where it stands now. */
import { DueDateResult } from 'src/modules/calendar';
import { Decision, RequestStatus, TRANSITIONS, nextStatus } from 'src/modules/requests';
import { SimEvent, SimUnit } from './model';
import { PlannedSteps } from './request-steps';

export interface Timeline {
  events: SimEvent[];
  status: RequestStatus;
  /** The unit that has the request now. */
  unit: SimUnit;
  dueDate: string;
  dueProvisional: boolean;
  extendedDays: number | null;
  answeredAt: Date | null;
  closedAt: Date | null;
  /** When the granted information was handed over through the portal (its delivery). */
  deliveredAt: Date | null;
  /** When an overturned keberatan put the request back to the PPID. */
  reopenedAt: Date | null;
  decision: Decision | null;
  version: number;
}

export function walkSteps(
  planned: PlannedSteps,
  now: Date,
  request: { requesterName: string; receiving: SimUnit; holder: SimUnit; due: DueDateResult; decision: Decision },
): Timeline {
  const { extension } = planned;
  const events: SimEvent[] = [];
  let status: RequestStatus = 'received';
  let unit = request.receiving;
  let dueDate = request.due.dueDate;
  let dueProvisional = request.due.provisional;
  let extendedDays: number | null = null;
  let answeredAt: Date | null = null;
  let closedAt: Date | null = null;
  let deliveredAt: Date | null = null;
  let reopenedAt: Date | null = null;
  let decision: Decision | null = null;
  let version = 1;
  for (const step of planned.steps) {
    if (step.at.getTime() > now.getTime()) break;
    const built = step.build();
    if (step.action === 'register') {
      events.push({
        actorKind: 'requester',
        actorId: null,
        actorName: request.requesterName,
        fromStatus: null,
        toStatus: 'received',
        oldDueDate: null,
        newDueDate: null,
        data: {},
        type: 'registered',
        ...built,
        occurredAt: step.at,
      });
      continue;
    }
    if (step.action === 'record') {
      // Noted on the timeline like RequestFollowUps.recordEvent: the status stays, the version too.
      events.push({
        actorKind: 'requester',
        actorId: null,
        actorName: request.requesterName,
        oldDueDate: null,
        newDueDate: null,
        data: {},
        type: 'note',
        ...built,
        occurredAt: step.at,
        fromStatus: status,
        toStatus: status,
      });
      continue;
    }
    const to = nextStatus(step.action, status);
    if (to === null) throw new Error(`demo simulation: ${step.action} is not allowed from ${status}`);
    events.push({
      actorKind: 'officer',
      actorId: null,
      actorName: '',
      oldDueDate: null,
      newDueDate: null,
      data: {},
      ...built,
      type: TRANSITIONS[step.action].event,
      occurredAt: step.at,
      fromStatus: status,
      toStatus: to,
    });
    status = to;
    version += 1;
    if (step.action === 'forward') unit = request.holder;
    if (step.action === 'extend' && extension) {
      dueDate = extension.dueDate;
      dueProvisional = dueProvisional || extension.provisional;
      extendedDays = extension.days;
    }
    if (step.action === 'reopen' && step.reopenDue) {
      // As RequestFollowUps.reopen: the answer cleared, a new period from now.
      answeredAt = null;
      decision = null;
      closedAt = null;
      extendedDays = null;
      dueDate = step.reopenDue.dueDate;
      dueProvisional = step.reopenDue.provisional;
      reopenedAt = step.at;
    }
    if (step.action === 'notice' || step.action === 'refuse' || step.action === 'notice_not_held' || step.action === 'notice_not_documented') {
      answeredAt = step.at;
      decision = step.decision ?? request.decision;
    }
    if (step.action === 'handover' && !deliveredAt) deliveredAt = step.at;
    if (to === 'closed' && !closedAt) closedAt = step.at;
  }
  return { events, status, unit, dueDate, dueProvisional, extendedDays, answeredAt, closedAt, deliveredAt, reopenedAt, decision, version };
}
