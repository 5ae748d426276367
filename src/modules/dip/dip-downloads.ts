import type ExcelJS from 'exceljs';
import { loadEsm } from 'src/common/files/load-esm';
import type { RegisterDocumentData } from 'src/modules/documents';
import { DIP_COLUMNS, dipRows, filterText } from './dip.presenter';
import { DipPublicList } from './dip.service';

const PDF_CELL_LIMIT = 600;

function clip(text: string): string {
  return text.length > PDF_CELL_LIMIT ? `${text.slice(0, PDF_CELL_LIMIT - 1)}…` : text;
}

/** The DIP as the documents module prints a register: A4 landscape, the usual DIP columns. */
export function dipDocument(list: DipPublicList, producedAtText: string, pageUrl: string): RegisterDocumentData {
  return {
    title: 'Daftar Informasi Publik',
    subtitleLines: [list.body.name, ...filterText(list)],
    columns: DIP_COLUMNS.map((c) => ({ header: c.header, width: c.pdfWidth })),
    rows: dipRows(list.items).map((r) => r.map(clip)),
    note: [
      `Dibuat oleh Portal KIP pada ${producedAtText}. ${list.items.length} informasi. Daftar terkini dan berkasnya: ${pageUrl}.`,
      'Informasi yang dikecualikan hanya disebut judul dan alasan pengecualiannya (Pasal 17 UU 14/2008).',
      'Teks yang sangat panjang dipotong; isi lengkapnya ada pada unduhan XLSX.',
    ].join(' '),
  };
}

/** The DIP as a workbook: one sheet with the same columns, bold frozen headings, text written as text. */
export async function dipXlsx(list: DipPublicList, pageUrl: string): Promise<Buffer> {
  const { Workbook } = await loadEsm<typeof ExcelJS>('exceljs');
  const book = new Workbook();
  book.creator = 'Portal KIP';
  const sheet = book.addWorksheet('DIP', { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: { orientation: 'landscape' } });
  sheet.columns = [
    ...DIP_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.xlsxWidth })),
    { header: 'Alamat halaman', key: 'alamat', width: 40 },
  ];
  sheet.getRow(1).font = { bold: true };
  const rows = dipRows(list.items);
  rows.forEach((cells, i) => {
    const row = sheet.addRow([Number(cells[0]), ...cells.slice(1).map(textCell), `${pageUrl}/${list.items[i].item.id}`]);
    row.alignment = { wrapText: true, vertical: 'top' };
  });
  sheet.headerFooter.oddHeader = `Daftar Informasi Publik ${list.body.name}`.replace(/&/g, '&&');
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A cell a spreadsheet would read as a formula is kept as text. */
function textCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
