import { formatLocalDate } from 'src/common/views/view-helpers';
import { LocalDate } from 'src/common/time/local-time';
import { computeDueDate, DueDateResult, ServiceHours, WorkingDayCalendar } from 'src/modules/calendar';
import { OBJECTION_GROUND_TEXTS, ObjectionGround } from 'src/modules/requests';

/** Pasal 35 ayat (1) UU 14/2008: the grounds of an objection, in the statute's words (the same table the letters quote). */
export type { ObjectionGround };
export const OBJECTION_GROUNDS: Readonly<Record<ObjectionGround, string>> = OBJECTION_GROUND_TEXTS;

export const GROUND_KEYS = Object.keys(OBJECTION_GROUNDS) as ObjectionGround[];

/** Pasal 36(1): an objection is filed within 30 working days after the ground arose. */
export const OBJECTION_FILING_WORKING_DAYS = 30;
/** Pasal 36(2): the atasan PPID answers in writing within 30 working days of receipt. */
export const ATASAN_ANSWER_WORKING_DAYS = 30;
/** Pasal 37(2): a dispute goes to the Komisi Informasi within 14 working days after the answer. */
export const DISPUTE_FILING_WORKING_DAYS = 14;
/** Pasal 38(1): the Komisi Informasi starts settling within 14 working days. */
export const KI_START_WORKING_DAYS = 14;
/** Pasal 38(2): and "dapat" settle within 100 working days. */
export const KI_SETTLE_WORKING_DAYS = 100;

/** What the rules need to know of a request: its due date and its latest answer (after any reopening). */
export interface RequestFacts {
  /** The due date of the written notice (after an extension). */
  dueDate: LocalDate;
  /** The latest written notice, refusal or not-held notice: its decision and local date; null while unanswered. */
  answer: { decision: string; date: LocalDate } | null;
}

export type GroundCheck =
  | { ground: ObjectionGround; eligible: true; arose: LocalDate; lastDay: LocalDate }
  | { ground: ObjectionGround; eligible: false; reason: string };

function tanggal(d: LocalDate): string {
  return formatLocalDate(d, false);
}

/** The day the ground arose, or why it has not (yet), before the window is looked at. */
function aroseOn(ground: ObjectionGround, facts: RequestFacts, today: LocalDate): { arose: LocalDate } | { reason: string } {
  const { answer, dueDate } = facts;
  const overdue = today > dueDate;
  const late = answer !== null && answer.date > dueDate;
  switch (ground) {
    case 'a':
      if (answer && (answer.decision === 'refused' || answer.decision === 'partially_granted')) return { arose: answer.date };
      return { reason: 'Alasan huruf a hanya dapat diajukan setelah permohonan ditolak (seluruhnya atau sebagian) berdasarkan Pasal 17.' };
    case 'b':
      if (answer) return { arose: answer.date };
      if (overdue) return { arose: dueDate };
      return { reason: `Alasan huruf b dapat diajukan setelah ada pemberitahuan tertulis atau setelah batas waktu jawaban (${tanggal(dueDate)}) lewat.` };
    case 'd':
    case 'e':
    case 'f':
      if (answer) return { arose: answer.date };
      return { reason: `Alasan huruf ${ground} hanya dapat diajukan setelah badan publik memberikan pemberitahuan tertulis atas permohonan.` };
    case 'c':
      if (late || (!answer && overdue)) return { arose: dueDate };
      if (answer) return { reason: `Alasan huruf c tidak berlaku: permohonan telah ditanggapi pada ${tanggal(answer.date)}, dalam batas waktu.` };
      return { reason: `Alasan huruf c dapat diajukan setelah batas waktu jawaban (${tanggal(dueDate)}) lewat tanpa tanggapan.` };
    case 'g':
      if (late) return { arose: answer.date };
      if (!answer && overdue) return { arose: dueDate };
      if (answer) return { reason: `Alasan huruf g tidak berlaku: permohonan ditanggapi pada ${tanggal(answer.date)}, tidak melebihi batas waktu ${tanggal(dueDate)}.` };
      return { reason: `Alasan huruf g dapat diajukan setelah batas waktu jawaban (${tanggal(dueDate)}) lewat.` };
  }
}

/**
 * Whether one ground may be filed on `today` (the local date in the body's zone): the ground must
 * have arisen (a after a refusal; b, d, e, f after a notice; c and g once the due date passed
 * unanswered or the answer came late) and `today` must be within 30 working days of it, the 30th
 * working day itself included (its end, 23:59:59 local).
 */
export function checkGround(ground: ObjectionGround, facts: RequestFacts, today: LocalDate, calendar: WorkingDayCalendar): GroundCheck {
  const found = aroseOn(ground, facts, today);
  if ('reason' in found) return { ground, eligible: false, reason: found.reason };
  const lastDay = calendar.addWorkingDays(found.arose, OBJECTION_FILING_WORKING_DAYS);
  if (today > lastDay) {
    return {
      ground,
      eligible: false,
      reason:
        `Batas waktu keberatan dengan alasan huruf ${ground} telah lewat: 30 hari kerja sejak ${tanggal(found.arose)} ` +
        `berakhir ${tanggal(lastDay)} (Pasal 36 ayat (1)).`,
    };
  }
  return { ground, eligible: true, arose: found.arose, lastDay };
}

/** Every ground asked for, checked; the objection is accepted only when all of them are eligible. */
export function checkGrounds(grounds: readonly ObjectionGround[], facts: RequestFacts, today: LocalDate, calendar: WorkingDayCalendar): GroundCheck[] {
  return [...new Set(grounds)].sort().map((g) => checkGround(g, facts, today, calendar));
}

/**
 * Grounds already raised against the request's current answer (or, unanswered, against its current
 * due date): an objection filed on or after the answer's date, or after the due date passed. The
 * atasan has answered those (or is answering them); the next step is the Komisi Informasi, not a
 * second objection. A reopened request answered anew opens them again.
 */
export function raisedGrounds(previous: readonly { grounds: readonly ObjectionGround[]; effectiveReceiptDate: LocalDate }[], facts: RequestFacts): Set<ObjectionGround> {
  const current = previous.filter((o) => (facts.answer ? o.effectiveReceiptDate >= facts.answer.date : o.effectiveReceiptDate > facts.dueDate));
  return new Set(current.flatMap((o) => o.grounds));
}

/** The grounds a requester could file today, for the form: arisen, in time, and not raised already. */
export function eligibleGrounds(facts: RequestFacts, today: LocalDate, calendar: WorkingDayCalendar, raised: ReadonlySet<ObjectionGround> = new Set()): ObjectionGround[] {
  return GROUND_KEYS.filter((g) => !raised.has(g) && checkGround(g, facts, today, calendar).eligible);
}

/**
 * The atasan PPID's due date (Pasal 36(2)): 30 working days after receipt, with the same day-0 rule
 * as a request (received after hours, on a weekend or a holiday counts from the next working day).
 */
export function atasanDueDate(calendar: WorkingDayCalendar, receivedAt: Date, hours: ServiceHours): DueDateResult {
  return computeDueDate(calendar, receivedAt, ATASAN_ANSWER_WORKING_DAYS, hours);
}

/** Where an objection stands with the atasan PPID. */
export type ObjectionStatus = 'pending' | 'upheld' | 'overturned' | 'partially_overturned';

export const OBJECTION_STATUS_LABELS: Record<ObjectionStatus, string> = {
  pending: 'Menunggu tanggapan Atasan PPID',
  upheld: 'Keputusan PPID dikuatkan',
  overturned: 'Keberatan diterima: keputusan PPID dibatalkan',
  partially_overturned: 'Keberatan diterima sebagian',
};

/**
 * The period a dispute may be filed in with the Komisi Informasi (Pasal 37(2)): 14 working days
 * after the atasan's answer, or, when none came, after the end of the atasan's 30 working days.
 * Null while the atasan's period still runs unanswered (no dispute yet).
 */
export function disputeWindow(
  objection: { responseDate: LocalDate | null; dueDate: LocalDate },
  today: LocalDate,
  calendar: WorkingDayCalendar,
): { from: LocalDate; lastDay: LocalDate; basis: 'answer' | 'no_answer' } | null {
  if (objection.responseDate) {
    return { from: objection.responseDate, lastDay: calendar.addWorkingDays(objection.responseDate, DISPUTE_FILING_WORKING_DAYS), basis: 'answer' };
  }
  if (today <= objection.dueDate) return null;
  return { from: objection.dueDate, lastDay: calendar.addWorkingDays(objection.dueDate, DISPUTE_FILING_WORKING_DAYS), basis: 'no_answer' };
}

/** Pasal 38: by when the Komisi Informasi starts (14 working days) and may settle (100) a dispute filed on `filedOn`. */
export function kiPeriods(filedOn: LocalDate, calendar: WorkingDayCalendar): { startBy: LocalDate; settleBy: LocalDate } {
  return {
    startBy: calendar.addWorkingDays(filedOn, KI_START_WORKING_DAYS),
    settleBy: calendar.addWorkingDays(filedOn, KI_SETTLE_WORKING_DAYS),
  };
}

/** Stages of a dispute at the Komisi Informasi, in order. */
export type DisputeStage = 'registered' | 'mediasi' | 'ajudikasi' | 'putusan';

export const DISPUTE_STAGES: Record<DisputeStage, string> = {
  registered: 'Terdaftar di Komisi Informasi',
  mediasi: 'Mediasi',
  ajudikasi: 'Ajudikasi nonlitigasi',
  putusan: 'Putusan',
};

export type DisputeOutcome = 'opened' | 'partially_opened' | 'rejected' | 'mediated' | 'withdrawn';

export const DISPUTE_OUTCOMES: Record<DisputeOutcome, string> = {
  opened: 'Informasi dinyatakan terbuka (permohonan dikabulkan)',
  partially_opened: 'Informasi dinyatakan terbuka sebagian',
  rejected: 'Permohonan sengketa ditolak (keputusan badan publik dikuatkan)',
  mediated: 'Selesai dengan kesepakatan mediasi',
  withdrawn: 'Sengketa dicabut',
};

/** A Komisi Informasi decision that opens information reopens the request, like an overturned objection. */
export function outcomeReopens(outcome: DisputeOutcome): boolean {
  return outcome === 'opened' || outcome === 'partially_opened';
}

/** Stages only move forward; recording the same stage again (to add its outcome) is allowed. */
export function canMoveTo(from: DisputeStage, to: DisputeStage): boolean {
  const order: DisputeStage[] = ['registered', 'mediasi', 'ajudikasi', 'putusan'];
  return order.indexOf(to) >= order.indexOf(from);
}
