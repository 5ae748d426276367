import { UploadRules } from 'src/common/uploads/accepts-uploads';
import { IDENTITY_DOCUMENT_MAX_BYTES } from 'src/modules/requests/intake/intake.service';
import { HANDOVER_MAX_BYTES, HANDOVER_MAX_FILES } from 'src/modules/requests/workflow/request-workflow.service';

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
