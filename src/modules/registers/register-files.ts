import type ExcelJS from 'exceljs';
import { loadEsm } from 'src/common/files/load-esm';
import { csvLine } from 'src/common/files/csv-cells';
import { RegisterEntry } from './register-entry';
import { CellValue, feeText, REGISTER_COLUMNS, registerCells } from './register-columns';

/** The CSV: a BOM for spreadsheets, the headings, one line per entry; formula-like cells defused (csvCell). */
export function registerCsv(entries: RegisterEntry[]): string {
  return `\uFEFF${csvLine(REGISTER_COLUMNS.map((c) => c.header))}${entries.map((e) => csvLine(registerCells(e))).join('')}`;
}

/** The XLSX: one sheet, bold frozen headings, text cells written as text (never as formulas). */
export async function registerXlsx(entries: RegisterEntry[], title: string): Promise<Buffer> {
  // Loaded on first use: large, and only downloads need it.
  const { Workbook } = await loadEsm<typeof ExcelJS>('exceljs');
  const book = new Workbook();
  book.creator = 'Portal KIP';
  const sheet = book.addWorksheet('Register permohonan', { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: { orientation: 'landscape' } });
  sheet.columns = REGISTER_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: Math.round(c.pdfWidth / 2.5) }));
  sheet.getRow(1).font = { bold: true };
  for (const e of entries) sheet.addRow(registerCells(e));
  sheet.headerFooter.oddHeader = title.replace(/&/g, '&&');
  return Buffer.from(await book.xlsx.writeBuffer());
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A cell as the PDF prints it: dates as DD-MM-YYYY, fees in rupiah. */
export function pdfCell(key: string, value: CellValue): string {
  if (value === null) return '—';
  if (key === 'biaya' && typeof value === 'number') return feeText(value) ?? '—';
  if (typeof value === 'string' && DATE.test(value)) return value.split('-').reverse().join('-');
  return String(value);
}
