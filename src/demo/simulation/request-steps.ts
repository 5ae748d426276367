/**
 * The steps a request would go through, as the body handles it: registration (or offline
 * recording), forwarding to the holder, an extension, the answer, the handover and the closing.
 * Steps are planned whole; the timeline keeps those up to the clock.
 */
import { toDayNumber } from 'src/common/time/local-time';
import { DueDateResult, extendDueDate } from 'src/modules/calendar';
import { ANSWER_WORKING_DAYS, Decision, MAX_EXTENSION_DAYS, RequestAction, noticeAction } from 'src/modules/requests';
import { Slot } from './arrivals';
import { BodyClock } from './body-clock';
import { SimBody, SimEvent, SimUnit } from './model';
import { drawNotice } from './notice';
import { Random } from './random';
import { RequestDraft } from './request-draft';
import { EXTENSION_REASONS, FORWARD_NOTES } from './vocabulary';

export interface Step {
  /** 'record': an event that moves no status (a keberatan or sengketa noted on the request's timeline). */
  action: RequestAction | 'register' | 'record';
  at: Date;
  unit: SimUnit;
  /** Draws the event's details (its actor among them) only when the step is reached. */
  build: () => Partial<SimEvent>;
  /** A notice given anew after a reopening: its own decision. */
  decision?: Decision;
  /** A reopening: the new due date of the answer. */
  reopenDue?: { dueDate: string; provisional: boolean };
}

export interface Extension {
  days: number;
  dueDate: string;
  provisional: boolean;
}

export interface PlannedSteps {
  steps: Step[];
  extension: Extension | null;
}

function actorOf(random: Random, unit: SimUnit): { actorKind: 'officer'; actorId: number | null; actorName: string } {
  const staff = random.pick(unit.staff);
  return { actorKind: 'officer', actorId: staff.userId, actorName: staff.name };
}

export function planSteps(
  random: Random,
  clock: BodyClock,
  body: SimBody,
  request: { slot: Slot; receivedAt: Date; due: DueDateResult; draft: RequestDraft },
): PlannedSteps {
  const { slot, receivedAt, due, draft } = request;
  const { requester, decision, topic, holder, receiving, obtainMethod, copyDelivery, fiscalYear } = draft;
  const now = clock.now;
  const profile = body.profile;
  const day0 = toDayNumber(due.effectiveReceiptDate);
  const dueDay = toDayNumber(due.dueDate);

  const steps: Step[] = [];
  const offline = slot.channel !== 'online';
  const recordedAt = !offline
    ? receivedAt
    : slot.channel === 'walk_in' || slot.channel === 'phone'
      ? new Date(receivedAt.getTime() + random.int(5, 45) * 60_000)
      : clock.officeTime(random, day0, receivedAt);
  steps.push({
    action: 'register',
    at: new Date(Math.min(recordedAt.getTime(), now.getTime())),
    unit: receiving,
    build: () => ({
      type: offline ? 'recorded_offline' : 'registered',
      ...(offline ? actorOf(random, receiving) : { actorKind: 'requester' as const, actorId: null, actorName: requester.name }),
      newDueDate: due.dueDate,
      data: { channel: slot.channel, receivedAt: receivedAt.toISOString(), effectiveReceiptDate: due.effectiveReceiptDate, provisional: due.provisional },
    }),
  });
  let last = steps[0].at;
  let unit = receiving;
  if (draft.forward) {
    const at = clock.officeTime(random, clock.addWorkingDays(day0, random.int(0, 2)), last);
    const from = unit;
    const note = random.pick(FORWARD_NOTES);
    steps.push({
      action: 'forward',
      at,
      unit: from,
      build: () => ({ ...actorOf(random, from), data: { fromUnitId: from.id, toUnitId: holder.id, toUnitName: holder.name, note } }),
    });
    unit = holder;
    last = at;
  }
  let finalDueDay = dueDay;
  let extendOffset = 0;
  let extension: Extension | null = null;
  if (draft.extend) {
    extendOffset = random.int(6, ANSWER_WORKING_DAYS);
    const at = clock.officeTime(random, clock.addWorkingDays(day0, extendOffset), last);
    const days = random.int(3, MAX_EXTENSION_DAYS);
    const extended = extendDueDate(clock.calendar, due.dueDate, days);
    extension = { days, dueDate: extended.dueDate, provisional: extended.provisional };
    finalDueDay = toDayNumber(extended.dueDate);
    const reason = random.pick(EXTENSION_REASONS);
    const by = unit;
    steps.push({
      action: 'extend',
      at,
      unit: by,
      build: () => ({ ...actorOf(random, by), oldDueDate: due.dueDate, newDueDate: extended.dueDate, data: { workingDays: days, reason } }),
    });
    last = at;
  }
  if (draft.outcome !== 'never') {
    let answerDay: number;
    if (draft.outcome === 'on_time') {
      const upper = ANSWER_WORKING_DAYS + (extension?.days ?? 0);
      const lower = Math.max(1, extendOffset);
      const typical = extension ? random.int(lower, upper) : Math.round(profile.typicalAnswerDays + random.normal() * 1.8);
      answerDay = clock.addWorkingDays(day0, Math.min(upper, Math.max(lower, typical)));
    } else {
      answerDay = clock.addWorkingDays(finalDueDay, random.int(1, Math.max(1, profile.maxLateDays)));
    }
    const at = clock.officeTime(random, answerDay, last);
    const by = unit;
    const notice = drawNotice(random, clock, body, draft, { obtainMethod, copyDelivery, day0, answerDay, unit: by });
    const action: RequestAction = noticeAction(decision);
    steps.push({ action, at, unit: by, build: () => ({ ...actorOf(random, by), data: { notice } }) });
    last = at;
    if (action === 'notice') {
      const handoverAt = clock.officeTime(random, clock.addWorkingDays(answerDay, random.int(0, 3)), last);
      const file = `${topic.key}-${fiscalYear}.pdf`;
      steps.push({ action: 'handover', at: handoverAt, unit: by, build: () => ({ ...actorOf(random, by), data: { files: [file] } }) });
      const closeAt = clock.officeTime(random, clock.addWorkingDays(answerDay, random.int(1, 5)), handoverAt);
      steps.push({ action: 'close', at: closeAt, unit: by, build: () => ({ ...actorOf(random, by), data: {} }) });
    }
  }
  return { steps, extension };
}
