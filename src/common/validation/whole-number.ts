import { applyDecorators, ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { NotFound, ValidationFailed } from 'src/common/errors/domain-error';

/** Largest value of a PostgreSQL integer column (ids of units, users, holidays). */
export const MAX_INT4 = 2_147_483_647;

/** A query or form value as a whole number: digits only, else left as it came for the error. */
export function toWholeNumber(value: unknown): unknown {
  if (typeof value === 'string' && /^\d{1,10}$/.test(value.trim())) return Number(value.trim());
  return value;
}

/** An optional whole number from a query string, empty meaning absent; one message for every failure. */
export function OptionalWholeNumber(min: number, max: number, message: string): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (value === '' ? undefined : toWholeNumber(value))),
    IsOptional(),
    IsInt({ message }),
    Min(min, { message }),
    Max(max, { message }),
  );
}

/** A required whole number in a query or route parameter; otherwise 400 naming the parameter. */
export class WholeNumberPipe implements PipeTransform<unknown, number> {
  constructor(private readonly rule: { min: number; max: number; message: string }) {}

  transform(value: unknown, metadata: ArgumentMetadata): number {
    const n = toWholeNumber(value);
    if (typeof n === 'number' && Number.isInteger(n) && n >= this.rule.min && n <= this.rule.max) return n;
    throw new ValidationFailed({ [metadata.data ?? 'id']: this.rule.message });
  }
}

/**
 * A bigint id in a route (requests, documents): digits only and within range, else 404 like an
 * id that does not exist, so a malformed id never reaches a query.
 */
export class IdParamPipe implements PipeTransform<unknown, string> {
  constructor(private readonly notFoundMessage = 'Data tidak ditemukan.') {}

  transform(value: unknown): string {
    if (typeof value === 'string' && /^[1-9]\d{0,17}$/.test(value)) return value;
    throw new NotFound(this.notFoundMessage);
  }
}
