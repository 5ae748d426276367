import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PublicBody } from './public-body.entity';

export type UnitLevel = 'utama' | 'pelaksana';

/** A PPID unit: the body's PPID Utama, or a PPID Pelaksana under it (one per perangkat daerah). */
@Entity('ppid_units')
export class PpidUnit {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Column('integer', { name: 'body_id' })
  bodyId: number;

  @ManyToOne(() => PublicBody, (body) => body.units)
  @JoinColumn({ name: 'body_id' })
  body: PublicBody;

  @Column('integer', { name: 'parent_id', nullable: true })
  parentId: number | null;

  @Column('text')
  level: UnitLevel;

  /** Short code used in registration numbers (U for the PPID Utama). */
  @Column('text')
  code: string;

  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  email: string | null;

  /** The unit's own office address and telephone when they differ from the body's (e-mail: `email`). */
  @Column('text', { nullable: true })
  address: string | null;

  @Column('text', { nullable: true })
  phone: string | null;

  /** Who signs the unit's letters: name, position (jabatan) and 18-digit NIP. */
  @Column('text', { name: 'signer_name', nullable: true })
  signerName: string | null;

  @Column('text', { name: 'signer_position', nullable: true })
  signerPosition: string | null;

  @Column('text', { name: 'signer_nip', nullable: true })
  signerNip: string | null;

  @Column('text', { name: 'time_zone' })
  timeZone: string;

  /** 'HH:MM:SS' as PostgreSQL returns a time. */
  @Column('time', { name: 'opens_at' })
  opensAt: string;

  @Column('time', { name: 'closes_at' })
  closesAt: string;

  @Column('boolean')
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
