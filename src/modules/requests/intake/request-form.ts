import { randomBytes } from 'node:crypto';
import { PpidUnit } from 'src/modules/bodies';
import { COPY_DELIVERIES, OBTAIN_METHODS, optionsOf, REQUESTER_TYPES } from 'src/modules/requests/request-options';

/** The request form's fields in the order it shows them (the error summary follows it). */
export const REQUEST_FORM_FIELDS = [
  'requester.type',
  'requester.name',
  'requester.nik',
  'requester.registrationNo',
  'requester.address',
  'requester.occupation',
  'requester.phone',
  'requester.email',
  'information',
  'purpose',
  'obtainMethod',
  'copyDelivery',
  'publicationConsent',
  'identityDocument',
] as const;

/** The officer's offline form: how and when it came in, then the same fields. */
export const OFFLINE_FORM_FIELDS = ['channel', 'receivedAt', ...REQUEST_FORM_FIELDS] as const;

/** What the form may echo back: its own text fields, never the token, the key or the honeypot. */
export function typedValues(body: Record<string, unknown>, fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.filter((f) => typeof body[f] === 'string').map((f) => [f, body[f] as string]));
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Form posts use flat names such as requester.nik; the API nests them (one level, own keys only). */
export function nestFormFields(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const [head, ...rest] = key.split('.');
    const tail = rest.join('.');
    if (UNSAFE_KEYS.has(head) || UNSAFE_KEYS.has(tail)) continue;
    if (rest.length === 0) {
      if (!Object.hasOwn(out, head)) out[head] = value;
      continue;
    }
    if (!Object.hasOwn(out, head) || typeof out[head] !== 'object' || out[head] === null) out[head] = {};
    (out[head] as Record<string, unknown>)[tail] = value;
  }
  return out;
}

export function newSubmissionKey(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * The request form's page: the unit and the choices, with `values` (as posted, 'requester.type')
 * selected. A failed submission adds its state (values, messages, summary) on top; see submitForm.
 */
export interface RequestFormView {
  title: string;
  unit: { id: number; name: string; bodyName: string; bodyCode: string };
  requesterTypes: { value: string; label: string; selected: boolean }[];
  obtainMethods: { value: string; label: string; selected: boolean }[];
  copyDeliveries: { value: string; label: string; selected: boolean }[];
  /** May the answer be published without personal data: 'tidak' unless the requester chose 'ya'. */
  publicationConsentOptions: { value: string; label: string; selected: boolean }[];
  submissionKey: string;
}

/** The form's answers to "may the answer be published without your personal data?". */
const PUBLICATION_CONSENT_CHOICES = {
  ya: 'Ya, jawaban boleh dipublikasikan tanpa data pribadi saya',
  tidak: 'Tidak, jangan dipublikasikan',
} as const;

export function requestFormView(unit: PpidUnit, values: Record<string, string>, submissionKey: string): RequestFormView {
  const v = (k: string): string => values[k] ?? '';
  return {
    title: `Formulir permohonan informasi — ${unit.name}`,
    unit: { id: unit.id, name: unit.name, bodyName: unit.body.name, bodyCode: unit.body.regionCode },
    requesterTypes: optionsOf(REQUESTER_TYPES, v('requester.type') || 'individual'),
    obtainMethods: optionsOf(OBTAIN_METHODS, v('obtainMethod')),
    copyDeliveries: optionsOf(COPY_DELIVERIES, v('copyDelivery')),
    publicationConsentOptions: optionsOf(PUBLICATION_CONSENT_CHOICES, v('publicationConsent') || 'tidak'),
    submissionKey,
  };
}
