import { Injectable } from '@nestjs/common';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { FieldCipher, sealContext } from 'src/common/crypto/field-cipher';
import type { InformationRequest } from 'src/modules/requests/request.entity';

/** No 0/O, 1/I/L: a code read aloud over the phone or copied from paper survives. */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const TRACKING_CODE_LENGTH = 12;

/**
 * A new tracking code: 12 symbols drawn uniformly from 31 (about 59 bits), by rejection sampling
 * so no symbol is likelier than another.
 */
export function generateTrackingCode(): string {
  let out = '';
  const limit = 256 - (256 % TRACKING_ALPHABET.length);
  while (out.length < TRACKING_CODE_LENGTH) {
    for (const b of randomBytes(TRACKING_CODE_LENGTH * 2)) {
      if (b < limit && out.length < TRACKING_CODE_LENGTH) out += TRACKING_ALPHABET[b % TRACKING_ALPHABET.length];
    }
  }
  return out;
}

/** How codes were derived before they were stored: from a keyed digest of the submission key. */
function legacyCodeOf(digest: Buffer): string {
  let out = '';
  for (let i = 0; i < TRACKING_CODE_LENGTH; i++) out += TRACKING_ALPHABET[digest[i] % TRACKING_ALPHABET.length];
  return out;
}

/** 'abcd-efgh jkmn' → 'ABCDEFGHJKMN'. */
export function normalizeTrackingCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** 'ABCDEFGHJKMN' → 'ABCD-EFGH-JKMN' for display. */
export function formatTrackingCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** The seal context of a request's tracking code (see sealContext). */
export function trackingCodeContext(registrationNumber: string): string {
  return sealContext('requests', 'tracking_code', registrationNumber);
}

/**
 * Tracking codes are random and stored encrypted, bound to their request's registration number,
 * so they survive a key rotation: the receipt, the mails and the tracking page read the same code
 * before and after. Checking a typed code decrypts the stored one and compares in constant time.
 */
@Injectable()
export class TrackingCodes {
  constructor(private readonly cipher: FieldCipher) {}

  seal(code: string, registrationNumber: string): Buffer {
    return this.cipher.encrypt(code, trackingCodeContext(registrationNumber));
  }

  /** The request's code in the clear (receipt PDF, replayed submissions). */
  reveal(request: Pick<InformationRequest, 'trackingCode' | 'registrationNumber'>): string {
    if (!request.trackingCode) throw new Error(`request ${request.registrationNumber} has no stored tracking code`);
    return this.cipher.decrypt(request.trackingCode, trackingCodeContext(request.registrationNumber)).toString('utf8');
  }

  matches(request: Pick<InformationRequest, 'trackingCode' | 'registrationNumber'>, typed: string): boolean {
    if (!request.trackingCode) return false;
    // Digests of both: equal lengths for timingSafeEqual whatever was typed.
    const expected = createHash('sha256').update(this.reveal(request)).digest();
    const actual = createHash('sha256').update(normalizeTrackingCode(typed)).digest();
    return timingSafeEqual(expected, actual);
  }

  /**
   * The code of a request stored before codes were kept encrypted: derived from its submission key
   * under one of the configured keys, and confirmed by the keyed hash stored with it. Null when no
   * configured key derived it.
   */
  recoverLegacy(submissionKey: string, storedHash: string): string | null {
    const digests = this.cipher.legacyDigests(`tracking:${submissionKey}`);
    for (let i = 0; i < digests.length; i++) {
      const code = legacyCodeOf(digests[i]);
      const hash = this.cipher.keyedHashes(`code:${code}`)[i].hash;
      if (hash === storedHash) return code;
    }
    return null;
  }
}
