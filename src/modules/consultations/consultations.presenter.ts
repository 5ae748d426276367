import { formatInstant, formatLocalDate } from 'src/common/views/view-helpers';
import { CONSULTATION_STATUS_LABELS, ConsultationStatus, DESK_STATE_LABELS, deskState, localToday } from './consultation-rules';
import type { ConsultationRecord, FaqOfBody } from './consultations.service';
import { formatCode } from './consultations.service';

/** What the asker sees on the tracking page (and the API with the tracking code): their own data only. */
export interface ConsultationView {
  number: string;
  status: ConsultationStatus;
  statusLabel: string;
  unitName: string;
  bodyName: string;
  bodyCode: string;
  question: string;
  receivedAt: string;
  receivedAtText: string;
  dueDate: string;
  dueDateText: string;
  dueProvisional: boolean;
  answer: string | null;
  answeredAt: string | null;
  answeredAtText: string | null;
  faqConsent: boolean;
  faqPublished: boolean;
  requestNumber: string | null;
}

export function presentConsultation(r: ConsultationRecord): ConsultationView {
  const c = r.consultation;
  return {
    number: c.number,
    status: c.status,
    statusLabel: CONSULTATION_STATUS_LABELS[c.status],
    unitName: r.names.unitName,
    bodyName: r.names.bodyName,
    bodyCode: r.names.bodyCode,
    question: c.question,
    receivedAt: c.receivedAt.toISOString(),
    receivedAtText: formatInstant(c.receivedAt, r.names.timeZone),
    dueDate: c.dueDate,
    dueDateText: formatLocalDate(c.dueDate),
    dueProvisional: c.dueProvisional,
    answer: c.answer,
    answeredAt: c.answeredAt?.toISOString() ?? null,
    answeredAtText: c.answeredAt ? formatInstant(c.answeredAt, r.names.timeZone) : null,
    faqConsent: c.faqConsent,
    faqPublished: c.faqPublishedAt !== null,
    requestNumber: c.requestNumber,
  };
}

/** One line of the officer's desk: the asker's name is shown to the unit's officers, the e-mail masked. */
export interface DeskItem extends ConsultationView {
  id: string;
  askerName: string;
  askerEmailMasked: string;
  state: string | null;
  stateLabel: string | null;
  overdue: boolean;
}

/** 'Dyah Ayu Pitaloka' → 'D*** A*** P***': enough to tell lines apart, not to identify anyone. */
export function maskName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words.length === 0 ? '***' : words.map((w) => `${Array.from(w)[0]}***`).join(' ');
}

/** 'dyah.ayu@contoh.id' → 'd***@contoh.id'. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/**
 * `seesAsker`: the officers of the unit and the body's atasan PPID see the asker's name; bureau and
 * admin see it masked. The e-mail is masked in every list.
 */
export function presentDeskItem(r: ConsultationRecord, now: Date, seesAsker: boolean): DeskItem {
  const view = presentConsultation(r);
  const state = r.consultation.status === 'open' ? deskState(localToday(now, r.names.timeZone), r.consultation.dueDate) : null;
  return {
    ...view,
    id: r.consultation.id,
    askerName: seesAsker ? r.askerName : maskName(r.askerName),
    askerEmailMasked: maskEmail(r.askerEmail),
    state,
    stateLabel: state ? DESK_STATE_LABELS[state] : null,
    overdue: state === 'terlambat',
  };
}

/** The officer's page of one consultation: the e-mail in full for those who see the asker (the officer may need to write). */
export interface OfficerConsultationView extends DeskItem {
  askerEmail: string;
  faqQuestion: string | null;
}

export function presentOfficerConsultation(r: ConsultationRecord, now: Date, seesAsker: boolean): OfficerConsultationView {
  return { ...presentDeskItem(r, now, seesAsker), askerEmail: seesAsker ? r.askerEmail : maskEmail(r.askerEmail), faqQuestion: r.consultation.faqQuestion };
}

/** A public FAQ entry: question and answer, the unit and dates; never the asker. */
export interface FaqEntryView {
  number: string;
  unitName: string;
  question: string;
  answer: string;
  answeredOn: string;
  answeredOnText: string;
}

export interface FaqView {
  body: { code: string; name: string };
  entries: FaqEntryView[];
}

export function presentFaq(faq: FaqOfBody, timeZone: string): FaqView {
  return {
    body: { code: faq.body.code, name: faq.body.name },
    entries: faq.entries.map((e) => {
      const answeredOn = localToday(e.answeredAt, timeZone);
      return { number: e.number, unitName: e.unitName, question: e.question, answer: e.answer, answeredOn, answeredOnText: formatLocalDate(answeredOn) };
    }),
  };
}

export { formatCode };
