import fc from 'fast-check';

/** Strings an attacker or a broken client sends: injection syntax, odd scripts, numbers as text. */
export const NASTY_STRINGS = [
  '',
  ' ',
  "'; DROP TABLE requests; --",
  "' OR '1'='1",
  '" OR ""="',
  '{{constructor}}',
  '{{constructor.constructor("return process")()}}',
  '{{#each this}}{{@key}}{{/each}}',
  '${7*7}',
  '${process.exit()}',
  '#{7*7}',
  '<%= 7*7 %>',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  '%00',
  '%s%s%s%n',
  '\\',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e10',
  '0x10',
  '9'.repeat(40),
  '-9'.repeat(20),
  '1.5',
  '2026-02-30',
  '0000-00-00',
  '1900-01-01T00:00:00Z',
  '9999-12-31T23:59:59+07:00',
  '\u202eevil',
  '\ufeffbom',
  'ẞ Straße İı',
  '中文字符测试',
  'العربية',
  'ĀĀĀ 👩‍👩‍👧‍👦 🙂',
  'Zalgo: Z̷̢̛a̸l̴g̵o̶',
  '__proto__',
  'constructor',
  'toString',
];

const CONTROL_CODES = [
  ...Array.from({ length: 9 }, (_, i) => i),
  0x0b,
  0x0c,
  ...Array.from({ length: 18 }, (_, i) => 0x0e + i),
  0x7f,
  ...Array.from({ length: 32 }, (_, i) => 0x80 + i),
];

/** A string carrying at least one character the portal refuses (C0/C1 control, DEL, lone surrogate). */
export const controlString: fc.Arbitrary<string> = fc
  .tuple(
    fc.string({ maxLength: 20 }),
    fc.oneof(
      fc.constantFrom(...CONTROL_CODES).map((c) => String.fromCharCode(c)),
      fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
    ),
    fc.string({ maxLength: 20 }),
  )
  .map(([a, c, b]) => `${a}${c}${b}`);

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 3, arbitrary: controlString },
  { weight: 2, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 300, maxLength: 3000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 5_000, max: 60_000 }).map((n) => 'A'.repeat(n)) },
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.constantFrom(0, -1, 1e10, 2 ** 31, 2 ** 31 - 1, 2 ** 53, -(2 ** 53), 1e308, -1e308, 1.5, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value a hostile client may put where the API expects something else. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(fc.oneof(hostileString, hostileNumber), { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor')), hostileString, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 12 }) },
);

/** A path segment that is anything but the id a route expects. */
export const hostileSegment: fc.Arbitrary<string> = fc
  .oneof(
    fc.constantFrom('abc', '0', '-1', '1e10', '1.5', '99999999999999999999', '9223372036854775808', '2147483648', '%00', '%C0%AE', 'null', '..', '%2e%2e', '%ZZ', ' '),
    hostileString.filter((s) => s.length > 0 && s.length < 200),
  )
  .map((s) => (/^%|^\.\.$/.test(s) ? s : percentEncode(s)));

/** A key of a form or JSON body: sometimes a real field name, sometimes an odd one. */
export function hostileKey(known: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: known.length > 0 ? fc.constantFrom(...known) : fc.constant('field') },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'a[b]', 'a.b.c', '', '_csrf2') },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: controlString },
  );
}

/** Flat dotted keys of a JSON body, e.g. `requester.name`. */
export function keysOf(value: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(value).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? keysOf(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function setPath(target: Record<string, unknown>, path: string, value: unknown, remove: boolean): void {
  const parts = path.split('.');
  let node: Record<string, unknown> = target;
  for (const p of parts.slice(0, -1)) {
    const next = node[p];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) {
      node[p] = {};
    }
    node = node[p] as Record<string, unknown>;
  }
  const last = parts[parts.length - 1];
  if (remove) delete node[last];
  else Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * A valid JSON body with one to three fields replaced, removed or added, or replaced as a whole
 * by something that is not an object at all.
 */
export function mutatedJson(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = keysOf(valid);
  const edit = fc.record({ key: hostileKey(keys), value: hostileValue, remove: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }) });
  return fc.oneof(
    {
      weight: 8,
      arbitrary: fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => {
        const body = structuredClone(valid);
        for (const e of edits) setPath(body, e.key, e.value, e.remove);
        return body;
      }),
    },
    { weight: 1, arbitrary: hostileValue },
  );
}

/** Form fields as repeated urlencoded pairs: a field may come once, twice (an array) or with hostile text. */
export function mutatedForm(valid: Record<string, string>): fc.Arbitrary<[string, string][]> {
  const keys = Object.keys(valid);
  const edit = fc.record({
    key: hostileKey(keys),
    value: hostileString,
    how: fc.constantFrom('replace', 'replace', 'replace', 'repeat', 'remove'),
  });
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => {
    const fields = new Map<string, string[]>(Object.entries(valid).map(([k, v]) => [k, [v]]));
    for (const e of edits) {
      if (e.how === 'remove') fields.delete(e.key);
      else if (e.how === 'repeat') fields.set(e.key, [...(fields.get(e.key) ?? []), e.value]);
      else fields.set(e.key, [e.value]);
    }
    return [...fields.entries()].flatMap(([k, vs]) => vs.map((v) => [k, v] as [string, string]));
  });
}

/** encodeURIComponent, but a lone surrogate (which UTF-8 cannot carry) goes as the bytes a careless client would send. */
export function percentEncode(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[^]/gu, (ch) => {
    if (ch.length === 1 && ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) <= 0xdfff) {
      const c = ch.charCodeAt(0);
      return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    }
    return encodeURIComponent(ch);
  });
}

export function urlencoded(pairs: [string, string][]): string {
  return pairs.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&');
}

/** A query string of hostile pairs for the given parameter names. */
export function hostileQuery(names: readonly string[]): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(hostileKey(names), fc.oneof(hostileString.filter((s) => s.length < 2000), hostileNumber.map(String))), { minLength: 1, maxLength: 4 })
    .map((pairs) => urlencoded(pairs));
}
