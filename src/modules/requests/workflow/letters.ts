import { formatLocalDate } from 'src/common/views/view-helpers';
import { FieldRow, LetterData, LetterSection, LetterSigner } from 'src/modules/documents';
import { COPY_DELIVERIES } from 'src/modules/requests/request-options';
import { ReceiptView } from 'src/modules/requests/receipt.presenter';
import { DECISIONS, EXEMPTION_GROUNDS, FORMATS, NoticeInput } from './notice-input';
import { LetterKind, objectionGroundsFor, OBJECTION_GROUND_TEXTS, OBJECTION_WINDOW_WORKING_DAYS } from './objection-rights';

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
  /** To whom and where objections go: the body's atasan PPID, or "atasan PPID <body>" at its office. */
  objectionOffice: { name: string; address: string | null };
  number: string;
  /** 'YYYY-MM-DD' local date of the letter. */
  date: string;
  officerName: string;
}

/** The notice went out after the due date: the answer is later than the law allows (Pasal 35(1) g). */
export interface NoticeFacts {
  late: boolean;
}

/**
 * The right to object that applies to this letter (Pasal 35(1), 36(1)): its grounds, the 30 working
 * days, the atasan PPID and their address, and how to file on the portal.
 */
export function objectionSections(ctx: LetterContext, kind: LetterKind, facts: { fee: number | null; late: boolean }): LetterSection[] {
  const grounds = objectionGroundsFor(kind, facts);
  const intro =
    kind === 'extension'
      ? 'Apabila pemberitahuan tertulis tidak Saudara terima sampai batas waktu yang baru, atau informasi disampaikan melebihi waktu yang diatur, Saudara berhak mengajukan keberatan secara tertulis berdasarkan Pasal 35 ayat (1) Undang-Undang Nomor 14 Tahun 2008 dengan alasan:'
      : 'Apabila Saudara tidak puas dengan keputusan ini, Saudara berhak mengajukan keberatan secara tertulis berdasarkan Pasal 35 ayat (1) Undang-Undang Nomor 14 Tahun 2008 dengan alasan:';
  const office = ctx.objectionOffice;
  return [
    { kind: 'heading', text: 'Hak mengajukan keberatan' },
    { kind: 'paragraph', text: intro },
    { kind: 'fields', rows: grounds.map((g) => ({ label: `Huruf ${g}`, value: OBJECTION_GROUND_TEXTS[g] })) },
    {
      kind: 'paragraph',
      text:
        `Keberatan diajukan paling lambat ${OBJECTION_WINDOW_WORKING_DAYS} (tiga puluh) hari kerja setelah alasan tersebut timbul (Pasal 36 ayat (1)) ` +
        `kepada ${office.name}${office.address ? `, ${office.address}` : ''}.`,
    },
    {
      kind: 'paragraph',
      text:
        'Keberatan dapat diajukan secara tertulis ke alamat tersebut, atau melalui Portal KIP pada halaman pelacakan permohonan ' +
        `dengan nomor pendaftaran ${ctx.receipt.registrationNumber} dan kode lacak Saudara:`,
    },
    // On a line of its own, so the address is never split.
    { kind: 'paragraph', text: ctx.receipt.trackingUrl },
  ];
}

/** The consequence test behind a refusal or a partial grant, row by row (Pasal 2(4), 19 and 20). */
function consequenceRows(n: NoticeInput): FieldRow[] {
  const test = n.consequenceTest;
  const rows: FieldRow[] = [{ label: 'Dasar pengecualian', value: exemptionGroundText(n) }];
  if (!test) return rows;
  rows.push(
    { label: 'Informasi yang dikecualikan', value: test.information },
    { label: 'Tanggal uji konsekuensi', value: formatLocalDate(test.date, false) },
    { label: 'Peserta uji konsekuensi', value: test.participants.join(', ') },
    { label: 'Konsekuensi bila dibuka', value: test.consequence },
    { label: 'Pertimbangan kepentingan publik', value: test.publicInterest },
    { label: 'Dasar hukum', value: test.legalBasis },
    { label: 'Jangka waktu pengecualian', value: test.exemptionUntil ? `Sampai ${formatLocalDate(test.exemptionUntil, false)}` : 'Sesuai ketentuan undang-undang' },
  );
  return rows;
}

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
    ...objectionSections(ctx, 'extension', { fee: null, late: false }),
  ]);
}

/** Pasal 22(7)a, and "not yet documented" said as such, not as not held. */
function holdingRow(n: NoticeInput): FieldRow {
  if (n.decision === 'not_documented') return { label: 'Status informasi', value: 'Informasi belum didokumentasikan' };
  return { label: 'Penguasaan informasi', value: n.informationHeld ? 'Informasi berada di bawah penguasaan kami' : 'Informasi tidak berada di bawah penguasaan kami' };
}

/** Pasal 22(7): whether held, the decision, what is given, what is blacked out (and on which ground), format, delivery, fees, time. */
export function noticeLetter(ctx: LetterContext, n: NoticeInput, facts: NoticeFacts): LetterData {
  const rows: FieldRow[] = [...requestRows(ctx), holdingRow(n)];
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
  if (n.decision === 'partially_granted') {
    sections.push(
      { kind: 'paragraph', text: 'Bagian informasi yang dihitamkan dikecualikan setelah dilakukan uji konsekuensi sebagaimana dimaksud Pasal 2 ayat (4) dan Pasal 19 Undang-Undang Nomor 14 Tahun 2008:' },
      { kind: 'fields', rows: consequenceRows(n) },
    );
  }
  sections.push(...objectionSections(ctx, n.decision, { fee: n.fee, late: facts.late }));
  const subject =
    n.decision === 'not_documented' ? 'Pemberitahuan Tertulis: Informasi Belum Didokumentasikan' : 'Pemberitahuan Tertulis atas Permohonan Informasi Publik';
  return base(ctx, subject, sections);
}

/** Pasal 17 ground, consequence test (Pasal 19), exemption period (Pasal 20) and the right to object. */
export function refusalLetter(ctx: LetterContext, n: NoticeInput, facts: NoticeFacts): LetterData {
  const rows: FieldRow[] = [...requestRows(ctx), { label: 'Keputusan', value: 'Permohonan ditolak' }, { label: 'Alasan', value: n.reason ?? '' }, ...consequenceRows(n)];
  return base(ctx, 'Pemberitahuan Penolakan Permohonan Informasi Publik', [
    {
      kind: 'paragraph',
      text: 'Setelah dilakukan uji konsekuensi sebagaimana dimaksud Pasal 2 ayat (4) dan Pasal 19 Undang-Undang Nomor 14 Tahun 2008, dengan ini kami sampaikan bahwa permohonan informasi Saudara tidak dapat kami penuhi:',
    },
    { kind: 'fields', rows },
    ...objectionSections(ctx, 'refused', { fee: null, late: facts.late }),
  ]);
}
