import { readFile } from 'node:fs/promises';

/**
 * A file of a multipart form, streamed to a temporary file that is removed after the request.
 * `size` is what the client sent, even past the route's limit; the temporary file then holds
 * only the first bytes, so check the size before reading the content.
 */
export interface UploadedFile {
  originalname: string;
  size: number;
  path: string;
}

/** The whole content, for files kept in the database; read only after validation. */
export function readUploadedFile(file: UploadedFile): Promise<Buffer> {
  return readFile(file.path);
}
