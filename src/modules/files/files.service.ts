import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { FieldCipher } from 'src/common/crypto/field-cipher';
import { StoredFile, StoredFileKind } from './stored-file.entity';

export interface NewFile {
  kind: StoredFileKind;
  filename: string;
  mediaType: string;
  content: Buffer;
  encrypt: boolean;
}

/** Files kept in the database, encrypted when they carry personal data. */
@Injectable()
export class FilesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
  ) {}

  store(m: EntityManager, file: NewFile): Promise<StoredFile> {
    const repo = m.getRepository(StoredFile);
    return repo.save(
      repo.create({
        kind: file.kind,
        filename: safeFilename(file.filename),
        mediaType: file.mediaType,
        size: file.content.length,
        encrypted: file.encrypt,
        content: file.encrypt ? this.cipher.encrypt(file.content) : file.content,
        sha256: createHash('sha256').update(file.content).digest('hex'),
      }),
    );
  }

  /** The file with its content in the clear, or null. */
  async read(id: string): Promise<(StoredFile & { plain: Buffer }) | null> {
    const file = await this.dataSource.getRepository(StoredFile).findOneBy({ id });
    if (!file) return null;
    return Object.assign(file, { plain: file.encrypted ? this.cipher.decrypt(file.content) : file.content });
  }
}

/** Keeps letters, digits, dot, dash and underscore; a name never becomes a path. */
export function safeFilename(name: string): string {
  const cleaned = name.normalize('NFKD').replace(/[^\w.-]+/g, '_').replace(/^\.+/, '').slice(-100);
  return cleaned === '' ? 'berkas' : cleaned;
}
