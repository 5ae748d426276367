import { DomainError } from 'src/common/errors/domain-error';

/** An unknown number, a wrong tracking code, or a consultation the officer may not see: all the same answer. */
export class ConsultationNotFound extends DomainError {
  readonly code = 'not_found';

  constructor(message = 'Konsultasi tidak ditemukan. Periksa nomor konsultasi dan kode lacak.') {
    super(message);
  }
}

/** The consultation is not in a state that allows this (answered already, no consent to publish, …). */
export class ConsultationConflict extends DomainError {
  readonly code = 'conflict';

  constructor(message: string, field?: string) {
    super(message, field ? { [field]: message } : undefined);
  }
}
