import { formatInstant, formatLocalDate } from 'src/common/views/view-helpers';
import {
  DISPUTE_OUTCOMES,
  DISPUTE_STAGES,
  DisputeOutcome,
  DisputeStage,
  kiPeriods,
  OBJECTION_GROUNDS,
  OBJECTION_STATUS_LABELS,
  ObjectionGround,
} from './objection-rules';
import { ObjectionRecord, RequesterObjections } from './objections.service';

export interface GroundView {
  ground: ObjectionGround;
  text: string;
}

export interface DisputeView {
  id: string;
  caseNumber: string;
  filedOn: string;
  filedOnText: string;
  /** Filed after the 14 working days of Pasal 37(2). */
  filedLate: boolean;
  stage: DisputeStage;
  stageLabel: string;
  outcome: DisputeOutcome | null;
  outcomeLabel: string | null;
  outcomeOn: string | null;
  /** Pasal 38(1): the Komisi Informasi starts within 14 working days. */
  kiStartBy: string;
  kiStartByText: string;
  /** Pasal 38(2): and may settle within 100 working days. */
  kiSettleBy: string;
  kiSettleByText: string;
  stages: { stage: DisputeStage; label: string; on: string; onText: string; by: string; outcomeLabel: string | null }[];
}

/** One objection as the requester, the atasan and the API see it. */
export interface ObjectionView {
  id: string;
  objectionNumber: string;
  registrationNumber: string;
  status: string;
  statusLabel: string;
  grounds: GroundView[];
  reasons: string;
  proxyName: string | null;
  receivedAt: string;
  receivedAtText: string;
  /** The atasan answers by the end of this day (30 working days, Pasal 36(2)). */
  dueDate: string;
  dueDateText: string;
  dueProvisional: boolean;
  overdue: boolean;
  decision: {
    label: string;
    reasons: string | null;
    instruction: string | null;
    decidedAt: string;
    responseDate: string;
    responseDateText: string;
    responseNumber: string | null;
    deciderName: string | null;
    deciderPosition: string | null;
  } | null;
  /** When the requester may go to the Komisi Informasi (Pasal 37(2)); null while the atasan's period runs. */
  disputeWindow: { from: string; lastDay: string; lastDayText: string; basis: 'answer' | 'no_answer'; open: boolean } | null;
  dispute: DisputeView | null;
}

export function groundsView(grounds: readonly ObjectionGround[]): GroundView[] {
  return grounds.map((g) => ({ ground: g, text: OBJECTION_GROUNDS[g] }));
}

export function presentObjection(record: ObjectionRecord): ObjectionView {
  const { objection: o, dispute: d, unit, calendar, today } = record;
  const w = record.disputeWindow;
  return {
    id: o.id,
    objectionNumber: o.number,
    registrationNumber: record.request.registrationNumber,
    status: o.status,
    statusLabel: o.status === 'pending' && today > o.dueDate ? 'Tidak ditanggapi dalam 30 hari kerja' : OBJECTION_STATUS_LABELS[o.status],
    grounds: groundsView(o.grounds),
    reasons: o.reasons,
    proxyName: o.proxyName,
    receivedAt: o.receivedAt.toISOString(),
    receivedAtText: formatInstant(o.receivedAt, unit.timeZone),
    dueDate: o.dueDate,
    dueDateText: formatLocalDate(o.dueDate),
    dueProvisional: o.dueProvisional,
    overdue: o.status === 'pending' && today > o.dueDate,
    decision:
      o.decidedAt && o.responseDate
        ? {
            label: OBJECTION_STATUS_LABELS[o.status],
            reasons: o.decisionReasons,
            instruction: o.instruction,
            decidedAt: o.decidedAt.toISOString(),
            responseDate: o.responseDate,
            responseDateText: formatLocalDate(o.responseDate),
            responseNumber: o.responseNumber,
            deciderName: o.deciderName,
            deciderPosition: o.deciderPosition,
          }
        : null,
    disputeWindow: w ? { from: w.from, lastDay: w.lastDay, lastDayText: formatLocalDate(w.lastDay), basis: w.basis, open: today <= w.lastDay } : null,
    dispute: d
      ? (() => {
          const ki = kiPeriods(d.filedOn, calendar);
          return {
            id: d.id,
            caseNumber: d.caseNumber,
            filedOn: d.filedOn,
            filedOnText: formatLocalDate(d.filedOn),
            filedLate: w !== null && d.filedOn > w.lastDay,
            stage: d.stage,
            stageLabel: DISPUTE_STAGES[d.stage],
            outcome: d.outcome,
            outcomeLabel: d.outcome ? DISPUTE_OUTCOMES[d.outcome] : null,
            outcomeOn: d.outcomeOn,
            kiStartBy: ki.startBy,
            kiStartByText: formatLocalDate(ki.startBy),
            kiSettleBy: ki.settleBy,
            kiSettleByText: formatLocalDate(ki.settleBy),
            stages: d.stages.map((s) => ({
              stage: s.stage,
              label: DISPUTE_STAGES[s.stage],
              on: s.on,
              onText: formatLocalDate(s.on),
              by: s.by === 'requester' ? 'Pemohon' : 'Petugas',
              outcomeLabel: s.outcome ? DISPUTE_OUTCOMES[s.outcome] : null,
            })),
          };
        })()
      : null,
  };
}

/** The tracking page's section on objections and disputes. */
export interface TrackingObjectionsView {
  objections: ObjectionView[];
  pending: boolean;
  eligibleGrounds: GroundView[];
  canFile: boolean;
  /** The latest objection a dispute may still be recorded for (answered or overdue, none yet). */
  disputable: { objectionNumber: string; lastDayText: string } | null;
  stages: { value: string; label: string }[];
  outcomes: { value: string; label: string }[];
}

export function presentRequesterObjections(r: RequesterObjections): TrackingObjectionsView {
  const objections = r.records.map(presentObjection);
  const last = objections.at(-1);
  return {
    objections,
    pending: r.pending,
    eligibleGrounds: groundsView(r.eligibleGrounds),
    canFile: !r.pending && r.eligibleGrounds.length > 0,
    disputable: last && last.disputeWindow && !last.dispute ? { objectionNumber: last.objectionNumber, lastDayText: last.disputeWindow.lastDayText } : null,
    stages: (['mediasi', 'ajudikasi', 'putusan'] as DisputeStage[]).map((s) => ({ value: s, label: DISPUTE_STAGES[s] })),
    outcomes: (Object.keys(DISPUTE_OUTCOMES) as DisputeOutcome[]).map((o) => ({ value: o, label: DISPUTE_OUTCOMES[o] })),
  };
}

/** The officer's request page: the request's objections, each with its number, where it stands and the atasan's due date. */
export interface OfficerObjectionsView {
  items: { id: string; objectionNumber: string; statusLabel: string; dueDateText: string; overdue: boolean; disputeText: string | null }[];
}

export function presentOfficerObjections(records: ObjectionRecord[]): OfficerObjectionsView | null {
  if (records.length === 0) return null;
  return {
    items: records.map((r) => {
      const v = presentObjection(r);
      return {
        id: v.id,
        objectionNumber: v.objectionNumber,
        statusLabel: v.statusLabel,
        dueDateText: v.dueDateText,
        overdue: v.overdue,
        disputeText: v.dispute ? `Sengketa ${v.dispute.caseNumber}: ${v.dispute.stageLabel}${v.dispute.outcomeLabel ? ` — ${v.dispute.outcomeLabel}` : ''}` : null,
      };
    }),
  };
}
