import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type StoredFileKind = 'identity_document' | 'letter' | 'handover' | 'delivery_proof' | 'dip_document';

/** A file kept in the database; identity documents are encrypted (FieldCipher). */
@Entity('stored_files')
export class StoredFile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  kind: StoredFileKind;

  @Column('text')
  filename: string;

  @Column('text', { name: 'media_type' })
  mediaType: string;

  @Column('integer')
  size: number;

  @Column('boolean')
  encrypted: boolean;

  @Column('bytea')
  content: Buffer;

  @Column('text')
  sha256: string;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
