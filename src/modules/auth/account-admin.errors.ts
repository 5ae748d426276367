import { DomainError } from 'src/common/errors/domain-error';

/** An admin's action on an account that makes no sense in its state; the message says why. */
export class AccountActionRefused extends DomainError {
  readonly code = 'conflict';
}
