/** A register on A4 landscape: title, the selection it shows, the ruled table, small print. */
import { RegisterDocumentData } from './document-data';
import { DocumentMeta, PdfLayout } from './pdf-layout';

export const REGISTER_FONT_SIZE = 9;
const CELL_FONT_SIZE = 5.5;

export function registerMeta(data: RegisterDocumentData): DocumentMeta {
  return { title: data.title, author: data.subtitleLines[0] ?? 'Portal KIP', subject: data.title, reference: `${data.title} — ${data.subtitleLines.join(', ')}` };
}

export function drawRegister(layout: PdfLayout, data: RegisterDocumentData): void {
  layout.centered(data.title, { bold: true, size: REGISTER_FONT_SIZE + 3 });
  for (const line of data.subtitleLines) layout.centered(line);
  layout.space(0.5);
  layout.grid(data.columns, data.rows, CELL_FONT_SIZE);
  layout.note(data.note);
}
