import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor } from 'src/common/auth/actor';
import { AccessDenied } from 'src/common/auth/access-errors';
import { AuditAction, AuditTargetType } from './audit-actions';
import { assertSafeDetails } from './audit-details';
import { AuditDetails } from './audit-entry.entity';
import { AuditQuery } from './audit-query';
import { AuditRepository, AuditRow, TargetNames } from './audit.repository';

export const AUDIT_PAGE_SIZE = 50;
const EXPORT_BATCH = 1000;

export interface AuditRecord {
  /** The signed-in person (id and role at the time), or 'system' for start-up work. */
  actor: Pick<Actor, 'userId' | 'role'> | 'system';
  action: AuditAction;
  target?: { type: AuditTargetType; id: string | number };
  /** Codes, ids, dates and flags only; see assertSafeDetails. */
  details?: AuditDetails;
}

export interface AuditPage {
  rows: AuditRow[];
  targets: TargetNames;
  /** Pass back as `setelah` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

function assertAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw new AccessDenied();
}

/**
 * The audit trail: who changed what in the administration, and who saw or downloaded a
 * requester's personal data. Writers call record() inside their transaction; admins read it.
 */
@Injectable()
export class AuditService {
  constructor(private readonly repo: AuditRepository) {}

  /**
   * Appends one entry. With `manager` it is part of the caller's transaction, so the change
   * cannot commit without it; a failure here fails the caller (no view without its trail).
   */
  async record(entry: AuditRecord, manager?: EntityManager): Promise<void> {
    const details = entry.details ?? {};
    assertSafeDetails(details);
    await this.repo.append(
      {
        actorUserId: entry.actor === 'system' ? null : entry.actor.userId,
        actorRole: entry.actor === 'system' ? 'system' : entry.actor.role,
        action: entry.action,
        targetType: entry.target?.type ?? null,
        targetId: entry.target ? String(entry.target.id) : null,
        details,
      },
      manager,
    );
  }

  async page(actor: Actor, query: AuditQuery): Promise<AuditPage> {
    assertAdmin(actor);
    const found = await this.repo.findPage(query, AUDIT_PAGE_SIZE + 1);
    const rows = found.slice(0, AUDIT_PAGE_SIZE);
    return {
      rows,
      targets: await this.repo.findTargetNames(rows),
      nextCursor: found.length > AUDIT_PAGE_SIZE ? rows[rows.length - 1].id : null,
    };
  }

  /** Every matching row, newest first, in batches; the export itself is recorded first. */
  async *export(actor: Actor, query: AuditQuery): AsyncGenerator<AuditRow[]> {
    assertAdmin(actor);
    await this.record({
      actor,
      action: 'audit.exported',
      details: {
        action: query.action ?? null,
        actorFilter: query.actor !== undefined,
        from: query.from ?? null,
        to: query.to ?? null,
      },
    });
    let before = query.before;
    for (;;) {
      const rows = await this.repo.findPage({ ...query, before }, EXPORT_BATCH);
      if (rows.length > 0) yield rows;
      if (rows.length < EXPORT_BATCH) return;
      before = rows[rows.length - 1].id;
    }
  }
}
