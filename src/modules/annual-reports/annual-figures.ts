import type { RegisterEntry } from 'src/modules/registers';

/** Pasal 17 grounds, in order. */
export const GROUNDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] as const;

/** Working days taken to the written notice, in the bands the report shows. */
export const WORKING_DAY_BANDS = [
  { key: '0-5', min: 0, max: 5 },
  { key: '6-10', min: 6, max: 10 },
  { key: '11-17', min: 11, max: 17 },
  { key: '18+', min: 18, max: Number.POSITIVE_INFINITY },
] as const;

/** Pasal 35(1) grounds of an objection, in order. */
export const OBJECTION_GROUND_KEYS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'] as const;
/** The atasan PPID's decisions, pending last. */
export const OBJECTION_OUTCOME_KEYS = ['upheld', 'overturned', 'partially_overturned', 'pending'] as const;
/** Stages of a dispute at the Komisi Informasi, in order. */
export const DISPUTE_STAGE_KEYS = ['registered', 'mediasi', 'ajudikasi', 'putusan'] as const;
/** Outcomes of a dispute; `pending` while the Komisi Informasi has not settled it. */
export const DISPUTE_OUTCOME_KEYS = ['opened', 'partially_opened', 'rejected', 'mediated', 'withdrawn', 'pending'] as const;

/**
 * Objections (keberatan) received in the year and disputes (sengketa) filed with the Komisi
 * Informasi in the year. Null only in reports published before the portal recorded objections:
 * those say "belum ada data" rather than a zero that looks measured.
 */
export interface ObjectionFigures {
  objections: number;
  /** Objections naming each ground; one objection may name several. */
  byGround: { ground: string; count: number }[];
  /** The atasan PPID's decisions. */
  byOutcome: { outcome: string; count: number }[];
  /** Answered in writing, and of those on or before the due date (30 working days, Pasal 36(2)). */
  answered: number;
  answeredInTime: number;
  disputes: number;
  disputesByStage: { stage: string; count: number }[];
  disputesByOutcome: { outcome: string; count: number }[];
}

/** The year's objection figures from the objections received and disputes filed in it. */
export function buildObjectionFigures(
  objections: readonly { grounds: readonly string[]; status: string; dueDate: string; responseDate: string | null }[],
  disputes: readonly { stage: string; outcome: string | null }[],
): ObjectionFigures {
  const tally = <K extends string>(keys: readonly K[], values: string[]) => {
    const counts = new Map<string, number>(keys.map((k) => [k, 0]));
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts];
  };
  const answered = objections.filter((o) => o.responseDate !== null);
  return {
    objections: objections.length,
    byGround: tally(OBJECTION_GROUND_KEYS, objections.flatMap((o) => [...new Set(o.grounds)])).map(([ground, count]) => ({ ground, count })),
    byOutcome: tally(OBJECTION_OUTCOME_KEYS, objections.map((o) => o.status)).map(([outcome, count]) => ({ outcome, count })),
    answered: answered.length,
    answeredInTime: answered.filter((o) => o.responseDate! <= o.dueDate).length,
    disputes: disputes.length,
    disputesByStage: tally(DISPUTE_STAGE_KEYS, disputes.map((d) => d.stage)).map(([stage, count]) => ({ stage, count })),
    disputesByOutcome: tally(DISPUTE_OUTCOME_KEYS, disputes.map((d) => d.outcome ?? 'pending')).map(([outcome, count]) => ({ outcome, count })),
  };
}

/** The figures of the Laporan layanan informasi publik (RULES.md; Pasal 12 UU KIP). */
export interface AnnualFigures {
  year: number;
  total: number;
  /** Requests received per channel and month (index 0 = January), channels in order of first use. */
  byChannel: { channel: string; months: number[]; total: number }[];
  monthTotals: number[];
  workingDays: {
    /** Requests with a written notice. */
    answered: number;
    median: number | null;
    mean: number | null;
    bands: { key: string; count: number }[];
    /** Notices sent after their due date. */
    late: number;
    /** Requests whose period was extended (Pasal 22(8)). */
    extended: number;
  };
  outcomes: {
    granted: number;
    partiallyGranted: number;
    refused: number;
    notHeld: number;
    notDocumented: number;
    /** Still without a decision when the figures were taken. */
    pending: number;
  };
  refusalsByGround: { ground: string; count: number }[];
  objections: ObjectionFigures | null;
}

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The year's figures from the body's register entries (requests received that year, province
 * time). Every request counts once, whatever its status; decisions not recorded as one of the
 * five of Pasal 22(7) count as pending.
 */
export function buildAnnualFigures(year: number, entries: readonly RegisterEntry[], objections: ObjectionFigures | null): AnnualFigures {
  const channels = new Map<string, number[]>();
  const monthTotals = new Array<number>(12).fill(0);
  const days: number[] = [];
  const outcomes = { granted: 0, partiallyGranted: 0, refused: 0, notHeld: 0, notDocumented: 0, pending: 0 };
  const grounds = new Map<string, number>(GROUNDS.map((g) => [g, 0]));
  let late = 0;
  let extended = 0;
  for (const e of entries) {
    const month = Number(e.receivedDate.slice(5, 7)) - 1;
    const row = channels.get(e.channel) ?? new Array<number>(12).fill(0);
    row[month]++;
    channels.set(e.channel, row);
    monthTotals[month]++;
    if (e.extended) extended++;
    if (e.workingDaysTaken !== null) {
      days.push(e.workingDaysTaken);
      if (e.noticeDate !== null && e.noticeDate > e.dueDate) late++;
    }
    switch (e.decision) {
      case 'granted':
        outcomes.granted++;
        break;
      case 'partially_granted':
        outcomes.partiallyGranted++;
        break;
      case 'refused':
        outcomes.refused++;
        if (e.exemptionGround) grounds.set(e.exemptionGround, (grounds.get(e.exemptionGround) ?? 0) + 1);
        break;
      case 'not_held':
        outcomes.notHeld++;
        break;
      case 'not_documented':
        outcomes.notDocumented++;
        break;
      default:
        outcomes.pending++;
    }
  }
  days.sort((a, b) => a - b);
  return {
    year,
    total: entries.length,
    byChannel: [...channels].map(([channel, months]) => ({ channel, months, total: months.reduce((s, n) => s + n, 0) })),
    monthTotals,
    workingDays: {
      answered: days.length,
      median: median(days),
      mean: days.length ? Math.round((days.reduce((s, n) => s + n, 0) / days.length) * 10) / 10 : null,
      bands: WORKING_DAY_BANDS.map((b) => ({ key: b.key, count: days.filter((d) => d >= b.min && d <= b.max).length })),
      late,
      extended,
    },
    outcomes,
    refusalsByGround: [...grounds].map(([ground, count]) => ({ ground, count })),
    objections,
  };
}

/** The report of a year is due on 31 March of the next (Perki 1/2021). */
export function annualReportDeadline(year: number): string {
  return `${year + 1}-03-31`;
}
