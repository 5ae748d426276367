import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DatabaseService } from 'src/database/database.service';
import { BodiesService } from 'src/modules/bodies';
import { CALENDAR_RECOMPUTE_QUEUE, CalendarRecomputeJob, CalendarService, CalendarSnapshot, CalendarSnapshots, ServiceHours, WorkingDayCalendar, computeDueDate, extendDueDate, isCalendarRecomputeJob } from 'src/modules/calendar';
import { LocalDate } from 'src/common/time/local-time';
import { safeErrorSummary } from 'src/common/logging/error-summary';
import { JobQueue } from 'src/modules/jobs';
import { ANSWER_WORKING_DAYS } from 'src/modules/requests/intake/intake.service';
import { OpenRequestRow, RequestsRepository } from 'src/modules/requests/requests.repository';

// ---------------------------------------------------------------------------------------------
// The rule (pure)
// ---------------------------------------------------------------------------------------------

/** What a request's due date follows from; the calendar and the service hours come beside it. */
export interface DueDateInputs {
  receivedAt: Date;
  /** When the request was reopened on an objection or a dispute: its current period runs from then. */
  reopenedAt?: Date | null;
  /** Working days of the one extension (Pasal 22(8)), if any. */
  extendedDays: number | null;
}

export interface RecomputedDueDate {
  effectiveReceiptDate: LocalDate;
  dueDate: LocalDate;
  provisional: boolean;
}

/**
 * A request's due date as the calendar now stands: 10 working days after day 0 (of the reopening,
 * when the request was reopened; day 0 of the receipt stays), then the extension's days after that
 * (RULES.md). Provisional when any year of the period or of the extension has no confirmed holiday
 * list. Throws RangeError outside the calendar's years.
 */
export function recomputeDueDate(calendar: WorkingDayCalendar, request: DueDateInputs, hours: ServiceHours): RecomputedDueDate {
  const received = computeDueDate(calendar, request.receivedAt, ANSWER_WORKING_DAYS, hours);
  const period = request.reopenedAt ? computeDueDate(calendar, request.reopenedAt, ANSWER_WORKING_DAYS, hours) : received;
  const first = { effectiveReceiptDate: received.effectiveReceiptDate, dueDate: period.dueDate, provisional: period.provisional };
  if (!request.extendedDays) return first;
  const extended = extendDueDate(calendar, first.dueDate, request.extendedDays);
  return {
    effectiveReceiptDate: first.effectiveReceiptDate,
    dueDate: extended.dueDate,
    provisional: first.provisional || extended.provisional,
  };
}

/** True when the stored values differ from the recomputed ones. */
export function dueDateChanged(
  stored: { effectiveReceiptDate: LocalDate; dueDate: LocalDate; dueProvisional: boolean },
  next: RecomputedDueDate,
): boolean {
  return stored.dueDate !== next.dueDate || stored.dueProvisional !== next.provisional || stored.effectiveReceiptDate !== next.effectiveReceiptDate;
}

// ---------------------------------------------------------------------------------------------
// The worker
// ---------------------------------------------------------------------------------------------

const BATCH_SIZE = 200;
/** Passes with a fresh calendar when it changes under a pass; after that the job is retried later. */
const MAX_PASSES = 5;

export interface RecomputeSummary {
  checked: number;
  changed: number;
  skipped: number;
}

class CalendarMovedOn {
  constructor(readonly summary: RecomputeSummary) {}
}

/**
 * Runs `calendar.recompute` jobs: the due dates of the open requests of one body (or of every body)
 * recomputed with the calendar as it now stands. Each changed request is updated (version + 1) with
 * a public `due_date_recomputed` event holding the old and the new date. Batches of 200, one
 * transaction each, all reads before it; idempotent, so a job run twice changes nothing the second
 * time. Each transaction checks that the calendar is still the one the batch was computed with;
 * if not, the pass starts over with the new calendar.
 */
@Injectable()
export class DueDateRecomputeWorker implements OnModuleInit {
  private readonly logger = new Logger('DueDateRecompute');

  constructor(
    private readonly jobs: JobQueue,
    private readonly db: DatabaseService,
    private readonly requests: RequestsRepository,
    private readonly bodies: BodiesService,
    private readonly snapshots: CalendarSnapshots,
    private readonly calendar: CalendarService,
  ) {}

  onModuleInit(): void {
    void this.jobs.work<CalendarRecomputeJob>(CALENDAR_RECOMPUTE_QUEUE, async (job) => {
      if (!isCalendarRecomputeJob(job)) {
        this.logger.error({ msg: 'calendar.recompute job without a valid bodyId, dropped' });
        return;
      }
      await this.recompute(job.bodyId, new Date());
    });
  }

  async recompute(bodyId: number | null, now: Date): Promise<RecomputeSummary> {
    for (let pass = 1; pass <= MAX_PASSES; pass++) {
      const snapshot = await this.snapshots.load();
      const outcome = await this.pass(bodyId, snapshot, now);
      if (outcome instanceof CalendarMovedOn) {
        this.logger.log({ msg: 'calendar changed during recomputation, starting over', bodyId, pass, ...outcome.summary });
        continue;
      }
      // The instance that runs the job may not be the one that saved the change.
      this.calendar.invalidate();
      this.logger.log({ msg: 'due dates recomputed', bodyId, ...outcome });
      return outcome;
    }
    throw new Error(`calendar kept changing during ${MAX_PASSES} recomputation passes`);
  }

  private async pass(bodyId: number | null, snapshot: CalendarSnapshot, now: Date): Promise<RecomputeSummary | CalendarMovedOn> {
    const summary: RecomputeSummary = { checked: 0, changed: 0, skipped: 0 };
    const hours = new Map<number, ServiceHours>();
    let afterId = '0';
    for (;;) {
      const batch = await this.requests.findOpenAfter(bodyId, afterId, BATCH_SIZE);
      if (batch.length === 0) return summary;
      const missing = [...new Set(batch.map((b) => b.receivingUnitId))].filter((id) => !hours.has(id));
      if (missing.length > 0) {
        for (const unit of await this.bodies.findUnitsById(missing)) hours.set(unit.id, this.calendar.serviceHoursOf(unit));
      }
      const moved = await this.db.transaction(async (m) => {
        // Lock first, then compare revisions: a calendar change committed after this check has its
        // own job, which waits for these locks and so sees what this batch writes.
        const rows = await this.requests.lockOpen(m, batch.map((b) => b.id));
        if ((await this.snapshots.revisionIn(m)) !== snapshot.revision) return true;
        for (const r of rows) await this.recomputeOne(m, r, snapshot, hours, now, summary);
        return false;
      });
      if (moved) return new CalendarMovedOn(summary);
      afterId = batch[batch.length - 1].id;
    }
  }

  private async recomputeOne(
    m: EntityManager,
    r: OpenRequestRow,
    snapshot: CalendarSnapshot,
    hours: Map<number, ServiceHours>,
    now: Date,
    summary: RecomputeSummary,
  ): Promise<void> {
    summary.checked += 1;
    const unitHours = hours.get(r.receivingUnitId);
    let next: RecomputedDueDate;
    try {
      if (!unitHours) throw new RangeError(`receiving unit ${r.receivingUnitId} not found`);
      next = recomputeDueDate(snapshot.calendarFor(r.bodyId), r, unitHours);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      // Outside the calendar's years (or no unit): leave the stored date, never guess.
      summary.skipped += 1;
      this.logger.warn({ msg: 'due date not recomputed', requestId: r.id, error: safeErrorSummary(error) });
      return;
    }
    if (!dueDateChanged(r, next)) return;
    await this.requests.updateRequest(m, r.id, {
      effectiveReceiptDate: next.effectiveReceiptDate,
      dueDate: next.dueDate,
      dueProvisional: next.provisional,
      version: r.version + 1,
      updatedAt: now,
    });
    await this.requests.insertEvent(m, {
      requestId: r.id,
      type: 'due_date_recomputed',
      actorKind: 'system',
      actorId: null,
      actorName: null,
      occurredAt: now,
      fromStatus: r.status,
      toStatus: r.status,
      oldDueDate: r.dueDate,
      newDueDate: next.dueDate,
      public: true,
      data: {
        reason: 'calendar_changed',
        oldProvisional: r.dueProvisional,
        newProvisional: next.provisional,
        ...(next.effectiveReceiptDate !== r.effectiveReceiptDate
          ? { oldEffectiveReceiptDate: r.effectiveReceiptDate, newEffectiveReceiptDate: next.effectiveReceiptDate }
          : {}),
      },
    });
    summary.changed += 1;
  }
}
