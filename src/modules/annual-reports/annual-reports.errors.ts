import { DomainError } from 'src/common/errors/domain-error';

/** A published report is the body's public statement: it is not edited or published again. */
export class ReportAlreadyPublished extends DomainError {
  readonly code = 'conflict';

  constructor() {
    super('Laporan tahun ini sudah diumumkan dan tidak dapat diubah lagi.');
  }
}

/** A year's report is published only once the year is over. */
export class ReportYearNotOver extends DomainError {
  readonly code = 'conflict';

  constructor(year: number) {
    super(`Laporan tahun ${year} baru dapat diumumkan setelah tahun ${year} berakhir.`);
  }
}
