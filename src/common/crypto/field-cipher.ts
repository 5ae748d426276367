import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { AppConfig } from 'src/config/app-config';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM for personal data at rest (NIK, address, phone, identity documents).
 * Layout: version (1 byte) | IV (12) | tag (16) | ciphertext. A tampered value fails to decrypt.
 */
@Injectable()
export class FieldCipher {
  private readonly key: Buffer;
  private readonly hmacKey: Buffer;

  constructor(config: AppConfig) {
    this.key = config.encryptionKey;
    // A separate key for keyed hashes, so a hash never reveals anything about the cipher key.
    this.hmacKey = createHash('sha256').update('portal-kip:hmac:').update(config.encryptionKey).digest();
  }

  encrypt(plain: Buffer | string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(typeof plain === 'string' ? Buffer.from(plain, 'utf8') : plain), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
  }

  decrypt(sealed: Buffer): Buffer {
    if (sealed[0] !== VERSION) throw new Error('unknown ciphertext version');
    const iv = sealed.subarray(1, 1 + IV_BYTES);
    const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
  }

  decryptText(sealed: Buffer | null): string | null {
    return sealed ? this.decrypt(sealed).toString('utf8') : null;
  }

  /** A keyed hash for values that must be compared but never read back (tracking codes). */
  keyedHash(value: string): string {
    return this.keyedDigest(value).toString('hex');
  }

  keyedDigest(value: string): Buffer {
    return createHmac('sha256', this.hmacKey).update(value).digest();
  }
}
