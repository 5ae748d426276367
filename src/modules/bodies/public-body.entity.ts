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

  @OneToMany(() => PpidUnit, (unit) => unit.body)
  units: PpidUnit[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
