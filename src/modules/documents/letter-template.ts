/**
 * A letter laid out like Indonesian government correspondence: kop surat, place and date,
 * Nomor / Sifat / Lampiran / Perihal, 'Kepada Yth.', body, signature on the right.
 * Extension letters, written notices (Pasal 22 ayat (7)) and refusals are built on it.
 */
import { LetterData, LetterSection } from './document-data';
import { DocumentMeta, PdfLayout } from './pdf-layout';

export const LETTER_FONT_SIZE = 11;
const DEFAULT_SALUTATION = 'Dengan hormat,';
const DEFAULT_CLOSING = 'Demikian kami sampaikan. Atas perhatian Saudara, kami ucapkan terima kasih.';
const FIELDS_LABEL_WIDTH = 150;
const REFERENCE_LABEL_WIDTH = 66;

export function letterMeta(data: LetterData): DocumentMeta {
  return {
    title: data.subject,
    author: data.bodyName,
    subject: `Surat nomor ${data.number}: ${data.subject}`,
    reference: `Nomor ${data.number}`,
  };
}

export function drawLetter(layout: PdfLayout, data: LetterData): void {
  layout.letterhead({ bodyName: data.bodyName, unitName: data.unitName, lines: data.kopLines });
  layout.flushRight(`${data.place}, ${data.dateText}`);
  layout.space(0.5);
  drawReference(layout, data);
  layout.space(0.7);
  drawRecipient(layout, data);
  layout.space(1);
  const salutation = data.salutation ?? DEFAULT_SALUTATION;
  if (salutation) layout.paragraph(salutation);
  // The signature goes with the last paragraph: the closing, or without one the body's last paragraph.
  let closing = data.closing ?? DEFAULT_CLOSING;
  let sections = data.sections;
  const last = sections.at(-1);
  if (!closing && last?.kind === 'paragraph') {
    closing = last.text;
    sections = sections.slice(0, -1);
  }
  for (const section of sections) {
    drawSection(layout, section);
  }
  layout.signOff(closing, data.signer);
  if (data.footerNote) layout.note(data.footerNote);
}

function drawReference(layout: PdfLayout, data: LetterData): void {
  const rows = [
    { label: 'Nomor', value: data.number },
    { label: 'Sifat', value: data.nature ?? 'Biasa' },
    { label: 'Lampiran', value: data.attachments ?? '-' },
    { label: 'Perihal', value: data.subject, strong: true },
  ];
  layout.table(rows, { labelWidth: REFERENCE_LABEL_WIDTH });
}

function drawRecipient(layout: PdfLayout, data: LetterData): void {
  layout.lines(['Kepada Yth.']);
  layout.lines([data.recipient.name], { bold: true });
  layout.lines(data.recipient.lines ?? []);
}

function drawSection(layout: PdfLayout, section: LetterSection): void {
  switch (section.kind) {
    case 'paragraph':
      return layout.paragraph(section.text);
    case 'heading':
      return layout.heading(section.text);
    case 'fields':
      return layout.table(section.rows, { labelWidth: FIELDS_LABEL_WIDTH });
    case 'list':
      return layout.numberedList(section.items);
    default:
      return assertNever(section);
  }
}

function assertNever(section: never): never {
  throw new Error(`Unknown letter section: ${JSON.stringify(section)}`);
}
