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
