import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type HolidayKind = 'libur_nasional' | 'cuti_bersama' | 'closure';
export const HOLIDAY_KINDS: readonly HolidayKind[] = ['libur_nasional', 'cuti_bersama', 'closure'];

/** A non-working day: national (SKB list) or a closure of one body, always with its legal source. */
@Entity('holidays')
export class Holiday {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  /** 'YYYY-MM-DD' local date. */
  @Column('date')
  date: string;

  @Column('text')
  name: string;

  @Column('text')
  kind: HolidayKind;

  @Column('integer', { name: 'body_id', nullable: true })
  bodyId: number | null;

  @Column('text')
  source: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
