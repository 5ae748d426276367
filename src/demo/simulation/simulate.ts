/**
 * The demo simulation: a year of requests per body, with the events officers would have written.
 * Pure and seeded: the same input (seed, clock, bodies) gives the same requests. Due dates come
 * from the real calendar functions and every event from the real transition table.
 *
 * Per request: its arrival (arrivals.ts), what is asked and how the body will handle it
 * (request-draft.ts), the steps that follow (request-steps.ts, notice.ts), and those of them up
 * to the clock (timeline.ts). Every draw comes from one random per body, in a fixed order.
 */
import { localDateTimeOf, partsFromDayNumber } from 'src/common/time/local-time';
import { computeDueDate } from 'src/modules/calendar';
import { ANSWER_WORKING_DAYS, formatRegistrationNumber } from 'src/modules/requests';
import { arrivals, Slot } from './arrivals';
import { BodyClock } from './body-clock';
import { SimBody, SimRequest, SimulationInput } from './model';
import { drawRequester, Requester } from './people';
import { deriveSeed, Random } from './random';
import { ObjectionNumbering, planObjection } from './objections';
import { drawRequest } from './request-draft';
import { planSteps } from './request-steps';
import { walkSteps } from './timeline';

export type { SimBody, SimEvent, SimRequest, SimStaff, SimulationInput, SimUnit } from './model';
export type { SimDispute, SimObjection } from './model';

/** Generates one body's year, in order of receipt (so registration numbers follow receipt). */
class BodySimulation {
  private readonly random: Random;
  private readonly clock: BodyClock;
  private readonly people: Requester[];

  constructor(
    private readonly input: SimulationInput,
    private readonly body: SimBody,
    private readonly seqs: Map<string, number>,
    private readonly numbering: ObjectionNumbering,
  ) {
    this.random = new Random(deriveSeed(input.seed, 'requests', body.regionCode));
    this.clock = new BodyClock(body.calendar, body.hours, input.now);
    const peopleRandom = this.random.fork('people');
    const size = Math.min(400, Math.max(8, Math.round(body.requests * 0.7)));
    this.people = Array.from({ length: size }, () => drawRequester(peopleRandom, body.districts, body.place));
  }

  *requests(): Generator<SimRequest> {
    for (const slot of arrivals(this.random, this.clock, this.body)) yield this.request(slot);
  }

  private request(slot: Slot): SimRequest {
    const { random, clock, body } = this;
    const now = this.input.now;
    const receivedAt = new Date(Math.min(clock.at(slot.day, slot.minute, slot.second).getTime(), now.getTime() - 1000));
    const year = partsFromDayNumber(slot.day).year;
    const due = computeDueDate(clock.calendar, receivedAt, ANSWER_WORKING_DAYS, body.hours);
    const draft = drawRequest(random, body, this.people, slot, year);
    const { requester, receiving } = draft;
    const steps = planSteps(random, clock, body, { slot, receivedAt, due, draft });
    // A keberatan draws from its own stream, so the requests without one stay as they were.
    const objection = planObjection(random.fork('keberatan'), clock, body, this.numbering, { planned: steps, due, draft, requesterName: requester.name });
    const planned = objection ? { ...steps, steps: [...steps.steps, ...objection.steps] } : steps;
    const timeline = walkSteps(planned, now, { requesterName: requester.name, receiving, holder: draft.holder, due, decision: draft.decision });
    const { events } = timeline;

    const key = `${receiving.id}:${year}`;
    const seq = (this.seqs.get(key) ?? this.input.startSeqs?.get(key) ?? 0) + 1;
    this.seqs.set(key, seq);
    return {
      registrationNumber: formatRegistrationNumber(body.regionCode, receiving.code, year, seq),
      receivingUnitId: receiving.id,
      registrationYear: year,
      registrationSeq: seq,
      unitId: timeline.unit.id,
      bodyId: body.id,
      channel: slot.channel,
      status: timeline.status,
      decision: timeline.decision,
      requesterType: requester.type,
      requesterName: requester.name,
      requesterNik: requester.nik,
      requesterRegistrationNo: requester.registrationNo,
      requesterAddress: requester.address,
      requesterOccupation: requester.occupation,
      requesterPhone: requester.phone,
      requesterEmail: draft.withEmail ? requester.email : null,
      information: draft.topic.information(draft.context),
      purpose: draft.purpose,
      obtainMethod: draft.obtainMethod,
      copyDelivery: draft.copyDelivery,
      publicationConsent: publicationConsentOf(formatRegistrationNumber(body.regionCode, receiving.code, year, seq)),
      receivedAt,
      effectiveReceiptDate: due.effectiveReceiptDate,
      dueDate: timeline.dueDate,
      dueProvisional: timeline.dueProvisional,
      extendedDays: timeline.extendedDays,
      answeredAt: timeline.answeredAt,
      closedAt: timeline.closedAt,
      deliveredOn: timeline.deliveredAt ? localDateTimeOf(timeline.deliveredAt, body.hours.timeZone).date : null,
      reopenedAt: timeline.reopenedAt,
      createdAt: events[0].occurredAt,
      updatedAt: events[events.length - 1].occurredAt,
      version: timeline.version,
      events,
      objection: objection?.objection ?? null,
    };
  }
}

/** Every body's year, body after body; constant memory per body however many requests are asked. */
export function* simulateRequests(input: SimulationInput): Generator<SimRequest> {
  const seqs = new Map<string, number>();
  const numbering = new ObjectionNumbering(new Map(), input.startObjectionSeqs);
  for (const body of input.bodies) {
    yield* new BodySimulation(input, body, seqs, numbering).requests();
  }
}

/**
 * About one request in five consents to publication. Derived from the registration number, not drawn
 * from the seeded random stream, so every other simulated figure stays as it was.
 */
export function publicationConsentOf(registrationNumber: string): boolean {
  let h = 0;
  for (const ch of registrationNumber) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % 5 === 0;
}
