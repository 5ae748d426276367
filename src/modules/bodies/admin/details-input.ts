/**
 * The forms of a body's and a unit's letter details, checked field by field so that every
 * problem is named at once, beside its field, in Bahasa Indonesia. Pure: form values in, the
 * values to store (or the messages) out.
 */
import { isEmail, isURL } from 'class-validator';
import { nipProblem, normalizeNip } from 'src/modules/bodies/nip';
import { parseDayHours, ServiceHours, WEEKDAYS } from 'src/modules/bodies/service-hours';
import type { BodyDetails, UnitDetails } from './bodies-admin.repository';

export type FormValues = Record<string, string | undefined>;

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

export const BODY_DETAIL_FIELDS = ['address', 'phone', 'email', 'website', ...WEEKDAYS.map((d) => `hours_${d}`)];
export const UNIT_DETAIL_FIELDS = ['address', 'phone', 'email', 'signerName', 'signerPosition', 'signerNip'];

const REQUIRED = 'wajib diisi.';
/** Digits with the usual separators: '(031) 5312144', '+62 31 5312144', '031-5312144 ext. 12'. */
const PHONE = /^[0-9+()\-./\s]+(\s*(ext|psw)\.?\s*\d{1,5})?$/i;

/** A text field: whitespace runs folded, control characters dropped, '' when absent. */
function text(value: string | undefined): string {
  return (value ?? '').replace(/[\p{Cc}]/gu, ' ').replace(/\s+/g, ' ').trim();
}

function checkLength(errors: Record<string, string>, field: string, value: string, label: string, max: number): void {
  if (value.length > max) errors[field] = `${label} paling banyak ${max} karakter.`;
}

function checkPhone(errors: Record<string, string>, field: string, value: string): void {
  if (value === '') return;
  const digits = value.replace(/\D/g, '').length;
  if (!PHONE.test(value) || digits < 5 || value.length > 40) errors[field] = 'Tulis nomor telepon dengan angka, mis. (031) 5312144.';
}

function checkEmail(errors: Record<string, string>, field: string, value: string): void {
  if (value !== '' && (!isEmail(value) || value.length > 254)) errors[field] = 'Masukkan alamat e-mail yang valid, mis. ppid@instansi.go.id.';
}

/** Website with or without 'https://'; stored with it. */
function website(errors: Record<string, string>, value: string): string | null {
  if (value === '') return null;
  const url = /^https?:\/\//i.test(value) ? value : `https://${value}`;
  if (url.length > 200 || !isURL(url, { protocols: ['http', 'https'], require_protocol: true, require_tld: true })) {
    errors.website = 'Masukkan alamat situs web yang valid, mis. https://ppid.surabaya.go.id.';
    return null;
  }
  return url;
}

export function checkBodyDetails(form: FormValues): Checked<BodyDetails> {
  const errors: Record<string, string> = {};
  const address = text(form.address);
  const phone = text(form.phone);
  const email = text(form.email).toLowerCase();
  if (address === '') errors.address = `Alamat kantor ${REQUIRED}`;
  checkLength(errors, 'address', address, 'Alamat kantor', 300);
  if (phone === '') errors.phone = `Nomor telepon ${REQUIRED}`;
  checkPhone(errors, 'phone', phone);
  if (email === '') errors.email = `E-mail ${REQUIRED}`;
  checkEmail(errors, 'email', email);
  const site = website(errors, text(form.website));
  const hours = {} as ServiceHours;
  for (const day of WEEKDAYS) {
    const parsed = parseDayHours(text(form[`hours_${day}`]));
    if (parsed.ok) hours[day] = parsed.hours;
    else errors[`hours_${day}`] = parsed.message;
  }
  if (!Object.keys(errors).some((f) => f.startsWith('hours_')) && WEEKDAYS.every((d) => hours[d] === null)) {
    errors.hours_mon = 'Jam layanan wajib diisi paling sedikit untuk satu hari.';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { address, phone, email, website: site, serviceHours: hours } };
}

export function checkUnitDetails(form: FormValues): Checked<UnitDetails> {
  const errors: Record<string, string> = {};
  const address = text(form.address);
  const phone = text(form.phone);
  const email = text(form.email).toLowerCase();
  const signerName = text(form.signerName);
  const signerPosition = text(form.signerPosition);
  const signerNip = normalizeNip(text(form.signerNip));
  checkLength(errors, 'address', address, 'Alamat unit', 300);
  checkPhone(errors, 'phone', phone);
  checkEmail(errors, 'email', email);
  if (signerName === '') errors.signerName = `Nama penanda tangan ${REQUIRED}`;
  checkLength(errors, 'signerName', signerName, 'Nama penanda tangan', 150);
  if (signerPosition === '') errors.signerPosition = `Jabatan penanda tangan ${REQUIRED}`;
  checkLength(errors, 'signerPosition', signerPosition, 'Jabatan penanda tangan', 200);
  if (signerNip === '') errors.signerNip = `NIP penanda tangan ${REQUIRED}`;
  else {
    const problem = nipProblem(signerNip);
    if (problem) errors.signerNip = problem;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: { address: address || null, phone: phone || null, email: email || null, signerName, signerPosition, signerNip },
  };
}
