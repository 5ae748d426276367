/**
 * Tanda bukti penerimaan permohonan informasi publik (UU 14/2008 Pasal 22 ayat (4)–(5)).
 * Shows the number, the statutory due date and how it was computed, and how to follow the
 * request. It carries no NIK, address or telephone number: the receipt is often forwarded.
 */
import { ReceiptData } from './document-data';
import { DocumentMeta, PdfLayout, TableRow } from './pdf-layout';

export const RECEIPT_TITLE = 'Tanda Bukti Penerimaan Permohonan Informasi Publik';
export const RECEIPT_FONT_SIZE = 10;
const LABEL_WIDTH = 158;
const PROVISIONAL_NOTE = '(sementara: daftar libur tahun itu belum ditetapkan)';

export function receiptMeta(data: ReceiptData): DocumentMeta {
  return {
    title: `${RECEIPT_TITLE} ${data.registrationNumber}`,
    author: data.bodyName,
    subject: `Permohonan informasi publik nomor ${data.registrationNumber} pada ${data.unitName}`,
    reference: `${RECEIPT_TITLE} · ${data.registrationNumber}`,
  };
}

export function drawReceipt(layout: PdfLayout, data: ReceiptData): void {
  layout.letterhead({ bodyName: data.bodyName, unitName: data.unitName });
  layout.centered(RECEIPT_TITLE.toUpperCase(), { bold: true, size: RECEIPT_FONT_SIZE + 1 });
  layout.centered(`Nomor Pendaftaran: ${data.registrationNumber}`, { bold: true });
  layout.space(1);
  layout.paragraph(
    `Permohonan informasi publik berikut telah diterima dan dicatat dalam register permohonan ${data.unitName}. ` +
      'Nomor pendaftaran di atas adalah tanda bukti penerimaan permohonan ' +
      '(Pasal 22 ayat (4) dan (5) Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik).',
  );
  drawRequest(layout, data);
  drawDeadline(layout, data);
  drawTracking(layout, data);
  layout.note(
    `Dokumen ini dibuat secara elektronik oleh Portal KIP pada ${data.issuedAtText} dan tidak memerlukan tanda tangan.`,
  );
}

function drawRequest(layout: PdfLayout, data: ReceiptData): void {
  const rows: TableRow[] = [
    { label: 'Nomor pendaftaran', value: data.registrationNumber, strong: true },
    { label: 'Diterima', value: data.receivedAtText },
    { label: 'Saluran', value: data.channelLabel },
    { label: 'Dihitung diterima (hari ke-0)', value: data.effectiveReceiptDateText },
    { label: 'Nama pemohon', value: data.requesterName },
    { label: 'Jenis pemohon', value: data.requesterTypeLabel },
    { label: 'Rincian informasi', value: data.information },
    { label: 'Tujuan penggunaan informasi', value: data.purpose },
    { label: 'Cara memperoleh informasi', value: data.obtainMethodLabel },
  ];
  if (data.copyDeliveryLabel !== null) {
    rows.push({ label: 'Cara mendapatkan salinan', value: data.copyDeliveryLabel });
  }
  layout.heading('Data permohonan');
  layout.table(rows, { labelWidth: LABEL_WIDTH });
}

function drawDeadline(layout: PdfLayout, data: ReceiptData): void {
  const note = data.dueProvisional ? PROVISIONAL_NOTE : undefined;
  layout.heading('Batas waktu pemberitahuan tertulis');
  layout.table([{ label: 'Paling lambat', value: data.dueDateText, strong: true, note }], { labelWidth: LABEL_WIDTH });
  layout.paragraph(data.dueExplanation);
  layout.paragraph(
    'Badan publik wajib menyampaikan pemberitahuan tertulis paling lambat 10 (sepuluh) hari kerja sejak ' +
      'permohonan diterima dan dapat memperpanjangnya satu kali paling lambat 7 (tujuh) hari kerja berikutnya ' +
      'dengan alasan tertulis (Pasal 22 ayat (7) dan (8)). Jika permohonan tidak ditanggapi sampai batas waktu, ' +
      'Anda dapat mengajukan keberatan kepada atasan PPID (Pasal 35 ayat (1) huruf c).',
    { size: RECEIPT_FONT_SIZE - 1 },
  );
}

function drawTracking(layout: PdfLayout, data: ReceiptData): void {
  layout.heading('Memantau permohonan');
  layout.table(
    [
      { label: 'Kode lacak', value: data.trackingCode, strong: true },
      { label: 'Alamat pelacakan', value: data.trackingUrl, link: data.trackingUrl },
    ],
    { labelWidth: LABEL_WIDTH },
  );
  layout.paragraph(
    'Simpan nomor pendaftaran dan kode lacak ini. Keduanya diperlukan untuk melihat status permohonan, ' +
      'menerima surat dan dokumen, serta mengajukan keberatan. Jangan bagikan kode lacak kepada orang lain.',
    { size: RECEIPT_FONT_SIZE - 1 },
  );
}
