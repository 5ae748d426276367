import { DomainError } from 'src/common/errors/domain-error';

/** An unknown or withdrawn answer, a withheld document, or an answer the officer may not see: all the same answer. */
export class PublishedAnswerNotFound extends DomainError {
  readonly code = 'not_found';

  constructor(message = 'Jawaban tidak ditemukan atau tidak lagi dipublikasikan.') {
    super(message);
  }
}

/** The answer or document is not in a state that allows this (withdrawn already, withheld already). */
export class PublishedAnswerConflict extends DomainError {
  readonly code = 'conflict';

  constructor(message: string) {
    super(message);
  }
}
