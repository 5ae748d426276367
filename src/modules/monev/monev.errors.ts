import { FileTooLarge, ValidationFailed } from 'src/common/errors/domain-error';

/** The upload is not a monev CSV file this import can read; nothing was stored. */
export class MonevFileRefused extends ValidationFailed {
  constructor(reason: string) {
    super({ file: reason }, reason);
  }
}

export class MonevFileTooLarge extends FileTooLarge {
  constructor(maxBytes: number) {
    super({ file: `Berkas CSV paling besar ${Math.round(maxBytes / 1024)} KB.` });
  }
}
