import { Injectable } from '@nestjs/common';
import { Actor } from 'src/common/auth/actor';
import { AccessPolicy } from 'src/modules/auth';
import { CalendarService, WorkingDayCalendar } from 'src/modules/calendar';
import { localDateTimeOf } from 'src/common/time/local-time';
import { Channel, CHANNELS } from 'src/modules/requests/request-options';
import { STATUS_LABELS, RequestStatus } from 'src/modules/requests/request-status';
import { RequestNotFound } from 'src/modules/requests/request.errors';
import { awaitsNotice, deadlineState, DeadlineState, StateBounds, stateBounds, workingDaysOverdue } from './deadline-state';
import { QueueQuery, QueueRepository, UnitClock } from './queue.repository';
import { AppConfig } from 'src/config/app-config';

export interface QueueFilter {
  unitId?: number;
  status?: string;
  state?: string;
  channel?: string;
  assignee?: string;
  q?: string;
  after?: string;
  limit?: number;
}

/** One open request in the queue, as the domain knows it; queue.presenter.ts words it for the page. */
export interface QueueItem {
  id: string;
  registrationNumber: string;
  requesterName: string;
  unitId: number;
  unitName: string;
  dueDate: string;
  dueProvisional: boolean;
  /** Null once the written notice went out (answered, documents still to hand over). */
  state: DeadlineState | null;
  /** Working days past the due date (see workingDaysOverdue); 0 unless the state is terlambat. */
  daysOverdue: number;
  status: RequestStatus;
  channel: Channel;
  assigneeName: string | null;
  extended: boolean;
}

export interface QueuePage {
  items: QueueItem[];
  /** Per deadline state, `answered` (notice sent, documents still to hand over) and `total`, the rows listed over all pages. */
  counts: Record<DeadlineState, number> & { answered: number; total: number };
  nextCursor: string | null;
  today: string;
}

interface UnitDay {
  unitId: number;
  calendar: WorkingDayCalendar;
  bounds: StateBounds;
}

const STATES = new Set(['aman', 'segera', 'terlambat']);

/** Open requests of the units an actor may see, ordered by statutory deadline. */
@Injectable()
export class QueueService {
  private readonly clocks = new Map<number, UnitClock>();

  constructor(
    private readonly queue: QueueRepository,
    private readonly access: AccessPolicy,
    private readonly calendar: CalendarService,
    private readonly config: AppConfig,
  ) {}

  /**
   * The clocks of these units (null: every unit). A unit's body and zone are written once, when the
   * unit is created, so a clock read once is kept for the life of the process; only units not yet
   * seen are read (all of them for the bureau's queue, which may include a unit added since).
   */
  private async unitClocks(unitIds: number[] | null): Promise<UnitClock[]> {
    const missing = unitIds === null ? null : unitIds.filter((id) => !this.clocks.has(id));
    if (missing === null || missing.length > 0) for (const c of await this.queue.findUnitClocks(missing)) this.clocks.set(c.unitId, c);
    const ids = unitIds ?? [...this.clocks.keys()].sort((a, b) => a - b);
    return ids.flatMap((id) => this.clocks.get(id) ?? []);
  }

  /**
   * Each unit's day: its body's calendar (national days, cuti bersama per the setting, the body's
   * closures) and its own local date, the same the reminders and the request page use.
   */
  private async unitDays(clocks: readonly UnitClock[], now: Date): Promise<Map<number, UnitDay>> {
    const byBody = new Map<number, WorkingDayCalendar>();
    const out = new Map<number, UnitDay>();
    for (const c of clocks) {
      let calendar = byBody.get(c.bodyId);
      if (!calendar) {
        calendar = await this.calendar.calendarFor(c.bodyId);
        byBody.set(c.bodyId, calendar);
      }
      out.set(c.unitId, { unitId: c.unitId, calendar, bounds: stateBounds(calendar, localDateTimeOf(now, c.timeZone).date) });
    }
    return out;
  }

  async page(actor: Actor, filter: QueueFilter, now: Date): Promise<QueuePage> {
    let unitIds: number[] | null;
    if (filter.unitId !== undefined) {
      if (!(await this.access.canSeeUnit(actor, filter.unitId))) throw new RequestNotFound('Unit tidak ditemukan.');
      unitIds = [filter.unitId];
    } else {
      const visible = await this.access.visibleUnitIds(actor);
      unitIds = visible === 'all' ? null : visible;
    }
    const today = localDateTimeOf(now, this.config.provinceTimeZone).date;
    const clocks = await this.unitClocks(unitIds);
    const days = await this.unitDays(clocks, now);
    const bounds = [...days.values()].map((d) => ({ unitId: d.unitId, ...d.bounds }));
    const limit = Math.min(Math.max(filter.limit ?? 50, 1), 200);
    const query: QueueQuery = {
      unitIds,
      status: filter.status && Object.hasOwn(STATUS_LABELS, filter.status) ? filter.status : undefined,
      state: filter.state && STATES.has(filter.state) ? (filter.state as DeadlineState) : undefined,
      channel: filter.channel && Object.hasOwn(CHANNELS, filter.channel) ? filter.channel : undefined,
      assignee: filter.assignee === 'me' ? actor.userId : filter.assignee === 'none' ? 'none' : undefined,
      search: filter.q?.trim().slice(0, 100) || undefined,
      after: parseCursor(filter.after),
      limit: limit + 1,
    };
    const [rows, counts] = await Promise.all([this.queue.findPage(query, bounds), this.queue.countByState(query, bounds)]);
    // A unit created since the clocks were read (the bureau's queue covers every unit).
    const added = [...new Set(rows.map((r) => r.unit_id).filter((id) => !days.has(id)))];
    if (added.length > 0) for (const [id, day] of await this.unitDays(await this.unitClocks(added), now)) days.set(id, day);
    const items = rows.slice(0, limit).map((r): QueueItem => {
      const day = days.get(r.unit_id);
      if (!day) throw new Error(`no calendar loaded for unit ${r.unit_id}`);
      const { calendar } = day;
      const state = awaitsNotice(r.status) ? deadlineState(r.due_date, day.bounds) : null;
      return {
        id: r.id,
        registrationNumber: r.registration_number,
        requesterName: r.requester_name,
        unitId: r.unit_id,
        unitName: r.unit_name,
        dueDate: r.due_date,
        dueProvisional: r.due_provisional,
        state,
        daysOverdue: state === 'terlambat' ? workingDaysOverdue(calendar, r.due_date, day.bounds.today) : 0,
        status: r.status as RequestStatus,
        channel: r.channel as Channel,
        assigneeName: r.assignee_name,
        extended: r.extended_days !== null,
      };
    });
    const last = items[items.length - 1];
    return {
      items,
      counts: { ...counts, total: counts.aman + counts.segera + counts.terlambat + counts.answered },
      nextCursor: rows.length > limit && last ? `${last.dueDate}_${last.id}` : null,
      today,
    };
  }
}

function parseCursor(raw?: string): { dueDate: string; id: string } | undefined {
  const m = raw ? /^(\d{4}-\d{2}-\d{2})_(\d{1,18})$/.exec(raw) : null;
  return m ? { dueDate: m[1], id: m[2] } : undefined;
}
