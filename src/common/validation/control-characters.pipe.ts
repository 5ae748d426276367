import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { ValidationFailed } from 'src/common/errors/domain-error';

/**
 * C0 controls except TAB, LF and CR; DEL; C1 controls; and UTF-16 surrogates without their pair.
 * PostgreSQL refuses NUL in text and the others have no business in a form field.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Deeper than any form or API body the portal takes: refuse instead of walking further. */
const MAX_DEPTH = 8;

export const CONTROL_CHARACTER_MESSAGE = 'Mengandung karakter kendali yang tidak diizinkan.';

export function hasForbiddenCharacter(text: string): boolean {
  return FORBIDDEN.test(text);
}

export const TOO_DEEP_MESSAGE = 'Isian bertingkat terlalu dalam.';

/**
 * Keys that name an object's machinery, not a field: class-transformer would take a nested
 * `constructor` for the class to build, and no form or API body of the portal uses them.
 */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
export const RESERVED_KEY_MESSAGE = 'Nama isian ini tidak diizinkan.';

/**
 * The first string (key or value) with a forbidden character, by its path such as
 * `requester.name` or `participants.2`, with the message for it; null when there is none.
 * `root` names a lone value (a query or route parameter).
 */
export function forbiddenInput(value: unknown, root = ''): { path: string; message: string } | null {
  return walk(value, root, 0);
}

function walk(value: unknown, path: string, depth: number): { path: string; message: string } | null {
  if (typeof value === 'string') return hasForbiddenCharacter(value) ? { path: path || 'form', message: CONTROL_CHARACTER_MESSAGE } : null;
  if (typeof value !== 'object' || value === null || Buffer.isBuffer(value)) return null;
  if (depth >= MAX_DEPTH) return { path: path || 'form', message: TOO_DEEP_MESSAGE };
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const childPath = path ? `${path}.${key}` : key;
    if (hasForbiddenCharacter(key)) return { path: childPath, message: CONTROL_CHARACTER_MESSAGE };
    if (RESERVED_KEYS.has(key)) return { path: childPath, message: RESERVED_KEY_MESSAGE };
    const found = walk(child, childPath, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Runs first on every body, query and route parameter (page forms included: they take @Body()),
 * before any DTO or service sees it, and answers 400 naming the field.
 */
@Injectable()
export class ControlCharacterPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query' && metadata.type !== 'param') return value;
    const found = forbiddenInput(value, metadata.data ?? '');
    if (found !== null) {
      const field = fieldName(found.path);
      throw new ValidationFailed({ [field]: found.message }, `Isian "${field}": ${found.message.charAt(0).toLowerCase()}${found.message.slice(1)}`);
    }
    return value;
  }
}

/** Keys are caller-chosen: keep the name short and printable in the answer. */
export function fieldName(path: string): string {
  const clean = path.replace(/[^\p{L}\p{N}._-]/gu, '?');
  return clean.length > 100 ? `${clean.slice(0, 99)}…` : clean;
}
