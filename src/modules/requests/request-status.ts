/** Where a request is in its life. How it ended is the decision, kept apart. */
export type RequestStatus = 'received' | 'in_process' | 'awaiting_approval' | 'answered' | 'closed' | 'withdrawn';

export const STATUS_LABELS: Record<RequestStatus, string> = {
  received: 'Diterima',
  in_process: 'Sedang diproses',
  awaiting_approval: 'Menunggu persetujuan PPID Utama',
  answered: 'Sudah dijawab',
  closed: 'Selesai',
  withdrawn: 'Dicabut oleh pemohon',
};

/** Labels of timeline events for the requester and the officer. */
export const EVENT_LABELS: Record<string, string> = {
  registered: 'Permohonan diterima dan didaftarkan',
  recorded_offline: 'Permohonan dicatat oleh petugas',
  received_by_transfer: 'Permohonan diterima sebagai penerusan dari badan publik lain',
  due_date_recomputed: 'Batas waktu dihitung ulang karena perubahan kalender',
  assigned: 'Petugas ditugaskan',
  note: 'Catatan internal',
  forwarded: 'Permohonan diteruskan (disposisi)',
  extended: 'Waktu pemberian informasi diperpanjang',
  notice_issued: 'Pemberitahuan tertulis disampaikan',
  refusal_submitted: 'Rancangan penolakan diajukan kepada PPID Utama',
  refusal_returned: 'Rancangan penolakan dikembalikan oleh PPID Utama',
  refused: 'Permohonan ditolak',
  refusal_approved: 'Permohonan ditolak (diputus PPID Utama)',
  not_held: 'Pemberitahuan: informasi tidak dikuasai',
  not_documented: 'Pemberitahuan: informasi belum didokumentasikan',
  documents_handed_over: 'Dokumen informasi diserahkan',
  delivery_recorded: 'Penyampaian informasi dicatat',
  letter_corrected: 'Ralat surat disampaikan',
  transferred: 'Permohonan diteruskan ke badan publik lain',
  withdrawn: 'Permohonan dicabut oleh pemohon',
  closed: 'Permohonan selesai',
  reopened: 'Permohonan dibuka kembali untuk dijawab ulang',
  objection_filed: 'Keberatan diajukan kepada Atasan PPID',
  objection_decided: 'Keberatan dijawab oleh Atasan PPID',
  dispute_recorded: 'Sengketa informasi diajukan ke Komisi Informasi',
  dispute_updated: 'Tahap sengketa informasi dicatat',
};

/** Every status the lifecycle knows, in its order. */
export const REQUEST_STATUSES = Object.keys(STATUS_LABELS) as RequestStatus[];

/** The label of a status; one this code does not know (yet) is shown as it is stored. */
export function requestStatusLabel(status: string): string {
  return Object.hasOwn(STATUS_LABELS, status) ? STATUS_LABELS[status as RequestStatus] : status;
}
