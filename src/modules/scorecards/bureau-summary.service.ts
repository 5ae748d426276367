import { Injectable, Logger } from '@nestjs/common';
import { safeErrorSummary } from 'src/common/logging/error-summary';
import { formatIndonesianDate, LocalDate, localDateTimeOf } from 'src/common/time/local-time';
import { AppConfig } from 'src/config/app-config';
import { DatabaseService } from 'src/database/database.service';
import { CalendarService } from 'src/modules/calendar';
import { MailService } from 'src/modules/notifications';
import { drillDownHref } from './bureau-queue-filter';
import { changeText, needsLeaderCall, rateText, summaryWeeks } from './bureau-summary-rules';
import { BureauSummaryRepository } from './bureau-summary.repository';
import { FIRST_YEAR, quarterPeriod, rangePeriod, yearPeriod } from './scorecard-period';
import { ScorecardRequestsRepository } from './scorecard-requests.repository';
import { ScorecardRollupsService } from './scorecard-rollups.service';
import { ScorecardBody, ScorecardsRepository } from './scorecards.repository';
import { ScorecardsService, slippedBodies } from './scorecards.service';

export const WEEKLY_SUMMARY_TEMPLATE = 'bureau_weekly';

const SLIPPED_IN_SUMMARY = 5;

/** What one run of the weekly summary did. */
export interface WeeklySummaryRun {
  weekStart: LocalDate;
  /** Accounts sent this week's summary by this run. */
  sent: string[];
  /** Accounts whose mail could not be enqueued; tried again by the next run of the job. */
  failed: number;
}

interface WeekFigures {
  received: number;
  onTime: number;
  decided: number;
  backlog: number;
}

/**
 * The bureau's Monday summary: the last week against the week before, the bodies with requests
 * newly overdue, and what needs a leader's call. One mail per bureau account and week: the week
 * is recorded with the mail in one transaction, so a rerun sends nothing twice.
 */
@Injectable()
export class BureauSummaryService {
  private readonly logger = new Logger('BureauSummary');

  constructor(
    private readonly summaries: BureauSummaryRepository,
    private readonly scorecardsRepo: ScorecardsRepository,
    private readonly requests: ScorecardRequestsRepository,
    private readonly rollups: ScorecardRollupsService,
    private readonly scorecards: ScorecardsService,
    private readonly calendar: CalendarService,
    private readonly mail: MailService,
    private readonly db: DatabaseService,
    private readonly config: AppConfig,
  ) {}

  async sendWeekly(asOf: Date): Promise<WeeklySummaryRun> {
    const zone = this.config.provinceTimeZone;
    const today = localDateTimeOf(asOf, zone).date;
    const weeks = summaryWeeks(today);
    const run: WeeklySummaryRun = { weekStart: weeks.start, sent: [], failed: 0 };
    const accounts = await this.summaries.findActiveBureauAccounts();
    if (accounts.length === 0) return run;
    // The summary's figures come from the rollups: every change made before it is applied first.
    await this.rollups.refreshAll();
    const data = await this.summaryData(today, weeks);
    for (const account of accounts) {
      try {
        const sent = await this.db.transaction(async (manager) => {
          if (!(await this.summaries.claimWeek(manager, account.id, weeks.start))) return false;
          await this.mail.enqueue(manager, { template: WEEKLY_SUMMARY_TEMPLATE, to: account.email, data: { ...data, recipientName: account.name } });
          return true;
        });
        if (sent) run.sent.push(account.email);
      } catch (error) {
        run.failed += 1;
        this.logger.warn({ msg: 'weekly summary not enqueued', userId: account.id, error: safeErrorSummary(error) });
      }
    }
    if (run.sent.length > 0 || run.failed > 0) this.logger.log({ msg: 'weekly summary', week: weeks.start, mails: run.sent.length, failed: run.failed });
    return run;
  }

  private async summaryData(today: LocalDate, weeks: ReturnType<typeof summaryWeeks>): Promise<Record<string, unknown>> {
    const zone = this.config.provinceTimeZone;
    const base = this.config.appUrl;
    const bodies = await this.scorecardsRepo.findBodies();
    const byId = new Map(bodies.map((b) => [b.id, b]));
    const week = rangePeriod(weeks.start, weeks.end);
    const [current, previous, becameOverdue, openOverdue, objections] = await Promise.all([
      this.weekFigures(weeks.start, weeks.end, today),
      this.weekFigures(weeks.previousStart, weeks.previousEnd, today),
      this.requests.list(
        { from: weeks.start, to: weeks.end, end: weeks.end, today, provinceZone: zone, bodyId: null, unitId: null, metric: 'becameOverdue', state: null },
        100_000,
        0,
      ),
      this.requests.openOverdue(today, zone, `${FIRST_YEAR}-01-01`),
      this.requests.objectionsPastDue(today),
    ]);
    const newOverdue = countBy(becameOverdue.map((r) => r.bodyId))
      .map(([bodyId, count]) => ({ body: byId.get(bodyId) as ScorecardBody, count }))
      .filter((x) => x.body !== undefined)
      .sort((a, b) => b.count - a.count || a.body.code.localeCompare(b.body.code))
      .map(({ body, count }) => ({ name: body.name, count, link: `${base}${drillDownHref(week, { bodyCode: body.code, metric: 'becameOverdue' })}` }));
    const longOverdue: { name: string; count: number; link: string }[] = [];
    const thisYear = yearPeriod(Number(today.slice(0, 4)));
    for (const [bodyId, dues] of groupBy(openOverdue.map((o) => [o.bodyId, o.dueDate] as const))) {
      const body = byId.get(bodyId);
      if (!body) continue;
      const calendar = await this.calendar.calendarFor(bodyId);
      const count = dues.filter((due) => due >= calendar.firstDate && needsLeaderCall(calendar.countWorkingDays(due, today), this.config.bureauLeaderCallWorkingDays)).length
        + dues.filter((due) => due < calendar.firstDate).length;
      if (count > 0) longOverdue.push({ name: body.name, count, link: `${base}${drillDownHref(thisYear, { bodyCode: body.code, metric: 'overdueAtEnd' })}` });
    }
    longOverdue.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'id'));
    const objectionsLate = objections
      .map((o) => ({ name: byId.get(o.bodyId)?.name ?? '', count: o.count }))
      .filter((o) => o.name !== '')
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'id'));
    const quarter = quarterPeriod(Number(today.slice(0, 4)), Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1);
    const province = await this.scorecards.province(quarter, new Date(`${today}T12:00:00Z`));
    const slipped = slippedBodies(province.bodies, SLIPPED_IN_SUMMARY).map((s) => ({
      name: s.card.body.name,
      index: (s.card.index.index as number).toLocaleString('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      change: `−${Math.abs(s.change).toLocaleString('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}`,
      link: `${base}/peringkat/${encodeURIComponent(s.card.body.code)}?tahun=${quarter.year}&triwulan=${quarter.quarter}`,
    }));
    return {
      weekLabel: `${formatIndonesianDate(weeks.start)} – ${formatIndonesianDate(weeks.end)}`,
      weekStart: weeks.start,
      received: current.received,
      receivedBefore: previous.received,
      receivedChange: changeText(current.received, previous.received),
      onTime: rateText(current.onTime, current.decided),
      onTimeBefore: rateText(previous.onTime, previous.decided),
      backlog: current.backlog,
      backlogBefore: previous.backlog,
      backlogChange: changeText(current.backlog, previous.backlog),
      newOverdue,
      newOverdueTotal: becameOverdue.length,
      leaderDays: this.config.bureauLeaderCallWorkingDays,
      longOverdue,
      objectionsLate,
      slipped,
      needsCall: longOverdue.length + objectionsLate.length + slipped.length > 0,
      deskLink: `${base}/biro`,
      receivedLink: `${base}${drillDownHref(week, { metric: 'received' })}`,
      backlogLink: `${base}${drillDownHref(week, { metric: 'overdueAtEnd' })}`,
    };
  }

  private async weekFigures(from: LocalDate, to: LocalDate, today: LocalDate): Promise<WeekFigures> {
    const rows = await this.rollups.countsByUnit(from, to, to, today);
    const sum = (pick: (r: (typeof rows)[number]) => number): number => rows.reduce((s, r) => s + pick(r), 0);
    return { received: sum((r) => r.received), onTime: sum((r) => r.onTime), decided: sum((r) => r.decided), backlog: sum((r) => r.overdueAtEnd) };
  }
}

function countBy(ids: number[]): [number, number][] {
  const out = new Map<number, number>();
  for (const id of ids) out.set(id, (out.get(id) ?? 0) + 1);
  return [...out];
}

function groupBy<K, V>(pairs: readonly (readonly [K, V])[]): Map<K, V[]> {
  const out = new Map<K, V[]>();
  for (const [k, v] of pairs) out.set(k, [...(out.get(k) ?? []), v]);
  return out;
}
