import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { StoredFile } from './stored-file.entity';

/** The only reader and writer of stored_files. */
@Injectable()
export class FilesRepository {
  constructor(@InjectRepository(StoredFile) private readonly files: Repository<StoredFile>) {}

  /** In the caller's transaction: the file commits with the row that points at it. */
  insert(m: EntityManager, file: Omit<StoredFile, 'createdAt'>): Promise<StoredFile> {
    const repo = m.withRepository(this.files);
    return repo.save(repo.create(file));
  }

  findById(id: string): Promise<StoredFile | null> {
    return this.files.findOneBy({ id });
  }

  /** Encrypted files after `after` (by id) whose content does not start with `header`, `limit` at most. */
  findSealedOtherwise(after: string | null, header: Buffer, headerBytes: number, limit: number): Promise<{ id: string; content: Buffer }[]> {
    return this.files.manager.query(
      `SELECT id, content FROM stored_files
        WHERE encrypted AND ($1::uuid IS NULL OR id > $1::uuid) AND substring(content FROM 1 FOR ${headerBytes}) <> $2
        ORDER BY id LIMIT $3`,
      [after, header, limit],
    ) as Promise<{ id: string; content: Buffer }[]>;
  }

  /** Replaces the content only if it is still `expected`; 1 when it was replaced, 0 when not. */
  async replaceContent(id: string, content: Buffer, expected: Buffer): Promise<number> {
    const [, count] = (await this.files.manager.query('UPDATE stored_files SET content = $2 WHERE id = $1 AND content = $3', [
      id,
      content,
      expected,
    ])) as [unknown, number];
    return count;
  }
}
