import { RequestStatus } from 'src/modules/requests/request-status';

/** What an officer can do to a request. Each action is one row below and one event when done. */
export type RequestAction =
  | 'assign'
  | 'note'
  | 'forward'
  | 'extend'
  | 'notice'
  | 'refuse'
  | 'notice_not_held'
  | 'handover'
  | 'close'
  | 'reopen';

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
 * - notice_not_held: the body does not hold it (22(7)a–b) or it is not yet documented; ends here.
 * - reopen: the atasan PPID overturned the answer (or the lack of one) on an objection (Pasal 36),
 *   or the Komisi Informasi ordered the information opened; the PPID answers within a new period.
 */
export const TRANSITIONS: Record<RequestAction, Transition> = {
  assign: { from: ['received', 'in_process', 'answered'], to: null, event: 'assigned' },
  note: { from: ALL_STATUSES, to: null, event: 'note' },
  forward: { from: ['received', 'in_process'], to: 'in_process', event: 'forwarded' },
  extend: { from: ['received', 'in_process'], to: 'in_process', event: 'extended' },
  notice: { from: ['received', 'in_process'], to: 'answered', event: 'notice_issued' },
  refuse: { from: ['received', 'in_process'], to: 'closed', event: 'refused' },
  notice_not_held: { from: ['received', 'in_process'], to: 'closed', event: 'not_held' },
  handover: { from: ['answered'], to: null, event: 'documents_handed_over' },
  close: { from: ['answered'], to: 'closed', event: 'closed' },
  reopen: { from: ALL_STATUSES, to: 'in_process', event: 'reopened' },
};

export const ACTION_LABELS: Record<RequestAction, string> = {
  assign: 'menugaskan petugas',
  note: 'menambah catatan',
  forward: 'meneruskan (disposisi)',
  extend: 'memperpanjang waktu',
  notice: 'memberikan pemberitahuan tertulis',
  refuse: 'menolak permohonan',
  notice_not_held: 'menyatakan informasi tidak dikuasai',
  handover: 'menyerahkan dokumen',
  close: 'menutup permohonan',
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
