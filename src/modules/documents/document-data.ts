/**
 * What callers hand to the DocumentsService. Every value is already formatted text in Bahasa
 * Indonesia: this module lays text out and never formats dates, numbers or labels itself.
 */

/** Tanda bukti penerimaan permohonan informasi publik. Deliberately has no NIK, address or phone. */
export interface ReceiptData {
  /** e.g. '3578-U-2025-00012' */
  registrationNumber: string;
  /** e.g. 'Pemerintah Kota Surabaya' */
  bodyName: string;
  /** e.g. 'PPID Utama Kota Surabaya' */
  unitName: string;
  /** e.g. 'Kamis, 27 Maret 2025 pukul 10.00 WIB' */
  receivedAtText: string;
  /** Day 0 of the period, e.g. 'Kamis, 27 Maret 2025' */
  effectiveReceiptDateText: string;
  /** e.g. 'Selasa, 22 April 2025 pukul 23.59 WIB' */
  dueDateText: string;
  /** The due date falls in a year whose holiday list is not yet decreed. */
  dueProvisional: boolean;
  /** One sentence on how the due date was computed. */
  dueExplanation: string;
  /** 'Daring (online)', 'Datang langsung', … */
  channelLabel: string;
  requesterName: string;
  /** 'Perorangan' | 'Badan hukum' | 'Kelompok orang' */
  requesterTypeLabel: string;
  /** Rincian informasi yang dibutuhkan; may be long. */
  information: string;
  /** Tujuan penggunaan informasi. */
  purpose: string;
  obtainMethodLabel: string;
  copyDeliveryLabel: string | null;
  trackingCode: string;
  /** e.g. 'http://localhost:3000/lacak?nomor=3578-U-2025-00012' */
  trackingUrl: string;
  /** When the PDF is produced, e.g. 'Kamis, 27 Maret 2025 pukul 10.01 WIB' */
  issuedAtText: string;
}

/** One line of a two-column "label : value" table; long values wrap. */
export interface FieldRow {
  label: string;
  value: string;
}

export type LetterSection =
  | { kind: 'paragraph'; text: string }
  | { kind: 'fields'; rows: FieldRow[] }
  | { kind: 'list'; items: string[] }
  | { kind: 'heading'; text: string };

export interface LetterRecipient {
  /** e.g. 'Sdr. Dyah Ayu Pitaloka' */
  name: string;
  /** Further lines under the name, e.g. ['di', 'Surabaya']. */
  lines?: string[];
}

export interface LetterSigner {
  /** e.g. 'Pejabat Pengelola Informasi dan Dokumentasi' */
  role: string;
  name: string;
  nip?: string;
}

/** A letter in the style of Indonesian government correspondence (tata naskah dinas). */
export interface LetterData {
  bodyName: string;
  unitName: string;
  /** Address and contact lines under the unit name in the letterhead. */
  kopLines?: string[];
  /** Nomor surat. */
  number: string;
  /** Perihal. */
  subject: string;
  /** Lampiran; '-' when absent. */
  attachments?: string;
  /** Sifat, e.g. 'Biasa' (the default), 'Segera', 'Penting'. */
  nature?: string;
  /** e.g. 'Surabaya' */
  place: string;
  /** e.g. '27 Maret 2025' */
  dateText: string;
  recipient: LetterRecipient;
  /** Defaults to 'Dengan hormat,'; an empty string leaves it out. */
  salutation?: string;
  sections: LetterSection[];
  /** Closing paragraph; defaults to the customary one, an empty string leaves it out. */
  closing?: string;
  signer: LetterSigner;
  /** Small print after the signature, e.g. how the letter was produced or who receives copies. */
  footerNote?: string;
}

/** A register as a landscape table (register permohonan, later keberatan); every cell already text. */
export interface RegisterDocumentData {
  /** e.g. 'Register Permohonan Informasi Publik' */
  title: string;
  /** Under the title: body, unit, period, filters. */
  subtitleLines: string[];
  columns: { header: string; width: number }[];
  rows: string[][];
  /** Small print after the table, e.g. when it was produced and what was masked. */
  note: string;
}

/** A bar chart, drawn from data; with `series` the bars of a category are stacked and a legend is shown. */
export interface BarChart {
  title: string;
  categoryTitle: string;
  valueTitle: string;
  points: { category: string; value: number; series?: string }[];
}

export type ReportSection =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'fields'; rows: FieldRow[] }
  | { kind: 'table'; caption?: string; columns: { header: string; width: number }[]; rows: string[][] }
  | { kind: 'chart'; chart: BarChart };

/** A report of a body, e.g. the annual Laporan Layanan Informasi Publik. */
export interface ReportData {
  bodyName: string;
  unitName: string;
  kopLines?: string[];
  title: string;
  /** Lines under the title (the year, the status). */
  subtitleLines: string[];
  sections: ReportSection[];
  /** Printed beside the page numbers. */
  reference: string;
  footerNote?: string;
}
