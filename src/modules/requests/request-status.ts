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
  recorded_offline: 'Permohonan dicatat oleh petugas',
  due_date_recomputed: 'Batas waktu dihitung ulang karena perubahan kalender',
  assigned: 'Petugas ditugaskan',
  note: 'Catatan internal',
  forwarded: 'Permohonan diteruskan (disposisi)',
  extended: 'Waktu pemberian informasi diperpanjang',
  notice_issued: 'Pemberitahuan tertulis disampaikan',
  refused: 'Permohonan ditolak',
  not_held: 'Pemberitahuan: informasi tidak dikuasai',
  documents_handed_over: 'Dokumen informasi diserahkan',
  closed: 'Permohonan selesai',
};

/** Every status the lifecycle knows, in its order. */
export const REQUEST_STATUSES = Object.keys(STATUS_LABELS) as RequestStatus[];

/** The label of a status; one this code does not know (yet) is shown as it is stored. */
export function requestStatusLabel(status: string): string {
  return Object.hasOwn(STATUS_LABELS, status) ? STATUS_LABELS[status as RequestStatus] : status;
}
