import type { Response } from 'express';
import { formatInstant } from 'src/common/views/view-helpers';
import { DocumentsService } from 'src/modules/documents';
import { registerCsv, registerXlsx } from './register-files';
import { registerDocument } from './register.presenter';
import { RegisterExport, RegisterFormat } from './registers.service';

const MEDIA_TYPES: Record<RegisterFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** Sends a register download: CSV, XLSX or the landscape PDF, never cached (it may hold personal data). */
export async function sendRegister(
  res: Response,
  documents: DocumentsService,
  data: RegisterExport,
  format: RegisterFormat,
  timeZone: string,
  now: Date,
): Promise<void> {
  const name = `register-permohonan-${data.scope.body.id}${data.scope.unit ? `-unit-${data.scope.unit.id}` : ''}-${data.query.from}-${data.query.to}.${format}`;
  const title = `Register permohonan ${data.scope.unit?.name ?? data.scope.body.name}, ${data.query.from} s.d. ${data.query.to}`;
  const body =
    format === 'csv'
      ? registerCsv(data.entries)
      : format === 'xlsx'
        ? await registerXlsx(data.entries, title)
        : await documents.renderRegister(registerDocument(data, formatInstant(now, timeZone)));
  res
    .status(200)
    .set({ 'Content-Type': MEDIA_TYPES[format], 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-store' })
    .send(body);
}
