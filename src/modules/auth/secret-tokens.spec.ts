import { safeReturnPath, signInPath } from 'src/common/auth/authenticated';
import { hashSecretToken, looksLikeSecretToken, newSecretToken, redactSecretPath } from './secret-tokens';

describe('secret tokens', () => {
  it('should make distinct 43-character tokens whose stored hash is not the token', () => {
    const a = newSecretToken('kip_');
    const b = newSecretToken('kip_');
    expect(a).not.toBe(b);
    expect(looksLikeSecretToken(a, 'kip_')).toBe(true);
    expect(looksLikeSecretToken(a)).toBe(false);
    expect(hashSecretToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecretToken(a)).not.toContain(a.slice(4));
  });

  it.each([
    ['/undangan/abcDEF123_-xyz', '/undangan/[disembunyikan]'],
    ['/undangan/abc/extra', '/undangan/[disembunyikan]/extra'],
    ['/lacak', '/lacak'],
    ['/admin/undangan/x', '/admin/undangan/x'],
  ])('should redact %s as %s in logs', (path, logged) => {
    expect(redactSecretPath(path)).toBe(logged);
  });
});

describe('return path after sign-in', () => {
  it.each([
    ['/admin/pengguna?dibuat=3', '/admin/pengguna?dibuat=3'],
    ['//evil.example/', undefined],
    ['/\\evil.example', undefined],
    ['https://evil.example/', undefined],
    ['/ok\r\nSet-Cookie: x=1', undefined],
    [undefined, undefined],
  ])('should keep %p as %p', (raw, kept) => {
    expect(safeReturnPath(raw)).toBe(kept);
  });

  it('should encode the path into /masuk?next=', () => {
    expect(signInPath('/admin/pengguna?dibuat=1')).toBe('/masuk?next=%2Fadmin%2Fpengguna%3Fdibuat%3D1');
    expect(signInPath('/')).toBe('/masuk');
  });
});
