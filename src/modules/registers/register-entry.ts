import { localDateTimeOf, LocalDate } from 'src/common/time/local-time';
import type { WorkingDayCalendar } from 'src/modules/calendar';
import { isCopy, ObtainMethod } from 'src/modules/requests';

/** The one calendar question the register asks. */
export type WorkingDayCount = Pick<WorkingDayCalendar, 'countWorkingDays'>;

/** What the written notice recorded (request_events.data.notice), as far as the register reads it. */
export interface NoticeFacts {
  decision?: string;
  informationHeld?: boolean;
  format?: string | null;
  fee?: number | null;
  paymentMethod?: string | null;
  reason?: string | null;
  exemptionGround?: string | null;
  exemptionLaw?: string | null;
}

/** One request as the register query reads it: the row, its notice and the dates of its events. */
export interface RegisterRecord {
  id: string;
  registrationNumber: string;
  bodyId: number;
  unitId: number;
  unitName: string;
  receivingUnitId: number;
  channel: string;
  status: string;
  decision: string | null;
  requesterName: string;
  requesterEmail: string | null;
  requesterOccupation: string | null;
  information: string;
  purpose: string;
  obtainMethod: string;
  receivedAt: Date;
  effectiveReceiptDate: LocalDate;
  dueDate: LocalDate;
  extendedDays: number | null;
  answeredAt: Date | null;
  closedAt: Date | null;
  notice: NoticeFacts | null;
  firstHandoverAt: Date | null;
  /** The unit it was last forwarded to (disposisi), if it ever was. */
  forwardedTo: string | null;
}

/** The requester's contact data once decrypted; only for those who may see it. */
export interface RequesterPersonalData {
  address: string | null;
  phone: string | null;
}

/** Information status of the register: held, not held, not yet documented (Pasal 22(7)a). */
export type InformationStatus = 'held' | 'not_held' | 'not_documented';
/** Bentuk: softcopy or hardcopy. */
export type InformationForm = 'softcopy' | 'hardcopy';
/** Jenis permohonan: to see or know (melihat/mengetahui), or to get a copy (salinan). */
export type RequestKind = 'inspect' | 'copy';

/** One line of the register permohonan, every column of RULES.md "Registers and reports", as domain values. */
export interface RegisterEntry {
  id: string;
  registrationNumber: string;
  bodyId: number;
  unitId: number;
  unitName: string;
  receivingUnitId: number;
  /** Local date of receipt, in the province's time zone. */
  receivedDate: LocalDate;
  channel: string;
  /** Full data for those who may see it; otherwise a masked name and nulls. */
  personalShown: boolean;
  requesterName: string;
  requesterAddress: string | null;
  requesterContact: string | null;
  requesterOccupation: string | null;
  information: string;
  purpose: string;
  informationStatus: InformationStatus | null;
  form: InformationForm | null;
  requestKind: RequestKind;
  decision: string | null;
  exemptionGround: string | null;
  exemptionLaw: string | null;
  refusalReason: string | null;
  noticeDate: LocalDate | null;
  deliveryDate: LocalDate | null;
  fee: number | null;
  paymentMethod: string | null;
  /** Working days from day 0 to the written notice; null while none was sent. */
  workingDaysTaken: number | null;
  dueDate: LocalDate;
  extended: boolean;
  status: string;
  forwardedTo: string | null;
}

/** 'Dyah Ayu Pitaloka' → 'D*** A*** P***': enough to tell rows apart, not to identify anyone. */
export function maskName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words.length === 0 ? '***' : words.map((w) => `${Array.from(w)[0]}***`).join(' ');
}

export function informationStatusOf(decision: string | null, notice: NoticeFacts | null): InformationStatus | null {
  if (decision === null) return null;
  if (decision === 'not_held') return 'not_held';
  if (decision === 'not_documented') return 'not_documented';
  return notice?.informationHeld === false ? 'not_held' : 'held';
}

/** The form the notice names, else the one the requester asked for (copy methods only). */
export function informationFormOf(obtainMethod: string, notice: NoticeFacts | null): InformationForm | null {
  if (notice?.format === 'softcopy' || notice?.format === 'hardcopy') return notice.format;
  if (obtainMethod === 'copy_soft') return 'softcopy';
  if (obtainMethod === 'copy_hard') return 'hardcopy';
  return null;
}

/**
 * Working days the body took to send its written notice: day 0 is the effective receipt date, so
 * a notice on day 0 took 0 and one on the due date of a 10-day period took 10.
 */
export function workingDaysTaken(calendar: WorkingDayCount, effectiveReceiptDate: LocalDate, noticeDate: LocalDate | null): number | null {
  if (noticeDate === null) return null;
  return Math.max(0, calendar.countWorkingDays(effectiveReceiptDate, noticeDate));
}

/**
 * Builds a register line. `personal` is the decrypted contact data when the reader may see
 * personal data, null otherwise (name masked, address and contact left out).
 */
export function buildRegisterEntry(
  r: RegisterRecord,
  personal: RequesterPersonalData | null,
  calendar: WorkingDayCount,
  timeZone: string,
): RegisterEntry {
  const localDate = (at: Date | null) => (at ? localDateTimeOf(at, timeZone).date : null);
  const noticeDate = localDate(r.answeredAt);
  const notice = r.notice;
  const refused = r.decision === 'refused';
  const contact = personal ? [personal.phone, r.requesterEmail].filter((c): c is string => !!c).join(' / ') || null : null;
  return {
    id: r.id,
    registrationNumber: r.registrationNumber,
    bodyId: r.bodyId,
    unitId: r.unitId,
    unitName: r.unitName,
    receivingUnitId: r.receivingUnitId,
    receivedDate: localDateTimeOf(r.receivedAt, timeZone).date,
    channel: r.channel,
    personalShown: personal !== null,
    requesterName: personal ? r.requesterName : maskName(r.requesterName),
    requesterAddress: personal?.address ?? null,
    requesterContact: contact,
    requesterOccupation: r.requesterOccupation,
    information: r.information,
    purpose: r.purpose,
    informationStatus: informationStatusOf(r.decision, notice),
    form: informationFormOf(r.obtainMethod, notice),
    requestKind: isCopy(r.obtainMethod as ObtainMethod) ? 'copy' : 'inspect',
    decision: r.decision,
    exemptionGround: refused ? (notice?.exemptionGround ?? null) : null,
    exemptionLaw: refused ? (notice?.exemptionLaw ?? null) : null,
    refusalReason: refused ? (notice?.reason ?? null) : null,
    noticeDate,
    deliveryDate: localDate(r.firstHandoverAt),
    fee: typeof notice?.fee === 'number' ? notice.fee : null,
    paymentMethod: notice?.paymentMethod ?? null,
    workingDaysTaken: workingDaysTaken(calendar, r.effectiveReceiptDate, noticeDate),
    dueDate: r.dueDate,
    extended: r.extendedDays !== null,
    status: r.status,
    forwardedTo: r.forwardedTo,
  };
}
