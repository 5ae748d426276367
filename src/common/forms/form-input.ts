import { parseDto } from './validate-dto';

/**
 * Checks a page form against the same DTO as the API and with the same messages; unknown fields
 * (_csrf) are dropped; throws ValidationFailed. The same as parseDto, named for the pages.
 */
export function validateForm<T extends object>(dto: new () => T, input: Record<string, unknown>): T {
  return parseDto(dto, input);
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
