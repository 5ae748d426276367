import { randomBytes } from 'node:crypto';
import { PpidUnit } from 'src/modules/bodies';
import { COPY_DELIVERIES, OBTAIN_METHODS, optionsOf, REQUESTER_TYPES } from 'src/modules/requests/request-options';

/** The order of fields on the form, for the error summary. */
const FIELD_ORDER = [
  'form',
  'submissionKey',
  'unitId',
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
  'identityDocument',
];

/** 'requester.nik' → 'f-requester-nik', the id of the field's input. */
export function fieldId(path: string): string {
  return `f-${path.replace(/\./g, '_')}`;
}

/** Form posts use flat names such as requester.nik; the API nests them. */
export function nestFormFields(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const [head, ...rest] = key.split('.');
    if (rest.length === 0) {
      out[head] = value;
    } else {
      const inner = (out[head] ??= {}) as Record<string, unknown>;
      inner[rest.join('.')] = value;
    }
  }
  return out;
}

export function newSubmissionKey(): string {
  return randomBytes(18).toString('base64url');
}

/** The request form's view model: values typed so far, errors beside fields and in a summary. */
export function requestFormView(
  unit: PpidUnit,
  values: Record<string, string>,
  errors: Record<string, string>,
  submissionKey: string,
): object {
  const v = (k: string): string => values[k] ?? '';
  const fieldErrors = Object.fromEntries(Object.entries(errors).map(([k, m]) => [k.replace(/\./g, '_'), m]));
  return {
    title: `Formulir permohonan informasi — ${unit.name}`,
    unit: { id: unit.id, name: unit.name, bodyName: unit.body.name, bodyCode: unit.body.regionCode },
    values: Object.fromEntries(Object.entries(values).map(([k, val]) => [k.replace(/\./g, '_'), val])),
    errors: fieldErrors,
    errorList: FIELD_ORDER.filter((f) => errors[f]).map((f) => ({ href: f === 'form' || f === 'submissionKey' ? '#formulir' : `#${fieldId(f)}`, message: errors[f] })),
    requesterTypes: optionsOf(REQUESTER_TYPES, v('requester.type') || 'individual'),
    obtainMethods: optionsOf(OBTAIN_METHODS, v('obtainMethod')),
    copyDeliveries: optionsOf(COPY_DELIVERIES, v('copyDelivery')),
    submissionKey,
  };
}
