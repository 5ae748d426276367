import { FieldCipher, sealContext } from 'src/common/crypto/field-cipher';
import { ObjectionsRepository } from './objections.repository';

const BATCH = 500;

/** Where a key rotation stands: values rewritten, and values no configured key could open. */
export interface ObjectionSecretsResult {
  rows: number;
  failed: number;
}

/** The kuasa's address, bound to its objection's number. */
export function proxyAddressContext(objectionNumber: string): string {
  return sealContext('objections', 'proxy_address', objectionNumber);
}

/**
 * Re-encrypts every kuasa address not sealed under the current key (npm run rotate-keys): in
 * batches, each row compare-and-set, so it can run again and while the portal serves.
 */
export class ObjectionSecrets {
  constructor(
    private readonly objections: ObjectionsRepository,
    private readonly cipher: FieldCipher,
  ) {}

  async resealAll(onBatch?: (done: ObjectionSecretsResult) => void): Promise<ObjectionSecretsResult> {
    const result = { rows: 0, failed: 0 };
    let after = '0';
    for (;;) {
      const rows = await this.objections.findProxyAddressesNotUnder(this.cipher.currentHeader, after, BATCH);
      for (const row of rows) {
        let resealed: Buffer;
        try {
          resealed = this.cipher.reseal(row.proxyAddress, proxyAddressContext(row.number));
        } catch {
          // Sealed under a key that is not configured (or damaged): left as is and reported.
          result.failed++;
          continue;
        }
        if (await this.objections.replaceProxyAddress(row.id, row.proxyAddress, resealed)) result.rows++;
      }
      onBatch?.(result);
      if (rows.length < BATCH) return result;
      after = rows[rows.length - 1].id;
    }
  }
}
