import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { ValidationFailed } from 'src/common/errors/domain-error';
import { CONTEXT } from './fields';

export type FieldErrors = Record<string, string>;

/** Said for a field the input sends that the DTO does not know (JSON bodies validated by the global pipe). */
export function unknownFieldMessage(path: string): string {
  return `Isian "${path}" tidak dikenal.`;
}

/**
 * One message per field, keyed by its path as the API and the form name it ('requester.nik',
 * 'consequenceTest.date'). Each field has one constraint (see fields.ts); where several failed,
 * the one class-validator lists last is the topmost decorator, the most basic check.
 */
export function fieldErrorsOf(errors: ValidationError[], prefix = ''): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const constraints = e.constraints ?? {};
    const message = constraints.whitelistValidation ? unknownFieldMessage(path) : Object.values(constraints).at(-1);
    if (message) out[path] = message;
    if (e.children?.length) Object.assign(out, fieldErrorsOf(e.children, path));
  }
  return out;
}

export type Validated<T> = { value: T; errors: null } | { value: null; errors: FieldErrors };

/**
 * Validates any input (a form's fields, a JSON body, whatever a client sent) against a DTO. Never
 * throws for bad input: anything that is not an object is read as an empty one, and the result is
 * the typed, normalised DTO or the message of every failing field. Unknown fields are dropped.
 * `context` is what rules need besides the input (fields.ts contextOf), such as today's date.
 */
export function validateDto<T extends object>(dto: new () => T, input: unknown, context?: Record<string, unknown>): Validated<T> {
  const given = typeof input === 'object' && input !== null && !Array.isArray(input) ? input : {};
  // The context rides on a copy of the input (nested DTOs reach it through PARENT) and on the DTO.
  const plain = context ? Object.defineProperty({ ...given }, CONTEXT, { value: context, enumerable: false }) : given;
  const instance = plainToInstance(dto, plain);
  if (context) Object.defineProperty(instance, CONTEXT, { value: context, enumerable: false });
  const errors = fieldErrorsOf(validateSync(instance, { whitelist: true, forbidUnknownValues: false }));
  return Object.keys(errors).length > 0 ? { value: null, errors } : { value: instance, errors: null };
}

/** validateDto, throwing ValidationFailed (400, or the form again with its messages) when invalid. */
export function parseDto<T extends object>(dto: new () => T, input: unknown): T {
  const result = validateDto(dto, input);
  if (result.errors) throw new ValidationFailed(result.errors);
  return result.value;
}
