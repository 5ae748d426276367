import { TextField } from 'src/common/forms/fields';

/** Query of /biro/permohonan: body, period (tahun/triwulan or dari/sampai), state, figure, page. */
export class BureauQueueQuery {
  @TextField({ label: 'Badan publik', max: 20, required: false }) badan?: string;
  @TextField({ label: 'Tahun', max: 10, required: false }) tahun?: string;
  @TextField({ label: 'Triwulan', max: 10, required: false }) triwulan?: string;
  @TextField({ label: 'Dari tanggal', max: 20, required: false }) dari?: string;
  @TextField({ label: 'Sampai tanggal', max: 20, required: false }) sampai?: string;
  @TextField({ label: 'Status', max: 30, required: false }) status?: string;
  @TextField({ label: 'Angka', max: 30, required: false }) metrik?: string;
  @TextField({ label: 'Halaman', max: 10, required: false }) halaman?: string;
}
