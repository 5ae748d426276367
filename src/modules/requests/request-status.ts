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
  not_documented: 'Pemberitahuan: informasi belum didokumentasikan',
  documents_handed_over: 'Dokumen informasi diserahkan',
  closed: 'Permohonan selesai',
};
