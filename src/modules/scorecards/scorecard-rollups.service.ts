import { INestApplicationContext, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { safeErrorSummary } from 'src/common/logging/error-summary';
import { fromDayNumber, LocalDate, toDayNumber } from 'src/common/time/local-time';
import { AppConfig } from 'src/config/app-config';
import { CalendarService, WorkingDayCalendar } from 'src/modules/calendar';
import { ObjectionsRepository } from 'src/modules/objections';
import { UnitObjectionFigures } from './compliance-sources';
import { rollupCover } from './scorecard-rollup-cover';
import { RollupKey, RollupNoticeDays, RollupNoticePair, ScorecardRollupsRepository, WorkingDayOrdinals } from './scorecard-rollups.repository';
import { UnitCounts } from './scorecards.repository';

/** Marks a page view applies itself before it reads; more are left to the job (a bulk load, a rebuild). */
export const VIEW_REFRESH_LIMIT = 2000;

/** Marks one transaction of the job applies. */
const BATCH_MARKS = 5000;

/**
 * More marks than this waiting (after a bulk load, or the first build of a large database) and
 * the job rebuilds everything in set-based statements instead of applying them batch by batch.
 */
export const REBUILD_MARKS = 50_000;

/**
 * After a change of holidays, closures or confirmed years, every refresh within this time reads
 * the calendars afresh (the calendar cache of another instance may still hold the old days).
 */
const CALENDAR_CHANGE_MARGIN_MS = 5 * 60_000;

export interface RollupRefresh {
  /** Keys (unit, day) computed again. */
  keys: number;
  /** Calendar changes turned into marks. */
  calendarChanges: number;
  /** Marks still waiting (a later batch, or the job, takes them). */
  remaining: boolean;
  /** Another refresh held the lock and this one did nothing. */
  busy: boolean;
}

/** How current the rollups are. */
export interface RollupFreshness {
  /** Every change committed before this instant is in the figures; null before the first refresh. */
  refreshedAt: Date | null;
  /** Changes not yet applied, counted no further than VIEW_REFRESH_LIMIT + 1. */
  pending: number;
}

/**
 * The scorecards' rollups: kept current from the marks the triggers write with every change
 * (a page view applies a few pending marks itself, the job applies the rest every minute), and
 * rebuilt from scratch after a bulk load or when the zone or the calendar setting changed.
 */
@Injectable()
export class ScorecardRollupsService {
  private readonly logger = new Logger('ScorecardRollups');
  /** When this instance last dropped its cached calendars for a calendar change. */
  private calendarsReloadedAt = 0;

  constructor(
    private readonly repo: ScorecardRollupsRepository,
    private readonly calendar: CalendarService,
    private readonly config: AppConfig,
    private readonly objections: ObjectionsRepository,
  ) {}

  /** What working days depend on besides the holiday table: a change rebuilds the rollups. */
  private get calendarBasis(): string {
    return `cuti_bersama_non_working=${this.config.cutiBersamaIsNonWorking}`;
  }

  /** On start: builds the rollups when they never were, or were built for another zone or calendar setting. */
  async ensureBuilt(): Promise<boolean> {
    const state = await this.repo.state();
    if (state && state.timeZone === this.config.provinceTimeZone && state.calendarBasis === this.calendarBasis) return false;
    await this.reset();
    // A small database is built at once; a large one by the job, batch after batch.
    const pending = await this.repo.pendingUpTo(VIEW_REFRESH_LIMIT + 1);
    if (pending.marks <= VIEW_REFRESH_LIMIT) await this.refreshBatch(VIEW_REFRESH_LIMIT, true);
    return true;
  }

  /**
   * Rebuilds every rollup from the requests and keberatan in one transaction of set-based
   * statements (after a bulk load, in the benchmark, the demo): the working days to notice are
   * counted in SQL from each body's working-day ordinals. Changes committed meanwhile leave their
   * marks, which the refresh that follows applies.
   */
  async rebuild(): Promise<RollupRefresh> {
    const zone = this.config.provinceTimeZone;
    // The state first (from its commit on every write is marked), and the calendar marks: the
    // calendars are read afresh after it, outside any transaction (the embedded database has one connection).
    await this.repo.transaction(async (m) => {
      await this.repo.lock(m, true);
      await this.repo.writeState(m, zone, this.calendarBasis);
      await this.repo.clearCalendarMarks(m);
    });
    this.calendar.invalidate();
    this.calendarsReloadedAt = Date.now();
    const ordinals: WorkingDayOrdinals[] = [];
    for (const bodyId of await this.repo.bodyIds()) ordinals.push(workingDayOrdinals(bodyId, await this.calendar.calendarFor(bodyId)));
    const built = await this.repo.transaction(async (m) => {
      await this.repo.lock(m, true);
      const startedAt = await this.repo.clock(m);
      const keys = await this.repo.rebuildDays(m, zone, ordinals);
      const { figures, pending } = await this.objections.scorecardRollupFigures(m, zone, null);
      await this.repo.writeObjectionDays(m, figures, pending);
      await this.repo.sumAllMonthsAndYears(m);
      const remaining = await this.repo.hasMarks(m);
      if (!remaining) await this.repo.markRefreshed(m, startedAt);
      return { keys, remaining };
    });
    this.logger.log({ msg: 'scorecard rollups rebuilt', keys: built.keys });
    const rest = built.remaining ? await this.applyMarks() : { keys: 0, calendarChanges: 0, remaining: false, busy: false };
    return { keys: built.keys + rest.keys, calendarChanges: rest.calendarChanges, remaining: rest.remaining, busy: false };
  }

  /** Applies every waiting mark (the job, and the end of a rebuild); rebuilds instead when more than REBUILD_MARKS wait. */
  async refreshAll(): Promise<RollupRefresh> {
    if ((await this.repo.pendingUpTo(REBUILD_MARKS + 1)).marks > REBUILD_MARKS) return this.rebuild();
    return this.applyMarks();
  }

  private async applyMarks(): Promise<RollupRefresh> {
    const total: RollupRefresh = { keys: 0, calendarChanges: 0, remaining: true, busy: false };
    // A batch that applied nothing while marks remain (they belong to a body that just appeared) is
    // tried again a few times, then left to the next run.
    for (let idle = 0; total.remaining && idle < 3; ) {
      const r = await this.refreshBatch(BATCH_MARKS, true);
      total.keys += r.keys;
      total.calendarChanges += r.calendarChanges;
      total.remaining = r.remaining;
      idle = r.keys === 0 ? idle + 1 : 0;
    }
    return total;
  }

  /**
   * Before a page view reads: applies the waiting marks when they are few and no calendar change
   * waits (else the job's next run does, within a minute), without waiting for a refresh already running.
   */
  async catchUp(): Promise<void> {
    const pending = await this.repo.pendingUpTo(VIEW_REFRESH_LIMIT + 1);
    if (pending.marks === 0 || pending.marks > VIEW_REFRESH_LIMIT || pending.calendar) return;
    try {
      await this.refreshBatch(VIEW_REFRESH_LIMIT, false);
    } catch (error) {
      // The page is served from the rollups as they stand (their refresh time says how old); the job tries again.
      this.logger.warn({ msg: 'scorecard rollups not refreshed before a view', error: safeErrorSummary(error) });
    }
  }

  async freshness(): Promise<RollupFreshness> {
    const [state, pending] = await Promise.all([this.repo.state(), this.repo.pendingUpTo(VIEW_REFRESH_LIMIT + 1)]);
    return { refreshedAt: state?.refreshedAt ?? null, pending: pending.marks + (pending.calendar ? 1 : 0) };
  }

  /** The counts of every unit for requests received from `from` to `to`, as of `today`, and the backlog at `end`. */
  countsByUnit(from: LocalDate, to: LocalDate, end: LocalDate, today: LocalDate): Promise<UnitCounts[]> {
    return this.repo.countsByUnit(rollupCover(from, to), from, to, end, today);
  }

  /** The keberatan and sengketa figures of every unit for the requests received from `from` to `to`, as of `today`. */
  objectionsByUnit(from: LocalDate, to: LocalDate, today: LocalDate): Promise<UnitObjectionFigures[]> {
    return this.repo.objectionsByUnit(rollupCover(from, to), from, to, today);
  }

  /** Each unit's histogram of working days to notice of the requests received from `from` to `to`. */
  noticeDays(from: LocalDate, to: LocalDate): Promise<RollupNoticeDays[]> {
    return this.repo.noticeDays(rollupCover(from, to));
  }

  /** Empties the rollups and marks every request; the state is written first, so every later write is marked too. */
  private async reset(): Promise<void> {
    const zone = this.config.provinceTimeZone;
    await this.repo.transaction(async (m) => {
      await this.repo.lock(m, true);
      await this.repo.writeState(m, zone, this.calendarBasis);
    });
    const marked = await this.repo.transaction(async (m) => {
      await this.repo.lock(m, true);
      return this.repo.clearAndMarkEverything(m, zone);
    });
    this.logger.log({ msg: 'scorecard rollups reset', keys: marked });
  }

  private async refreshBatch(limit: number, wait: boolean): Promise<RollupRefresh> {
    const zone = this.config.provinceTimeZone;
    // Calendar changes first, in their own transaction: the calendars are read outside any
    // transaction (the embedded database has a single connection).
    const calendarChanges = await this.repo.transaction(async (m) => ((await this.repo.lock(m, wait)) ? this.repo.expandCalendarMarks(m, zone) : null));
    if (calendarChanges === null) return { keys: 0, calendarChanges: 0, remaining: true, busy: true };
    // The calendars of the bodies whose marks come next; marks of other bodies that arrive
    // meanwhile wait for the next batch.
    const calendars = await this.calendars(await this.repo.bodiesOfNextMarks(limit));
    return this.repo.transaction(async (m) => {
      if (!(await this.repo.lock(m, wait))) return { keys: 0, calendarChanges, remaining: true, busy: true };
      const startedAt = await this.repo.clock(m);
      const keys = await this.repo.claimMarks(m, limit, [...calendars.keys()]);
      if (keys.length > 0) {
        const pairs = await this.repo.recomputeDays(m, keys, zone);
        await this.repo.insertNoticeDays(m, noticeDayRows(pairs, calendars));
        const { figures, pending } = await this.objections.scorecardRollupFigures(m, zone, {
          bodyIds: keys.map((k) => k.bodyId),
          unitIds: keys.map((k) => k.unitId),
          days: keys.map((k) => k.day),
        });
        await this.repo.writeObjectionDays(m, figures, pending);
        await this.repo.recomputeMonths(m, monthsOf(keys));
      }
      const remaining = await this.repo.hasMarks(m);
      if (!remaining) await this.repo.markRefreshed(m, startedAt);
      return { keys: keys.length, calendarChanges, remaining, busy: false };
    });
  }

  /** The bodies' calendars, read afresh when the calendar changed lately. */
  private async calendars(bodyIds: readonly number[]): Promise<Map<number, WorkingDayCalendar>> {
    const state = await this.repo.state();
    const changedAt = state?.calendarChangedAt?.getTime() ?? null;
    if (changedAt !== null && changedAt > this.calendarsReloadedAt - CALENDAR_CHANGE_MARGIN_MS) {
      this.calendar.invalidate();
      this.calendarsReloadedAt = Date.now();
    }
    const out = new Map<number, WorkingDayCalendar>();
    for (const id of bodyIds) out.set(id, await this.calendar.calendarFor(id));
    return out;
  }
}

/**
 * The notice day pairs as a histogram of whole working days per key, by each body's calendar. A
 * pair the calendar cannot count (dates before the years it covers) is left out: no working-day
 * figure is made up for it.
 */
export function noticeDayRows(pairs: readonly RollupNoticePair[], calendars: ReadonlyMap<number, WorkingDayCalendar>): (RollupNoticeDays & { day: LocalDate })[] {
  const out = new Map<string, RollupNoticeDays & { day: LocalDate }>();
  for (const p of pairs) {
    const calendar = calendars.get(p.bodyId);
    if (!calendar) throw new Error(`scorecard rollups: no calendar for body ${p.bodyId}`);
    if (p.receivedOn < calendar.firstDate || p.noticeOn > calendar.lastDate || p.receivedOn > calendar.lastDate) continue;
    const workingDays = Math.max(0, calendar.countWorkingDays(p.receivedOn, p.noticeOn));
    const key = `${p.unitId}|${p.day}|${workingDays}`;
    const row = out.get(key);
    if (row) row.count += p.count;
    else out.set(key, { unitId: p.unitId, bodyId: p.bodyId, day: p.day, workingDays, count: p.count });
  }
  return [...out.values()];
}

/** Each day of the calendar with the number of working days from its first day to it (countWorkingDays(first, day)). */
export function workingDayOrdinals(bodyId: number, calendar: WorkingDayCalendar): WorkingDayOrdinals {
  const days: LocalDate[] = [];
  const ordinals: number[] = [];
  const first = toDayNumber(calendar.firstDate);
  const last = toDayNumber(calendar.lastDate);
  for (let d = first; d <= last; d += 1) {
    days.push(fromDayNumber(d));
    ordinals.push(calendar.countWorkingDaysBetweenDayNumbers(first, d));
  }
  return { bodyId, days, ordinals };
}

function monthsOf(keys: readonly RollupKey[]): { unitId: number; month: LocalDate }[] {
  const seen = new Map<string, { unitId: number; month: LocalDate }>();
  for (const k of keys) {
    const month = `${k.day.slice(0, 7)}-01`;
    seen.set(`${k.unitId}|${month}`, { unitId: k.unitId, month });
  }
  return [...seen.values()];
}

/**
 * Rebuilds the scorecards' rollups in an application context that has the database, the
 * calendar and the settings (the app, or the tool context of `npm run demo` and `npm run bench`).
 */
export function rebuildScorecardRollups(app: INestApplicationContext): Promise<RollupRefresh> {
  const service = new ScorecardRollupsService(
    new ScorecardRollupsRepository(app.get(DataSource)),
    app.get(CalendarService),
    app.get(AppConfig),
    app.get(ObjectionsRepository, { strict: false }),
  );
  return service.rebuild();
}
