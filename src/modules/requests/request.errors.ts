import { DomainError } from 'src/common/errors/domain-error';

/** The tracking lookup failed: unknown number and wrong code give the same answer on purpose. */
export class RequestNotFound extends DomainError {
  readonly code = 'not_found';

  constructor(message = 'Permohonan tidak ditemukan. Periksa kembali nomor pendaftaran dan kode lacak.') {
    super(message);
  }
}

/** Someone else changed the request since this page was opened; nothing was saved. */
export class RequestChanged extends DomainError {
  readonly code = 'conflict';

  constructor() {
    super('Permohonan ini baru saja diubah oleh petugas lain. Muat ulang halaman untuk melihat perubahan, lalu ulangi tindakan Anda.');
  }
}

/** The action is not allowed in the request's current state (the transition table says no). */
export class ActionNotAllowed extends DomainError {
  readonly code = 'conflict';
}

/**
 * An Idempotency-Key (or the form's submission key) that already registered a request with other
 * content. Nothing of that request is revealed; the client sends the new content with a new key.
 */
export class SubmissionKeyReused extends DomainError {
  readonly code = 'unprocessable';

  constructor() {
    super('Kunci pengiriman (Idempotency-Key) ini sudah dipakai untuk permohonan dengan isi yang berbeda. Kirim permohonan ini dengan kunci baru.');
  }
}
