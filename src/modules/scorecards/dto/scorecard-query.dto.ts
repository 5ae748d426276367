import { ChoiceField, TextField } from 'src/common/forms/fields';

/** Query of GET /api/v1/scorecards: a year, a quarter of it, or a date range (province time zone). */
export class ScorecardApiQuery {
  @TextField({ label: 'Tahun', max: 10, required: false, example: '2026', description: 'Year; the current year when nothing is given' })
  year?: string;

  @TextField({ label: 'Triwulan', max: 10, required: false, example: '1', description: 'Quarter 1–4 of the year' })
  quarter?: string;

  @TextField({ label: 'Tanggal awal', max: 20, required: false, example: '2026-01-01', description: 'First day of a date range (instead of year/quarter)' })
  from?: string;

  @TextField({ label: 'Tanggal akhir', max: 20, required: false, example: '2026-03-31', description: 'Last day of a date range' })
  to?: string;

  @ChoiceField({ label: 'Format', values: ['json', 'csv', 'xlsx', 'pdf'] as const, message: 'Format harus json, csv, xlsx atau pdf.', required: false })
  format?: 'json' | 'csv' | 'xlsx' | 'pdf';
}

/** Query of /peringkat and /peringkat/<kode>: tahun and triwulan as the page's selector sends them, or dari and sampai. */
export class ScorecardPageQuery {
  @TextField({ label: 'Tahun', max: 10, required: false }) tahun?: string;
  @TextField({ label: 'Triwulan', max: 10, required: false }) triwulan?: string;
  @TextField({ label: 'Dari tanggal', max: 20, required: false }) dari?: string;
  @TextField({ label: 'Sampai tanggal', max: 20, required: false }) sampai?: string;
}

/** A blank parameter is the same as none. */
export function given(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
