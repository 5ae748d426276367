import { UploadRules } from 'src/common/uploads/accepts-uploads';
import { PROXY_DOCUMENT_MAX_BYTES } from './objections.service';

/** The kuasa's power of attorney on the objection form; the body may be a little larger so the limit is named beside the field. */
export const PROXY_DOCUMENT_UPLOAD: UploadRules = {
  files: [{ name: 'proxyDocument', maxCount: 1 }],
  maxFileBytes: PROXY_DOCUMENT_MAX_BYTES,
  maxRequestBytes: 12 * 1024 * 1024,
  tooLargeMessage: 'Surat kuasa paling besar 2 MB.',
};
