import { UploadRules } from 'src/common/uploads/accepts-uploads';
import { IDENTITY_DOCUMENT_MAX_BYTES } from 'src/modules/requests/intake/intake.service';
import { HANDOVER_MAX_BYTES, HANDOVER_MAX_FILES } from 'src/modules/requests/workflow/request-workflow.service';
import { DELIVERY_PROOF_MAX_BYTES } from 'src/modules/requests/workflow/request-actions.service';

const MB = 1024 * 1024;

/**
 * The request form's identity document. The body may be somewhat larger than the file limit so a
 * too-large photo still comes back as a message beside the field, with the rest of the form kept.
 */
export const IDENTITY_DOCUMENT_UPLOAD: UploadRules = {
  files: [{ name: 'identityDocument', maxCount: 1 }],
  maxFileBytes: IDENTITY_DOCUMENT_MAX_BYTES,
  maxRequestBytes: 12 * MB,
  tooLargeMessage: 'Dokumen identitas paling besar 2 MB.',
};

/** Documents handed over to the requester (officers only). */
export const HANDOVER_UPLOAD: UploadRules = {
  files: [{ name: 'files', maxCount: HANDOVER_MAX_FILES }],
  maxFileBytes: HANDOVER_MAX_BYTES,
  maxRequestBytes: HANDOVER_MAX_FILES * HANDOVER_MAX_BYTES + MB,
  tooLargeMessage: `Paling banyak ${HANDOVER_MAX_FILES} berkas, masing-masing paling besar 20 MB.`,
};

/** The delivery proof (officers only): one PDF or image of at most 5 MB. */
export const DELIVERY_PROOF_UPLOAD: UploadRules = {
  files: [{ name: 'proof', maxCount: 1 }],
  maxFileBytes: DELIVERY_PROOF_MAX_BYTES,
  maxRequestBytes: DELIVERY_PROOF_MAX_BYTES + MB,
  tooLargeMessage: 'Berkas bukti penyampaian paling besar 5 MB.',
};

/** The officers' request page posts every action to one route: the handover's files or the delivery proof. */
export const OFFICER_ACTION_UPLOAD: UploadRules = {
  files: [...HANDOVER_UPLOAD.files, ...DELIVERY_PROOF_UPLOAD.files],
  maxFileBytes: HANDOVER_MAX_BYTES,
  maxRequestBytes: HANDOVER_UPLOAD.maxRequestBytes,
  tooLargeMessage: HANDOVER_UPLOAD.tooLargeMessage,
};
