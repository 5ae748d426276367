import { Inject, Injectable } from '@nestjs/common';
import { Actor } from 'src/common/auth/actor';
import { AccessDenied } from 'src/common/auth/access-errors';
import { NotFound } from 'src/common/errors/domain-error';
import { LocalDate, localDateTimeOf } from 'src/common/time/local-time';
import { AppConfig } from 'src/config/app-config';
import { IndexComponent, ScorecardWeights } from 'src/config/scorecard-weights';
import { CalendarService } from 'src/modules/calendar';
import { COMPLIANCE_SOURCES, ComplianceSources, ObjectionFigures, UnitObjectionFigures } from './compliance-sources';
import { addObjectionFigures, NO_OBJECTIONS } from './scorecard-compliance';
import { Band, bandOf, ComponentScore, componentScores, rankBodies, roundIndex, ServiceIndex, serviceIndex } from './scorecard-index';
import { addCounts, computeMetrics, RequestCounts, ScorecardMetrics, ZERO_COUNTS } from './scorecard-metrics';
import { Period, periodEnd, previousPeriod, quarterPeriod, quartersBegun } from './scorecard-period';
import { provincePublicInformation, publicInformationMetrics, publicInformationNotAvailable } from './scorecard-public-information';
import { ScorecardRollupsService } from './scorecard-rollups.service';
import { median, Weighted } from './scorecard-stats';
import { OverdueRequest, ScorecardBody, ScorecardsRepository, ScorecardUnit } from './scorecards.repository';

/** One body's scorecard for a period. */
export interface BodyScorecard {
  body: ScorecardBody;
  metrics: ScorecardMetrics;
  scores: Record<IndexComponent, ComponentScore>;
  index: ServiceIndex;
  /** Fewer requests than the minimum: listed as "data belum cukup", not ranked. */
  enoughData: boolean;
  rank: number | null;
  band: Band | null;
  /** The index of the period before, for the change; null when that period had none. */
  previousIndex: number | null;
}

export interface ProvinceScorecards {
  period: Period;
  previous: Period;
  /** The last day the figures describe: the period's end, or today while it runs. */
  asOf: LocalDate;
  /** When the rollups the figures are read from were last brought up to date (every change before it is in). */
  refreshedAt: Date | null;
  minRequests: number;
  weights: ScorecardWeights;
  /** Which parts the portal has no data source for yet (left out of every index). */
  notAvailable: IndexComponent[];
  /** Ranked first (by rank, then name), then the bodies without enough data, by name. */
  bodies: BodyScorecard[];
  /** The province's totals over every body. */
  province: ScorecardMetrics;
  /** Medians over the bodies with enough data, the reference each body is compared with. */
  medians: { index: number | null; onTime: number | null; completion: number | null; daysToNotice: number | null };
}

export interface UnitScorecard {
  unit: ScorecardUnit;
  metrics: ScorecardMetrics;
}

export interface BodyScorecardPage {
  current: BodyScorecard;
  province: ProvinceScorecards;
  units: UnitScorecard[];
  /** Each quarter of the period's year that has begun, for the history chart. */
  history: { period: Period; index: number | null; enoughData: boolean; received: number }[];
  overdue: (OverdueRequest & { workingDaysOverdue: number })[];
}

const OLDEST_OVERDUE = 10;

/** Every body's page for one period, as the report for the Governor prints them (by code: the province first). */
export interface ProvinceReport {
  province: ProvinceScorecards;
  pages: BodyScorecardPage[];
}

/** The bureau's desk: this quarter against the last, and the bodies whose index fell most. */
export interface BureauDesk {
  scorecards: ProvinceScorecards;
  /** Bodies with enough data in both quarters whose index fell, the largest fall first. */
  slipped: { card: BodyScorecard; change: number }[];
}

const SLIPPED_SHOWN = 5;

interface PeriodData {
  units: Map<number, RequestCounts & { bodyId: number }>;
  days: Map<number, Map<number, number>>; // unit id → working days → count
}

/**
 * The compliance scorecards: every body's metrics from the portal's own request rows and event
 * log, the portal's service index, and the ranking. Public data only: no requester appears.
 */
@Injectable()
export class ScorecardsService {
  constructor(
    private readonly repo: ScorecardsRepository,
    private readonly rollups: ScorecardRollupsService,
    private readonly calendar: CalendarService,
    private readonly config: AppConfig,
    @Inject(COMPLIANCE_SOURCES) private readonly sources: ComplianceSources,
  ) {}

  today(now: Date): LocalDate {
    return localDateTimeOf(now, this.config.provinceTimeZone).date;
  }

  async province(period: Period, now: Date): Promise<ProvinceScorecards> {
    const today = this.today(now);
    await this.rollups.catchUp();
    const [bodies, freshness] = await Promise.all([this.repo.findBodies(), this.rollups.freshness()]);
    const previous = previousPeriod(period);
    const [current, before] = await Promise.all([this.bodyCards(bodies, period, today), this.bodyCards(bodies, previous, today)]);
    const previousIndex = new Map(before.cards.map((c) => [c.body.id, c.enoughData ? c.index.index : null]));
    const cards = current.cards.map((c) => ({ ...c, previousIndex: previousIndex.get(c.body.id) ?? null }));
    cards.sort((a, b) => {
      if (a.rank !== null && b.rank !== null) return a.rank - b.rank || a.body.name.localeCompare(b.body.name, 'id');
      if (a.rank !== null || b.rank !== null) return a.rank === null ? 1 : -1;
      return a.body.name.localeCompare(b.body.name, 'id');
    });
    const ranked = cards.filter((c) => c.enoughData);
    const values = (pick: (c: BodyScorecard) => number | null): number[] => ranked.map(pick).filter((v): v is number => v !== null);
    const med = (pick: (c: BodyScorecard) => number | null): number | null => {
      const m = median(values(pick));
      return m === null ? null : roundIndex(m * 1000) / 1000;
    };
    return {
      period,
      previous,
      asOf: periodEnd(period, today),
      refreshedAt: freshness.refreshedAt,
      minRequests: this.config.scorecardMinRequests,
      weights: this.config.scorecardWeights,
      notAvailable: current.notAvailable,
      bodies: cards,
      province: current.province,
      medians: {
        index: med((c) => c.index.index),
        onTime: med((c) => c.metrics.onTime.value),
        completion: med((c) => c.metrics.completion.value),
        daysToNotice: med((c) => c.metrics.daysToNotice.median),
      },
    };
  }

  /** The province at a glance for the bureau: the quarter running on `now`, against the one before. */
  async desk(actor: Actor, now: Date): Promise<BureauDesk> {
    if (actor.role !== 'bureau' && actor.role !== 'admin') throw new AccessDenied();
    const today = this.today(now);
    const scorecards = await this.province(quarterPeriod(Number(today.slice(0, 4)), Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1), now);
    return { scorecards, slipped: slippedBodies(scorecards.bodies, SLIPPED_SHOWN) };
  }

  /** One body's page: its card among the province's, its PPID units, its quarters and its oldest overdue requests. */
  async body(code: string, period: Period, now: Date): Promise<BodyScorecardPage> {
    const today = this.today(now);
    const province = await this.province(period, now);
    const current = province.bodies.find((c) => c.body.code === code);
    if (!current) throw new NotFound('Badan publik tidak ditemukan.');
    const year = period.year ?? Number(period.to.slice(0, 4));
    const [unitRows, data, objections, overdue, calendar, history] = await Promise.all([
      this.repo.findUnits(current.body.id),
      this.periodData(period, today),
      this.sources.objections(period, today),
      this.repo.findOldestOverdue(current.body.id, today, OLDEST_OVERDUE),
      this.calendar.calendarFor(current.body.id),
      Promise.all(
        quartersBegun(year, today).map(async (q) => {
          const cards = await this.bodyCards([current.body], q, today);
          const c = cards.cards[0];
          return { period: q, index: c.enoughData ? c.index.index : null, enoughData: c.enoughData, received: c.metrics.received };
        }),
      ),
    ]);
    return {
      current,
      province,
      units: unitCards(unitRows, data, objections),
      history,
      overdue: overdue.map((o) => ({ ...o, workingDaysOverdue: Math.max(1, calendar.countWorkingDays(o.dueDate, today)) })),
    };
  }

  /**
   * Every body's page at once, for the report: the period and each quarter of its year are read
   * once for all bodies, not once per body as `body` would.
   */
  async report(period: Period, now: Date): Promise<ProvinceReport> {
    const today = this.today(now);
    const province = await this.province(period, now);
    const bodies = province.bodies.map((c) => c.body);
    const year = period.year ?? Number(period.to.slice(0, 4));
    const [data, objections, quarters] = await Promise.all([
      this.periodData(period, today),
      this.sources.objections(period, today),
      Promise.all(quartersBegun(year, today).map(async (q) => ({ period: q, cards: (await this.bodyCards(bodies, q, today)).cards }))),
    ]);
    const byCode = [...province.bodies].sort((a, b) => (a.body.code < b.body.code ? -1 : a.body.code > b.body.code ? 1 : 0));
    const pages: BodyScorecardPage[] = [];
    for (const current of byCode) {
      const [unitRows, overdue, calendar] = await Promise.all([
        this.repo.findUnits(current.body.id),
        this.repo.findOldestOverdue(current.body.id, today, OLDEST_OVERDUE),
        this.calendar.calendarFor(current.body.id),
      ]);
      pages.push({
        current,
        province,
        units: unitCards(unitRows, data, objections),
        history: quarters.map((q) => {
          const c = q.cards.find((card) => card.body.id === current.body.id) as BodyScorecard;
          return { period: q.period, index: c.enoughData ? c.index.index : null, enoughData: c.enoughData, received: c.metrics.received };
        }),
        overdue: overdue.map((o) => ({ ...o, workingDaysOverdue: Math.max(1, calendar.countWorkingDays(o.dueDate, today)) })),
      });
    }
    return { province, pages };
  }

  private async bodyCards(
    bodies: ScorecardBody[],
    period: Period,
    today: LocalDate,
  ): Promise<{ cards: BodyScorecard[]; province: ScorecardMetrics; notAvailable: IndexComponent[] }> {
    const ids = bodies.map((b) => b.id);
    const year = period.year ?? Number(period.to.slice(0, 4));
    const [data, objectionRows, reports, publicInformation] = await Promise.all([
      this.periodData(period, today),
      this.sources.objections(period, today),
      this.sources.annualReports(year, ids, today),
      this.sources.publicInformation(period, periodEnd(period, today), ids),
    ]);
    const objections = objectionRows ? objectionsByBody(objectionRows) : null;
    const countsOf = new Map<number, RequestCounts>();
    const daysOf = new Map<number, Map<number, number>>();
    for (const c of data.units.values()) countsOf.set(c.bodyId, addCounts(countsOf.get(c.bodyId) ?? ZERO_COUNTS, c));
    for (const [unitId, days] of data.days) {
      const bodyId = data.units.get(unitId)?.bodyId;
      if (bodyId === undefined) continue;
      const into = daysOf.get(bodyId) ?? new Map<number, number>();
      for (const [d, n] of days) into.set(d, (into.get(d) ?? 0) + n);
      daysOf.set(bodyId, into);
    }
    const min = this.config.scorecardMinRequests;
    const partial = bodies.map((body) => {
      const metrics = computeMetrics(
        countsOf.get(body.id) ?? ZERO_COUNTS,
        histogram(daysOf.get(body.id)),
        objections ? (objections.get(body.id) ?? NO_OBJECTIONS) : null,
        reports ? (reports.get(body.id) ?? null) : null,
        publicInformationMetrics(publicInformation, body.id),
      );
      const scores = componentScores(metrics);
      const index = serviceIndex(scores, this.config.scorecardWeights);
      return { body, metrics, scores, index, enoughData: metrics.received >= min };
    });
    const ranks = rankBodies(partial.map((p) => ({ id: p.body.id, index: p.index.index, eligible: p.enoughData })));
    const cards = partial.map((p) => ({
      ...p,
      rank: ranks.get(p.body.id) ?? null,
      band: p.enoughData && p.index.index !== null ? bandOf(p.index.index) : null,
      previousIndex: null,
    }));
    let total = ZERO_COUNTS;
    for (const c of countsOf.values()) total = addCounts(total, c);
    const allDays = new Map<number, number>();
    for (const days of daysOf.values()) for (const [d, n] of days) allDays.set(d, (allDays.get(d) ?? 0) + n);
    const notAvailable: IndexComponent[] = [];
    if (!objections) notAvailable.push('objections');
    if (!reports) notAvailable.push('annualReport');
    notAvailable.push(...publicInformationNotAvailable(publicInformation));
    let allObjections = NO_OBJECTIONS;
    for (const f of objections?.values() ?? []) allObjections = addObjectionFigures(allObjections, f);
    const province = computeMetrics(total, histogram(allDays), objections ? allObjections : null, null, provincePublicInformation(publicInformation));
    return { cards, province, notAvailable };
  }

  /** The period's counts and working days to notice per unit, summed from the rollups. */
  private async periodData(period: Period, today: LocalDate): Promise<PeriodData> {
    const [rows, bars] = await Promise.all([
      this.rollups.countsByUnit(period.from, period.to, periodEnd(period, today), today),
      this.rollups.noticeDays(period.from, period.to),
    ]);
    const units = new Map(rows.map((r) => [r.unitId, r]));
    const days = new Map<number, Map<number, number>>();
    for (const b of bars) {
      const into = days.get(b.unitId) ?? new Map<number, number>();
      into.set(b.workingDays, (into.get(b.workingDays) ?? 0) + b.count);
      days.set(b.unitId, into);
    }
    return { units, days };
  }
}

/** Bodies with enough data in both periods whose index fell, the largest fall first. */
export function slippedBodies(cards: readonly BodyScorecard[], limit: number): { card: BodyScorecard; change: number }[] {
  return cards
    .filter((c) => c.enoughData && c.index.index !== null && c.previousIndex !== null)
    .map((card) => ({ card, change: roundIndex((card.index.index as number) - (card.previousIndex as number)) }))
    .filter((s) => s.change < 0)
    .sort((a, b) => a.change - b.change || a.card.body.name.localeCompare(b.card.body.name, 'id'))
    .slice(0, limit);
}

/** The units' keberatan figures summed per body. */
function objectionsByBody(rows: readonly UnitObjectionFigures[]): Map<number, ObjectionFigures> {
  const out = new Map<number, ObjectionFigures>();
  for (const r of rows) out.set(r.bodyId, addObjectionFigures(out.get(r.bodyId) ?? NO_OBJECTIONS, r));
  return out;
}

/** Each PPID unit's metrics, its keberatan figures included where the portal has them. */
function unitCards(units: ScorecardUnit[], data: PeriodData, objections: readonly UnitObjectionFigures[] | null): UnitScorecard[] {
  return units.map((unit) => ({
    unit,
    metrics: computeMetrics(
      data.units.get(unit.id) ?? ZERO_COUNTS,
      histogram(data.days.get(unit.id)),
      objections ? (objections.find((o) => o.unitId === unit.id) ?? NO_OBJECTIONS) : null,
      null,
    ),
  }));
}

function histogram(days: Map<number, number> | undefined): Weighted[] {
  return days ? [...days].map(([value, count]) => ({ value, count })) : [];
}
