import { UploadRules } from 'src/common/uploads/accepts-uploads';

const MB = 1024 * 1024;

export const DIP_FILE_MAX_BYTES = 20 * MB;
export const DIP_MAX_FILES = 5;
/** PDF, images and office documents, recognised by their bytes (old .doc/.xls are 'cfb'). */
export const DIP_FILE_TYPES = new Set(['pdf', 'jpg', 'png', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'cfb']);

/** The files of a DIP item on the officers' form. */
export const DIP_UPLOAD: UploadRules = {
  files: [{ name: 'files', maxCount: DIP_MAX_FILES }],
  maxFileBytes: DIP_FILE_MAX_BYTES,
  maxRequestBytes: DIP_MAX_FILES * DIP_FILE_MAX_BYTES + MB,
  tooLargeMessage: `Paling banyak ${DIP_MAX_FILES} berkas, masing-masing paling besar 20 MB.`,
};
