/** Where a request is in its life. How it ended is the decision, kept apart. */
export type RequestStatus = 'received' | 'in_process' | 'answered' | 'closed';

export const STATUS_LABELS: Record<RequestStatus, string> = {
  received: 'Diterima',
  in_process: 'Sedang diproses',
  answered: 'Sudah dijawab',
  closed: 'Selesai',
};

/** Labels of timeline events for the requester and the officer. */
export const EVENT_LABELS: Record<string, string> = {
  registered: 'Permohonan diterima dan didaftarkan',
  due_date_recomputed: 'Batas waktu dihitung ulang karena perubahan kalender',
};
