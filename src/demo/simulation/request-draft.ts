/**
 * What is drawn for one request before anything happens to it: who asks for what, which unit holds
 * it and which receives it, and how the body will handle it (forward, extend, answer on time,
 * late or never), following the body's profile.
 */
import { CopyDelivery, Decision, ObtainMethod } from 'src/modules/requests';
import { SimBody, SimUnit } from './model';
import { personName, Requester } from './people';
import { BodyProfile } from './profiles';
import { Random, WeightedTable } from './random';
import { Slot } from './arrivals';
import { GRANTED_TOPICS, NOT_DOCUMENTED_TOPICS, NOT_HELD_TOPICS, PARTIAL_TOPICS, PELAKSANA_AGENCIES, REFUSED_TOPICS, Topic, TopicContext } from './topics';

export type Outcome = 'on_time' | 'late' | 'never';

export interface RequestDraft {
  requester: Requester;
  decision: Decision;
  topic: Topic;
  context: TopicContext;
  purpose: string;
  /** The unit that holds the information; the request ends up there. */
  holder: SimUnit;
  /** The unit the request is filed with (and numbered by). */
  receiving: SimUnit;
  forward: boolean;
  extend: boolean;
  outcome: Outcome;
  obtainMethod: ObtainMethod;
  copyDelivery: CopyDelivery | null;
  withEmail: boolean;
  fiscalYear: number;
}

const OBTAIN_METHODS = new WeightedTable<ObtainMethod>([
  ['copy_soft', 58],
  ['copy_hard', 14],
  ['read', 10],
  ['view', 8],
  ['note', 6],
  ['listen', 4],
]);
const SOFT_DELIVERY = new WeightedTable<CopyDelivery>([
  ['email', 85],
  ['pickup', 15],
]);
const HARD_DELIVERY = new WeightedTable<CopyDelivery>([
  ['pickup', 55],
  ['post', 25],
  ['courier', 20],
]);

const TOPICS_BY_DECISION: Record<Decision, readonly Topic[]> = {
  granted: GRANTED_TOPICS,
  partially_granted: PARTIAL_TOPICS,
  refused: REFUSED_TOPICS,
  not_held: NOT_HELD_TOPICS,
  not_documented: NOT_DOCUMENTED_TOPICS,
};

function drawDecision(random: Random, p: BodyProfile): Decision {
  const u = random.next();
  if (u < p.refuseShare) return 'refused';
  if (u < p.refuseShare + p.notHeldShare) return random.chance(0.2) ? 'not_documented' : 'not_held';
  return random.chance(p.partialShare) ? 'partially_granted' : 'granted';
}

function holderUnit(random: Random, body: SimBody, topic: Topic): SimUnit {
  if (topic.holder === null || body.pelaksana.length === 0) return body.utama;
  if (topic.holder === 'any') return random.chance(0.8) ? random.pick(body.pelaksana) : body.utama;
  return body.pelaksana.find((u) => u.kind === topic.holder) ?? body.utama;
}

function agencyOf(body: SimBody, unit: SimUnit): string {
  return unit.kind ? `${PELAKSANA_AGENCIES[unit.kind]} ${body.region}` : `Sekretariat Daerah ${body.region}`;
}

/**
 * Draws a request arriving in `slot` (received in `year`) from one of the body's regular requesters.
 * Pinned requests are granted, never answered yet, and a segera one waits in a PPID Pelaksana.
 */
export function drawRequest(random: Random, body: SimBody, people: readonly Requester[], slot: Slot, year: number): RequestDraft {
  const profile = body.profile;
  const requester = people[Math.floor(people.length * random.next() ** 1.5)];
  const decision = slot.pin ? 'granted' : drawDecision(random, profile);
  const topic = random.pick(TOPICS_BY_DECISION[decision]);
  let holder = holderUnit(random, body, topic);
  if (slot.pin === 'segera' && body.pelaksana.length > 0) holder = body.pelaksana[0];
  const receiving = holder !== body.utama && !slot.pin && random.chance(profile.directToPelaksanaShare) ? holder : body.utama;
  const forward =
    receiving === body.utama && holder !== body.utama && (slot.pin === 'segera' || (!slot.pin && random.chance(Math.min(0.95, profile.forwardShare * 1.6))));
  const outcome: Outcome = slot.pin
    ? 'never'
    : random.chance(profile.neverAnsweredShare)
      ? 'never'
      : random.chance(profile.onTimeShare)
        ? 'on_time'
        : 'late';
  const extend = !slot.pin && random.chance(profile.extendShare);

  const obtainMethod = OBTAIN_METHODS.draw(random);
  const withEmail = slot.channel === 'online' || slot.channel === 'email' || random.chance(0.55);
  const copyDelivery =
    obtainMethod === 'copy_soft' ? (withEmail ? SOFT_DELIVERY.draw(random) : 'pickup') : obtainMethod === 'copy_hard' ? HARD_DELIVERY.draw(random) : null;
  const fiscalYear = random.chance(0.3) ? year - 1 : year;
  const context: TopicContext = {
    region: body.region,
    place: body.place,
    province: body.province,
    fiscalYear,
    district: requester.district,
    village: requester.village,
    agency: agencyOf(body, holder),
    person: personName(random).name,
  };
  const purpose = random.pick(requester.purposes);
  return { requester, decision, topic, context, purpose, holder, receiving, forward, extend, outcome, obtainMethod, copyDelivery, withEmail, fiscalYear };
}
