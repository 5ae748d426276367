import { localDateTimeOf, LocalDate } from 'src/common/time/local-time';
import { DISPUTE_OUTCOMES, DISPUTE_STAGES, OBJECTION_STATUS_LABELS, ObjectionRegisterRow } from 'src/modules/objections';
import { maskName } from './register-entry';
import { CellValue, MASKED } from './register-columns';

/** One dispute of an objection, as the register keberatan shows it. */
export interface ObjectionDisputeEntry {
  caseNumber: string;
  filedOn: LocalDate;
  stage: string;
  outcome: string | null;
  outcomeOn: LocalDate | null;
}

/** One line of the register keberatan (RULES.md "Registers and reports"), as domain values. */
export interface ObjectionRegisterEntry {
  id: string;
  objectionNumber: string;
  bodyId: number;
  unitId: number;
  unitName: string;
  receivingUnitId: number;
  /** Local date of receipt, in the province's time zone. */
  receivedDate: LocalDate;
  /** Full identity for those who may see it; otherwise initials and no address. */
  personalShown: boolean;
  requesterName: string;
  proxyName: string | null;
  /** The kuasa's address when a kuasa filed, else the requester's. */
  objectorAddress: string | null;
  requestId: string;
  requestRegistrationNumber: string;
  information: string;
  purpose: string;
  /** Pasal 35(1) grounds a–g. */
  grounds: string[];
  /** The atasan's answer is due by this day (30 working days). */
  dueDate: LocalDate;
  /** pending, upheld, overturned, partially_overturned. */
  status: string;
  decisionReasons: string | null;
  instruction: string | null;
  responseDate: LocalDate | null;
  responseNumber: string | null;
  atasanName: string | null;
  atasanPosition: string | null;
  /** Answered on or before the due date; null while pending. */
  answeredInTime: boolean | null;
  disputes: ObjectionDisputeEntry[];
}

/** Decrypted addresses of an objection, only for those who may see them. */
export interface ObjectorPersonalData {
  requesterAddress: string | null;
  proxyAddress: string | null;
}

/** Builds a register keberatan line; `personal` null masks the names and leaves the address out. */
export function buildObjectionEntry(r: ObjectionRegisterRow, personal: ObjectorPersonalData | null, timeZone: string): ObjectionRegisterEntry {
  const mask = (name: string | null) => (name === null ? null : personal ? name : maskName(name));
  return {
    id: r.id,
    objectionNumber: r.number,
    bodyId: r.bodyId,
    unitId: r.unitId,
    unitName: r.unitName,
    receivingUnitId: r.receivingUnitId,
    receivedDate: localDateTimeOf(new Date(r.receivedAt), timeZone).date,
    personalShown: personal !== null,
    requesterName: mask(r.requesterName) ?? '',
    proxyName: mask(r.proxyName),
    objectorAddress: personal ? (r.proxyName !== null ? personal.proxyAddress : personal.requesterAddress) : null,
    requestId: r.requestId,
    requestRegistrationNumber: r.registrationNumber,
    information: r.information,
    purpose: r.purpose,
    grounds: [...r.grounds].sort(),
    dueDate: r.dueDate,
    status: r.status,
    decisionReasons: r.decisionReasons,
    instruction: r.instruction,
    responseDate: r.responseDate,
    responseNumber: r.responseNumber,
    atasanName: r.deciderName,
    atasanPosition: r.deciderPosition,
    answeredInTime: r.responseDate === null ? null : r.responseDate <= r.dueDate,
    disputes: r.disputes.map((d) => ({ caseNumber: d.caseNumber, filedOn: d.filedOn, stage: d.stage, outcome: d.outcome, outcomeOn: d.outcomeOn })),
  };
}

function labelOf(labels: Record<string, string>, code: string): string {
  return Object.hasOwn(labels, code) ? labels[code] : code;
}

/** The atasan's decision in words. */
export function objectionStatusText(status: string): string {
  return labelOf(OBJECTION_STATUS_LABELS, status);
}

/** 'Huruf a, d'. */
export function groundsText(grounds: string[]): string {
  return grounds.length === 0 ? '—' : `Huruf ${grounds.join(', ')}`;
}

/** The requester's response to the atasan's answer: the dispute filed with the Komisi Informasi, if any. */
export function requesterResponseText(e: Pick<ObjectionRegisterEntry, 'disputes'>): string | null {
  if (e.disputes.length === 0) return null;
  return e.disputes.map((d) => `Sengketa ke Komisi Informasi ${d.filedOn.split('-').reverse().join('-')}, nomor ${d.caseNumber}`).join('; ');
}

/** Where each dispute stands: its stage and, once known, its outcome. */
export function disputeOutcomeText(e: Pick<ObjectionRegisterEntry, 'disputes'>): string | null {
  if (e.disputes.length === 0) return null;
  return e.disputes
    .map((d) => {
      const stage = labelOf(DISPUTE_STAGES, d.stage);
      return d.outcome ? `${stage}: ${labelOf(DISPUTE_OUTCOMES, d.outcome)}${d.outcomeOn ? ` (${d.outcomeOn.split('-').reverse().join('-')})` : ''}` : stage;
    })
    .join('; ');
}

/** One column of the register keberatan: heading, value in a download, share of a PDF page's width. */
export interface ObjectionColumn {
  key: string;
  header: string;
  value: (e: ObjectionRegisterEntry) => CellValue;
  pdfWidth: number;
}

const personal = (e: ObjectionRegisterEntry, value: string | null): string | null => (e.personalShown ? value : MASKED);

/** Every column of the register keberatan (RULES.md), in order; CSV, XLSX and PDF all use these. */
export const OBJECTION_COLUMNS: readonly ObjectionColumn[] = [
  { key: 'nomor', header: 'Nomor keberatan', value: (e) => e.objectionNumber, pdfWidth: 62 },
  { key: 'tanggal', header: 'Tanggal diterima', value: (e) => e.receivedDate, pdfWidth: 44 },
  { key: 'unit', header: 'Unit', value: (e) => e.unitName, pdfWidth: 44 },
  { key: 'nama', header: 'Nama pemohon', value: (e) => e.requesterName, pdfWidth: 46 },
  { key: 'kuasa', header: 'Kuasa pemohon', value: (e) => e.proxyName, pdfWidth: 42 },
  { key: 'alamat', header: 'Alamat pemohon/kuasa', value: (e) => personal(e, e.objectorAddress), pdfWidth: 48 },
  { key: 'nomor_permohonan', header: 'Nomor pendaftaran permohonan', value: (e) => e.requestRegistrationNumber, pdfWidth: 62 },
  { key: 'informasi', header: 'Informasi yang diminta', value: (e) => e.information, pdfWidth: 60 },
  { key: 'tujuan', header: 'Tujuan penggunaan', value: (e) => e.purpose, pdfWidth: 42 },
  { key: 'alasan', header: 'Alasan keberatan (Pasal 35 ayat (1))', value: (e) => groundsText(e.grounds), pdfWidth: 40 },
  { key: 'batas_waktu', header: 'Batas waktu tanggapan', value: (e) => e.dueDate, pdfWidth: 44 },
  { key: 'keputusan', header: 'Keputusan atasan PPID', value: (e) => objectionStatusText(e.status), pdfWidth: 56 },
  { key: 'alasan_keputusan', header: 'Alasan keputusan', value: (e) => e.decisionReasons, pdfWidth: 60 },
  { key: 'tanggal_tanggapan', header: 'Tanggal tanggapan', value: (e) => e.responseDate, pdfWidth: 44 },
  { key: 'nomor_tanggapan', header: 'Nomor surat tanggapan', value: (e) => e.responseNumber, pdfWidth: 50 },
  { key: 'tepat_waktu', header: 'Dalam 30 hari kerja', value: (e) => (e.answeredInTime === null ? null : e.answeredInTime ? 'Ya' : 'Tidak'), pdfWidth: 32 },
  { key: 'nama_atasan', header: 'Nama atasan PPID', value: (e) => e.atasanName, pdfWidth: 46 },
  { key: 'jabatan_atasan', header: 'Jabatan atasan PPID', value: (e) => e.atasanPosition, pdfWidth: 46 },
  { key: 'tanggapan_pemohon', header: 'Tanggapan pemohon', value: requesterResponseText, pdfWidth: 60 },
  { key: 'sengketa', header: 'Tahap dan putusan sengketa', value: disputeOutcomeText, pdfWidth: 60 },
];

export function objectionCells(e: ObjectionRegisterEntry): CellValue[] {
  return OBJECTION_COLUMNS.map((c) => c.value(e));
}
