import type { INestApplicationContext } from '@nestjs/common';
import type { Actor } from 'src/common/auth/actor';
import { DataSource, EntityManager } from 'typeorm';
import { FieldCipher } from 'src/common/crypto/field-cipher';
import { CalendarService, WorkingDayCalendar } from 'src/modules/calendar';
import { hashPassword } from 'src/modules/auth';
import { BodiesAdminRepository } from 'src/modules/bodies';
import { AnnualReportsService, Narrative } from 'src/modules/annual-reports';
import { DipService, SimulatedDipItem } from 'src/modules/dip';
import { PublishedAnswersService, SweepResult } from 'src/modules/published-answers';
import { ConsultationSeeder, ConsultationsRepository, DEFAULT_CONSULTATION_RESPONSE_DAYS } from 'src/modules/consultations';
import { AppConfig } from 'src/config/app-config';
import { TrackingCodes, formatTrackingCode } from 'src/modules/requests';
import { districtsOfProvince } from './area-districts';
import { DemoAccountPlan, newDemoPassword, planAccounts } from './demo-accounts';
import { DemoBatchWriter, PreparedBatch } from './demo-batch-writer';
import { DemoRepository, DemoUnitRow, SqlRunner } from './demo.repository';
import { fillDemoOfficeDetails } from './demo-office-details';
import { planAnnualReports } from './simulation/annual-reports';
import { planDip } from './simulation/dip';
import { planConsultations } from './simulation/consultations';
import { District } from './simulation/people';
import { SimBody, SimRequest, simulateRequests, SimUnit } from './simulation/simulate';
import { BodyPlan, BodyRef, placeName, planWorld, regionTitle } from './simulation/world';

/** Who publishes the simulated annual reports: the annual-reports module (AnnualReportsService). */
export interface ReportPublisher {
  publishSimulated(actor: Actor, bodyId: number, year: number, narrative: Narrative, publishedAt: Date): Promise<boolean>;
}

/** Who writes the simulated Daftar Informasi Publik: the dip module (DipService). */
export interface DipPublisher {
  loadSimulated(items: readonly SimulatedDipItem[]): Promise<number>;
}

/** Who publishes the answers of demo requests whose requester consented: the published-answers module. */
export interface AnswerPublisher {
  sweep(now: Date): Promise<SweepResult>;
}

/** Where due dates come from: the portal's calendar of a body (CalendarService). */
export interface CalendarSource {
  calendarFor(bodyId: number | null): Promise<WorkingDayCalendar>;
}

export interface DemoLoadOptions {
  seed: number;
  requests: number;
  /** The clock: the simulated year ends here. */
  now: Date;
  batchSize?: number;
  /** Batches written side by side, each in its own transaction (append only; needs that many connections). */
  parallel?: number;
  onProgress?: (progress: DemoProgress) => void;
}

export interface DemoProgress {
  requests: number;
  events: number;
  total: number;
  seconds: number;
}

export interface DemoLoadResult {
  seed: number;
  now: Date;
  requests: number;
  events: number;
  seconds: number;
  /** The password of the accounts this load created; null when they all existed. */
  password: string | null;
  accounts: DemoAccountPlan[];
  createdAccounts: number;
  plans: BodyPlan[];
  sample: { registrationNumber: string; trackingCode: string } | null;
  /** Annual reports of the year before published by this load: by 31 March, and after it. */
  annualReports: { onTime: number; late: number };
  /** Items of the bodies' Daftar Informasi Publik written by this load. */
  dipItems: number;
  /** Consultations of the weeks before the clock written by this load. */
  consultations: number;
  /** Answers published for the granted demo requests whose requester consented. */
  publishedAnswers: number;
}

export type DemoLoadOutcome = { loaded: true; result: DemoLoadResult } | { loaded: false; reason: 'already_loaded' | 'not_empty' };

/** Counts of what a load writes, to compare loads and previews. */
export interface DemoCounts {
  requests: number;
  events: number;
  byStatus: Record<string, number>;
  byDecision: Record<string, number>;
  byEventType: Record<string, number>;
  /** Keberatan by the atasan's decision, and sengketa. */
  objections: Record<string, number>;
  disputes: number;
}

interface Preparation {
  plans: BodyPlan[];
  accounts: DemoAccountPlan[];
  provinceCode: string;
  provinceName: string;
  calendars: Map<number, WorkingDayCalendar>;
  districts: Map<string, District[]>;
}

const DEFAULT_BATCH = 1000;
/** The date UU 14/2008 was enacted; any seed works, this one is the default. */
export const DEFAULT_DEMO_SEED = 20080430;

function emptyCounts(): DemoCounts {
  return { requests: 0, events: 0, byStatus: {}, byDecision: {}, byEventType: {}, objections: {}, disputes: 0 };
}

function count(counts: DemoCounts, r: SimRequest): void {
  const bump = (map: Record<string, number>, key: string) => (map[key] = (map[key] ?? 0) + 1);
  counts.requests += 1;
  counts.events += r.events.length;
  bump(counts.byStatus, r.status);
  bump(counts.byDecision, r.decision ?? 'none');
  for (const e of r.events) bump(counts.byEventType, e.type);
  if (r.objection) bump(counts.objections, r.objection.status);
  if (r.objection?.dispute) counts.disputes += 1;
}

/**
 * Loads simulated demo data: the PPID Pelaksana and demo accounts, then the requests with their
 * events, in batches of about a thousand rows per statement. A plain class so the start-up
 * (demo-on-start.ts) and the `npm run demo` script share it.
 */
export class DemoDataLoader {
  private readonly repo: DemoRepository;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly codes: TrackingCodes,
    private readonly calendars: CalendarSource,
    private readonly reports: ReportPublisher | null = null,
    private readonly dip: DipPublisher | null = null,
    private readonly consultations: { seeder: ConsultationSeeder; responseDays: number } | null = null,
    private readonly answers: AnswerPublisher | null = null,
  ) {
    this.repo = new DemoRepository(dataSource);
  }

  /** A loader on a running portal's database, keys and calendars. */
  static fromApp(app: INestApplicationContext): DemoDataLoader {
    const cipher = app.get(FieldCipher);
    let reports: ReportPublisher | null = null;
    try {
      reports = app.get(AnnualReportsService, { strict: false });
    } catch {
      // A context without the annual reports (the benchmark tool) loads requests only.
    }
    let dip: DipPublisher | null = null;
    try {
      dip = app.get(DipService, { strict: false });
    } catch {
      // Likewise without the DIP.
    }
    let consultations: { seeder: ConsultationSeeder; responseDays: number } | null = null;
    try {
      const responseDays = app.get(AppConfig, { strict: false }).consultationResponseDays ?? DEFAULT_CONSULTATION_RESPONSE_DAYS;
      consultations = { seeder: new ConsultationSeeder(app.get(ConsultationsRepository, { strict: false }), cipher), responseDays };
    } catch {
      // A context without the consultations' records loads no consultations.
    }
    let answers: AnswerPublisher | null = null;
    try {
      answers = app.get(PublishedAnswersService, { strict: false });
    } catch {
      // A context without the published answers publishes none.
    }
    return new DemoDataLoader(app.get(DataSource), cipher, new TrackingCodes(cipher), app.get(CalendarService), reports, dip, consultations, answers);
  }

  /** The consultations of the weeks before the clock, written through the consultations module's seeder. */
  private async seedConsultations(m: EntityManager, options: DemoLoadOptions, bodies: readonly SimBody[]): Promise<number> {
    if (!this.consultations) return 0;
    const planned = planConsultations(options.seed, options.now, bodies, this.consultations.responseDays);
    return (await this.consultations.seeder.insert(m, planned)).length;
  }

  /**
   * On start: everything in one transaction, and only into a database with no requests, no
   * accounts but admins, and no earlier demo load. On the embedded database the transaction
   * holds the only connection, so everything read through the data source is read first.
   */
  async loadIntoEmptyDatabase(options: DemoLoadOptions): Promise<DemoLoadOutcome> {
    const started = Date.now();
    // A cheap look first, so an ordinary restart costs one query; the look that counts is under the lock below.
    const seen = await this.repo.inspect(this.dataSource);
    if (seen.loaded) return { loaded: false, reason: 'already_loaded' };
    if (seen.hasRequests || seen.hasUsers) return { loaded: false, reason: 'not_empty' };
    const prep = await this.prepare(options);
    const password = newDemoPassword();
    const passwordHash = await hashPassword(password);
    let bodies: SimBody[] = [];
    let publishers = new Map<number, Actor>();
    const outcome = await this.dataSource.transaction(async (m): Promise<DemoLoadOutcome> => {
      const state = await this.repo.lockAndInspect(m);
      if (state.loaded) return { loaded: false, reason: 'already_loaded' };
      if (state.hasRequests || state.hasUsers) return { loaded: false, reason: 'not_empty' };
      const world = await this.materialize(m, prep, passwordHash);
      bodies = world.bodies;
      publishers = world.publishers;
      const written = await this.write(prep, world.bodies, options, { requests: new Map(), objections: new Map() }, started, 1, (work) => work(m));
      const consultations = await this.seedConsultations(m, options, world.bodies);
      await this.repo.insertLoad(m, { source: 'startup', seed: options.seed, requests: written.counts.requests, simulatedUntil: options.now });
      const result = this.result(options, prep, written, world.created.size > 0 ? password : null, world.created.size, started);
      return { loaded: true, result: { ...result, consultations } };
    });
    // After the commit: the annual reports' figures are read from the requests just written.
    if (outcome.loaded) {
      outcome.result.annualReports = await this.publishReports(options, bodies, publishers);
      outcome.result.dipItems = await this.publishDip(options, bodies);
      outcome.result.publishedAnswers = await this.publishAnswers(options);
    }
    return outcome;
  }

  /**
   * Publishes each body's simulated annual report of the year before, through the annual-reports
   * module, as the officer of the body's PPID Utama (`publishers`, by body id).
   */
  private async publishReports(options: DemoLoadOptions, bodies: readonly SimBody[], publishers: ReadonlyMap<number, Actor>): Promise<DemoLoadResult['annualReports']> {
    const counts = { onTime: 0, late: 0 };
    if (!this.reports) return counts;
    for (const r of planAnnualReports(options.seed, options.now, bodies)) {
      const actor = publishers.get(r.bodyId);
      if (!actor) continue;
      if (await this.reports.publishSimulated(actor, r.bodyId, r.year, r.narrative, r.publishedAt)) counts[r.onTime ? 'onTime' : 'late'] += 1;
    }
    return counts;
  }

  /** Writes each body's simulated Daftar Informasi Publik through the dip module, unless the body has one already. */
  private async publishDip(options: DemoLoadOptions, bodies: readonly SimBody[]): Promise<number> {
    if (!this.dip) return 0;
    const filled = new Set(await this.repo.findBodiesWithDip());
    return this.dip.loadSimulated(planDip(options.seed, options.now, bodies.filter((b) => !filled.has(b.id))));
  }

  /** Publishes the answers of the granted requests whose requester consented, as the publication job would. */
  private async publishAnswers(options: DemoLoadOptions): Promise<number> {
    if (!this.answers) return 0;
    return (await this.answers.sweep(options.now)).published;
  }

  /**
   * For benchmarks (`npm run demo`): adds the requests to whatever the database holds, numbering
   * on from the registration counters, each batch committed on its own.
   */
  async append(options: DemoLoadOptions): Promise<DemoLoadResult> {
    const started = Date.now();
    const prep = await this.prepare(options);
    const password = newDemoPassword();
    const passwordHash = await hashPassword(password);
    const { world, startSeqs } = await this.dataSource.transaction(async (m) => {
      const materialized = await this.materialize(m, prep, passwordHash);
      const counters = await this.repo.findCounters(m);
      const objectionCounters = await this.repo.findObjectionCounters(m);
      return {
        world: materialized,
        startSeqs: {
          requests: new Map(counters.map((c): [string, number] => [`${c.unitId}:${c.year}`, c.lastNumber])),
          objections: new Map(objectionCounters.map((c): [string, number] => [`${c.bodyId}:${c.year}:${c.kind}`, c.lastNumber])),
        },
      };
    });
    const written = await this.write(prep, world.bodies, options, startSeqs, started, options.parallel ?? 1, (work) => this.dataSource.transaction(work));
    await this.repo.insertLoad(this.dataSource.manager, { source: 'cli', seed: options.seed, requests: written.counts.requests, simulatedUntil: options.now });
    const result = this.result(options, prep, written, world.created.size > 0 ? password : null, world.created.size, started);
    result.consultations = await this.dataSource.transaction((m) => this.seedConsultations(m, options, world.bodies));
    result.annualReports = await this.publishReports(options, world.bodies, world.publishers);
    result.dipItems = await this.publishDip(options, world.bodies);
    result.publishedAnswers = await this.publishAnswers(options);
    return result;
  }

  /**
   * What a load with these options generates, counted, without writing anything: the units and
   * accounts are set up in a transaction that is rolled back.
   */
  async preview(options: DemoLoadOptions): Promise<DemoCounts> {
    const prep = await this.prepare(options);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let bodies: SimBody[];
    try {
      await runner.startTransaction();
      bodies = (await this.materialize(runner.manager, prep, 'preview')).bodies;
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
    const counts = emptyCounts();
    for (const r of simulateRequests({ seed: options.seed, now: options.now, bodies })) count(counts, r);
    return counts;
  }

  private async prepare(options: DemoLoadOptions): Promise<Preparation> {
    const bodies = await this.repo.findBodies();
    const provinceBody = bodies.find((b) => b.kind === 'provinsi');
    const provinceCode = provinceBody?.regionCode ?? bodies[0]?.regionCode.slice(0, 2) ?? '';
    const calendars = new Map<number, WorkingDayCalendar>();
    for (const body of bodies) calendars.set(body.id, await this.calendars.calendarFor(body.id));
    const regencyNames = new Map(bodies.filter((b) => b.kind !== 'provinsi').map((b) => [b.regionCode, b.regionName]));
    const plans = planWorld(options.seed, bodies, options.requests);
    return {
      plans,
      accounts: planAccounts(plans),
      provinceCode,
      provinceName: provinceBody?.regionName ?? '',
      calendars,
      districts: districtsOfProvince(provinceCode, regencyNames),
    };
  }

  /** Creates the missing PPID Pelaksana and accounts; returns the bodies as the simulation sees them. */
  private async materialize(
    m: SqlRunner,
    prep: Preparation,
    passwordHash: string,
  ): Promise<{ bodies: SimBody[]; created: Set<string>; publishers: Map<number, Actor> }> {
    const units = await this.repo.ensurePelaksana(
      m,
      prep.plans.flatMap((p) =>
        p.pelaksana.map((u) => ({
          bodyId: p.body.id,
          parentId: p.body.utama.id,
          code: u.code,
          name: u.name,
          timeZone: p.body.timeZone,
          opensAt: p.body.opensAt,
          closesAt: p.body.closesAt,
        })),
      ),
    );
    await fillDemoOfficeDetails(m, new BodiesAdminRepository(this.dataSource), prep.plans.map((p) => p.body), units);
    const unitsByKey = new Map<string, DemoUnitRow>(units.map((u) => [`${u.bodyId}:${u.code}`, u]));
    const bodiesByCode = new Map(prep.plans.map((p) => [p.body.regionCode, p.body]));
    const unitIdOf = (regionCode: string, code: string): number | null => {
      const body = bodiesByCode.get(regionCode);
      if (!body) return null;
      return code === body.utama.code ? body.utama.id : (unitsByKey.get(`${body.id}:${code}`)?.id ?? null);
    };
    const accounts = prep.accounts.filter((a) => !a.unit || unitIdOf(a.unit.regionCode, a.unit.code) !== null);
    const { ids, created } = await this.repo.ensureUsers(
      m,
      accounts.map((a) => ({
        email: a.email,
        name: a.name,
        role: a.role,
        unitId: a.unit ? unitIdOf(a.unit.regionCode, a.unit.code) : null,
        bodyId: a.bodyRegionCode ? (bodiesByCode.get(a.bodyRegionCode)?.id ?? null) : null,
      })),
      passwordHash,
    );
    const officerOf = new Map<number, number>();
    // The officer of each PPID Utama, who publishes the body's simulated annual report.
    const utamaOfficers = new Map<number, Actor>();
    for (const a of accounts) {
      const unitId = a.role === 'officer' && a.unit ? unitIdOf(a.unit.regionCode, a.unit.code) : null;
      const userId = ids.get(a.email);
      if (unitId !== null && userId !== undefined) {
        officerOf.set(unitId, userId);
        utamaOfficers.set(unitId, { userId, name: a.name, email: a.email, role: 'officer', unitId, bodyId: null });
      }
    }
    const staff = (unitId: number, names: readonly string[]) => names.map((name, i) => ({ userId: i === 0 ? (officerOf.get(unitId) ?? null) : null, name }));
    const bodies = prep.plans.map((p): SimBody => {
      const pelaksana: SimUnit[] = [];
      for (const u of p.pelaksana) {
        const row = unitsByKey.get(`${p.body.id}:${u.code}`);
        if (row) pelaksana.push({ id: row.id, code: row.code, name: row.name, kind: u.kind, staff: staff(row.id, u.staff) });
      }
      return {
        id: p.body.id,
        regionCode: p.body.regionCode,
        region: regionTitle(p.body),
        place: placeName(p.body),
        province: prep.provinceName,
        hours: { timeZone: p.body.timeZone, opensAt: p.body.opensAt, closesAt: p.body.closesAt },
        calendar: prep.calendars.get(p.body.id) as WorkingDayCalendar,
        utama: { id: p.body.utama.id, code: p.body.utama.code, name: p.body.utama.name, kind: null, staff: staff(p.body.utama.id, p.utamaStaff) },
        pelaksana,
        districts: this.districtsOf(prep, p.body),
        profile: p.profile,
        requests: p.requests,
      };
    });
    const publishers = new Map<number, Actor>();
    for (const p of prep.plans) {
      const officer = utamaOfficers.get(p.body.utama.id);
      if (officer) publishers.set(p.body.id, officer);
    }
    return { bodies, created, publishers };
  }

  private districtsOf(prep: Preparation, body: BodyRef): District[] {
    const known = prep.districts.get(body.kind === 'provinsi' ? prep.provinceCode : body.regionCode);
    if (known && known.length > 0) return known;
    const digits = body.regionCode.replace(/\./g, '').padEnd(4, '1');
    return [{ nikPrefix: `${digits}01`, name: placeName(body), regency: regionTitle(body), villages: [] }];
  }

  /**
   * Streams the simulation in batches; the next batch is prepared while earlier ones are written,
   * up to `parallelism` of them at once (each in its own transaction; 1 inside a single transaction).
   */
  private async write(
    prep: Preparation,
    bodies: SimBody[],
    options: DemoLoadOptions,
    startSeqs: { requests: Map<string, number>; objections: Map<string, number> },
    started: number,
    parallelism: number,
    inTransaction: (work: (m: SqlRunner) => Promise<void>) => Promise<void>,
  ): Promise<{ counts: DemoCounts; sample: DemoLoadResult['sample'] }> {
    const writer = new DemoBatchWriter(this.cipher, this.codes);
    const size = options.batchSize ?? DEFAULT_BATCH;
    const counts = emptyCounts();
    const showcase = prep.plans.find((p) => p.showcase)?.body.id;
    let sample: DemoLoadResult['sample'] = null;
    const committed = { requests: 0, events: 0 };
    const parallel = Math.max(1, parallelism);
    const inFlight: Promise<void>[] = [];
    let batch: SimRequest[] = [];
    let sampleNumber: string | null = null;
    const flush = async (): Promise<void> => {
      const prepared: PreparedBatch = writer.prepare(batch);
      batch = [];
      const sampleCode = sampleNumber ? prepared.trackingCodes.get(sampleNumber) : undefined;
      if (sampleNumber && sampleCode) sample = { registrationNumber: sampleNumber, trackingCode: formatTrackingCode(sampleCode) };
      if (inFlight.length >= parallel) await inFlight.shift();
      const writing = inTransaction(async (m) => {
        await this.repo.insertBatch(m, prepared.requests, prepared.events);
        await this.repo.raiseCounters(m, prepared.counters);
        await this.repo.insertObjections(m, prepared.objections, prepared.disputes);
        await this.repo.raiseObjectionCounters(m, prepared.objectionCounters);
      }).then(() => {
        committed.requests += prepared.requestCount;
        committed.events += prepared.eventCount;
        options.onProgress?.({ ...committed, total: options.requests, seconds: (Date.now() - started) / 1000 });
      });
      // Awaited later (before a further batch, or at the end); until then a failure must not count as unhandled.
      writing.catch(() => undefined);
      inFlight.push(writing);
    };
    for (const r of simulateRequests({ seed: options.seed, now: options.now, bodies, startSeqs: startSeqs.requests, startObjectionSeqs: startSeqs.objections })) {
      count(counts, r);
      // The latest request of the first showcase body with a full timeline (forwarded, answered, handed over, closed).
      if (r.bodyId === showcase && r.events.length >= 5) {
        sampleNumber = r.registrationNumber;
      }
      batch.push(r);
      if (batch.length >= size) await flush();
    }
    if (batch.length > 0) await flush();
    await Promise.all(inFlight);
    return { counts, sample };
  }

  private result(
    options: DemoLoadOptions,
    prep: Preparation,
    written: { counts: DemoCounts; sample: DemoLoadResult['sample'] },
    password: string | null,
    createdAccounts: number,
    started: number,
  ): DemoLoadResult {
    return {
      seed: options.seed,
      now: options.now,
      requests: written.counts.requests,
      events: written.counts.events,
      seconds: (Date.now() - started) / 1000,
      password,
      accounts: prep.accounts,
      createdAccounts,
      plans: prep.plans,
      sample: written.sample,
      annualReports: { onTime: 0, late: 0 },
      dipItems: 0,
      consultations: 0,
      publishedAnswers: 0,
    };
  }
}
