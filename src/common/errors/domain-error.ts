/**
 * Base of every rule violation a service reports. Services never throw HTTP exceptions: the
 * code says what went wrong, and the edge (DomainErrorFilter) maps it to a status and a page.
 */
export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;

  constructor(
    message: string,
    readonly errors?: Record<string, string>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Every domain error code of the portal; the filter maps each to an HTTP status exhaustively. */
export type DomainErrorCode =
  | 'validation_failed'
  | 'not_found'
  | 'conflict'
  | 'not_allowed'
  | 'rate_limited'
  | 'payload_too_large'
  | 'unprocessable'
  | 'unauthenticated';

/** Input that breaks a rule; `errors` names each field and why (Bahasa Indonesia). */
export class ValidationFailed extends DomainError {
  readonly code = 'validation_failed';

  constructor(errors: Record<string, string>, message = Object.values(errors).join('; ')) {
    super(message || 'Isian tidak valid.', errors);
  }
}

export class NotFound extends DomainError {
  readonly code = 'not_found';

  constructor(message = 'Data tidak ditemukan.') {
    super(message);
  }
}

export function statusOf(code: DomainErrorCode): number {
  switch (code) {
    case 'validation_failed':
      return 400;
    case 'unauthenticated':
      return 401;
    case 'not_allowed':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'unprocessable':
      return 422;
    case 'rate_limited':
      return 429;
    case 'payload_too_large':
      return 413;
  }
}

/** Too many attempts from one address or for one e-mail; the message says when to try again. */
export class RateLimited extends DomainError {
  readonly code = 'rate_limited';

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** An uploaded file over its limit; `errors` names the field and the limit. */
export class FileTooLarge extends DomainError {
  readonly code = 'payload_too_large';

  constructor(errors: Record<string, string>) {
    super(Object.values(errors).join('; '), errors);
  }
}
