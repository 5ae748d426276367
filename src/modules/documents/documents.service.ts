import { Injectable } from '@nestjs/common';
import { LetterData, ReceiptData } from './document-data';
import { drawLetter, LETTER_FONT_SIZE, letterMeta } from './letter-template';
import { PdfLayout } from './pdf-layout';
import { drawReceipt, RECEIPT_FONT_SIZE, receiptMeta } from './receipt-template';

/** The portal's one door to PDF: every document the portal issues is rendered here. */
@Injectable()
export class DocumentsService {
  /** Tanda bukti penerimaan permohonan informasi publik. */
  async renderReceipt(data: ReceiptData): Promise<Buffer> {
    const layout = new PdfLayout(receiptMeta(data), RECEIPT_FONT_SIZE);
    drawReceipt(layout, data);
    return layout.finish();
  }

  /** A letter in Indonesian government style (extension, written notice, refusal, …). */
  async renderLetter(data: LetterData): Promise<Buffer> {
    const layout = new PdfLayout(letterMeta(data), LETTER_FONT_SIZE);
    drawLetter(layout, data);
    return layout.finish();
  }
}
