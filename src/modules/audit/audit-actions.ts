/**
 * Every action the trail records, with its label on the admin page. Administrative changes are
 * written in the transaction of the change; personal-data views before the data leaves the server.
 */
export const AUDIT_ACTIONS = {
  'holiday.created': 'Hari libur ditambahkan',
  'holiday.updated': 'Hari libur diubah',
  'holiday.deleted': 'Hari libur dihapus',
  'calendar.year_confirmed': 'Daftar libur tahunan ditetapkan',
  'user.created': 'Akun dibuat dengan kata sandi',
  'user.invited': 'Akun dibuat dengan undangan',
  'user.role_changed': 'Peran akun diubah',
  'user.unit_changed': 'Unit akun diubah',
  'user.password_changed': 'Kata sandi diubah',
  'user.deactivated': 'Akun dinonaktifkan',
  'user.reactivated': 'Akun diaktifkan kembali',
  'user.unlocked': 'Kunci akun dibuka',
  'user.reinvited': 'Undangan akun dikirim ulang',
  'unit.created': 'Unit PPID dibuat',
  'unit.details_updated': 'Rincian unit PPID diubah',
  'body.details_updated': 'Rincian badan publik diubah',
  'personal_data.nik_viewed': 'NIK lengkap pemohon dilihat',
  'personal_data.identity_document_downloaded': 'Dokumen identitas pemohon diunduh',
  'request.full_record_viewed': 'Data pribadi pemohon dilihat (tanpa NIK lengkap)',
  'request.refusal_approved': 'Penolakan PPID Pelaksana disetujui PPID Utama',
  'request.refusal_returned': 'Penolakan PPID Pelaksana dikembalikan PPID Utama',
  'audit.exported': 'Jejak audit diekspor',
  'objection.decided': 'Keberatan diputus Atasan PPID',
  'dispute.recorded': 'Sengketa informasi dicatat',
  'dispute.updated': 'Tahap sengketa informasi dicatat',
  'register.viewed': 'Register permohonan dilihat dengan data pribadi pemohon',
  'register.exported': 'Register permohonan diunduh',
  'objection_register.viewed': 'Register keberatan dilihat dengan data pribadi pemohon',
  'objection_register.exported': 'Register keberatan diunduh',
  'annual_report.updated': 'Laporan layanan informasi publik diubah',
  'annual_report.published': 'Laporan layanan informasi publik diumumkan',
  'monev.imported': 'Hasil monev Komisi Informasi diimpor',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(AUDIT_ACTIONS, value);
}

/** What an action is about; the id is the row's key in its own table. */
export const AUDIT_TARGET_TYPES = {
  user: 'Akun',
  unit: 'Unit PPID',
  body: 'Badan publik',
  holiday: 'Hari libur',
  calendar_year: 'Tahun kalender',
  request: 'Permohonan',
  objection: 'Keberatan',
  dispute: 'Sengketa',
} as const;

export type AuditTargetType = keyof typeof AUDIT_TARGET_TYPES;
