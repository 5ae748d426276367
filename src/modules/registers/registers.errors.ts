import { DomainError } from 'src/common/errors/domain-error';

/** A download over the export limit: the officer narrows the period or the unit. */
export class RegisterTooLarge extends DomainError {
  readonly code = 'unprocessable';

  constructor(limit: number) {
    super(`Register ini memuat lebih dari ${limit.toLocaleString('id-ID')} permohonan. Persempit periode atau pilih satu unit.`);
  }
}
