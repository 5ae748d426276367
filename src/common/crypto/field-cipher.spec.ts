import { createCipheriv, randomBytes } from 'node:crypto';
import { AppConfig } from 'src/config/app-config';
import { FieldCipher, SEALED_HEADER_BYTES, sealContext } from './field-cipher';

const KEY_A = Buffer.alloc(32, 1);
const KEY_B = Buffer.alloc(32, 2);

function cipherWith(current: Buffer, previous?: Buffer): FieldCipher {
  return new FieldCipher({ encryptionKey: current, encryptionKeyPrevious: previous } as AppConfig);
}

/** A value as the portal sealed it before keys were bound to rows (version 1, no associated data). */
function legacySeal(key: Buffer, plain: string): Buffer {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return Buffer.concat([Buffer.from([1]), iv, c.getAuthTag(), body]);
}

describe('FieldCipher', () => {
  const nikOf = (row: string) => sealContext('requests', 'requester_nik', row);

  it('should decrypt a value with the context it was sealed with', () => {
    const a = cipherWith(KEY_A);
    const sealed = a.encrypt('3578015503900001', nikOf('3578-U-2026-00001'));
    expect(a.decryptText(sealed, nikOf('3578-U-2026-00001'))).toBe('3578015503900001');
    expect(sealed.includes(Buffer.from('3578015503900001'))).toBe(false);
  });

  it('should refuse a value moved to another row or another column', () => {
    const a = cipherWith(KEY_A);
    const sealed = a.encrypt('3578015503900001', nikOf('3578-U-2026-00001'));
    expect(() => a.decrypt(sealed, nikOf('3578-U-2026-00002'))).toThrow();
    expect(() => a.decrypt(sealed, sealContext('requests', 'requester_phone', '3578-U-2026-00001'))).toThrow();
  });

  it('should refuse a tampered value', () => {
    const a = cipherWith(KEY_A);
    const sealed = a.encrypt('rahasia', 'x');
    sealed[sealed.length - 1] ^= 1;
    expect(() => a.decrypt(sealed, 'x')).toThrow();
  });

  it('should carry the version and the id of the key that sealed it', () => {
    const a = cipherWith(KEY_A);
    const b = cipherWith(KEY_B, KEY_A);
    const sealedA = a.encrypt('x', 'c');
    const sealedB = b.encrypt('x', 'c');
    expect(sealedA[0]).toBe(2);
    expect(sealedA.subarray(0, SEALED_HEADER_BYTES)).toEqual(a.currentHeader);
    expect(sealedB.subarray(0, SEALED_HEADER_BYTES)).toEqual(b.currentHeader);
    expect(a.currentHeader.equals(b.currentHeader)).toBe(false);
    expect(b.needsResealing(sealedA)).toBe(true);
    expect(b.needsResealing(sealedB)).toBe(false);
  });

  it('should decrypt with the previous key, and re-seal under the current one', () => {
    const sealedA = cipherWith(KEY_A).encrypt('Jl. Pemuda 17', 'ctx');
    const rotating = cipherWith(KEY_B, KEY_A);
    expect(rotating.decryptText(sealedA, 'ctx')).toBe('Jl. Pemuda 17');
    const resealed = rotating.reseal(sealedA, 'ctx');
    expect(rotating.needsResealing(resealed)).toBe(false);
    expect(rotating.reseal(resealed, 'ctx')).toBe(resealed);
    expect(cipherWith(KEY_B).decryptText(resealed, 'ctx')).toBe('Jl. Pemuda 17');
  });

  it('should refuse a value sealed under a key that is no longer configured', () => {
    const sealedA = cipherWith(KEY_A).encrypt('x', 'ctx');
    expect(() => cipherWith(KEY_B).decrypt(sealedA, 'ctx')).toThrow(/not configured/);
  });

  it('should still decrypt version-1 values under the current or the previous key until they are re-sealed', () => {
    const rotating = cipherWith(KEY_B, KEY_A);
    expect(rotating.decryptText(legacySeal(KEY_A, 'lama'), 'any')).toBe('lama');
    expect(rotating.decryptText(legacySeal(KEY_B, 'lama'), 'any')).toBe('lama');
    expect(rotating.needsResealing(legacySeal(KEY_B, 'lama'))).toBe(true);
    expect(() => cipherWith(KEY_B).decrypt(legacySeal(KEY_A, 'lama'), 'any')).toThrow();
  });

  it('should give keyed hashes under every configured key, current first', () => {
    const a = cipherWith(KEY_A);
    const rotating = cipherWith(KEY_B, KEY_A);
    const hashes = rotating.keyedHashes('v');
    expect(hashes).toHaveLength(2);
    expect(hashes[0].hash).toBe(rotating.keyedHash('v'));
    expect(hashes[1].hash).toBe(a.keyedHash('v'));
    expect(rotating.keyedHashWith(hashes[1].keyId, 'w')).toBe(a.keyedHash('w'));
    expect(rotating.keyedHashWith('00000000', 'w')).toBeNull();
  });
});
