import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditActorRole, AuditDetails, AuditEntry } from './audit-entry.entity';
import { AuditQuery } from './audit-query';

export interface NewAuditEntry {
  actorUserId: number | null;
  actorRole: AuditActorRole;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: AuditDetails;
}

/** A row as the admin reads it: the entry plus the actor's current name and e-mail (staff, not requesters). */
export interface AuditRow {
  id: string;
  occurredAt: Date;
  actorUserId: number | null;
  actorRole: AuditActorRole;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: AuditDetails;
}

/** Readable names of the targets on one page: accounts, units, requests by registration number. */
export interface TargetNames {
  users: Map<string, string>;
  units: Map<string, string>;
  requests: Map<string, string>;
}

/** The only writer of audit_log, and it only appends (the table's trigger refuses anything else). */
@Injectable()
export class AuditRepository {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  /** In the caller's transaction when given one: the change and its trail commit together. */
  async append(entry: NewAuditEntry, manager?: EntityManager): Promise<void> {
    await (manager ? manager.withRepository(this.entries) : this.entries).insert(entry);
  }

  /** Newest first, `limit` rows at most, keyset-paged by id. */
  async findPage(q: AuditQuery, limit: number): Promise<AuditRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if (q.action) where.push(`a.action = ${param(q.action)}`);
    if (q.actor && 'userId' in q.actor) where.push(`a.actor_user_id = ${param(q.actor.userId)}`);
    if (q.actor && 'email' in q.actor) where.push(`a.actor_user_id = (SELECT id FROM users WHERE email = ${param(q.actor.email)})`);
    if (q.since) where.push(`a.occurred_at >= ${param(q.since)}`);
    if (q.until) where.push(`a.occurred_at < ${param(q.until)}`);
    if (q.before) where.push(`a.id < ${param(q.before)}::bigint`);
    return (await this.entries.manager.query(
      `SELECT a.id::text AS id, a.occurred_at AS "occurredAt", a.actor_user_id AS "actorUserId", a.actor_role AS "actorRole",
              u.name AS "actorName", u.email AS "actorEmail", a.action, a.target_type AS "targetType", a.target_id AS "targetId", a.details
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY a.id DESC LIMIT ${param(limit)}`,
      params,
    )) as AuditRow[];
  }

  /** Names of the accounts, units and requests the rows point at (ids that no longer exist are left out). */
  async findTargetNames(rows: AuditRow[]): Promise<TargetNames> {
    // Integer keys fit in nine digits, request ids (bigint) in eighteen; anything else is not looked up.
    const idsOf = (type: string, digits: RegExp) => [...new Set(rows.filter((r) => r.targetType === type && digits.test(r.targetId ?? '')).map((r) => r.targetId as string))];
    const [userIds, unitIds, requestIds] = [idsOf('user', /^\d{1,9}$/), idsOf('unit', /^\d{1,9}$/), idsOf('request', /^\d{1,18}$/)];
    const lookup = async (sql: string, ids: string[]): Promise<Map<string, string>> => {
      if (ids.length === 0) return new Map();
      const found = (await this.entries.manager.query(sql, [ids])) as { id: string; label: string }[];
      return new Map(found.map((f) => [String(f.id), f.label]));
    };
    const [users, units, requests] = await Promise.all([
      lookup('SELECT id::text AS id, name AS label FROM users WHERE id = ANY($1::int[])', userIds),
      lookup('SELECT id::text AS id, name AS label FROM ppid_units WHERE id = ANY($1::int[])', unitIds),
      lookup('SELECT id::text AS id, registration_number AS label FROM requests WHERE id = ANY($1::bigint[])', requestIds),
    ]);
    return { users, units, requests };
  }
}
