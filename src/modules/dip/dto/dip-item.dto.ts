import { ChoiceField, contextOf, FieldRule, LocalDateField, TextField, TextListField, WholeNumberField } from 'src/common/forms/fields';
import { isValidLocalDate } from 'src/common/time/local-time';
import { EXEMPTION_GROUNDS, ExemptionGround } from 'src/modules/requests';
import { CATEGORY_LABELS, DipCategory, DipForm, FORM_LABELS, groundNeedsEndDate, isDipCategory, linkProblem, periodProblem, periodRule } from '../dip-categories';

type Input = Record<string, unknown>;

const validDate = (v: unknown): v is string => typeof v === 'string' && isValidLocalDate(v);
/** The local date of the change, given by the service (validateDto's context). */
function todayOf(o: Input): string | null {
  const today = contextOf(o).today;
  return typeof today === 'string' ? today : null;
}
const category = (o: Input): DipCategory | null => (isDipCategory(o.category) ? o.category : null);
const exempt = (o: Input): boolean => o.category === 'dikecualikan';
/** A period given, or a category that needs one. */
const hasRhythm = (o: Input): boolean => {
  const c = category(o);
  return c !== null && periodRule(c) !== 'none' && (periodRule(c) === 'required' || (o.updatePeriodMonths !== undefined && o.updatePeriodMonths !== null && o.updatePeriodMonths !== ''));
};

/**
 * One item of the Daftar Informasi Publik, as officers create or edit it (page form and API alike):
 * the columns of the usual DIP table, its category's own fields and its links. Files come beside it
 * as uploads (pages) and are checked by their bytes.
 */
export class DipItemDto {
  @WholeNumberField({ label: 'Unit PPID', min: 1, max: 2147483647, message: 'Pilih unit PPID dari daftar.', description: 'The PPID unit that holds the information (pejabat/unit penguasa)' })
  unitId: number;

  @ChoiceField({ label: 'Kategori informasi', values: CATEGORY_LABELS, message: 'Kategori informasi tidak dikenal: pilih berkala, serta merta, tersedia setiap saat atau dikecualikan.' })
  category: DipCategory;

  @TextField({ label: 'Judul informasi', min: 3, max: 300, example: 'Laporan Realisasi Anggaran Semester I 2026' })
  title: string;

  @TextField({ label: 'Ringkasan isi informasi', min: 10, max: 4000 })
  summary: string;

  @TextField({ label: 'Penanggung jawab', max: 200, description: 'The official responsible for the information (jabatan)', example: 'Kepala Bidang Anggaran' })
  responsibleOfficial: string;

  @TextField({ label: 'Waktu pembuatan', max: 100, description: 'When it was made, e.g. "Juli 2026" or "Setiap semester"', example: 'Juli 2026' })
  madeWhen: string;

  @TextField({ label: 'Tempat pembuatan', max: 200, description: 'Where it was made (the office or the city)', example: 'Badan Pengelolaan Keuangan Daerah, Surabaya' })
  madeWhere: string;

  @ChoiceField({ label: 'Bentuk informasi', values: FORM_LABELS, message: 'Bentuk informasi: pilih tercetak, elektronik, atau keduanya.' })
  form: DipForm;

  @TextField({ label: 'Jangka waktu penyimpanan', max: 100, example: '10 tahun' })
  retention: string;

  @FieldRule('periodOfCategory', (v, o) => typeof v !== 'number' || category(o) === null || periodProblem(category(o)!, v) === null, (o) => periodProblem(category(o)!, o.updatePeriodMonths as number) ?? '')
  @WholeNumberField({
    label: 'Jangka waktu pemutakhiran',
    min: 1,
    max: 12,
    message: 'Jangka waktu pemutakhiran: pilih 1, 3, 6 atau 12 bulan.',
    required: (o) => o.category === 'berkala',
    description: 'Months between updates: 1, 3 or 6 for berkala (Pasal 9: at least every six months), also 12 for items available at any time; ignored for the other categories',
  })
  updatePeriodMonths?: number;

  @FieldRule('notInFuture', (v, o) => !validDate(v) || todayOf(o) === null || v <= todayOf(o)!, () => 'Tanggal pemutakhiran terakhir tidak boleh sesudah hari ini.')
  @LocalDateField({
    label: 'Tanggal pemutakhiran terakhir',
    message: 'Tanggal pemutakhiran terakhir harus berbentuk TTTT-BB-HH, mis. 2026-01-31.',
    required: hasRhythm,
    description: 'When the information was last brought up to date; required with a period',
  })
  lastUpdatedOn?: string;

  @ChoiceField({ label: 'Alasan pengecualian (Pasal 17)', values: EXEMPTION_GROUNDS, message: 'Alasan pengecualian: pilih huruf a sampai j Pasal 17.', required: exempt, description: 'Pasal 17 ground a–j; required for dikecualikan' })
  exemptionGround?: ExemptionGround;

  @TextField({
    label: 'Undang-undang yang menutup informasi',
    max: 300,
    required: (o) => exempt(o) && o.exemptionGround === 'j',
    description: 'For ground j: the law that closes the information',
  })
  exemptionLaw?: string;

  @FieldRule('afterToday', (v, o) => !exempt(o) || !validDate(v) || todayOf(o) === null || v > todayOf(o)!, () => 'Tanggal akhir pengecualian harus sesudah hari ini (Pasal 20).')
  @LocalDateField({
    label: 'Tanggal akhir pengecualian',
    message: 'Tanggal akhir pengecualian harus berbentuk TTTT-BB-HH, mis. 2028-12-31.',
    required: (o) => exempt(o) && groundNeedsEndDate(o.exemptionGround as string),
    description: 'End or review date of the exemption; required for grounds a–f (Pasal 20)',
  })
  exemptionUntil?: string;

  @FieldRule('webLinks', (v, o) => !Array.isArray(v) || v.length === 0 || (!exempt(o) && v.every((l) => typeof l !== 'string' || linkProblem(l) === null)), (o) =>
    exempt(o) ? 'Informasi yang dikecualikan tidak diberi tautan: hanya alasan pengecualiannya yang diumumkan.' : ((o.links as string[]).map((l) => linkProblem(l)).find((p) => p !== null) ?? ''),
  )
  @TextListField({ label: 'Tautan', maxItems: 10, maxLength: 500, required: false, description: 'Web addresses (http or https) where the information is published; one per line in the form' })
  links?: string[];
}

/** Withdrawing an item from the list: it stays in its history with the reason. */
export class DipWithdrawalDto {
  @TextField({ label: 'Alasan penarikan', min: 5, max: 1000 })
  reason: string;
}

/** An officer opens an exempted item by hand (Pasal 11(2)): why, e.g. the harm weighed in the test is gone. */
export class DipReclassificationDto {
  @TextField({ label: 'Alasan klasifikasi ulang', min: 10, max: 2000, description: 'Why the information is no longer exempted (kept on the item’s history and shown on its public page)' })
  reason: string;
}
