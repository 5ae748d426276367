import { DomainError } from 'src/common/errors/domain-error';

export class UnitCodeTaken extends DomainError {
  readonly code = 'conflict';

  constructor(code: string) {
    const message = `Kode unit ${code} sudah dipakai di badan publik ini.`;
    super(message, { code: message });
  }
}
