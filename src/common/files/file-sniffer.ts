import { loadEsm } from 'src/common/files/load-esm';

export interface SniffedType {
  ext: string;
  mime: string;
}

/** The file's real type from its first bytes (magic numbers), whatever its name says. */
export async function sniffFileType(bytes: Buffer): Promise<SniffedType | null> {
  const { fileTypeFromBuffer } = await loadEsm<typeof import('file-type/core')>('file-type/core');
  const found = await fileTypeFromBuffer(bytes);
  return found ? { ext: found.ext, mime: found.mime } : null;
}

/** The same for a file on disk: reads only the bytes the detection needs, not the whole file. */
export async function sniffFileTypeAt(path: string): Promise<SniffedType | null> {
  // file-type's Node entry; typed here since its declarations sit behind package exports.
  const { fileTypeFromFile } = await loadEsm<{ fileTypeFromFile(path: string): Promise<SniffedType | undefined> }>('file-type/node');
  const found = await fileTypeFromFile(path);
  return found ? { ext: found.ext, mime: found.mime } : null;
}
