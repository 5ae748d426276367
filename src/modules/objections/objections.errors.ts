import { DomainError } from 'src/common/errors/domain-error';

export class ObjectionNotFound extends DomainError {
  readonly code = 'not_found';

  constructor(message = 'Keberatan tidak ditemukan.') {
    super(message);
  }
}

/** A ground that has not arisen, or whose 30 working days have passed (Pasal 36(1)); `errors.grounds` says which and why. */
export class ObjectionNotEligible extends DomainError {
  readonly code = 'unprocessable';

  constructor(reasons: string[]) {
    super(`Keberatan tidak dapat diajukan. ${reasons.join(' ')}`, { grounds: reasons.join(' ') });
  }
}

/** The objection or dispute is not in a state that allows this (already decided, one still pending, …). */
export class ObjectionConflict extends DomainError {
  readonly code = 'conflict';
}
