import { RequestStatus } from 'src/modules/requests/request-status';
import { Decision } from './notice-rules';

/** What an officer (or, for withdraw, the requester) can do to a request. Each action is one row below and one event when done. */
export type RequestAction =
  | 'assign'
  | 'note'
  | 'forward'
  | 'extend'
  | 'notice'
  | 'refuse'
  | 'submit_refusal'
  | 'approve_refusal'
  | 'return_refusal'
  | 'notice_not_held'
  | 'notice_not_documented'
  | 'handover'
  | 'record_delivery'
  | 'close'
  | 'correct_letter'
  | 'transfer'
  | 'withdraw'
  | 'reopen';

export const ALL_STATUSES: readonly RequestStatus[] = ['received', 'in_process', 'awaiting_approval', 'answered', 'closed', 'withdrawn'];

interface Transition {
  from: readonly RequestStatus[];
  /** The status afterwards; null keeps the current one. */
  to: RequestStatus | null;
  /** Event type written to the history. */
  event: string;
}

/**
 * The request lifecycle as data: every allowed move. Anything not listed is refused.
 * - notice: written notice granting in full or in part (Pasal 22(7)); the documents follow, and
 *   the request closes only once they reached the requester (handover or recorded delivery).
 * - refuse: refusal on a Pasal 17 ground after a consequence test, decided by a PPID Utama; ends here.
 * - submit_refusal: a PPID Pelaksana's refusal waits for its PPID Utama, who approves it (the
 *   letter goes out and the request ends) or returns it with a reason.
 * - notice_not_held: the body does not hold it (22(7)a–b); ends here.
 * - notice_not_documented: the information is not yet documented; ends here.
 * - transfer: the holder is another body on the portal; registered there, ends here as forwarded.
 * - correct_letter: a ralat of a letter already sent; the status stays.
 * - withdraw: the requester withdraws (dicabut) before the request is finished; the clock stops.
 * - reopen: the atasan PPID overturned the answer (or the lack of one) on an objection (Pasal 36),
 *   or the Komisi Informasi ordered the information opened; the PPID answers within a new period.
 */
export const TRANSITIONS: Record<RequestAction, Transition> = {
  assign: { from: ['received', 'in_process', 'awaiting_approval', 'answered'], to: null, event: 'assigned' },
  note: { from: ALL_STATUSES, to: null, event: 'note' },
  forward: { from: ['received', 'in_process'], to: 'in_process', event: 'forwarded' },
  extend: { from: ['received', 'in_process'], to: 'in_process', event: 'extended' },
  notice: { from: ['received', 'in_process'], to: 'answered', event: 'notice_issued' },
  refuse: { from: ['received', 'in_process'], to: 'closed', event: 'refused' },
  submit_refusal: { from: ['received', 'in_process'], to: 'awaiting_approval', event: 'refusal_submitted' },
  approve_refusal: { from: ['awaiting_approval'], to: 'closed', event: 'refusal_approved' },
  return_refusal: { from: ['awaiting_approval'], to: 'in_process', event: 'refusal_returned' },
  notice_not_held: { from: ['received', 'in_process'], to: 'closed', event: 'not_held' },
  notice_not_documented: { from: ['received', 'in_process'], to: 'closed', event: 'not_documented' },
  handover: { from: ['answered'], to: null, event: 'documents_handed_over' },
  record_delivery: { from: ['answered'], to: null, event: 'delivery_recorded' },
  close: { from: ['answered'], to: 'closed', event: 'closed' },
  correct_letter: { from: ['in_process', 'awaiting_approval', 'answered', 'closed'], to: null, event: 'letter_corrected' },
  transfer: { from: ['received', 'in_process'], to: 'closed', event: 'transferred' },
  withdraw: { from: ['received', 'in_process', 'awaiting_approval', 'answered'], to: 'withdrawn', event: 'withdrawn' },
  reopen: { from: ['received', 'in_process', 'awaiting_approval', 'answered', 'closed'], to: 'in_process', event: 'reopened' },
};

export const ACTION_LABELS: Record<RequestAction, string> = {
  assign: 'menugaskan petugas',
  note: 'menambah catatan',
  forward: 'meneruskan (disposisi)',
  extend: 'memperpanjang waktu',
  notice: 'memberikan pemberitahuan tertulis',
  refuse: 'menolak permohonan',
  submit_refusal: 'mengajukan penolakan kepada PPID Utama',
  approve_refusal: 'menyetujui penolakan',
  return_refusal: 'mengembalikan rancangan penolakan',
  notice_not_held: 'menyatakan informasi tidak dikuasai',
  notice_not_documented: 'menyatakan informasi belum didokumentasikan',
  handover: 'menyerahkan dokumen',
  record_delivery: 'mencatat penyampaian informasi',
  close: 'menutup permohonan',
  correct_letter: 'membuat ralat surat',
  transfer: 'meneruskan ke badan publik lain',
  withdraw: 'mencabut permohonan',
  reopen: 'membuka kembali permohonan',
};

export function canTransition(action: RequestAction, from: RequestStatus): boolean {
  return TRANSITIONS[action].from.includes(from);
}

/** The status after the action, or null when the action is not allowed from this status. */
export function nextStatus(action: RequestAction, from: RequestStatus): RequestStatus | null {
  if (!canTransition(action, from)) return null;
  return TRANSITIONS[action].to ?? from;
}

/** The action a written notice of this decision is. */
export function noticeAction(decision: Decision): RequestAction {
  switch (decision) {
    case 'granted':
    case 'partially_granted':
      return 'notice';
    case 'refused':
      return 'refuse';
    case 'not_held':
      return 'notice_not_held';
    case 'not_documented':
      return 'notice_not_documented';
  }
}

/** The events that carry a written notice (data.notice): the answer a requester received, or will once approved. */
export const NOTICE_EVENTS: readonly string[] = [
  TRANSITIONS.notice.event,
  TRANSITIONS.refuse.event,
  TRANSITIONS.approve_refusal.event,
  TRANSITIONS.notice_not_held.event,
  TRANSITIONS.notice_not_documented.event,
];
