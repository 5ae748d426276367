import type { Response } from 'express';
import { formatInstant } from 'src/common/views/view-helpers';
import { DocumentsService } from 'src/modules/documents';
import { ObjectionRegisterEntry, objectionCells, OBJECTION_COLUMNS } from './objection-register';
import { requestTable, RegisterTable, tableCsv, tableXlsx } from './register-files';
import { objectionRegisterDocument, registerDocument } from './register.presenter';
import { RegisterExport, RegisterFormat } from './registers.service';

const MEDIA_TYPES: Record<RegisterFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

async function send(
  res: Response,
  file: { slug: string; label: string; table: RegisterTable; pdf: () => Promise<Buffer> },
  data: RegisterExport<unknown>,
  format: RegisterFormat,
): Promise<void> {
  const name = `${file.slug}-${data.scope.body.id}${data.scope.unit ? `-unit-${data.scope.unit.id}` : ''}-${data.query.from}-${data.query.to}.${format}`;
  const title = `${file.label} ${data.scope.unit?.name ?? data.scope.body.name}, ${data.query.from} s.d. ${data.query.to}`;
  const body = format === 'csv' ? tableCsv(file.table) : format === 'xlsx' ? await tableXlsx(file.table, title) : await file.pdf();
  res
    .status(200)
    .set({ 'Content-Type': MEDIA_TYPES[format], 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-store' })
    .send(body);
}

/** Sends a register permohonan download: CSV, XLSX or the landscape PDF, never cached (it may hold personal data). */
export async function sendRegister(
  res: Response,
  documents: DocumentsService,
  data: RegisterExport,
  format: RegisterFormat,
  timeZone: string,
  now: Date,
): Promise<void> {
  await send(
    res,
    {
      slug: 'register-permohonan',
      label: 'Register permohonan',
      table: requestTable(data.entries),
      pdf: () => documents.renderRegister(registerDocument(data, formatInstant(now, timeZone))),
    },
    data,
    format,
  );
}

/** Sends a register keberatan download, like the register permohonan's. */
export async function sendObjectionRegister(
  res: Response,
  documents: DocumentsService,
  data: RegisterExport<ObjectionRegisterEntry>,
  format: RegisterFormat,
  timeZone: string,
  now: Date,
): Promise<void> {
  await send(
    res,
    {
      slug: 'register-keberatan',
      label: 'Register keberatan',
      table: { sheetName: 'Register keberatan', columns: OBJECTION_COLUMNS, rows: data.entries.map(objectionCells) },
      pdf: () => documents.renderRegister(objectionRegisterDocument(data, formatInstant(now, timeZone))),
    },
    data,
    format,
  );
}
