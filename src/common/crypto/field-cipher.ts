import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { AppConfig } from 'src/config/app-config';

/** Ciphertexts before keys were bound to rows: version | IV | tag | ciphertext, no associated data. */
const LEGACY_VERSION = 1;
const VERSION = 2;
const KEY_ID_BYTES = 4;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Version byte and key id: what every current ciphertext starts with. */
export const SEALED_HEADER_BYTES = 1 + KEY_ID_BYTES;

interface Key {
  id: Buffer;
  cipherKey: Buffer;
  hmacKey: Buffer;
}

function keyOf(raw: Buffer): Key {
  return {
    // A fingerprint, not the key: tells which key sealed a value without trying each one.
    id: createHmac('sha256', raw).update('portal-kip:key-id').digest().subarray(0, KEY_ID_BYTES),
    cipherKey: raw,
    // A separate key for keyed hashes, so a hash never reveals anything about the cipher key.
    hmacKey: createHash('sha256').update('portal-kip:hmac:').update(raw).digest(),
  };
}

/**
 * Where a ciphertext lives: `<table>.<column>:<row key>`, e.g. `requests.requester_nik:3578-U-2026-00031`.
 * It is the AES-GCM associated data, so a value copied to another row or column fails to decrypt.
 * The row key is one the writer knows before the insert and that never changes: the registration
 * number for requests, the (application-generated) uuid for stored files.
 */
export function sealContext(table: string, column: string, rowKey: string): string {
  return `${table}.${column}:${rowKey}`;
}

/** A keyed hash under one of the configured keys, with the id of that key. */
export interface KeyedHash {
  keyId: string;
  hash: string;
}

/**
 * AES-256-GCM for personal data at rest (NIK, address, phone, identity documents, tracking codes).
 * Layout: version 2 (1 byte) | key id (4) | IV (12) | tag (16) | ciphertext, with the seal context
 * as associated data. Encrypts with ENCRYPTION_KEY; decrypts with it or ENCRYPTION_KEY_PREVIOUS
 * (the key id picks). Version 1 values (no key id, no context) still decrypt until
 * `npm run rotate-keys` rewrites them.
 */
@Injectable()
export class FieldCipher {
  private readonly current: Key;
  private readonly keys: Key[];

  constructor(config: AppConfig) {
    this.current = keyOf(config.encryptionKey);
    this.keys = config.encryptionKeyPrevious ? [this.current, keyOf(config.encryptionKeyPrevious)] : [this.current];
  }

  /** Whether a previous key is configured (a rotation in progress): hashes may be stored under either key. */
  get rotating(): boolean {
    return this.keys.length > 1;
  }

  /** The first bytes of every value sealed under the current key (rows that start otherwise need rotating). */
  get currentHeader(): Buffer {
    return Buffer.concat([Buffer.from([VERSION]), this.current.id]);
  }

  encrypt(plain: Buffer | string, context: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.cipherKey, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(typeof plain === 'string' ? Buffer.from(plain, 'utf8') : plain), cipher.final()]);
    return Buffer.concat([this.currentHeader, iv, cipher.getAuthTag(), body]);
  }

  decrypt(sealed: Buffer, context: string): Buffer {
    if (sealed[0] === LEGACY_VERSION) return this.decryptLegacy(sealed);
    if (sealed[0] !== VERSION) throw new Error('unknown ciphertext version');
    const id = sealed.subarray(1, SEALED_HEADER_BYTES);
    const key = this.keys.find((k) => k.id.equals(id));
    if (!key) throw new Error('ciphertext sealed with a key that is not configured');
    return open(key.cipherKey, sealed.subarray(SEALED_HEADER_BYTES), Buffer.from(context, 'utf8'));
  }

  decryptText(sealed: Buffer | null, context: string): string | null {
    return sealed ? this.decrypt(sealed, context).toString('utf8') : null;
  }

  /** Whether the value is sealed otherwise than under the current key and format. */
  needsResealing(sealed: Buffer): boolean {
    return !sealed.subarray(0, SEALED_HEADER_BYTES).equals(this.currentHeader);
  }

  /** The value sealed again under the current key, or the same buffer when it already is. */
  reseal(sealed: Buffer, context: string): Buffer {
    return this.needsResealing(sealed) ? this.encrypt(this.decrypt(sealed, context), context) : sealed;
  }

  /** A keyed hash under the current key, for values compared but never read back. */
  keyedHash(value: string): string {
    return this.keyedDigest(value).toString('hex');
  }

  keyedDigest(value: string): Buffer {
    return createHmac('sha256', this.current.hmacKey).update(value).digest();
  }

  /** The keyed hash under every configured key, current first: lookups keep working during a rotation. */
  keyedHashes(value: string): KeyedHash[] {
    return this.keys.map((k) => ({ keyId: k.id.toString('hex'), hash: createHmac('sha256', k.hmacKey).update(value).digest('hex') }));
  }

  /** The same under one key, by its id (a hash found under the previous key is compared under it). */
  keyedHashWith(keyId: string, value: string): string | null {
    const key = this.keys.find((k) => k.id.toString('hex') === keyId);
    return key ? createHmac('sha256', key.hmacKey).update(value).digest('hex') : null;
  }

  /** Keyed digests under every configured key; only for recovering values derived before keys were bound to rows. */
  legacyDigests(value: string): Buffer[] {
    return this.keys.map((k) => createHmac('sha256', k.hmacKey).update(value).digest());
  }

  private decryptLegacy(sealed: Buffer): Buffer {
    let failure: unknown;
    for (const key of this.keys) {
      try {
        return open(key.cipherKey, sealed.subarray(1), null);
      } catch (e) {
        failure = e;
      }
    }
    throw failure;
  }
}

function open(key: Buffer, rest: Buffer, aad: Buffer | null): Buffer {
  const iv = rest.subarray(0, IV_BYTES);
  const tag = rest.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  if (aad) decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(rest.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}
