import { FieldCipher, sealContext } from 'src/common/crypto/field-cipher';
import { ConsultationsRepository } from './consultations.repository';

const BATCH = 500;

export type SealedColumn = 'asker_name' | 'asker_email' | 'tracking_code';

/** Where a consultation's sealed value lives: its column, bound to its number. */
export function consultationContext(column: SealedColumn, number: string): string {
  return sealContext('consultations', column, number);
}

export interface ConsultationSecretsResult {
  rows: number;
  failed: number;
}

/**
 * Re-encrypts every consultation whose name, e-mail or tracking code is not sealed under the current
 * key (npm run rotate-keys): in batches, each row compare-and-set, so it can run again and while
 * the portal serves.
 */
export class ConsultationSecrets {
  constructor(
    private readonly consultations: ConsultationsRepository,
    private readonly cipher: FieldCipher,
  ) {}

  async resealAll(onBatch?: (done: ConsultationSecretsResult) => void): Promise<ConsultationSecretsResult> {
    const result = { rows: 0, failed: 0 };
    let after = '0';
    for (;;) {
      const rows = await this.consultations.findSealedNotUnder(this.cipher.currentHeader, after, BATCH);
      for (const row of rows) {
        let resealed;
        try {
          resealed = {
            askerName: this.cipher.reseal(row.askerName, consultationContext('asker_name', row.number)),
            askerEmail: this.cipher.reseal(row.askerEmail, consultationContext('asker_email', row.number)),
            trackingCode: this.cipher.reseal(row.trackingCode, consultationContext('tracking_code', row.number)),
          };
        } catch {
          // Sealed under a key that is not configured (or damaged): left as is and reported.
          result.failed++;
          continue;
        }
        if (await this.consultations.replaceSealed(row, resealed)) result.rows++;
      }
      onBatch?.(result);
      if (rows.length < BATCH) return result;
      after = rows[rows.length - 1].id;
    }
  }
}
