import { nikProblem, NIK_MESSAGES } from 'src/modules/requests/intake/requester-identity';
import {
  COPY_DELIVERIES,
  CopyDelivery,
  isCopy,
  OBTAIN_METHODS,
  ObtainMethod,
  REQUESTER_TYPES,
  RequesterType,
} from 'src/modules/requests/request-options';

/** A request as the pemohon files it, validated; field paths match the JSON API. */
export interface RequestSubmission {
  unitId: number;
  requester: {
    type: RequesterType;
    name: string;
    nik: string | null;
    registrationNo: string | null;
    address: string;
    phone: string;
    /** Empty only for requests recorded by an officer without an e-mail (phone, letter). */
    email: string;
    occupation: string;
  };
  information: string;
  purpose: string;
  obtainMethod: ObtainMethod;
  copyDelivery: CopyDelivery | null;
}

export type FieldErrors = Record<string, string>;

const LIMITS = { name: 150, address: 500, occupation: 100, phone: 20, email: 254, information: 5000, purpose: 2000, registrationNo: 100 };

function str(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\r\n/g, '\n').trim() : '';
}

function nested(raw: Record<string, unknown>, key: string): Record<string, unknown> {
  const v = raw[key];
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** Letters, digits, common punctuation; no control characters (they break letters and registers). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function text(errors: FieldErrors, field: string, value: string, label: string, max: number, min = 1): string {
  if (value.length < min) errors[field] = min === 1 ? `${label} wajib diisi.` : `${label} paling sedikit ${min} karakter.`;
  else if (value.length > max) errors[field] = `${label} paling banyak ${max} karakter.`;
  else if (CONTROL.test(value)) errors[field] = `${label} memuat karakter yang tidak diizinkan.`;
  return value;
}

function choice<T extends string>(errors: FieldErrors, field: string, value: string, labels: Record<T, string>, message: string): T {
  if (!Object.hasOwn(labels, value)) errors[field] = message;
  return value as T;
}

/**
 * Validates a submission from the form or the JSON API; returns the cleaned submission or the
 * errors per field (Bahasa Indonesia). The identity document is checked separately (bytes).
 */
export function parseRequestSubmission(
  raw: Record<string, unknown>,
  provinceCodes: ReadonlySet<string>,
  options: { emailOptional?: boolean } = {},
): { submission: RequestSubmission; errors: null } | { submission: null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const r = nested(raw, 'requester');
  const unitRaw = raw.unitId;
  const unitId = typeof unitRaw === 'number' ? unitRaw : Number(str(unitRaw));
  if (!Number.isInteger(unitId) || unitId < 1) errors.unitId = 'Pilih unit PPID tujuan permohonan.';

  const type = choice(errors, 'requester.type', str(r.type), REQUESTER_TYPES, 'Pilih jenis pemohon: perorangan, badan hukum, atau kelompok orang.');
  const name = text(errors, 'requester.name', str(r.name).replace(/\s+/g, ' '), 'Nama', LIMITS.name, 2);
  let nik: string | null = null;
  let registrationNo: string | null = null;
  if (type === 'organization') {
    registrationNo = text(errors, 'requester.registrationNo', str(r.registrationNo), 'Nomor pengesahan badan hukum', LIMITS.registrationNo, 3);
  } else if (Object.hasOwn(REQUESTER_TYPES, type)) {
    nik = str(r.nik).replace(/[\s.-]/g, '');
    if (nik === '') errors['requester.nik'] = 'NIK wajib diisi.';
    else {
      const problem = nikProblem(nik, provinceCodes);
      if (problem) errors['requester.nik'] = NIK_MESSAGES[problem];
    }
  }
  const address = text(errors, 'requester.address', str(r.address), 'Alamat', LIMITS.address, 5);
  const occupation = text(errors, 'requester.occupation', str(r.occupation), 'Pekerjaan', LIMITS.occupation);
  const phone = str(r.phone).replace(/[\s()-]/g, '');
  if (!/^\+?\d{8,15}$/.test(phone)) errors['requester.phone'] = 'Nomor telepon harus 8–15 angka, mis. 081234567890.';
  const email = str(r.email).toLowerCase();
  const emailGiven = email !== '' || !options.emailOptional;
  if (emailGiven && (email.length > LIMITS.email || !/^[^\s@<>"',;]+@[^\s@<>"',;]+\.[a-z]{2,}$/i.test(email))) {
    errors['requester.email'] = 'Alamat e-mail tidak valid, mis. nama@contoh.id.';
  }
  const information = text(errors, 'information', str(raw.information), 'Rincian informasi yang dibutuhkan', LIMITS.information, 10);
  const purpose = text(errors, 'purpose', str(raw.purpose), 'Tujuan penggunaan informasi', LIMITS.purpose, 5);
  const obtainMethod = choice(errors, 'obtainMethod', str(raw.obtainMethod), OBTAIN_METHODS, 'Pilih cara memperoleh informasi.');
  let copyDelivery: CopyDelivery | null = null;
  const deliveryRaw = str(raw.copyDelivery);
  if (Object.hasOwn(OBTAIN_METHODS, obtainMethod) && isCopy(obtainMethod)) {
    copyDelivery = choice(errors, 'copyDelivery', deliveryRaw, COPY_DELIVERIES, 'Pilih cara mendapatkan salinan informasi.');
  } else if (deliveryRaw !== '') {
    copyDelivery = choice(errors, 'copyDelivery', deliveryRaw, COPY_DELIVERIES, 'Pilih cara mendapatkan salinan informasi.');
  }

  if (Object.keys(errors).length > 0) return { submission: null, errors };
  return {
    submission: {
      unitId,
      requester: { type, name, nik, registrationNo, address, phone, email, occupation },
      information,
      purpose,
      obtainMethod,
      copyDelivery,
    },
    errors: null,
  };
}
