import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ActorKind = 'requester' | 'officer' | 'system';

/** One action on a request: who, when, the status and due date before and after. Append-only. */
@Entity('request_events')
export class RequestEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column('bigint', { name: 'request_id' })
  requestId: string;

  @Column('text')
  type: string;

  @Column('text', { name: 'actor_kind' })
  actorKind: ActorKind;

  @Column('integer', { name: 'actor_id', nullable: true })
  actorId: number | null;

  @Column('text', { name: 'actor_name', nullable: true })
  actorName: string | null;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt: Date;

  @Column('text', { name: 'from_status', nullable: true })
  fromStatus: string | null;

  @Column('text', { name: 'to_status', nullable: true })
  toStatus: string | null;

  @Column('date', { name: 'old_due_date', nullable: true })
  oldDueDate: string | null;

  @Column('date', { name: 'new_due_date', nullable: true })
  newDueDate: string | null;

  /** Shown on the requester's tracking timeline. */
  @Column('boolean')
  public: boolean;

  @Column('jsonb')
  data: Record<string, unknown>;
}
