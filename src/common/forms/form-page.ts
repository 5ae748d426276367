import type { Response } from 'express';
import { DomainError, RateLimited, statusOf, ValidationFailed } from 'src/common/errors/domain-error';
import type { FieldErrors } from './validate-dto';

/** Why a posted form comes back: the status, a message per field ('form' for the whole form). */
export interface FormFailure {
  status: number;
  errors: FieldErrors;
  message: string;
}

/**
 * What a page template needs to show a form again: the typed values and the messages keyed by the
 * id of each field's element (`f-<key>`, `e-<key>` for its message), and the summary's links.
 */
export interface FormState {
  /** Which form came back: its id prefix on a page of several forms, else true. */
  submitted: string | true;
  values: Record<string, string>;
  errors: Record<string, string>;
  errorList: { href: string; message: string }[];
}

export interface FormView {
  view: string;
  model: object;
}

export interface FormOptions {
  /** The form's field names (as posted: 'requester.nik'), in the order it shows them. */
  fields: readonly string[];
  /** What the user typed, as posted; only text values come back (never passwords: leave them out). */
  values: Record<string, unknown>;
  /** Domain errors besides ValidationFailed that the form shows itself (a wrong password, a limit). */
  shows?: (e: DomainError) => boolean;
  /** File inputs: a file cannot be sent back, so one that was chosen is asked for again. */
  files?: { field: string; chosen: boolean; label: string }[];
  /** Element-id prefix when a page holds several forms ('perpanjang' → #f-perpanjang-reason). */
  idPrefix?: string;
  /**
   * Where the summary links a message about the whole form or a field it does not show (a hidden
   * unit id, the honeypot); without it, such a message is shown beside the first field.
   */
  formAnchor?: string;
  /** The page that holds the form, built for this failure. */
  render: (state: FormState, failure: FormFailure) => Promise<FormView> | FormView;
}

/** 'consequenceTest.date' → 'consequenceTest_date' (element ids keep no dots), with the form's prefix. */
export function fieldKey(field: string, idPrefix?: string): string {
  const key = field.replace(/\./g, '_');
  return idPrefix ? `${idPrefix}-${key}` : key;
}

export function reselectFileMessage(label: string): string {
  return `Pilih kembali ${label}: berkas yang dipilih sebelumnya tidak ikut terkirim ulang karena ada isian yang perlu diperbaiki.`;
}

/** The failure a form shows, or null when the error is not the form's to show (then it propagates). */
export function formFailureOf(e: unknown, shows?: (e: DomainError) => boolean): FormFailure | null {
  if (!(e instanceof DomainError)) return null;
  if (!(e instanceof ValidationFailed) && !shows?.(e)) return null;
  const errors = e.errors && Object.keys(e.errors).length > 0 ? e.errors : { form: e.message };
  return { status: statusOf(e.code), errors, message: e.message };
}

/** Values and messages keyed for the template, and the summary in the order of the form's fields. */
export function formState(options: Pick<FormOptions, 'fields' | 'values' | 'files' | 'idPrefix' | 'formAnchor'>, failure: FormFailure): FormState {
  const errors: FieldErrors = { ...failure.errors };
  for (const file of options.files ?? []) {
    if (file.chosen && !errors[file.field]) errors[file.field] = reselectFileMessage(file.label);
  }
  const values: Record<string, string> = {};
  for (const [field, value] of Object.entries(options.values)) {
    if (typeof value === 'string' && !field.startsWith('_')) values[fieldKey(field, options.idPrefix)] = value;
  }
  const keyed: Record<string, string> = {};
  const list: { href: string; message: string }[] = [];
  const order = [...options.fields.filter((f) => errors[f]), ...Object.keys(errors).filter((f) => !options.fields.includes(f))];
  for (const field of order) {
    if (options.formAnchor && !options.fields.includes(field)) {
      list.push({ href: `#${options.formAnchor}`, message: errors[field] });
      continue;
    }
    // A message for the whole form, or for a field the form does not show, points at its first field.
    const target = options.fields.includes(field) ? field : (options.fields[0] ?? field);
    const key = fieldKey(target, options.idPrefix);
    keyed[key] = keyed[key] ? `${keyed[key]} ${errors[field]}` : errors[field];
    list.push({ href: `#f-${key}`, message: errors[field] });
  }
  return { submitted: options.idPrefix ?? true, values, errors: keyed, errorList: list };
}

/**
 * The one way a page's POST handler answers: run the use case (it redirects on success); on a
 * ValidationFailed, or a domain error the form shows itself, render the form's page again at the
 * same URL with the status of the error, the typed values, the messages beside the fields and the
 * summary (focused by public/js/forms.js). Anything else propagates to the error filter.
 */
export async function submitForm(res: Response, options: FormOptions, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (e) {
    const failure = formFailureOf(e, options.shows);
    if (!failure) throw e;
    const state = formState(options, failure);
    const page = await options.render(state, failure);
    if (e instanceof RateLimited) res.set('Retry-After', String(e.retryAfterSeconds));
    res.set('Cache-Control', 'no-store');
    // A page that keys its forms' fields its own way (several forms on one page) gives its own values and messages.
    res.status(failure.status).render(page.view, { ...state, ...page.model });
  }
}
