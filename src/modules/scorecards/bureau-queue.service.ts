import { Injectable } from '@nestjs/common';
import { Actor } from 'src/common/auth/actor';
import { AccessDenied } from 'src/common/auth/access-errors';
import { ValidationFailed } from 'src/common/errors/domain-error';
import { LocalDate, localDateTimeOf } from 'src/common/time/local-time';
import { AppConfig } from 'src/config/app-config';
import { CalendarService, WorkingDayCalendar } from 'src/modules/calendar';
import { parseQueueFilter, QueueFilter, QueueInput } from './bureau-queue-filter';
import { periodEnd } from './scorecard-period';
import { BodyTotals, ListedRequest, RequestFilter, ScorecardRequestsRepository } from './scorecard-requests.repository';
import { ScorecardBody, ScorecardsRepository } from './scorecards.repository';

export const QUEUE_PAGE_SIZE = 50;

export interface QueueItem extends ListedRequest {
  /** Working days past the due date: until the notice when it came late, until today while none came. */
  workingDaysOverdue: number | null;
}

export interface BureauQueue {
  filter: QueueFilter;
  today: LocalDate;
  bodies: ScorecardBody[];
  body: ScorecardBody | null;
  /** Per body with requests in the period, by code; and their sum. */
  totals: { body: ScorecardBody; totals: BodyTotals }[];
  sum: Omit<BodyTotals, 'bodyId'>;
  items: QueueItem[];
  total: number;
  pageSize: number;
}

/**
 * The bureau's queue: the requests of every body for a period, filtered by body, state or the
 * figure they stand behind, with totals per body. Registration data only, never the requester.
 */
@Injectable()
export class BureauQueueService {
  constructor(
    private readonly requests: ScorecardRequestsRepository,
    private readonly scorecards: ScorecardsRepository,
    private readonly calendar: CalendarService,
    private readonly config: AppConfig,
  ) {}

  async queue(actor: Actor, input: QueueInput, now: Date): Promise<BureauQueue> {
    if (actor.role !== 'bureau' && actor.role !== 'admin') throw new AccessDenied();
    const today = localDateTimeOf(now, this.config.provinceTimeZone).date;
    const bodies = await this.scorecards.findBodies();
    const parsed = parseQueueFilter(input, new Set(bodies.map((b) => b.code)), today);
    if (!parsed.filter) throw new ValidationFailed(parsed.errors, 'Saringan antrean tidak valid.');
    const filter = parsed.filter;
    const body = bodies.find((b) => b.code === filter.bodyCode) ?? null;
    const where: RequestFilter = {
      from: filter.period.from,
      to: filter.period.to,
      end: periodEnd(filter.period, today),
      today,
      provinceZone: this.config.provinceTimeZone,
      bodyId: body?.id ?? null,
      unitId: null,
      metric: filter.metric,
      state: filter.state,
    };
    const [rows, total, listed] = await Promise.all([
      this.requests.totalsByBody(where),
      this.requests.count(where),
      this.requests.list(where, QUEUE_PAGE_SIZE, (filter.page - 1) * QUEUE_PAGE_SIZE),
    ]);
    const byId = new Map(bodies.map((b) => [b.id, b]));
    const totals = rows
      .map((t) => ({ body: byId.get(t.bodyId) as ScorecardBody, totals: t }))
      .filter((t) => t.body !== undefined)
      .sort((a, b) => a.body.code.localeCompare(b.body.code));
    const sum = { received: 0, open: 0, overdue: 0, answeredOnTime: 0 };
    for (const { totals: t } of totals) for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += t[k];
    const calendars = new Map<number, WorkingDayCalendar>();
    for (const id of new Set(listed.map((r) => r.bodyId))) calendars.set(id, await this.calendar.calendarFor(id));
    const items = listed.map((r) => ({ ...r, workingDaysOverdue: overdueDays(r, today, calendars.get(r.bodyId) as WorkingDayCalendar) }));
    return { filter, today, bodies, body, totals, sum, items, total, pageSize: QUEUE_PAGE_SIZE };
  }
}

function overdueDays(r: ListedRequest, today: LocalDate, calendar: WorkingDayCalendar): number | null {
  const until = r.noticeOn ?? (r.withdrawnOn === null ? today : null);
  if (until === null || until <= r.dueDate) return null;
  // The calendar covers a span of years; a request older than that counts from its first day.
  const from = r.dueDate < calendar.firstDate ? calendar.firstDate : r.dueDate;
  const to = until > calendar.lastDate ? calendar.lastDate : until;
  return Math.max(1, to <= from ? 1 : calendar.countWorkingDays(from, to));
}
