import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Who acted: a role of a signed-in person, or the system (start-up, jobs). */
export type AuditActorRole = 'officer' | 'supervisor' | 'bureau' | 'admin' | 'system';

/** Facts about an action: codes, ids, dates, flags. Never prose typed by people, never personal data. */
export type AuditDetailValue = string | number | boolean | null | (string | number)[];
export type AuditDetails = Record<string, AuditDetailValue>;

/** One row of the audit trail (table audit_log). Append-only: the database refuses UPDATE and DELETE. */
@Entity('audit_log')
export class AuditEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt: Date;

  @Column('integer', { name: 'actor_user_id', nullable: true })
  actorUserId: number | null;

  @Column('text', { name: 'actor_role' })
  actorRole: AuditActorRole;

  @Column('text')
  action: string;

  @Column('text', { name: 'target_type', nullable: true })
  targetType: string | null;

  @Column('text', { name: 'target_id', nullable: true })
  targetId: string | null;

  @Column('jsonb')
  details: AuditDetails;
}
