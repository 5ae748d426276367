import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';

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

/** SHA-256 of the content in hex, streamed from disk; null without a file. */
export async function sha256OfUploadedFile(file: UploadedFile | undefined): Promise<string | null> {
  if (!file || file.size === 0) return null;
  const hash = createHash('sha256');
  await pipeline(createReadStream(file.path), hash);
  return hash.digest('hex');
}
