import { Column, Entity, PrimaryColumn } from 'typeorm';

export type RegionKind = 'provinsi' | 'kabupaten' | 'kota';

/** A province or kabupaten/kota, keyed by its Kepmendagri code (e.g. 35.78). */
@Entity('regions')
export class Region {
  @PrimaryColumn('text')
  code: string;

  @Column('text')
  name: string;

  @Column('text')
  kind: RegionKind;

  @Column('text', { name: 'parent_code', nullable: true })
  parentCode: string | null;
}
