import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { FieldCipher, SEALED_HEADER_BYTES, sealContext } from 'src/common/crypto/field-cipher';
import { FilesRepository } from './files.repository';
import { StoredFile, StoredFileKind } from './stored-file.entity';

export interface NewFile {
  kind: StoredFileKind;
  filename: string;
  mediaType: string;
  content: Buffer;
  encrypt: boolean;
}

/** One batch of a key rotation: where to go on from (null when done), rows rewritten, rows that could not be decrypted. */
export interface ResealProgress {
  last: string | null;
  resealed: number;
  failed: number;
}

/** Encrypted content is bound to its row by the file's id, generated here so it is known before the insert. */
function contentContext(id: string): string {
  return sealContext('stored_files', 'content', id);
}

/** Files kept in the database, encrypted when they carry personal data. */
@Injectable()
export class FilesService {
  constructor(
    private readonly files: FilesRepository,
    private readonly cipher: FieldCipher,
  ) {}

  store(m: EntityManager, file: NewFile): Promise<StoredFile> {
    const id = randomUUID();
    return this.files.insert(m, {
      id,
      kind: file.kind,
      filename: safeFilename(file.filename),
      mediaType: file.mediaType,
      size: file.content.length,
      encrypted: file.encrypt,
      content: file.encrypt ? this.cipher.encrypt(file.content, contentContext(id)) : file.content,
      sha256: createHash('sha256').update(file.content).digest('hex'),
    });
  }

  /** The file with its content in the clear, or null. */
  async read(id: string): Promise<(StoredFile & { plain: Buffer }) | null> {
    const file = await this.files.findById(id);
    if (!file) return null;
    return Object.assign(file, { plain: file.encrypted ? this.cipher.decrypt(file.content, contentContext(id)) : file.content });
  }

  /**
   * Re-encrypts up to `limit` encrypted files not yet under the current key, after the id `after`;
   * returns the last id seen (null when done) and how many were rewritten. Each update only applies
   * if the content is still what was read, so a concurrent writer is never overwritten.
   */
  async resealBatch(after: string | null, limit: number): Promise<ResealProgress> {
    const rows = await this.files.findSealedOtherwise(after, this.cipher.currentHeader, SEALED_HEADER_BYTES, limit);
    let resealed = 0;
    let failed = 0;
    for (const row of rows) {
      let sealed: Buffer;
      try {
        sealed = this.cipher.reseal(row.content, contentContext(row.id));
      } catch {
        // Sealed under a key that is not configured (or damaged): left as is and reported.
        failed++;
        continue;
      }
      resealed += await this.files.replaceContent(row.id, sealed, row.content);
    }
    return { last: rows.length === limit ? rows[rows.length - 1].id : null, resealed, failed };
  }
}

/** Keeps letters, digits, dot, dash and underscore; a name never becomes a path. */
export function safeFilename(name: string): string {
  const cleaned = name.normalize('NFKD').replace(/[^\w.-]+/g, '_').replace(/^\.+/, '').slice(-100);
  return cleaned === '' ? 'berkas' : cleaned;
}
