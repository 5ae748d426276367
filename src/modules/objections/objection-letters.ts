import { formatLocalDate } from 'src/common/views/view-helpers';
import type { FieldRow, LetterData, LetterSection } from 'src/modules/documents';
import { OBJECTION_DECISIONS, ObjectionDecision } from './dto/objection.dto';
import { OBJECTION_GROUNDS, ObjectionGround } from './objection-rules';

/** What both objection letters share: who writes, to whom, about which request. */
export interface ObjectionLetterContext {
  bodyName: string;
  /** The PPID Utama's name, under the body in the letterhead. */
  unitName: string;
  kopLines: string[];
  /** 'Kota Surabaya'. */
  regionName: string;
  requesterName: string;
  registrationNumber: string;
  information: string;
  objectionNumber: string;
  /** 'Senin, 2 Maret 2026 pukul 10.00 WIB' */
  receivedAtText: string;
  grounds: ObjectionGround[];
  reasons: string;
  proxyName: string | null;
}

/** 'Kota Surabaya' → 'Surabaya'. */
function placeOf(regionName: string): string {
  return regionName.replace(/^(Kota|Kabupaten)\s+/, '');
}

function groundItems(grounds: ObjectionGround[]): string[] {
  return grounds.map((g) => `Huruf ${g}: ${OBJECTION_GROUNDS[g]}`);
}

function objectionRows(ctx: ObjectionLetterContext): FieldRow[] {
  const rows: FieldRow[] = [
    { label: 'Nomor keberatan', value: ctx.objectionNumber },
    { label: 'Tanggal diterima', value: ctx.receivedAtText },
    { label: 'Nomor pendaftaran permohonan', value: ctx.registrationNumber },
    { label: 'Informasi yang diminta', value: ctx.information },
  ];
  if (ctx.proxyName) rows.push({ label: 'Diajukan melalui kuasa', value: ctx.proxyName });
  return rows;
}

function footer(ctx: ObjectionLetterContext): string {
  return `Keberatan nomor ${ctx.objectionNumber} atas permohonan ${ctx.registrationNumber}. Surat ini dibuat melalui Portal KIP dan dapat diunduh pada halaman pelacakan permohonan.`;
}

/** Tanda bukti penerimaan keberatan, with the atasan's due date (Pasal 36(2)). */
export function objectionReceiptLetter(
  ctx: ObjectionLetterContext,
  r: { date: string; dueDateText: string; dueProvisional: boolean; signer: { role: string; name: string; nip?: string } },
): LetterData {
  const sections: LetterSection[] = [
    { kind: 'paragraph', text: 'Bersama ini kami sampaikan bahwa keberatan atas permohonan informasi publik yang Saudara ajukan telah kami terima dan dicatat dalam register keberatan:' },
    { kind: 'fields', rows: objectionRows(ctx) },
    { kind: 'heading', text: 'Alasan keberatan (Pasal 35 ayat (1) UU 14/2008)' },
    { kind: 'list', items: groundItems(ctx.grounds) },
    { kind: 'fields', rows: [{ label: 'Kasus posisi', value: ctx.reasons }] },
    {
      kind: 'paragraph',
      text:
        `Atasan PPID wajib memberikan tanggapan tertulis paling lambat ${r.dueDateText}${r.dueProvisional ? ' (sementara, menunggu penetapan hari libur)' : ''}, ` +
        'yaitu 30 (tiga puluh) hari kerja sejak keberatan diterima (Pasal 36 ayat (2)).',
    },
  ];
  return {
    bodyName: ctx.bodyName,
    unitName: ctx.unitName,
    kopLines: ctx.kopLines.length > 0 ? ctx.kopLines : undefined,
    number: ctx.objectionNumber,
    subject: 'Tanda Bukti Penerimaan Keberatan atas Permohonan Informasi Publik',
    place: placeOf(ctx.regionName),
    dateText: formatLocalDate(r.date, false),
    recipient: { name: `Sdr. ${ctx.requesterName}`, lines: ['Pemohon Informasi Publik'] },
    sections,
    signer: r.signer,
    footerNote: footer(ctx),
  };
}

/**
 * The atasan PPID's written answer (Pasal 36(2)): the decision, its reasons (required to uphold,
 * Pasal 36(3)), the instruction to the PPID after an overturn, and the right to take the matter to
 * the Komisi Informasi within 14 working days (Pasal 37(2)), with the date.
 */
export function responseLetter(
  ctx: ObjectionLetterContext,
  r: {
    number: string;
    date: string;
    decision: ObjectionDecision;
    reasons: string | null;
    instruction: string | null;
    newDueDateText: string | null;
    disputeLastDayText: string;
    decider: { name: string; position: string };
  },
): LetterData {
  const rows: FieldRow[] = [{ label: 'Keputusan', value: OBJECTION_DECISIONS[r.decision] }];
  if (r.reasons) rows.push({ label: 'Alasan', value: r.reasons });
  if (r.instruction) rows.push({ label: 'Perintah kepada PPID', value: r.instruction });
  if (r.newDueDateText) rows.push({ label: 'Batas waktu PPID', value: `PPID memberikan informasi atau pemberitahuan tertulis yang baru paling lambat ${r.newDueDateText}.` });
  return {
    bodyName: ctx.bodyName,
    unitName: `Atasan PPID ${ctx.bodyName}`,
    kopLines: ctx.kopLines.length > 0 ? ctx.kopLines : undefined,
    number: r.number,
    subject: 'Tanggapan Atasan PPID atas Keberatan',
    place: placeOf(ctx.regionName),
    dateText: formatLocalDate(r.date, false),
    recipient: { name: `Sdr. ${ctx.requesterName}`, lines: ['Pemohon Informasi Publik'] },
    sections: [
      { kind: 'paragraph', text: 'Menindaklanjuti keberatan yang Saudara ajukan berdasarkan Pasal 35 Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik:' },
      { kind: 'fields', rows: objectionRows(ctx) },
      { kind: 'heading', text: 'Alasan keberatan' },
      { kind: 'list', items: groundItems(ctx.grounds) },
      { kind: 'paragraph', text: 'dengan ini Atasan PPID memberikan tanggapan tertulis sebagai berikut (Pasal 36 ayat (2)):' },
      { kind: 'fields', rows },
      {
        kind: 'paragraph',
        text:
          'Apabila Saudara tidak puas dengan tanggapan ini, Saudara berhak mengajukan sengketa informasi publik kepada Komisi Informasi ' +
          `paling lambat 14 (empat belas) hari kerja setelah tanggapan ini diterima, yaitu sampai ${r.disputeLastDayText} ` +
          '(Undang-Undang Nomor 14 Tahun 2008 Pasal 37 ayat (2)).',
      },
    ],
    signer: { role: r.decider.position, name: r.decider.name },
    footerNote: footer(ctx),
  };
}
