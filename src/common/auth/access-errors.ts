import { DomainError } from 'src/common/errors/domain-error';

/** No session or bearer token where one is needed: pages redirect to /masuk, the API answers 401. */
export class AuthenticationRequired extends DomainError {
  readonly code = 'unauthenticated';

  constructor() {
    super('Silakan masuk terlebih dahulu.');
  }
}

/** Signed in, but the role or the unit does not allow this. */
export class AccessDenied extends DomainError {
  readonly code = 'not_allowed';

  constructor(message = 'Anda tidak memiliki akses ke halaman atau data ini.') {
    super(message);
  }
}
