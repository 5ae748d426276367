import type ExcelJS from 'exceljs';
import { loadEsm } from 'src/common/files/load-esm';
import { csvLine } from 'src/common/files/csv-cells';
import { RegisterEntry } from './register-entry';
import { CellValue, feeText, REGISTER_COLUMNS, registerCells } from './register-columns';

/** A register as a table: its columns and the cells of each row, in column order. */
export interface RegisterTable {
  sheetName: string;
  columns: readonly { key: string; header: string; pdfWidth: number }[];
  rows: CellValue[][];
}

/** The register permohonan as a table. */
export function requestTable(entries: RegisterEntry[]): RegisterTable {
  return { sheetName: 'Register permohonan', columns: REGISTER_COLUMNS, rows: entries.map(registerCells) };
}

/** The CSV: a BOM for spreadsheets, the headings, one line per entry; formula-like cells defused (csvCell). */
export function tableCsv(table: RegisterTable): string {
  return `\uFEFF${csvLine(table.columns.map((c) => c.header))}${table.rows.map((r) => csvLine(r)).join('')}`;
}

export function registerCsv(entries: RegisterEntry[]): string {
  return tableCsv(requestTable(entries));
}

/** The XLSX: one sheet, bold frozen headings, text cells written as text (never as formulas). */
export async function tableXlsx(table: RegisterTable, title: string): Promise<Buffer> {
  // Loaded on first use: large, and only downloads need it.
  const { Workbook } = await loadEsm<typeof ExcelJS>('exceljs');
  const book = new Workbook();
  book.creator = 'Portal KIP';
  const sheet = book.addWorksheet(table.sheetName, { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: { orientation: 'landscape' } });
  sheet.columns = table.columns.map((c) => ({ header: c.header, key: c.key, width: Math.round(c.pdfWidth / 2.5) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  sheet.headerFooter.oddHeader = title.replace(/&/g, '&&');
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function registerXlsx(entries: RegisterEntry[], title: string): Promise<Buffer> {
  return tableXlsx(requestTable(entries), title);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A cell as the PDF prints it: dates as DD-MM-YYYY, fees in rupiah. */
export function pdfCell(key: string, value: CellValue): string {
  if (value === null) return '—';
  if (key === 'biaya' && typeof value === 'number') return feeText(value) ?? '—';
  if (typeof value === 'string' && DATE.test(value)) return value.split('-').reverse().join('-');
  return String(value);
}
