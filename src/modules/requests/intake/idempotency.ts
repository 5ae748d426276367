import type { RequestSubmission } from 'src/modules/requests/intake/request-submission';

/** What a client may send as Idempotency-Key (or the form's hidden submission key). */
const SUBMISSION_KEY = /^[\w-]{16,64}$/;

export function validSubmissionKey(raw: string | undefined): string | undefined {
  return raw !== undefined && SUBMISSION_KEY.test(raw) ? raw : undefined;
}

/**
 * Where a key is looked up: online keys share one space (anonymous clients), an officer's keys
 * only that of the unit the request is recorded for, so a key never reaches another unit's request.
 */
export type SubmissionKeyScope = { kind: 'online' } | { kind: 'offline'; unitId: number };

/** The text hashed for a key (never stored in the clear). */
export function scopedSubmissionKey(scope: SubmissionKeyScope, key: string): string {
  return scope.kind === 'online' ? `submission-key:online:${key}` : `submission-key:offline:${scope.unitId}:${key}`;
}

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface SubmissionFingerprint {
  submission: RequestSubmission;
  /** Offline only: how and when it came in, as the officer recorded it. */
  channel?: string;
  receivedAt?: Date;
  /**
   * The identity document's bytes are part of the submission: a replay that attaches another
   * document is another submission (422), not a retry.
   */
  identityDocumentSha256?: string | null;
}

/**
 * The canonical text of a submission for the Idempotency-Key check: the validated, normalised
 * submission (so spacing, key order or letter case of an e-mail do not make a retry look new),
 * plus channel and receipt time for offline records and the SHA-256 of the identity document.
 */
export function submissionDigestInput(f: SubmissionFingerprint): string {
  return `submission-body:${canonicalJson({
    // Consent was added later: left out when not given, so digests stored before stay valid.
    submission: { ...f.submission, publicationConsent: f.submission.publicationConsent || undefined },
    channel: f.channel ?? null,
    receivedAt: f.receivedAt?.toISOString() ?? null,
    identityDocumentSha256: f.identityDocumentSha256 ?? null,
  })}`;
}
