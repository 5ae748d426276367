import { formatIndonesianDate, LocalDate } from 'src/common/time/local-time';
import { CHANNELS, DECISIONS, EXEMPTION_GROUNDS, requestStatusLabel } from 'src/modules/requests';
import { InformationForm, InformationStatus, RegisterEntry, RequestKind } from './register-entry';

export const INFORMATION_STATUS_LABELS: Record<InformationStatus, string> = {
  held: 'Dikuasai',
  not_held: 'Tidak dikuasai',
  not_documented: 'Belum didokumentasikan',
};

export const FORM_LABELS: Record<InformationForm, string> = { softcopy: 'Softcopy', hardcopy: 'Hardcopy' };

export const REQUEST_KIND_LABELS: Record<RequestKind, string> = { inspect: 'Melihat/mengetahui', copy: 'Meminta salinan' };

/** Shown in place of personal data the reader may not see. */
export const MASKED = '(disamarkan)';

function labelOf(labels: Record<string, string>, code: string | null): string | null {
  if (code === null) return null;
  return Object.hasOwn(labels, code) ? labels[code] : code;
}

/** 'Rp15.000', 'Tanpa biaya'. */
export function feeText(fee: number | null): string | null {
  if (fee === null) return null;
  return fee === 0 ? 'Tanpa biaya' : `Rp${fee.toLocaleString('id-ID')}`;
}

export function dateText(date: LocalDate | null): string | null {
  return date === null ? null : formatIndonesianDate(date);
}

/** 'Pasal 17 huruf h (mengungkap rahasia pribadi): …'; ground j names its law. */
export function refusalText(e: Pick<RegisterEntry, 'exemptionGround' | 'exemptionLaw' | 'refusalReason'>): string | null {
  if (e.exemptionGround === null && e.refusalReason === null) return null;
  const ground = e.exemptionGround
    ? `Pasal 17 huruf ${e.exemptionGround} (${labelOf(EXEMPTION_GROUNDS, e.exemptionGround)}${e.exemptionLaw ? `: ${e.exemptionLaw}` : ''})`
    : null;
  return [ground, e.refusalReason].filter(Boolean).join(': ');
}

/** The request's status in words, with the unit it went to when it was forwarded. */
export function statusText(e: Pick<RegisterEntry, 'status' | 'forwardedTo'>): string {
  const label = requestStatusLabel(e.status);
  return e.forwardedTo ? `${label}; diteruskan ke ${e.forwardedTo}` : label;
}

export type CellValue = string | number | null;

/** One column of the register: its heading, its value in a download, its share of a PDF page's width. */
export interface RegisterColumn {
  key: string;
  header: string;
  value: (e: RegisterEntry) => CellValue;
  pdfWidth: number;
}

const personal = (e: RegisterEntry, value: string | null): string | null => (e.personalShown ? value : MASKED);

/** Every column of the register permohonan (RULES.md), in order; CSV, XLSX and PDF all use these. */
export const REGISTER_COLUMNS: readonly RegisterColumn[] = [
  { key: 'nomor', header: 'Nomor pendaftaran', value: (e) => e.registrationNumber, pdfWidth: 70 },
  { key: 'tanggal', header: 'Tanggal permohonan', value: (e) => e.receivedDate, pdfWidth: 46 },
  { key: 'unit', header: 'Unit', value: (e) => e.unitName, pdfWidth: 46 },
  { key: 'saluran', header: 'Saluran', value: (e) => labelOf(CHANNELS, e.channel), pdfWidth: 40 },
  { key: 'nama', header: 'Nama pemohon', value: (e) => e.requesterName, pdfWidth: 44 },
  { key: 'alamat', header: 'Alamat', value: (e) => personal(e, e.requesterAddress), pdfWidth: 44 },
  { key: 'kontak', header: 'Kontak', value: (e) => personal(e, e.requesterContact), pdfWidth: 56 },
  { key: 'pekerjaan', header: 'Pekerjaan', value: (e) => e.requesterOccupation, pdfWidth: 44 },
  { key: 'informasi', header: 'Informasi yang diminta', value: (e) => e.information, pdfWidth: 64 },
  { key: 'tujuan', header: 'Tujuan penggunaan', value: (e) => e.purpose, pdfWidth: 42 },
  { key: 'status_informasi', header: 'Status informasi', value: (e) => labelOf(INFORMATION_STATUS_LABELS, e.informationStatus), pdfWidth: 44 },
  { key: 'bentuk', header: 'Bentuk informasi', value: (e) => labelOf(FORM_LABELS, e.form), pdfWidth: 38 },
  { key: 'jenis', header: 'Jenis permohonan', value: (e) => REQUEST_KIND_LABELS[e.requestKind], pdfWidth: 44 },
  { key: 'keputusan', header: 'Keputusan', value: (e) => labelOf(DECISIONS, e.decision), pdfWidth: 44 },
  { key: 'alasan_penolakan', header: 'Alasan penolakan', value: refusalText, pdfWidth: 50 },
  { key: 'tanggal_pemberitahuan', header: 'Tanggal pemberitahuan tertulis', value: (e) => e.noticeDate, pdfWidth: 46 },
  { key: 'tanggal_pemberian', header: 'Tanggal pemberian informasi', value: (e) => e.deliveryDate, pdfWidth: 46 },
  { key: 'biaya', header: 'Biaya (Rp)', value: (e) => e.fee, pdfWidth: 32 },
  { key: 'cara_pembayaran', header: 'Cara pembayaran', value: (e) => e.paymentMethod, pdfWidth: 40 },
  { key: 'hari_kerja', header: 'Waktu (hari kerja)', value: (e) => e.workingDaysTaken, pdfWidth: 30 },
  { key: 'status', header: 'Status permohonan', value: statusText, pdfWidth: 46 },
];

/** The cells of one entry in column order. */
export function registerCells(e: RegisterEntry): CellValue[] {
  return REGISTER_COLUMNS.map((c) => c.value(e));
}
