/**
 * Keberatan and sengketa after a request (Pasal 35–38): whether the requester objects to the
 * atasan PPID, how the atasan answers (in time or late, upholding or overturning), the request
 * reopened and answered anew after an overturn, and a dispute at the Komisi Informasi. Planned
 * as further steps of the request, so the timeline keeps only those up to the clock.
 */
import { localDateTimeOf, toDayNumber } from 'src/common/time/local-time';
import { computeDueDate, DueDateResult } from 'src/modules/calendar';
import { atasanDueDate, DISPUTE_FILING_WORKING_DAYS, DisputeOutcome, DisputeStage, ObjectionGround, ObjectionStatus } from 'src/modules/objections';
import { noticeAction, REOPEN_WORKING_DAYS } from 'src/modules/requests';
import { BodyClock } from './body-clock';
import { SimBody, SimDispute, SimDisputeStage, SimObjection } from './model';
import { drawNotice } from './notice';
import { Archetype } from './profiles';
import { Random } from './random';
import { RequestDraft } from './request-draft';
import { PlannedSteps, Step } from './request-steps';

/** How a body's atasan PPID handles keberatan, and how often its requesters object or go on. */
interface ObjectionHabits {
  /** Chance a refusal (in full or in part) is objected to. */
  afterRefusal: number;
  /** Chance a late answer, or none at all, is objected to. */
  afterDelay: number;
  /** Of the atasan's answers: within the 30 working days. */
  answeredOnTime: number;
  /** Keberatan the atasan never answers. */
  neverAnswered: number;
  /** Of the answers to a refusal: overturned (in full or in part). */
  overturnRefusal: number;
  /** Chance an upheld or unanswered keberatan goes on to the Komisi Informasi. */
  dispute: number;
}

const HABITS: Record<Archetype, ObjectionHabits> = {
  exemplary: { afterRefusal: 0.2, afterDelay: 0.1, answeredOnTime: 0.97, neverAnswered: 0, overturnRefusal: 0.2, dispute: 0.15 },
  compliant: { afterRefusal: 0.25, afterDelay: 0.1, answeredOnTime: 0.9, neverAnswered: 0.02, overturnRefusal: 0.25, dispute: 0.2 },
  average: { afterRefusal: 0.3, afterDelay: 0.12, answeredOnTime: 0.75, neverAnswered: 0.05, overturnRefusal: 0.3, dispute: 0.25 },
  slow: { afterRefusal: 0.3, afterDelay: 0.15, answeredOnTime: 0.45, neverAnswered: 0.12, overturnRefusal: 0.35, dispute: 0.3 },
  refusing: { afterRefusal: 0.35, afterDelay: 0.12, answeredOnTime: 0.8, neverAnswered: 0.04, overturnRefusal: 0.4, dispute: 0.35 },
  unresponsive: { afterRefusal: 0.3, afterDelay: 0.2, answeredOnTime: 0.35, neverAnswered: 0.3, overturnRefusal: 0.3, dispute: 0.35 },
};

/** A granted request objected to anyway (answered other than asked, not fulfilled). */
const AFTER_GRANT = 0.015;

const REASONS: Record<ObjectionGround, string> = {
  a: 'Pemohon berpendapat informasi yang ditolak bukan informasi yang dikecualikan dan uji konsekuensinya tidak menimbang kepentingan publik.',
  b: 'Informasi berkala yang diminta tidak disediakan.',
  c: 'Permohonan tidak ditanggapi sampai batas waktu lewat.',
  d: 'Permohonan ditanggapi tidak sebagaimana yang diminta.',
  e: 'Permohonan tidak dipenuhi walaupun telah diberitahukan akan diberikan.',
  f: 'Biaya yang dikenakan tidak wajar.',
  g: 'Informasi disampaikan melebihi batas waktu yang diatur undang-undang.',
};

const UPHOLD_REASONS = [
  'Penolakan PPID telah sesuai dengan Pasal 17 dan uji konsekuensi yang dilakukan; kepentingan publik tidak lebih besar daripada kerugian bila informasi dibuka.',
  'Tanggapan PPID telah sesuai dengan permohonan dan peraturan perundang-undangan.',
  'Informasi telah diberikan sebagaimana diminta; keberatan tidak beralasan.',
];

const INSTRUCTIONS = [
  'PPID agar memberikan informasi yang diminta dalam 10 hari kerja.',
  'PPID agar meninjau kembali penolakan dan memberikan informasi dengan menghitamkan data pribadi saja.',
  'PPID agar segera menanggapi permohonan dengan pemberitahuan tertulis.',
];

const ANSWERS = new Set<Step['action']>(['notice', 'refuse', 'notice_not_held', 'notice_not_documented']);

/** Numbers gapless per body and year, by kind (keberatan, tanggapan), continuing from `start`. */
export class ObjectionNumbering {
  constructor(
    private readonly seqs: Map<string, number>,
    private readonly start: ReadonlyMap<string, number> | undefined,
  ) {}

  next(bodyId: number, year: number, kind: 'objection' | 'response'): number {
    const key = `${bodyId}:${year}:${kind}`;
    const seq = (this.seqs.get(key) ?? this.start?.get(key) ?? 0) + 1;
    this.seqs.set(key, seq);
    return seq;
  }
}

export interface ObjectionPlan {
  steps: Step[];
  objection: SimObjection;
}

/**
 * Whether this request draws a keberatan, and its course; null when none is filed by the clock.
 * Draws come from the request's own random, so requests without one are as before.
 */
export function planObjection(
  random: Random,
  clock: BodyClock,
  body: SimBody,
  numbering: ObjectionNumbering,
  request: { planned: PlannedSteps; due: DueDateResult; draft: RequestDraft; requesterName: string },
): ObjectionPlan | null {
  const { planned, due, draft } = request;
  const zone = body.hours.timeZone;
  const now = clock.now;
  const habits = HABITS[body.profile.archetype];
  const localDate = (at: Date): string => localDateTimeOf(at, zone).date;
  const finalDue = planned.extension?.dueDate ?? due.dueDate;
  const answer = planned.steps.find((s) => ANSWERS.has(s.action));
  let grounds: ObjectionGround[];
  let arose: string;
  let chance: number;
  if (answer) {
    arose = localDate(answer.at);
    const late = arose > finalDue;
    if (draft.decision === 'refused' || draft.decision === 'partially_granted') {
      grounds = late ? ['a', 'g'] : ['a'];
      chance = habits.afterRefusal;
    } else if (late) {
      grounds = ['g'];
      chance = habits.afterDelay;
    } else {
      grounds = [draft.decision === 'granted' ? 'e' : 'd'];
      chance = AFTER_GRANT;
    }
  } else {
    arose = finalDue;
    grounds = ['c'];
    chance = habits.afterDelay;
  }
  if (!random.chance(chance)) return null;

  const last = planned.steps[planned.steps.length - 1];
  const aroseDay = toDayNumber(arose);
  const fileDay = Math.max(clock.addWorkingDays(aroseDay, random.int(1, 12)), toDayNumber(localDate(last.at)));
  // Pasal 36(1): within 30 working days after the ground arose.
  if (fileDay > clock.addWorkingDays(aroseDay, 30)) return null;
  const receivedAt = clock.officeTime(random, fileDay, last.at);
  if (receivedAt.getTime() > now.getTime()) return null;

  const atasanDue = atasanDueDate(clock.calendar, receivedAt, body.hours);
  const year = Number(localDate(receivedAt).slice(0, 4));
  const seq = numbering.next(body.id, year, 'objection');
  const number = `${body.regionCode.replace(/\./g, '')}-KEB-${year}-${String(seq).padStart(5, '0')}`;
  const deciderName = `Sekretaris Daerah ${body.region}`;
  const deciderPosition = `Atasan PPID Pemerintah ${body.region}`;
  const atasan = { actorKind: 'officer' as const, actorId: null, actorName: deciderName };
  const steps: Step[] = [
    {
      action: 'record',
      at: receivedAt,
      unit: last.unit,
      build: () => ({ type: 'objection_filed', data: { objectionNumber: number, grounds, dueDate: atasanDue.dueDate } }),
    },
  ];

  // The atasan's answer: within the 30 working days, later, or never.
  const day0 = toDayNumber(atasanDue.effectiveReceiptDate);
  const dueDay = toDayNumber(atasanDue.dueDate);
  let decidedAt: Date | null = null;
  if (!random.chance(habits.neverAnswered)) {
    const day = random.chance(habits.answeredOnTime) ? clock.addWorkingDays(day0, random.int(3, 30)) : clock.addWorkingDays(dueDay, random.int(1, 15));
    decidedAt = clock.officeTime(random, day, receivedAt);
  }
  let status: ObjectionStatus = 'pending';
  if (decidedAt) {
    const overturnChance = grounds.includes('a') ? habits.overturnRefusal : 0.5;
    status = random.chance(overturnChance) ? (random.chance(0.35) ? 'partially_overturned' : 'overturned') : 'upheld';
  }
  const decided = decidedAt !== null && decidedAt.getTime() <= now.getTime();
  const decisionReasons = status === 'upheld' ? random.pick(UPHOLD_REASONS) : null;
  const instruction = status === 'overturned' || status === 'partially_overturned' ? random.pick(INSTRUCTIONS) : null;
  let response: SimObjection['response'] = null;
  if (decidedAt) {
    const at = decidedAt;
    const responseDate = localDate(at);
    if (decided) response = { year: Number(responseDate.slice(0, 4)), seq: numbering.next(body.id, Number(responseDate.slice(0, 4)), 'response') };
    const decision = status === 'upheld' ? 'uphold' : status === 'overturned' ? 'overturn' : 'overturn_partially';
    const disputeLastDay = clock.calendar.formatDayNumber(clock.addWorkingDays(toDayNumber(responseDate), DISPUTE_FILING_WORKING_DAYS));
    steps.push({ action: 'record', at, unit: last.unit, build: () => ({ ...atasan, type: 'objection_decided', data: { objectionNumber: number, decision, disputeLastDay } }) });
    if (instruction) {
      // Overturned: the request goes back to the PPID with 10 working days, and is answered anew.
      const reopened = computeDueDate(clock.calendar, at, REOPEN_WORKING_DAYS, body.hours);
      const oldDue = finalDue;
      steps.push({
        action: 'reopen',
        at,
        unit: last.unit,
        reopenDue: { dueDate: reopened.dueDate, provisional: reopened.provisional },
        build: () => ({ ...atasan, oldDueDate: oldDue, newDueDate: reopened.dueDate, data: { instruction, source: 'objection', sourceNumber: number } }),
      });
      const reDay0 = toDayNumber(reopened.effectiveReceiptDate);
      const answerDay = clock.addWorkingDays(reDay0, random.int(2, 9));
      const answerAt = clock.officeTime(random, answerDay, at);
      const by = last.unit;
      const regranted = { ...draft, decision: 'granted' as const };
      const notice = drawNotice(random, clock, body, regranted, { obtainMethod: draft.obtainMethod, copyDelivery: draft.copyDelivery, day0: reDay0, answerDay, unit: by });
      const officer = by.staff[0];
      const actor = { actorKind: 'officer' as const, actorId: officer?.userId ?? null, actorName: officer?.name ?? '' };
      steps.push({ action: noticeAction('granted'), at: answerAt, unit: by, decision: 'granted', build: () => ({ ...actor, data: { notice } }) });
      const handoverAt = clock.officeTime(random, clock.addWorkingDays(answerDay, random.int(0, 2)), answerAt);
      steps.push({ action: 'handover', at: handoverAt, unit: by, build: () => ({ ...actor, data: { files: [`${draft.topic.key}-${draft.fiscalYear}.pdf`] } }) });
      steps.push({ action: 'close', at: clock.officeTime(random, clock.addWorkingDays(answerDay, random.int(1, 4)), handoverAt), unit: by, build: () => ({ ...actor, data: {} }) });
    }
  }

  // Pasal 37: an upheld keberatan, or one left unanswered past its due date, may go to the Komisi Informasi.
  let dispute: SimDispute | null = null;
  if (status !== 'overturned' && status !== 'partially_overturned' && random.chance(habits.dispute)) {
    const fromDay = decidedAt ? toDayNumber(localDate(decidedAt)) : dueDay;
    const filedDay = clock.addWorkingDays(fromDay, random.int(2, DISPUTE_FILING_WORKING_DAYS));
    const after = steps[steps.length - 1].at;
    const filedAt = clock.officeTime(random, filedDay, after);
    if (filedAt.getTime() <= now.getTime() && (decidedAt === null || decidedAt.getTime() <= now.getTime())) {
      const filedOn = localDate(filedAt);
      const caseNumber = `${String(random.int(1, 400)).padStart(3, '0')}/REG-PSI/${filedOn.slice(5, 7)}/${filedOn.slice(0, 4)}`;
      dispute = { filedOn, caseNumber, stage: 'registered', outcome: null, outcomeOn: null, stages: [{ stage: 'registered', on: filedOn, by: 'requester' }] };
      const d = dispute;
      steps.push({ action: 'record', at: filedAt, unit: last.unit, build: () => ({ type: 'dispute_recorded', data: { objectionNumber: number, caseNumber, filedOn, late: false } }) });
      // Mediation within the KI's 14 working days, a decision within its 100 (Pasal 38).
      const mediasiDay = clock.addWorkingDays(filedDay, random.int(8, 14));
      const mediasiAt = clock.officeTime(random, mediasiDay, filedAt);
      const outcome: DisputeOutcome = random.chance(0.4) ? 'mediated' : 'rejected';
      const closingStage: DisputeStage = outcome === 'mediated' ? 'mediasi' : 'putusan';
      const closingDay = outcome === 'mediated' ? clock.addWorkingDays(mediasiDay, random.int(5, 20)) : clock.addWorkingDays(filedDay, random.int(40, 100));
      const closingAt = clock.officeTime(random, closingDay, mediasiAt);
      for (const [at, stage, end] of [
        [mediasiAt, 'mediasi', false],
        [closingAt, closingStage, true],
      ] as const) {
        if (at.getTime() > now.getTime()) break;
        const on = localDate(at);
        const entry: SimDisputeStage = end ? { stage, on, by: 'officer', outcome } : { stage, on, by: 'officer' };
        d.stages.push(entry);
        d.stage = stage;
        if (end) {
          d.outcome = outcome;
          d.outcomeOn = on;
        }
        const actor = { actorKind: 'officer' as const, actorId: null, actorName: last.unit.staff[0]?.name ?? '' };
        steps.push({ action: 'record', at, unit: last.unit, build: () => ({ ...actor, type: 'dispute_updated', data: { caseNumber, stage, on, outcome: end ? outcome : null } }) });
      }
    }
  }

  return {
    steps,
    objection: {
      number,
      year,
      seq,
      grounds,
      groundsArose: Object.fromEntries(grounds.map((g) => [g, arose])),
      reasons: grounds.map((g) => REASONS[g]).join(' '),
      receivedAt,
      effectiveReceiptDate: atasanDue.effectiveReceiptDate,
      dueDate: atasanDue.dueDate,
      dueProvisional: atasanDue.provisional,
      status: decided ? status : 'pending',
      decisionReasons: decided ? decisionReasons : null,
      instruction: decided ? instruction : null,
      decidedAt: decided ? decidedAt : null,
      responseDate: decided && decidedAt ? localDate(decidedAt) : null,
      deciderName: decided ? deciderName : null,
      deciderPosition: decided ? deciderPosition : null,
      responseNumber: response ? `${String(response.seq).padStart(3, '0')}/TKB/${body.regionCode.replace(/\./g, '')}/${response.year}` : null,
      response,
      dispute,
    },
  };
}
