import { DomainError } from 'src/common/errors/domain-error';

/** A withdrawn item stays in the history as it was; it is not edited again. */
export class DipItemWithdrawn extends DomainError {
  readonly code = 'conflict';

  constructor() {
    super('Informasi ini sudah ditarik dari Daftar Informasi Publik dan tidak dapat diubah lagi.');
  }
}

/** Someone else saved the item since the form was opened. */
export class DipItemChanged extends DomainError {
  readonly code = 'conflict';

  constructor() {
    super('Informasi ini baru saja diubah orang lain. Muat ulang halaman, lalu ulangi perubahan Anda.');
  }
}
