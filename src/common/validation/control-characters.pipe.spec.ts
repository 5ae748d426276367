import fc from 'fast-check';
import { ValidationFailed } from 'src/common/errors/domain-error';
import { ControlCharacterPipe, forbiddenInput, RESERVED_KEY_MESSAGE } from './control-characters.pipe';

describe('ControlCharacterPipe', () => {
  const pipe = new ControlCharacterPipe();

  it.each([
    ['NUL', 'a\u0000b'],
    ['ESC', '\u001b[31m'],
    ['DEL', 'x\u007f'],
    ['C1 NEL', 'x\u0085y'],
    ['lone high surrogate', 'x\ud800'],
    ['lone low surrogate', '\udc00x'],
  ])('should refuse %s with the field path', (_label, text) => {
    expect(forbiddenInput({ requester: { name: text } })).toEqual({ path: 'requester.name', message: expect.any(String) });
  });

  it.each([['tab, line feed and carriage return', 'a\tb\r\nc'], ['a surrogate pair', '🙂'], ['other scripts', 'ẞ 中文 العربية']])(
    'should let %s through',
    (_label, text) => {
      expect(forbiddenInput({ a: [text, { b: text }] })).toBeNull();
    },
  );

  it('should name array items and keys', () => {
    expect(forbiddenInput({ consequenceTest: { participants: ['ok', 'x\u0001'] } })?.path).toBe('consequenceTest.participants.1');
    expect(forbiddenInput({ 'k\u0000': 'v' })?.path).toBe('k\u0000');
  });

  it('should throw ValidationFailed naming a query parameter', () => {
    expect(() => pipe.transform('a\u0000', { type: 'query', data: 'q' })).toThrow(ValidationFailed);
    try {
      pipe.transform('a\u0000', { type: 'query', data: 'q' });
    } catch (e) {
      expect((e as ValidationFailed).errors).toEqual({ q: expect.any(String) });
    }
  });

  it('should refuse nesting deeper than any form', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 20; i += 1) deep = { d: deep };
    expect(forbiddenInput(deep)?.message).toContain('terlalu dalam');
  });

  it('should refuse the keys that name an object\'s machinery, at any depth, in any JSON', () => {
    const segment = fc.string({ minLength: 1, maxLength: 6 }).filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k) && forbiddenInput(k) === null);
    fc.assert(
      fc.property(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.array(segment, { maxLength: 4 }), fc.jsonValue({ maxDepth: 2 }), (key, path, value) => {
        // Built as text, as a client sends it: JSON.parse makes `__proto__` an own key.
        let json = `{${JSON.stringify(key)}:${JSON.stringify(value)}}`;
        for (const p of [...path].reverse()) json = `{${JSON.stringify(p)}:${json}}`;
        const found = forbiddenInput(JSON.parse(json) as unknown);
        expect(found?.path).toBe([...path, key].join('.'));
        expect(found?.message).toBe(RESERVED_KEY_MESSAGE);
      }),
    );
  });

  it('should leave custom parameters alone', () => {
    expect(pipe.transform('a\u0000', { type: 'custom' })).toBe('a\u0000');
  });
});
