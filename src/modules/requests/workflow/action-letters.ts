import { LetterData } from 'src/modules/documents';
import { base, LetterContext, requestRows } from './letters';

/** The letter a ralat corrects, as the ralat names it. */
export interface CorrectedLetter {
  number: string;
  /** Its date in words, e.g. '20 November 2026'. */
  dateText: string;
  title: string;
}

export interface Correction {
  /** What the corrected letter says (tertulis). */
  original: string;
  /** What it should say (seharusnya). */
  corrected: string;
}

/** A ralat: a new numbered letter naming the one it corrects (number, date) and what is corrected. */
export function correctionLetter(ctx: LetterContext, of: CorrectedLetter, c: Correction): LetterData {
  return base(ctx, `Ralat atas Surat Nomor ${of.number}`, [
    {
      kind: 'paragraph',
      text: `Ralat atas surat nomor ${of.number} tanggal ${of.dateText} perihal ${of.title}. Dalam surat tersebut terdapat kekeliruan, sehingga perlu diralat sebagai berikut:`,
    },
    {
      kind: 'fields',
      rows: [
        { label: 'Surat yang diralat', value: `Nomor ${of.number} tanggal ${of.dateText}` },
        { label: 'Tertulis', value: c.original },
        { label: 'Seharusnya', value: c.corrected },
      ],
    },
    { kind: 'paragraph', text: 'Bagian lain surat tersebut tetap berlaku. Ralat ini merupakan bagian yang tidak terpisahkan dari surat yang diralat.' },
    { kind: 'fields', rows: requestRows(ctx) },
  ]);
}

export interface TransferTarget {
  bodyName: string;
  unitName: string;
  registrationNumber: string;
  /** The new due date in words with its time zone. */
  dueDateText: string;
  trackingUrl: string;
}

/**
 * Pasal 22(7) huruf a–b: the information is not under this body's control, the body that holds
 * it is known and the request was forwarded there, where it runs on its own clock.
 */
export function transferLetter(ctx: LetterContext, to: TransferTarget, note: string | null): LetterData {
  const rows = [
    ...requestRows(ctx),
    { label: 'Penguasaan informasi', value: 'Informasi tidak berada di bawah penguasaan kami' },
    { label: 'Badan publik yang menguasai', value: to.bodyName },
    { label: 'Permohonan diteruskan kepada', value: `${to.unitName}, ${to.bodyName}` },
    { label: 'Nomor pendaftaran baru', value: to.registrationNumber },
    { label: 'Batas waktu pemberitahuan tertulis', value: to.dueDateText },
  ];
  if (note) rows.push({ label: 'Keterangan', value: note });
  return base(ctx, 'Pemberitahuan Penerusan Permohonan Informasi Publik', [
    {
      kind: 'paragraph',
      text:
        'Berdasarkan Pasal 22 ayat (7) huruf a dan b Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik, ' +
        'dengan ini kami beritahukan bahwa informasi yang Saudara minta tidak berada di bawah penguasaan kami. ' +
        'Permohonan Saudara telah kami teruskan kepada badan publik yang menguasainya:',
    },
    { kind: 'fields', rows },
    {
      kind: 'paragraph',
      text:
        `Permohonan tersebut dapat dilacak dengan nomor pendaftaran ${to.registrationNumber} dan kode lacak yang sama pada ${to.trackingUrl}. ` +
        'Permohonan dengan nomor pendaftaran lama selesai dengan penerusan ini.',
    },
  ]);
}
