import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { PpidUnit } from './ppid-unit.entity';
import { Region } from './region.entity';

/** A badan publik: here the Pemerintah Provinsi and each Pemerintah Kabupaten/Kota. */
@Entity('public_bodies')
export class PublicBody {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Column('text', { name: 'region_code' })
  regionCode: string;

  @ManyToOne(() => Region)
  @JoinColumn({ name: 'region_code' })
  region: Region;

  @Column('text')
  name: string;

  /** Office address, telephone, e-mail and website as printed in the letterhead; null until an admin sets them. */
  @Column('text', { nullable: true })
  address: string | null;

  @Column('text', { nullable: true })
  phone: string | null;

  @Column('text', { nullable: true })
  email: string | null;

  @Column('text', { nullable: true })
  website: string | null;

  /** Per weekday, see service-hours.ts; null until an admin sets them. */
  @Column('jsonb', { name: 'service_hours', nullable: true })
  serviceHours: unknown;

  /** The atasan PPID (Pasal 35–36) every letter names for objections; null until an admin sets them. */
  @Column('text', { name: 'atasan_name', nullable: true })
  atasanName: string | null;

  @Column('text', { name: 'atasan_position', nullable: true })
  atasanPosition: string | null;

  /** Where objections are sent when not the office address. */
  @Column('text', { name: 'atasan_address', nullable: true })
  atasanAddress: string | null;

  @OneToMany(() => PpidUnit, (unit) => unit.body)
  units: PpidUnit[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
