import { RequestSubmission } from 'src/modules/requests/intake/request-submission';
import { canonicalJson, scopedSubmissionKey, submissionDigestInput, validSubmissionKey } from './idempotency';

const submission: RequestSubmission = {
  unitId: 7,
  requester: {
    type: 'individual',
    name: 'Dyah Ayu',
    nik: '3578015503900001',
    registrationNo: null,
    address: 'Jl. Pemuda 17',
    phone: '081234567890',
    email: 'dyah@contoh.id',
    occupation: 'Guru',
  },
  information: 'Dokumen APBD 2025',
  purpose: 'Penelitian',
  obtainMethod: 'copy_soft',
  copyDelivery: 'email',
  publicationConsent: false,
};

describe('idempotency', () => {
  it('should give the same canonical text whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: null }], c: 'x' } })).toBe(canonicalJson({ a: { c: 'x', d: [2, { e: null, f: 1 }] }, b: 1 }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
  });

  it('should give the same digest input for the same submission and a different one for any change', () => {
    const { requester, ...rest } = submission;
    const reordered = JSON.parse(JSON.stringify({ ...rest, requester: { ...requester } })) as RequestSubmission;
    expect(submissionDigestInput({ submission: reordered })).toBe(submissionDigestInput({ submission }));
    expect(submissionDigestInput({ submission: { ...submission, purpose: 'Lain' } })).not.toBe(submissionDigestInput({ submission }));
    expect(submissionDigestInput({ submission: { ...submission, publicationConsent: true } })).not.toBe(submissionDigestInput({ submission }));
    expect(submissionDigestInput({ submission, identityDocumentSha256: 'a'.repeat(64) })).not.toBe(
      submissionDigestInput({ submission, identityDocumentSha256: 'b'.repeat(64) }),
    );
    expect(submissionDigestInput({ submission, channel: 'letter', receivedAt: new Date('2025-01-01T00:00:00Z') })).not.toBe(
      submissionDigestInput({ submission, channel: 'letter', receivedAt: new Date('2025-01-02T00:00:00Z') }),
    );
  });

  it('should scope officer keys by unit and keep online keys apart', () => {
    const keys = [
      scopedSubmissionKey({ kind: 'online' }, 'k'.repeat(16)),
      scopedSubmissionKey({ kind: 'offline', unitId: 1 }, 'k'.repeat(16)),
      scopedSubmissionKey({ kind: 'offline', unitId: 2 }, 'k'.repeat(16)),
    ];
    expect(new Set(keys).size).toBe(3);
  });

  it.each([
    ['idem-key-0123456789abcdef', true],
    ['short', false],
    ['x'.repeat(65), false],
    ['bad key with spaces 1234', false],
  ])('should accept %s as a key: %s', (key, ok) => {
    expect(validSubmissionKey(key) !== undefined).toBe(ok);
  });
});
