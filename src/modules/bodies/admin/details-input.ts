/**
 * The forms of a body's and a unit's letter details, as DTOs with the portal's field decorators
 * (src/common/forms/fields.ts): every problem named at once, beside its field, in Bahasa Indonesia.
 */
import { isEmail, isURL } from 'class-validator';
import { TextField } from 'src/common/forms/fields';
import { validateDto } from 'src/common/forms/validate-dto';
import { nipProblem, normalizeNip } from 'src/modules/bodies/nip';
import { parseDayHours, ServiceHours, Weekday, WEEKDAYS } from 'src/modules/bodies/service-hours';
import type { BodyDetails, UnitDetails } from './bodies-admin.repository';

export type FormValues = Record<string, string | undefined>;

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

export const BODY_DETAIL_FIELDS = ['address', 'phone', 'email', 'website', ...WEEKDAYS.map((d) => `hours_${d}`), 'atasanName', 'atasanPosition', 'atasanAddress'];
export const UNIT_DETAIL_FIELDS = ['address', 'phone', 'email', 'signerName', 'signerPosition', 'signerNip'];

/** Whitespace runs folded to one space. */
const folded = (text: string): string => text.replace(/\s+/g, ' ');
/** Digits with the usual separators: '(031) 5312144', '+62 31 5312144', '031-5312144 ext. 12'. */
const PHONE = /^[0-9+()\-./\s]+(\s*(ext|psw)\.?\s*\d{1,5})?$/i;

const phone = { test: (t: string) => PHONE.test(t) && t.replace(/\D/g, '').length >= 5, message: 'Tulis nomor telepon dengan angka, mis. (031) 5312144.' };
const email = { test: (t: string) => isEmail(t), message: 'Masukkan alamat e-mail yang valid, mis. ppid@instansi.go.id.' };
const hours = { test: (t: string) => parseDayHours(t).ok, message: 'Tulis jam layanan seperti 08.00–15.00, atau kosongkan bila tutup.' };

/** Website with or without 'https://'; stored with it. */
function withScheme(text: string): string {
  return /^https?:\/\//i.test(text) ? text : `https://${text}`;
}

const hoursField = (label: string) => TextField({ label: `Jam layanan ${label}`, max: 40, required: false, pattern: hours });

export class BodyDetailsDto {
  @TextField({ label: 'Alamat kantor', max: 300, normalize: folded })
  address: string;

  @TextField({ label: 'Nomor telepon', max: 40, normalize: folded, pattern: phone })
  phone: string;

  @TextField({ label: 'E-mail', max: 254, normalize: (t) => t.toLowerCase(), pattern: email })
  email: string;

  @TextField({
    label: 'Situs web',
    max: 200,
    required: false,
    normalize: withScheme,
    pattern: { test: (t) => isURL(t, { protocols: ['http', 'https'], require_protocol: true, require_tld: true }), message: 'Masukkan alamat situs web yang valid, mis. https://ppid.surabaya.go.id.' },
  })
  website?: string;

  @hoursField('Senin') hours_mon?: string;
  @hoursField('Selasa') hours_tue?: string;
  @hoursField('Rabu') hours_wed?: string;
  @hoursField('Kamis') hours_thu?: string;
  @hoursField('Jumat') hours_fri?: string;
  @hoursField('Sabtu') hours_sat?: string;
  @hoursField('Minggu') hours_sun?: string;

  @TextField({ label: 'Nama atasan PPID', max: 150, required: false, normalize: folded })
  atasanName?: string;

  @TextField({ label: 'Jabatan atasan PPID', max: 200, required: false, normalize: folded })
  atasanPosition?: string;

  @TextField({ label: 'Alamat pengajuan keberatan', max: 300, required: false, normalize: folded })
  atasanAddress?: string;
}

export class UnitDetailsDto {
  @TextField({ label: 'Alamat unit', max: 300, required: false, normalize: folded })
  address?: string;

  @TextField({ label: 'Nomor telepon', max: 40, required: false, normalize: folded, pattern: phone })
  phone?: string;

  @TextField({ label: 'E-mail', max: 254, required: false, normalize: (t) => t.toLowerCase(), pattern: email })
  email?: string;

  @TextField({ label: 'Nama penanda tangan', max: 150, normalize: folded })
  signerName: string;

  @TextField({ label: 'Jabatan penanda tangan', max: 200, normalize: folded })
  signerPosition: string;

  @TextField({ label: 'NIP penanda tangan', max: 40, normalize: normalizeNip, pattern: { test: (t) => nipProblem(t) === null, message: 'NIP tidak valid.' } })
  signerNip: string;
}

/** The week's hours when every day's text is valid: null for a closed or empty day. */
function weekOf(form: FormValues): ServiceHours | null {
  const week = {} as ServiceHours;
  for (const day of WEEKDAYS) {
    const parsed = parseDayHours(String(form[`hours_${day}` as `hours_${Weekday}`] ?? ''));
    if (!parsed.ok) return null;
    week[day] = parsed.hours;
  }
  return week;
}

export function checkBodyDetails(form: FormValues): Checked<BodyDetails> {
  const checked = validateDto(BodyDetailsDto, form);
  const week = weekOf(form);
  // Cross-field: an office serves on at least one day (said beside Monday, once every day reads).
  const closedAllWeek = week !== null && WEEKDAYS.every((d) => week[d] === null);
  if (checked.errors || closedAllWeek) {
    const errors = { ...(checked.errors ?? {}) };
    // A day's own rule says exactly what is wrong with its hours.
    for (const day of WEEKDAYS) {
      const parsed = parseDayHours(String(form[`hours_${day}`] ?? ''));
      if (errors[`hours_${day}`] && !parsed.ok) errors[`hours_${day}`] = parsed.message;
    }
    if (closedAllWeek) errors.hours_mon = 'Jam layanan wajib diisi paling sedikit untuk satu hari.';
    return { ok: false, errors };
  }
  const dto = checked.value;
  const serviceHours = week as ServiceHours;
  return {
    ok: true,
    value: {
      address: dto.address,
      phone: dto.phone,
      email: dto.email,
      website: dto.website ?? null,
      serviceHours,
      atasanName: dto.atasanName || null,
      atasanPosition: dto.atasanPosition || null,
      atasanAddress: dto.atasanAddress || null,
    },
  };
}

export function checkUnitDetails(form: FormValues): Checked<UnitDetails> {
  const checked = validateDto(UnitDetailsDto, form);
  if (checked.errors) {
    // The NIP's own rule says exactly what is wrong with it.
    const nip = normalizeNip(String(form.signerNip ?? '').trim());
    if (checked.errors.signerNip && nip !== '') checked.errors.signerNip = nipProblem(nip) ?? checked.errors.signerNip;
    return { ok: false, errors: checked.errors };
  }
  const dto = checked.value;
  return {
    ok: true,
    value: {
      address: dto.address || null,
      phone: dto.phone || null,
      email: dto.email || null,
      signerName: dto.signerName,
      signerPosition: dto.signerPosition,
      signerNip: dto.signerNip,
    },
  };
}
