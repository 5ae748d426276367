import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { ValidationFailed } from 'src/common/errors/domain-error';

/**
 * Checks a page form against the same DTO as the API and with the same messages: the one of the
 * topmost failing decorator per field. Unknown fields (_csrf) are dropped; throws ValidationFailed.
 */
export function validateForm<T extends object>(dto: new () => T, input: Record<string, unknown>): T {
  const instance = plainToInstance(dto, input);
  const errors = validateSync(instance, { whitelist: true });
  if (errors.length > 0) throw new ValidationFailed(messagesOf(errors));
  return instance;
}

function messagesOf(errors: ValidationError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const message = e.constraints ? Object.values(e.constraints).at(-1) : undefined;
    if (message) out[e.property] = message;
  }
  return out;
}

/** A form's text field: trimmed, undefined when empty. */
export function textField(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A form's number field (a select): a number when it is one, undefined when empty, else the text (for the error). */
export function idField(value: unknown): number | string | undefined {
  const text = textField(value);
  if (text === undefined) return undefined;
  return /^\d{1,9}$/.test(text) ? Number(text) : text;
}

/** The error summary's links, in the order of the form's fields. */
export function errorList(errors: Record<string, string>, order: readonly string[]): { href: string; message: string }[] {
  const known = order.filter((f) => errors[f]);
  const rest = Object.keys(errors).filter((f) => !order.includes(f));
  return [...known, ...rest].map((f) => ({ href: `#f-${f}`, message: errors[f] }));
}
