import { Injectable } from '@nestjs/common';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { FieldCipher } from 'src/common/crypto/field-cipher';

/** No 0/O, 1/I/L: a code read aloud over the phone or copied from paper survives. */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const TRACKING_CODE_LENGTH = 12;

function encode(bytes: Buffer): string {
  let out = '';
  for (let i = 0; i < TRACKING_CODE_LENGTH; i++) out += TRACKING_ALPHABET[bytes[i] % TRACKING_ALPHABET.length];
  return out;
}

/** A submission key for requests that came without one (the API without Idempotency-Key, offline channels). */
export function randomSubmissionKey(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * The tracking code of a request: a keyed digest of its submission key (about 59 bits over 31
 * symbols). The same form sent twice yields the same code, and the mail worker can put it in the
 * receipt, while the database alone never reveals it.
 */
export function trackingCodeFromDigest(digest: Buffer): string {
  return encode(digest);
}

/** 'abcd-efgh jkmn' → 'ABCDEFGHJKMN'. */
export function normalizeTrackingCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** 'ABCDEFGHJKMN' → 'ABCD-EFGH-JKMN' for display. */
export function formatTrackingCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** Derives, hashes and checks tracking codes with the portal's keyed digest. */
@Injectable()
export class TrackingCodes {
  constructor(private readonly cipher: FieldCipher) {}

  forSubmission(submissionKey: string): string {
    return trackingCodeFromDigest(this.cipher.keyedDigest(`tracking:${submissionKey}`));
  }

  hash(code: string): string {
    return this.cipher.keyedHash(`code:${normalizeTrackingCode(code)}`);
  }

  matches(storedHash: string, typed: string): boolean {
    const expected = Buffer.from(this.hash(typed));
    const actual = Buffer.from(storedHash);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
}
