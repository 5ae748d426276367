import { randomBytes } from 'node:crypto';

let counter = 0;

/** A valid JSON API submission; each call gets its own e-mail so per-e-mail caps do not interfere. */
export function requestPayload(unitId: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  const { requester, ...rest } = overrides as { requester?: Record<string, unknown> };
  return {
    unitId,
    requester: {
      type: 'individual',
      name: 'Dyah Ayu Pitaloka',
      nik: '3578015503900001',
      address: 'Jl. Pemuda No. 17, Surabaya',
      phone: '081234567890',
      email: `pemohon${counter}.${randomBytes(3).toString('hex')}@contoh.id`,
      occupation: 'Wiraswasta',
      ...(requester ?? {}),
    },
    information: 'Dokumen anggaran pendapatan dan belanja daerah tahun 2025 beserta lampirannya.',
    purpose: 'Bahan penelitian tugas akhir.',
    obtainMethod: 'copy_soft',
    copyDelivery: 'email',
    ...rest,
  };
}

/** The same submission as the web form posts it (flat field names). */
export function formFields(payload: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(payload)) {
    if (k === 'requester') {
      for (const [rk, rv] of Object.entries(v as Record<string, unknown>)) out[`requester.${rk}`] = String(rv ?? '');
    } else {
      out[k] = String(v ?? '');
    }
  }
  return out;
}

/** A real 1×1 PNG. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A minimal PDF header is enough for the type check by bytes. */
export const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
