import { DomainError } from 'src/common/errors/domain-error';

/** The tracking lookup failed: unknown number and wrong code give the same answer on purpose. */
export class RequestNotFound extends DomainError {
  readonly code = 'not_found';

  constructor() {
    super('Permohonan tidak ditemukan. Periksa kembali nomor pendaftaran dan kode pelacakan.');
  }
}
