import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { FieldCipher, sealContext } from 'src/common/crypto/field-cipher';
import { scopedSubmissionKey } from 'src/modules/requests/intake/idempotency';
import { RequestsRepository, SealedRequestRow } from 'src/modules/requests/requests.repository';
import { TrackingCodes } from 'src/modules/requests/tracking/tracking-code';

export interface SecretsPassResult {
  rows: number;
  failed: number;
}

const BATCH = 500;

/**
 * Keeps the request table's secrets in the current shape and under the current key:
 * - backfillLegacy(): rows from before tracking codes were stored get their code (recovered from
 *   the plain submission key under a configured key) encrypted, and their submission key replaced
 *   by its keyed hash; runs at every start, a no-op once done;
 * - resealAll(): every encrypted field re-encrypted under ENCRYPTION_KEY (npm run rotate-keys).
 * Both go in batches by id, change a row only if it is still what was read, and can run again or
 * on several instances at once while the portal serves.
 */
@Injectable()
export class RequestSecrets implements OnApplicationBootstrap {
  private readonly logger = new Logger('RequestSecrets');

  constructor(
    private readonly requests: RequestsRepository,
    private readonly cipher: FieldCipher,
    private readonly codes: TrackingCodes,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const result = await this.backfillLegacy();
    if (result.rows > 0 || result.failed > 0) this.logger.log({ msg: 'legacy request secrets moved', rows: result.rows, failed: result.failed });
  }

  async backfillLegacy(): Promise<SecretsPassResult> {
    const result = { rows: 0, failed: 0 };
    let after = '0';
    for (;;) {
      const rows = await this.requests.findLegacySecrets(after, BATCH);
      for (const row of rows) {
        const code = row.trackingCode === null && row.submissionKey && row.trackingCodeHash ? this.codes.recoverLegacy(row.submissionKey, row.trackingCodeHash) : null;
        if (row.trackingCode === null && code === null) result.failed++;
        const scope = row.channel === 'online' ? { kind: 'online' as const } : { kind: 'offline' as const, unitId: row.receivingUnitId };
        const keyHash = row.submissionKey ? this.cipher.keyedHash(scopedSubmissionKey(scope, row.submissionKey)) : null;
        try {
          const moved = await this.requests.replaceLegacySecrets(row.id, code ? this.codes.seal(code, row.registrationNumber) : null, keyHash, row.submissionKey);
          if (moved) result.rows++;
        } catch (e) {
          // A key hash already taken cannot be kept; the row keeps its code and loses only replay detection.
          this.logger.warn({ msg: 'legacy submission key not moved', requestId: row.id, error: (e as Error).message });
          await this.requests.replaceLegacySecrets(row.id, code ? this.codes.seal(code, row.registrationNumber) : null, null, row.submissionKey);
          result.rows++;
        }
      }
      if (rows.length < BATCH) return result;
      after = rows[rows.length - 1].id;
    }
  }

  async resealAll(onBatch?: (done: SecretsPassResult) => void): Promise<SecretsPassResult> {
    const result = { rows: 0, failed: 0 };
    let after = '0';
    for (;;) {
      const rows = await this.requests.findSealedNotUnder(this.cipher.currentHeader, after, BATCH);
      for (const row of rows) {
        let resealed: SealedRequestRow;
        try {
          resealed = this.resealed(row);
        } catch {
          // Sealed under a key that is not configured (or damaged): left as is and reported.
          result.failed++;
          continue;
        }
        if (await this.requests.replaceSealed(row, resealed)) result.rows++;
      }
      onBatch?.(result);
      if (rows.length < BATCH) return result;
      after = rows[rows.length - 1].id;
    }
  }

  private resealed(row: SealedRequestRow): SealedRequestRow {
    const again = (column: string, value: Buffer | null): Buffer | null =>
      value === null ? null : this.cipher.reseal(value, sealContext('requests', column, row.registrationNumber));
    return {
      ...row,
      requesterNik: again('requester_nik', row.requesterNik),
      requesterAddress: again('requester_address', row.requesterAddress) as Buffer,
      requesterPhone: again('requester_phone', row.requesterPhone),
      trackingCode: again('tracking_code', row.trackingCode),
    };
  }
}
