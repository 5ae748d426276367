/**
 * The demo simulation: a year of requests per body, with the events officers would have written.
 * Pure and seeded: the same input (seed, clock, bodies) gives the same requests. Due dates come
 * from the real calendar functions and every event from the real transition table.
 */
import {
  MINUTES_PER_DAY,
  instantOfLocalTime,
  isWeekend,
  localEpochMinutes,
  parseTimeOfDay,
  partsFromDayNumber,
  toDayNumber,
} from 'src/modules/calendar/local-time';
import { computeDueDate, extendDueDate, ServiceHours, WorkingDayCalendar } from 'src/modules/calendar/working-day-calendar';
import { ANSWER_WORKING_DAYS } from 'src/modules/requests/intake/intake.service';
import { formatRegistrationNumber } from 'src/modules/requests/intake/registration-number';
import { Channel, CopyDelivery, ObtainMethod, RequesterType } from 'src/modules/requests/request-options';
import { RequestStatus } from 'src/modules/requests/request-status';
import { Decision, NoticeInput } from 'src/modules/requests/workflow/notice-input';
import { nextStatus, RequestAction, TRANSITIONS } from 'src/modules/requests/workflow/request-transitions';
import { MAX_EXTENSION_DAYS } from 'src/modules/requests/workflow/request-workflow.service';
import { District, drawRequester, personName, Requester } from './people';
import { BodyProfile } from './profiles';
import { deriveSeed, Random, WeightedTable } from './random';
import {
  CONSEQUENCE_TEST_PARTICIPANTS,
  GRANTED_TOPICS,
  NOT_DOCUMENTED_TOPICS,
  NOT_HELD_TOPICS,
  PARTIAL_TOPICS,
  PELAKSANA_AGENCIES,
  PelaksanaKind,
  REFUSED_TOPICS,
  Topic,
  TopicContext,
} from './topics';
import { EXTENSION_REASONS, FORWARD_NOTES, PAYMENT_METHODS } from './vocabulary';

export interface SimStaff {
  /** The demo account, when the person has one; events then carry it as actor. */
  userId: number | null;
  name: string;
}

export interface SimUnit {
  id: number;
  code: string;
  name: string;
  /** null for the PPID Utama. */
  kind: PelaksanaKind | null;
  staff: readonly SimStaff[];
}

export interface SimBody {
  id: number;
  regionCode: string;
  /** 'Kota Surabaya', 'Provinsi Jawa Timur'. */
  region: string;
  /** 'Surabaya'. */
  place: string;
  province: string;
  hours: ServiceHours;
  calendar: WorkingDayCalendar;
  utama: SimUnit;
  pelaksana: readonly SimUnit[];
  districts: readonly District[];
  profile: BodyProfile;
  requests: number;
}

export interface SimulationInput {
  seed: number;
  /** The clock: the simulated year is the 365 days up to it; nothing happens after it. */
  now: Date;
  bodies: readonly SimBody[];
  /** Last registration number per `${unitId}:${year}` already used, to continue numbering. */
  startSeqs?: ReadonlyMap<string, number>;
}

export interface SimEvent {
  type: string;
  actorKind: 'requester' | 'officer';
  actorId: number | null;
  actorName: string;
  occurredAt: Date;
  fromStatus: RequestStatus | null;
  toStatus: RequestStatus;
  oldDueDate: string | null;
  newDueDate: string | null;
  data: Record<string, unknown>;
}

export interface SimRequest {
  registrationNumber: string;
  receivingUnitId: number;
  registrationYear: number;
  registrationSeq: number;
  unitId: number;
  bodyId: number;
  channel: Channel;
  status: RequestStatus;
  decision: Decision | null;
  requesterType: RequesterType;
  requesterName: string;
  requesterNik: string | null;
  requesterRegistrationNo: string | null;
  requesterAddress: string;
  requesterOccupation: string;
  requesterPhone: string;
  requesterEmail: string | null;
  information: string;
  purpose: string;
  obtainMethod: ObtainMethod;
  copyDelivery: CopyDelivery | null;
  receivedAt: Date;
  effectiveReceiptDate: string;
  dueDate: string;
  dueProvisional: boolean;
  extendedDays: number | null;
  answeredAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  events: SimEvent[];
}

/** Open requests every body gets, received so that the queue shows each deadline state today. */
type Pin = 'aman' | 'segera' | 'terlambat';
/** Working days between day 0 and today: due in 8 (aman), in 2 (segera), 5 days ago (terlambat). */
const PIN_DAYS_BACK: Record<Pin, number> = { aman: 2, segera: 8, terlambat: 15 };
const SIMULATED_DAYS = 365;

const OBTAIN_METHODS = new WeightedTable<ObtainMethod>([
  ['copy_soft', 58],
  ['copy_hard', 14],
  ['read', 10],
  ['view', 8],
  ['note', 6],
  ['listen', 4],
]);
const CHANNELS_WORKING_DAY = new WeightedTable<Channel>([
  ['online', 66],
  ['walk_in', 12],
  ['letter', 9],
  ['email', 9],
  ['phone', 4],
]);
const CHANNELS_DAY_OFF = new WeightedTable<Channel>([
  ['online', 85],
  ['email', 15],
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
const TIME_NEEDED: readonly string[] = [
  'Informasi disampaikan bersama pemberitahuan ini.',
  'Salinan disampaikan paling lambat 3 hari kerja setelah pemberitahuan ini.',
  'Salinan dapat diambil di loket PPID mulai hari kerja berikutnya pada jam layanan.',
];

/** Time on the unit's clock: local days and minutes of its zone, office hours, working days. */
class BodyClock {
  readonly opens: number;
  readonly closes: number;
  readonly today: number;
  readonly nowMinute: number;

  constructor(
    readonly calendar: WorkingDayCalendar,
    readonly hours: ServiceHours,
    readonly now: Date,
  ) {
    this.opens = parseTimeOfDay(hours.opensAt);
    this.closes = parseTimeOfDay(hours.closesAt);
    const local = localEpochMinutes(now, hours.timeZone);
    this.today = Math.floor(local / MINUTES_PER_DAY);
    this.nowMinute = local - this.today * MINUTES_PER_DAY;
  }

  at(day: number, minute: number, second = 0): Date {
    return new Date(instantOfLocalTime(this.calendar.formatDayNumber(day), minute, this.hours.timeZone).getTime() + second * 1000);
  }

  /** Some time in office hours on a working day, and after `after` (pushed past it when needed). */
  officeTime(random: Random, day: number, after: Date): Date {
    const minute = random.int(this.opens + 30, Math.max(this.opens + 30, this.closes - 30));
    const t = this.at(day, minute, random.int(0, 59));
    return t.getTime() > after.getTime() ? t : new Date(after.getTime() + random.int(5, 90) * 60_000);
  }

  addWorkingDays(day: number, n: number): number {
    return this.calendar.addWorkingDaysToDayNumber(day, n);
  }

  /** The working day n working days before `day` (n ≥ 1). */
  workingDayBefore(day: number, n: number): number {
    let d = day;
    let left = n;
    while (left > 0) {
      d -= 1;
      if (this.calendar.isWorkingDayNumber(d)) left -= 1;
    }
    return d;
  }
}

interface Slot {
  day: number;
  minute: number;
  second: number;
  channel: Channel;
  pin: Pin | null;
}

interface Step {
  action: RequestAction | 'register';
  at: Date;
  unit: SimUnit;
  build: () => Partial<SimEvent>;
}

function dayWeight(clock: BodyClock, day: number): number {
  const month = partsFromDayNumber(day).month;
  // Busier in the budget season (August–November), quieter around the new year.
  const season = month >= 8 && month <= 11 ? 1.15 : month === 1 ? 0.85 : 1;
  const base = clock.calendar.isWorkingDayNumber(day) ? 1 : isWeekend(day) ? 0.1 : 0.15;
  const partial = day === clock.today ? clock.nowMinute / MINUTES_PER_DAY : 1;
  return base * season * partial;
}

/** Minute of the day a request comes in: offline channels in office hours, online also evenings and weekends. */
function receiptMinute(random: Random, clock: BodyClock, working: boolean, channel: Channel): number {
  const span = clock.closes - clock.opens;
  const inHours = () => clock.opens + Math.floor(span * random.next() ** 1.2);
  if (!working) return random.int(7 * 60, 22 * 60 - 1);
  if (channel === 'walk_in' || channel === 'phone' || channel === 'letter') return inHours();
  const u = random.next();
  if (u < 0.78) return inHours();
  if (u < 0.92) return random.int(clock.closes, 23 * 60 - 1);
  return random.int(5 * 60, Math.max(5 * 60, clock.opens - 1));
}

function drawDecision(random: Random, p: BodyProfile): Decision {
  const u = random.next();
  if (u < p.refuseShare) return 'refused';
  if (u < p.refuseShare + p.notHeldShare) return random.chance(0.2) ? 'not_documented' : 'not_held';
  return random.chance(p.partialShare) ? 'partially_granted' : 'granted';
}

const TOPICS_BY_DECISION: Record<Decision, readonly Topic[]> = {
  granted: GRANTED_TOPICS,
  partially_granted: PARTIAL_TOPICS,
  refused: REFUSED_TOPICS,
  not_held: NOT_HELD_TOPICS,
  not_documented: NOT_DOCUMENTED_TOPICS,
};

function holderUnit(random: Random, body: SimBody, topic: Topic): SimUnit {
  if (topic.holder === null || body.pelaksana.length === 0) return body.utama;
  if (topic.holder === 'any') return random.chance(0.8) ? random.pick(body.pelaksana) : body.utama;
  return body.pelaksana.find((u) => u.kind === topic.holder) ?? body.utama;
}

function agencyOf(body: SimBody, unit: SimUnit): string {
  return unit.kind ? `${PELAKSANA_AGENCIES[unit.kind]} ${body.region}` : `Sekretariat Daerah ${body.region}`;
}

function actorOf(random: Random, unit: SimUnit): { actorKind: 'officer'; actorId: number | null; actorName: string } {
  const staff = random.pick(unit.staff);
  return { actorKind: 'officer', actorId: staff.userId, actorName: staff.name };
}

function endOfExemption(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}-12-31`;
}

/** Generates one body's year, in order of receipt (so registration numbers follow receipt). */
class BodySimulation {
  private readonly random: Random;
  private readonly clock: BodyClock;
  private readonly people: Requester[];

  constructor(
    private readonly input: SimulationInput,
    private readonly body: SimBody,
    private readonly seqs: Map<string, number>,
  ) {
    this.random = new Random(deriveSeed(input.seed, 'requests', body.regionCode));
    this.clock = new BodyClock(body.calendar, body.hours, input.now);
    const peopleRandom = this.random.fork('people');
    const size = Math.min(400, Math.max(8, Math.round(body.requests * 0.7)));
    this.people = Array.from({ length: size }, () => drawRequester(peopleRandom, body.districts, body.place));
  }

  *requests(): Generator<SimRequest> {
    const { clock, random, body } = this;
    const pins = this.pins();
    const regular = body.requests - pins.length;
    const firstDay = clock.today - (SIMULATED_DAYS - 1);
    const dayTable = new WeightedTable<number>(
      Array.from({ length: SIMULATED_DAYS }, (_, i) => [firstDay + i, dayWeight(clock, firstDay + i)] as const),
    );
    const days = new Int32Array(regular);
    for (let i = 0; i < regular; i += 1) days[i] = dayTable.draw(random);
    days.sort();
    let next = 0;
    let pinIndex = 0;
    while (next < days.length || pinIndex < pins.length) {
      const day = Math.min(next < days.length ? days[next] : Infinity, pinIndex < pins.length ? pins[pinIndex].day : Infinity);
      const working = clock.calendar.isWorkingDayNumber(day);
      const slots: Slot[] = [];
      while (next < days.length && days[next] === day) {
        next += 1;
        const channel = (working ? CHANNELS_WORKING_DAY : CHANNELS_DAY_OFF).draw(random);
        let minute = receiptMinute(random, clock, working, channel);
        if (day === clock.today && minute >= clock.nowMinute) minute = Math.floor(random.next() * clock.nowMinute);
        slots.push({ day, minute, second: random.int(0, 59), channel: day === clock.today && minute < clock.opens ? 'online' : channel, pin: null });
      }
      while (pinIndex < pins.length && pins[pinIndex].day === day) {
        slots.push({ day, minute: random.int(clock.opens, clock.closes - 1), second: random.int(0, 59), channel: 'online', pin: pins[pinIndex].pin });
        pinIndex += 1;
      }
      slots.sort((a, b) => a.minute - b.minute || a.second - b.second);
      for (const slot of slots) yield this.request(slot);
    }
  }

  private pins(): { day: number; pin: Pin }[] {
    const wanted: Pin[] = ['aman', 'segera'];
    if (this.body.profile.archetype !== 'exemplary' && this.body.profile.archetype !== 'compliant') wanted.push('terlambat');
    return wanted
      .slice(0, Math.max(0, Math.min(wanted.length, this.body.requests)))
      .map((pin) => ({ pin, day: this.clock.workingDayBefore(this.clock.today, PIN_DAYS_BACK[pin]) }))
      .sort((a, b) => a.day - b.day);
  }

  private request(slot: Slot): SimRequest {
    const { random, clock, body } = this;
    const now = this.input.now;
    const receivedAt = new Date(Math.min(clock.at(slot.day, slot.minute, slot.second).getTime(), now.getTime() - 1000));
    const year = partsFromDayNumber(slot.day).year;
    const due = computeDueDate(clock.calendar, receivedAt, ANSWER_WORKING_DAYS, body.hours);
    const day0 = toDayNumber(due.effectiveReceiptDate);
    const dueDay = toDayNumber(due.dueDate);
    const profile = body.profile;

    const requester = this.people[Math.floor(this.people.length * random.next() ** 1.5)];
    const decision = slot.pin ? 'granted' : drawDecision(random, profile);
    const topic = random.pick(TOPICS_BY_DECISION[decision]);
    let holder = holderUnit(random, body, topic);
    if (slot.pin === 'segera' && body.pelaksana.length > 0) holder = body.pelaksana[0];
    const receiving = holder !== body.utama && !slot.pin && random.chance(profile.directToPelaksanaShare) ? holder : body.utama;
    const forward =
      receiving === body.utama && holder !== body.utama && (slot.pin === 'segera' || (!slot.pin && random.chance(Math.min(0.95, profile.forwardShare * 1.6))));
    const outcome: 'on_time' | 'late' | 'never' = slot.pin
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

    // The steps as they would happen; those after the clock are left out below.
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
    if (forward) {
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
    let extension: { days: number; dueDate: string; provisional: boolean } | null = null;
    if (extend) {
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
    if (outcome !== 'never') {
      let answerDay: number;
      if (outcome === 'on_time') {
        const upper = ANSWER_WORKING_DAYS + (extension?.days ?? 0);
        const lower = Math.max(1, extendOffset);
        const typical = extension ? random.int(lower, upper) : Math.round(profile.typicalAnswerDays + random.normal() * 1.8);
        answerDay = clock.addWorkingDays(day0, Math.min(upper, Math.max(lower, typical)));
      } else {
        answerDay = clock.addWorkingDays(finalDueDay, random.int(1, Math.max(1, profile.maxLateDays)));
      }
      const at = clock.officeTime(random, answerDay, last);
      const by = unit;
      const notice = this.notice(decision, topic, context, { obtainMethod, copyDelivery, day0, answerDay, unit: by });
      const action: RequestAction = decision === 'refused' ? 'refuse' : decision === 'granted' || decision === 'partially_granted' ? 'notice' : 'notice_not_held';
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

    // Walk the steps through the transition table up to the clock.
    const events: SimEvent[] = [];
    let status: RequestStatus = 'received';
    let currentUnit = receiving;
    let dueDate = due.dueDate;
    let dueProvisional = due.provisional;
    let extendedDays: number | null = null;
    let answeredAt: Date | null = null;
    let closedAt: Date | null = null;
    let finalDecision: Decision | null = null;
    let version = 1;
    for (const step of steps) {
      if (step.at.getTime() > now.getTime()) break;
      const built = step.build();
      if (step.action === 'register') {
        events.push({ actorKind: 'requester', actorId: null, actorName: requester.name, fromStatus: null, toStatus: 'received', oldDueDate: null, newDueDate: null, data: {}, type: 'registered', ...built, occurredAt: step.at });
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
      if (step.action === 'forward') currentUnit = holder;
      if (step.action === 'extend' && extension) {
        dueDate = extension.dueDate;
        dueProvisional = dueProvisional || extension.provisional;
        extendedDays = extension.days;
      }
      if (step.action === 'notice' || step.action === 'refuse' || step.action === 'notice_not_held') {
        answeredAt = step.at;
        finalDecision = decision;
      }
      if (to === 'closed' && !closedAt) closedAt = step.at;
    }

    const key = `${receiving.id}:${year}`;
    const seq = (this.seqs.get(key) ?? this.input.startSeqs?.get(key) ?? 0) + 1;
    this.seqs.set(key, seq);
    return {
      registrationNumber: formatRegistrationNumber(body.regionCode, receiving.code, year, seq),
      receivingUnitId: receiving.id,
      registrationYear: year,
      registrationSeq: seq,
      unitId: currentUnit.id,
      bodyId: body.id,
      channel: slot.channel,
      status,
      decision: finalDecision,
      requesterType: requester.type,
      requesterName: requester.name,
      requesterNik: requester.nik,
      requesterRegistrationNo: requester.registrationNo,
      requesterAddress: requester.address,
      requesterOccupation: requester.occupation,
      requesterPhone: requester.phone,
      requesterEmail: withEmail ? requester.email : null,
      information: topic.information(context),
      purpose,
      obtainMethod,
      copyDelivery,
      receivedAt,
      effectiveReceiptDate: due.effectiveReceiptDate,
      dueDate,
      dueProvisional,
      extendedDays,
      answeredAt,
      closedAt,
      createdAt: events[0].occurredAt,
      updatedAt: events[events.length - 1].occurredAt,
      version,
      events,
    };
  }

  private notice(
    decision: Decision,
    topic: Topic,
    context: TopicContext,
    r: { obtainMethod: ObtainMethod; copyDelivery: CopyDelivery | null; day0: number; answerDay: number; unit: SimUnit },
  ): NoticeInput {
    const { random, clock, body } = this;
    const blank: NoticeInput = {
      decision,
      informationHeld: true,
      holderBody: null,
      material: null,
      redactions: null,
      format: null,
      delivery: null,
      fee: null,
      paymentMethod: null,
      timeNeeded: null,
      reason: null,
      exemptionGround: null,
      exemptionLaw: null,
      consequenceTest: null,
    };
    switch (decision) {
      case 'granted':
      case 'partially_granted': {
        const fee = r.obtainMethod === 'copy_hard' && random.chance(0.35) ? random.int(2, 30) * 2500 : 0;
        return {
          ...blank,
          material: topic.material?.(context) ?? topic.information(context),
          redactions: decision === 'partially_granted' ? (topic.redactions ?? 'Data pribadi dihitamkan (Pasal 17 huruf h).') : null,
          format: r.obtainMethod === 'copy_soft' ? 'softcopy' : 'hardcopy',
          delivery: r.copyDelivery ?? 'pickup',
          fee,
          paymentMethod: fee > 0 ? random.pick(PAYMENT_METHODS) : null,
          timeNeeded: random.pick(TIME_NEEDED),
        };
      }
      case 'refused': {
        const testDay = Math.max(r.day0, clock.workingDayBefore(r.answerDay, random.int(1, 2)));
        const date = clock.calendar.formatDayNumber(testDay);
        const ground = topic.ground ?? 'h';
        return {
          ...blank,
          reason: topic.reason?.(context) ?? 'Informasi termasuk informasi yang dikecualikan.',
          exemptionGround: ground,
          exemptionLaw: ground === 'j' ? (topic.law ?? null) : null,
          consequenceTest: {
            date,
            participants: CONSEQUENCE_TEST_PARTICIPANTS(body.region, r.unit.kind ? r.unit.name : null),
            consequence: topic.consequence ?? 'Membuka informasi ini lebih merugikan daripada menutupnya.',
            exemptionUntil: topic.exemptionYears ? endOfExemption(date, topic.exemptionYears) : null,
          },
        };
      }
      case 'not_held':
        return { ...blank, informationHeld: false, holderBody: topic.holderBody?.(context) ?? null, reason: topic.reason?.(context) ?? null };
      case 'not_documented':
        return { ...blank, reason: topic.reason?.(context) ?? 'Informasi belum didokumentasikan.' };
    }
  }
}

/** Every body's year, body after body; constant memory per body however many requests are asked. */
export function* simulateRequests(input: SimulationInput): Generator<SimRequest> {
  const seqs = new Map<string, number>();
  for (const body of input.bodies) {
    yield* new BodySimulation(input, body, seqs).requests();
  }
}
