import { LocalDate } from 'src/common/time/local-time';

/** How granted information reached the requester (register: cara penyampaian). */
export const DELIVERY_CHANNELS = {
  pickup: 'Diambil langsung',
  courier: 'Kurir',
  post: 'Pos',
  fax: 'Faksimili',
  email: 'E-mail',
  portal: 'Portal (diunduh pemohon)',
} as const;
export type DeliveryChannel = keyof typeof DELIVERY_CHANNELS;

export const CLOSE_NEEDS_DELIVERY =
  'Permohonan yang dikabulkan belum dapat ditutup karena informasi belum tercatat sampai kepada pemohon. ' +
  'Serahkan dokumen melalui portal, atau catat penyampaiannya (tanggal, cara, dan bukti) lebih dahulu.';

/** A grant in full or in part: the request is finished only when the information was delivered. */
export function isGrant(decision: string | null): boolean {
  return decision === 'granted' || decision === 'partially_granted';
}

/** Why the request cannot be closed yet, or null when it can. */
export function closeBlocker(r: { decision: string | null; deliveredOn: string | null }): string | null {
  return isGrant(r.decision) && !r.deliveredOn ? CLOSE_NEEDS_DELIVERY : null;
}

export interface DeliveryFacts {
  deliveredOn: LocalDate;
  note: string | null;
  hasProofFile: boolean;
}

/**
 * A recorded delivery must be dated between the written notice and today (local dates) and carry
 * proof: a note, a proof file, or both. Field → message; empty when it holds.
 */
export function deliveryProblems(d: DeliveryFacts, bounds: { noticeOn: LocalDate | null; today: LocalDate }): Record<string, string> {
  const errors: Record<string, string> = {};
  if (d.deliveredOn > bounds.today) errors.deliveredOn = 'Tanggal penyampaian tidak boleh di masa depan.';
  else if (bounds.noticeOn && d.deliveredOn < bounds.noticeOn) errors.deliveredOn = 'Tanggal penyampaian tidak boleh sebelum tanggal pemberitahuan tertulis.';
  if (!d.note && !d.hasProofFile) errors.note = 'Isi keterangan bukti penyampaian atau unggah berkas bukti (atau keduanya).';
  return errors;
}
