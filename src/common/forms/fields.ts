import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { Expose, plainToInstance, Transform } from 'class-transformer';
import { IsOptional, ValidateBy, ValidateIf, ValidateNested, ValidationArguments } from 'class-validator';
import { hasForbiddenCharacter } from 'src/common/validation/control-characters.pipe';
import { isValidLocalDate } from 'src/common/time/local-time';

/**
 * Decorators for the portal's input DTOs. Each field gets ONE constraint whose message says what is
 * wrong in Bahasa Indonesia ("Nama wajib diisi." for an empty required field), so the message a
 * field shows never depends on the order class-validator reports several constraints in. Each also
 * describes the field for OpenAPI, so the API documentation is these rules.
 */

/** Where a nested DTO's instance keeps the input it sits in (never enumerated, never whitelisted away). */
export const PARENT = Symbol('parent');

/**
 * Where validateDto keeps what a rule needs besides the input (e.g. today's date for "not in the
 * future"): on the DTO and its input, so nested DTOs find it through PARENT. Never a field.
 */
export const CONTEXT = Symbol('context');

/** The validation context of a DTO object or of the input a nested one sits in; {} when none was given. */
export function contextOf(o: object): Record<string, unknown> {
  const own = (o as { [CONTEXT]?: Record<string, unknown> })[CONTEXT];
  if (own) return own;
  const parent = (o as { [PARENT]?: object })[PARENT];
  return parent ? contextOf(parent) : {};
}

/**
 * A cross-field rule beside a field's own check, with the whole object (`o`) at hand. It should
 * hold whenever the field's own check fails (a wrong type, a blank), so one message is shown.
 */
export function FieldRule(name: string, holds: (value: unknown, o: Record<string, unknown>) => boolean, message: (o: Record<string, unknown>) => string): PropertyDecorator {
  return rule(
    name,
    (v, a) => holds(v, a.object as Record<string, unknown>),
    (a) => message(a.object as Record<string, unknown>),
  );
}

/** Absent, null, or only spaces: what an untouched form field sends. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

export function requiredMessage(label: string): string {
  return `${label} wajib diisi.`;
}

export function requiredChoiceMessage(label: string): string {
  return `${label} wajib dipilih.`;
}

/** Trims text and joins line breaks to \n; leaves anything else as it came, for its message. */
export function trimmed(value: unknown): unknown {
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : value;
}

function rule(name: string, validate: (value: unknown, args: ValidationArguments) => boolean, message: (args: ValidationArguments) => string): PropertyDecorator {
  return ValidateBy({ name, validator: { validate, defaultMessage: message } });
}

/** Skips the field's check when it is blank and `required` says it may be (with the object as context). */
function optionalUnless(required: boolean | ((o: Record<string, unknown>) => boolean)): PropertyDecorator[] {
  if (required === true) return [];
  if (required === false) return [ValidateIf((_o: unknown, v: unknown) => !isBlank(v))];
  return [ValidateIf((o: Record<string, unknown>, v: unknown) => required(o) || !isBlank(v))];
}

export interface TextOptions {
  label: string;
  min?: number;
  max: number;
  /** true (default), false, or a rule on the whole input: "required when …". */
  required?: boolean | ((o: Record<string, unknown>) => boolean);
  /** The field counts only when this holds (required then); otherwise whatever it holds is ignored. */
  onlyWhen?: (o: Record<string, unknown>) => boolean;
  /** Further normalisation after trimming (collapse spaces, lower case, strip separators). */
  normalize?: (text: string) => string;
  /** A pattern (or a test) the normalised text must pass, and the message when it does not. */
  pattern?: { regex?: RegExp; test?: (text: string) => boolean; message: string };
  /** Keep the text exactly as sent (passwords): no trimming, no normalising. */
  raw?: boolean;
  example?: string;
  description?: string;
}

export function textProblem(value: unknown, o: Pick<TextOptions, 'label' | 'min' | 'max' | 'pattern'>): string | null {
  if (isBlank(value)) return requiredMessage(o.label);
  if (typeof value !== 'string') return `${o.label} harus berupa teks.`;
  const min = o.min ?? 1;
  if (value.length < min) return `${o.label} paling sedikit ${min} karakter.`;
  if (value.length > o.max) return `${o.label} paling banyak ${o.max} karakter.`;
  if (hasForbiddenCharacter(value)) return `${o.label} memuat karakter yang tidak diizinkan.`;
  if (o.pattern && ((o.pattern.regex && !o.pattern.regex.test(value)) || (o.pattern.test && !o.pattern.test(value)))) return o.pattern.message;
  return null;
}

/** A text field: trimmed (and normalised), required unless told, between `min` and `max` characters. */
export function TextField(o: TextOptions): PropertyDecorator {
  const required = o.onlyWhen ? false : (o.required ?? true);
  const api = { type: String, maxLength: o.max, ...(o.min && o.min > 1 ? { minLength: o.min } : {}), example: o.example, description: o.description ?? o.label };
  return applyDecorators(
    required === true ? ApiProperty(api) : ApiPropertyOptional(api),
    Transform(({ value }: { value: unknown }) => {
      if (o.raw) return value;
      const t = trimmed(value);
      return typeof t === 'string' && o.normalize ? o.normalize(t) : t;
    }),
    ...(o.onlyWhen ? [ValidateIf((obj: Record<string, unknown>) => o.onlyWhen!(obj))] : optionalUnless(required)),
    rule('text', (v) => textProblem(v, o) === null, (a) => textProblem(a.value, o) ?? ''),
  );
}

export interface ChoiceOptions<T extends string> {
  label: string;
  values: readonly T[] | Record<T, string>;
  /** The message for a value that is not one of them. */
  message: string;
  required?: boolean | ((o: Record<string, unknown>) => boolean);
  description?: string;
}

/** One of a fixed set of values (a select or a radio group): "<Label> wajib dipilih." when none is. */
export function ChoiceField<T extends string>(o: ChoiceOptions<T>): PropertyDecorator {
  const values: readonly string[] = Array.isArray(o.values) ? o.values : Object.keys(o.values);
  const required = o.required ?? true;
  const api = { enum: [...values], description: o.description ?? o.label };
  return applyDecorators(
    required === true ? ApiProperty(api) : ApiPropertyOptional(api),
    Transform(({ value }: { value: unknown }) => trimmed(value)),
    ...optionalUnless(required),
    rule(
      'choice',
      (v) => typeof v === 'string' && values.includes(v),
      (a) => (isBlank(a.value) ? requiredChoiceMessage(o.label) : o.message),
    ),
  );
}

export interface NumberOptions {
  label: string;
  min: number;
  max: number;
  message: string;
  required?: boolean | ((o: Record<string, unknown>) => boolean);
  /** Characters a form may group digits with ("15.000"), removed before reading. */
  separators?: RegExp;
  description?: string;
  example?: number;
}

/** A whole number from JSON (a number) or a form (digits); `message` for anything else or out of range. */
export function WholeNumberField(o: NumberOptions): PropertyDecorator {
  const required = o.required ?? true;
  const api: ApiPropertyOptions = { type: 'integer', minimum: o.min, maximum: o.max, description: o.description ?? o.label, example: o.example };
  return applyDecorators(
    required === true ? ApiProperty(api) : ApiPropertyOptional(api),
    Transform(({ value }: { value: unknown }) => {
      if (typeof value !== 'string') return value;
      const text = o.separators ? value.replace(o.separators, '') : value.trim();
      return /^\d{1,15}$/.test(text) ? Number(text) : isBlank(text) ? undefined : value;
    }),
    ...optionalUnless(required),
    rule(
      'wholeNumber',
      (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= o.min && v <= o.max,
      (a) => (isBlank(a.value) ? requiredMessage(o.label) : o.message),
    ),
  );
}

/** 'true'/'ya'/'1' or a JSON boolean; `message` when it is neither yes nor no. */
export function BooleanField(o: { label: string; message: string; required?: boolean | ((o: Record<string, unknown>) => boolean); description?: string }): PropertyDecorator {
  const required = o.required ?? true;
  return applyDecorators(
    required === true ? ApiProperty({ type: Boolean, description: o.description ?? o.label }) : ApiPropertyOptional({ type: Boolean, description: o.description ?? o.label }),
    Transform(({ value }: { value: unknown }) => {
      if (value === true || value === 'true' || value === '1' || value === 'ya') return true;
      if (value === false || value === 'false' || value === '0' || value === 'tidak') return false;
      return value;
    }),
    ...optionalUnless(required),
    rule('boolean', (v) => typeof v === 'boolean', () => o.message),
  );
}

/** A calendar date 'YYYY-MM-DD' that exists (2027-02-30 does not). */
export function LocalDateField(o: { label: string; message: string; required?: boolean | ((o: Record<string, unknown>) => boolean); description?: string }): PropertyDecorator {
  const required = o.required ?? true;
  const api = { type: String, format: 'date', example: '2026-11-20', description: o.description ?? o.label };
  return applyDecorators(
    required === true ? ApiProperty(api) : ApiPropertyOptional(api),
    Transform(({ value }: { value: unknown }) => trimmed(value)),
    ...optionalUnless(required),
    rule(
      'localDate',
      (v) => typeof v === 'string' && isValidLocalDate(v),
      (a) => (isBlank(a.value) ? requiredMessage(o.label) : o.message),
    ),
  );
}

/** A list of short texts: a JSON array, or one per line (or separated by ";") in a form's textarea. */
export function TextListField(o: { label: string; maxItems: number; maxLength: number; required?: boolean | ((o: Record<string, unknown>) => boolean); description?: string }): PropertyDecorator {
  const required = o.required ?? true;
  const api: ApiPropertyOptions = { type: String, isArray: true, description: o.description ?? o.label };
  return applyDecorators(
    required === true ? ApiProperty(api) : ApiPropertyOptional(api),
    Transform(({ value }: { value: unknown }) => {
      const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/\r?\n|;/) : value;
      if (!Array.isArray(list)) return list;
      return list.map((p: unknown) => (typeof p === 'string' ? p.trim() : p)).filter((p: unknown) => p !== '');
    }),
    ...optionalUnless(required),
    rule(
      'textList',
      (v) => Array.isArray(v) && v.length > 0 && v.length <= o.maxItems && v.every((p) => typeof p === 'string' && p.length <= o.maxLength && !hasForbiddenCharacter(p)),
      (a) => {
        const v = a.value as unknown;
        if (!Array.isArray(v) || v.length === 0) return Array.isArray(v) || isBlank(v) ? requiredMessage(o.label) : `${o.label} harus berupa daftar teks.`;
        if (v.length > o.maxItems) return `${o.label} paling banyak ${o.maxItems}.`;
        return `Setiap ${o.label.toLowerCase()} berupa teks paling banyak ${o.maxLength} karakter.`;
      },
    ),
  );
}

/**
 * A nested object (the requester, the consequence test). A malformed one is read as empty, and a
 * missing one should default to an empty instance in the DTO (`= new RequesterDto()`), so each of
 * its required fields is named with its own message ('requester.name').
 */
export function NestedField<T extends object>(type: new () => T, o: { label: string; required?: boolean | ((o: Record<string, unknown>) => boolean); description?: string }): PropertyDecorator {
  const required = o.required ?? true;
  const api = { type, description: o.description ?? o.label };
  return applyDecorators(
    required === true ? ApiProperty(api) : ApiPropertyOptional(api),
    // Exposed, so a missing one is transformed too (into an empty instance that knows its parent).
    Expose(),
    Transform(
      ({ value, obj }: { value: unknown; obj: unknown }) => {
        const instance = plainToInstance(type, typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {});
        // Rules inside may read the parent (a consequence test reads its notice's ground); not a field.
        Object.defineProperty(instance, PARENT, { value: obj, enumerable: false });
        return instance;
      },
      { toClassOnly: true },
    ),
    ...(required === true ? [] : required === false ? [IsOptional()] : [ValidateIf((obj: Record<string, unknown>) => required(obj))]),
    ValidateNested({ message: `${o.label} tidak valid.` }),
  );
}

/**
 * A list of record ids: a JSON array of whole numbers, or the checkboxes of a form (one value, or
 * several of the same name). Nothing ticked is no list; anything else names the field.
 */
export function IdListField(o: { label: string; maxItems: number; message: string; description?: string }): PropertyDecorator {
  const api: ApiPropertyOptions = { type: 'integer', isArray: true, description: o.description ?? o.label };
  return applyDecorators(
    ApiPropertyOptional(api),
    Transform(({ value }: { value: unknown }) => {
      if (value === undefined || value === null || value === '') return undefined;
      const list = Array.isArray(value) ? value : [value];
      return list.map((v: unknown) => (typeof v === 'string' && /^\d{1,10}$/.test(v.trim()) ? Number(v.trim()) : v));
    }),
    ...optionalUnless(false),
    rule(
      'idList',
      (v) => Array.isArray(v) && v.length <= o.maxItems && v.every((id) => typeof id === 'number' && Number.isSafeInteger(id) && id >= 1 && id <= 2147483647),
      () => o.message,
    ),
  );
}
