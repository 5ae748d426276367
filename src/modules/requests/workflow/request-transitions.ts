import { RequestStatus } from 'src/modules/requests/request-status';
import { Decision } from './notice-rules';

/** What an officer can do to a request. Each action is one row below and one event when done. */
export type RequestAction =
  | 'assign'
  | 'note'
  | 'forward'
  | 'extend'
  | 'notice'
  | 'refuse'
  | 'notice_not_held'
  | 'notice_not_documented'
  | 'handover'
  | 'close';

export const ALL_STATUSES: readonly RequestStatus[] = ['received', 'in_process', 'answered', 'closed'];

interface Transition {
  from: readonly RequestStatus[];
  /** The status afterwards; null keeps the current one. */
  to: RequestStatus | null;
  /** Event type written to the history. */
  event: string;
}

/**
 * The request lifecycle as data: every allowed move. Anything not listed is refused.
 * - notice: written notice granting in full or in part (Pasal 22(7)); the documents follow.
 * - refuse: refusal on a Pasal 17 ground after a consequence test; the request ends here.
 * - notice_not_held: the body does not hold it (22(7)a–b); ends here.
 * - notice_not_documented: the information is not yet documented; ends here.
 */
export const TRANSITIONS: Record<RequestAction, Transition> = {
  assign: { from: ['received', 'in_process', 'answered'], to: null, event: 'assigned' },
  note: { from: ALL_STATUSES, to: null, event: 'note' },
  forward: { from: ['received', 'in_process'], to: 'in_process', event: 'forwarded' },
  extend: { from: ['received', 'in_process'], to: 'in_process', event: 'extended' },
  notice: { from: ['received', 'in_process'], to: 'answered', event: 'notice_issued' },
  refuse: { from: ['received', 'in_process'], to: 'closed', event: 'refused' },
  notice_not_held: { from: ['received', 'in_process'], to: 'closed', event: 'not_held' },
  notice_not_documented: { from: ['received', 'in_process'], to: 'closed', event: 'not_documented' },
  handover: { from: ['answered'], to: null, event: 'documents_handed_over' },
  close: { from: ['answered'], to: 'closed', event: 'closed' },
};

export const ACTION_LABELS: Record<RequestAction, string> = {
  assign: 'menugaskan petugas',
  note: 'menambah catatan',
  forward: 'meneruskan (disposisi)',
  extend: 'memperpanjang waktu',
  notice: 'memberikan pemberitahuan tertulis',
  refuse: 'menolak permohonan',
  notice_not_held: 'menyatakan informasi tidak dikuasai',
  notice_not_documented: 'menyatakan informasi belum didokumentasikan',
  handover: 'menyerahkan dokumen',
  close: 'menutup permohonan',
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
