import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Whether a year's holiday list has been decreed (SKB); due dates in other years are provisional. */
@Entity('calendar_years')
export class CalendarYear {
  @PrimaryColumn('integer')
  year: number;

  @Column('boolean')
  confirmed: boolean;

  @Column('text', { nullable: true })
  source: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
