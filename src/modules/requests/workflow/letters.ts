import { formatLocalDate } from 'src/common/views/view-helpers';
import { FieldRow, LetterData, LetterSection, LetterSigner } from 'src/modules/documents';
import { COPY_DELIVERIES } from 'src/modules/requests/request-options';
import { ReceiptView } from 'src/modules/requests/receipt.presenter';
import { DECISIONS, EXEMPTION_GROUNDS, FORMATS, NoticeInput } from './notice-input';

/** What every letter on a request shares. */
export interface LetterContext {
  receipt: ReceiptView;
  /** 'Kota Surabaya', used for the place line. */
  regionName: string;
  /** Office address and contact lines of the letterhead (the unit's where set, else the body's). */
  kopLines: string[];
  /** The body's service hours, e.g. 'Senin–Kamis 08.00–15.00; Jumat 08.00–11.00'; null when not set. */
  serviceHoursText: string | null;
  /** The unit's signer; null until an admin sets one, then the officer signs for the PPID. */
  signer: { name: string; position: string; nip: string } | null;
  number: string;
  /** 'YYYY-MM-DD' local date of the letter. */
  date: string;
  officerName: string;
}

const OBJECTION_RIGHT =
  'Apabila Saudara tidak puas dengan keputusan ini, Saudara berhak mengajukan keberatan kepada Atasan PPID ' +
  'paling lambat 30 (tiga puluh) hari kerja sejak surat ini diterima (UU Nomor 14 Tahun 2008 Pasal 35 dan 36).';

/** 'Pasal 17 huruf h UU 14/2008: informasi yang apabila dibuka mengungkap rahasia pribadi', shared by the letter and the tracking page. */
export function exemptionGroundText(n: Pick<NoticeInput, 'exemptionGround' | 'exemptionLaw'>): string {
  const ground = n.exemptionGround ?? 'j';
  const text = `Pasal 17 huruf ${ground} UU 14/2008: informasi yang apabila dibuka ${EXEMPTION_GROUNDS[ground]}`;
  return ground === 'j' && n.exemptionLaw ? `${text} (${n.exemptionLaw})` : text;
}

/** 'Kota Surabaya' → 'Surabaya', 'Kabupaten Malang' → 'Malang', 'Jawa Timur' stays. */
export function placeOf(regionName: string): string {
  return regionName.replace(/^(Kota|Kabupaten)\s+/, '');
}

/** 'Rp 15.000' */
export function rupiah(amount: number): string {
  return `Rp ${amount.toLocaleString('id-ID')}`;
}

function signerOf(ctx: LetterContext): LetterSigner {
  if (ctx.signer) return { role: ctx.signer.position, name: ctx.signer.name, nip: ctx.signer.nip };
  return { role: `Pejabat Pengelola Informasi dan Dokumentasi\n${ctx.receipt.unitName}`, name: ctx.officerName };
}

export function base(ctx: LetterContext, subject: string, sections: LetterSection[], closing?: string): LetterData {
  const hours = ctx.serviceHoursText ? ` Jam layanan: ${ctx.serviceHoursText}.` : '';
  return {
    bodyName: ctx.receipt.bodyName,
    unitName: ctx.receipt.unitName,
    kopLines: ctx.kopLines.length > 0 ? ctx.kopLines : undefined,
    number: ctx.number,
    subject,
    place: placeOf(ctx.regionName),
    dateText: formatLocalDate(ctx.date, false),
    recipient: { name: `Sdr. ${ctx.receipt.requesterName}`, lines: ['Pemohon Informasi Publik'] },
    sections,
    closing,
    signer: signerOf(ctx),
    footerNote: `Nomor pendaftaran permohonan ${ctx.receipt.registrationNumber}. Surat ini dibuat melalui Portal KIP dan dapat diunduh pada halaman pelacakan permohonan.${hours}`,
  };
}

export function requestRows(ctx: LetterContext): FieldRow[] {
  return [
    { label: 'Nomor pendaftaran', value: ctx.receipt.registrationNumber },
    { label: 'Tanggal diterima', value: ctx.receipt.receivedAtText },
    { label: 'Informasi yang diminta', value: ctx.receipt.information },
  ];
}

/** Pasal 22(8): the one extension, with its reason and the new due date. */
export function extensionLetter(ctx: LetterContext, ext: { workingDays: number; reason: string; newDueDateText: string }): LetterData {
  return base(ctx, 'Pemberitahuan Perpanjangan Waktu Pemberian Informasi', [
    { kind: 'paragraph', text: 'Menindaklanjuti permohonan informasi publik yang Saudara ajukan:' },
    { kind: 'fields', rows: requestRows(ctx) },
    {
      kind: 'paragraph',
      text:
        `dengan ini kami beritahukan bahwa berdasarkan Pasal 22 ayat (8) Undang-Undang Nomor 14 Tahun 2008, ` +
        `waktu pemberitahuan tertulis atas permohonan tersebut diperpanjang selama ${ext.workingDays} hari kerja, ` +
        `sehingga batas waktu menjadi ${ext.newDueDateText}.`,
    },
    { kind: 'fields', rows: [{ label: 'Alasan perpanjangan', value: ext.reason }] },
  ]);
}

/** Pasal 22(7): whether held, the decision, what is given, what is blacked out, format, delivery, fees, time. */
export function noticeLetter(ctx: LetterContext, n: NoticeInput): LetterData {
  const rows: FieldRow[] = [
    ...requestRows(ctx),
    { label: 'Penguasaan informasi', value: n.informationHeld ? 'Informasi berada di bawah penguasaan kami' : 'Informasi tidak berada di bawah penguasaan kami' },
  ];
  if (n.decision === 'not_held') {
    rows.push({ label: 'Badan publik yang menguasai', value: n.holderBody ?? 'Tidak diketahui' });
  }
  rows.push({ label: 'Keputusan', value: DECISIONS[n.decision] });
  if (n.material) rows.push({ label: 'Bahan informasi yang diberikan', value: n.material });
  if (n.redactions) rows.push({ label: 'Bagian yang dihitamkan dan alasannya', value: n.redactions });
  if (n.format) rows.push({ label: 'Bentuk informasi', value: FORMATS[n.format] });
  if (n.delivery) rows.push({ label: 'Cara penyampaian', value: COPY_DELIVERIES[n.delivery] });
  rows.push({ label: 'Biaya', value: n.fee ? rupiah(n.fee) : 'Tanpa biaya' });
  if (n.fee && n.paymentMethod) rows.push({ label: 'Cara pembayaran', value: n.paymentMethod });
  if (n.timeNeeded) rows.push({ label: 'Waktu yang dibutuhkan', value: n.timeNeeded });
  if (n.reason) rows.push({ label: 'Keterangan', value: n.reason });
  const sections: LetterSection[] = [
    {
      kind: 'paragraph',
      text: 'Berdasarkan Pasal 22 ayat (7) Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik, bersama ini kami sampaikan pemberitahuan tertulis atas permohonan informasi Saudara sebagai berikut:',
    },
    { kind: 'fields', rows },
  ];
  if (n.decision === 'partially_granted') sections.push({ kind: 'paragraph', text: OBJECTION_RIGHT });
  return base(ctx, 'Pemberitahuan Tertulis atas Permohonan Informasi Publik', sections);
}

/** Pasal 17 ground, consequence test (Pasal 19), exemption period (Pasal 20) and the right to object. */
export function refusalLetter(ctx: LetterContext, n: NoticeInput): LetterData {
  const test = n.consequenceTest;
  const rows: FieldRow[] = [
    ...requestRows(ctx),
    { label: 'Keputusan', value: 'Permohonan ditolak' },
    { label: 'Dasar pengecualian', value: exemptionGroundText(n) },
    { label: 'Alasan', value: n.reason ?? '' },
  ];
  if (test) {
    rows.push(
      { label: 'Tanggal uji konsekuensi', value: formatLocalDate(test.date, false) },
      { label: 'Peserta uji konsekuensi', value: test.participants.join(', ') },
      { label: 'Konsekuensi bila dibuka', value: test.consequence },
      { label: 'Jangka waktu pengecualian', value: test.exemptionUntil ? `Sampai ${formatLocalDate(test.exemptionUntil, false)}` : 'Sesuai ketentuan undang-undang' },
    );
  }
  return base(ctx, 'Pemberitahuan Penolakan Permohonan Informasi Publik', [
    {
      kind: 'paragraph',
      text: 'Setelah dilakukan uji konsekuensi sebagaimana dimaksud Pasal 2 ayat (4) dan Pasal 19 Undang-Undang Nomor 14 Tahun 2008, dengan ini kami sampaikan bahwa permohonan informasi Saudara tidak dapat kami penuhi:',
    },
    { kind: 'fields', rows },
    { kind: 'paragraph', text: OBJECTION_RIGHT },
  ]);
}
