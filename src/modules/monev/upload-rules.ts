import { UploadRules } from 'src/common/uploads/accepts-uploads';

/** Largest monev CSV file: a province's results for a year are a few kilobytes. */
export const MONEV_FILE_MAX_BYTES = 512 * 1024;

/** The one file of the monev import; the body may be a little larger so the limit is named beside the field. */
export const MONEV_FILE_UPLOAD: UploadRules = {
  files: [{ name: 'file', maxCount: 1 }],
  maxFileBytes: MONEV_FILE_MAX_BYTES,
  maxRequestBytes: 2 * 1024 * 1024,
  tooLargeMessage: 'Berkas CSV paling besar 512 KB.',
  maxFields: 5,
};
