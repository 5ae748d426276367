import type ExcelJS from 'exceljs';
import { loadEsm } from 'src/common/files/load-esm';
import { INDEX_COMPONENTS } from 'src/config/scorecard-weights';
import { scorecardRows, SCORECARD_COLUMNS } from './scorecards-csv';
import { COMPONENT_LABELS, INDEX_LABEL, periodLabel } from './scorecards.presenter';
import { MonevBeside } from './scorecards-monev';
import { correlationView, MONEV_LABEL } from './scorecards-monev.presenter';
import { ProvinceScorecards } from './scorecards.service';

/** The ranking as an Excel workbook: the same columns as the CSV, and a sheet with the method. */
export async function scorecardsXlsx(p: ProvinceScorecards, monev: MonevBeside | null = null): Promise<Buffer> {
  // Loaded on first use, as the registers' workbooks are: the library is large.
  const { Workbook } = await loadEsm<typeof ExcelJS>('exceljs');
  const book = new Workbook();
  book.creator = 'Portal KIP';
  const ranking = book.addWorksheet('Peringkat', { views: [{ state: 'frozen', ySplit: 1 }] });
  ranking.addRow([...SCORECARD_COLUMNS]).font = { bold: true };
  for (const row of scorecardRows(p, monev)) ranking.addRow(row.map((v) => (v === null ? null : v)));
  ranking.columns.forEach((col, i) => {
    col.width = i === 1 ? 36 : Math.max(10, SCORECARD_COLUMNS[i].length + 2);
  });
  const method = book.addWorksheet('Metode');
  method.addRow([`${INDEX_LABEL} — ${periodLabel(p.period)} (${p.period.from} s.d. ${p.period.to}); bukan hasil monev Komisi Informasi`]);
  method.addRow([`Data sampai ${p.asOf}; badan publik dengan kurang dari ${p.minRequests} permohonan tidak diberi peringkat`]);
  method.addRow([]);
  method.addRow(['komponen', 'bobot', 'tersedia', 'rumus']).font = { bold: true };
  for (const c of INDEX_COMPONENTS) {
    method.addRow([COMPONENT_LABELS[c].name, p.weights[c], p.notAvailable.includes(c) ? 'tidak' : 'ya', COMPONENT_LABELS[c].formula]);
  }
  if (monev) {
    method.addRow([]);
    method.addRow([`${MONEV_LABEL} ${monev.year} (kolom monev_ki_*): data eksternal yang diimpor Biro, ditampilkan di samping indeks dan tidak digabung ke dalamnya`]);
    method.addRow([correlationView(monev).sentence]);
  }
  method.getColumn(1).width = 32;
  method.getColumn(4).width = 90;
  return Buffer.from(await book.xlsx.writeBuffer());
}
