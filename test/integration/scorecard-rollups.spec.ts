import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { fromDayNumber, LocalDate, toDayNumber } from 'src/common/time/local-time';
import { CalendarService } from 'src/modules/calendar';
import { ObjectionScorecardRow, ObjectionsRepository } from 'src/modules/objections';
import { ScorecardRollupsService, UnitObjectionFigures } from 'src/modules/scorecards';
import { ScorecardsRepository, UnitCounts } from 'src/modules/scorecards/scorecards.repository';
import { startTestApp, TestApp } from 'test/support/test-app';

/** The span the writes fall in: a few months around the turn of a quarter, holidays included. */
const FIRST = toDayNumber('2025-01-01');
const LAST = toDayNumber('2025-05-31');
const DAY_MS = 86_400_000;

type Op =
  | { kind: 'submit'; unit: number; day: number; minute: number; dueAfter: number; effectiveNext: boolean }
  | { kind: 'answer'; pick: number; afterHours: number; decision: string }
  | { kind: 'extend'; pick: number; afterHours: number }
  | { kind: 'refusalEvent'; pick: number; justified: boolean }
  | { kind: 'withdraw'; pick: number; afterHours: number }
  | { kind: 'deliver'; pick: number; afterDays: number }
  | { kind: 'close'; pick: number; afterHours: number }
  | { kind: 'move'; pick: number; unit: number }
  | { kind: 'object'; pick: number; afterDays: number; dueAfter: number }
  | { kind: 'decideObjection'; pick: number; status: 'upheld' | 'overturned' | 'partially_overturned'; dueOffset: number }
  | { kind: 'dispute'; pick: number }
  | { kind: 'dropObjection'; pick: number }
  | { kind: 'holiday'; day: number; body: number | null }
  | { kind: 'dropHoliday'; pick: number }
  | { kind: 'refresh' };

const pick = fc.nat({ max: 10_000 });
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('submit' as const),
      unit: fc.nat({ max: 3 }),
      day: fc.integer({ min: FIRST, max: LAST }),
      minute: fc.nat({ max: 1439 }),
      dueAfter: fc.integer({ min: 0, max: 25 }),
      effectiveNext: fc.boolean(),
    }),
    weight: 5,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('answer' as const),
      pick,
      afterHours: fc.integer({ min: 0, max: 24 * 40 }),
      decision: fc.constantFrom('granted', 'partially_granted', 'refused', 'not_held', 'forwarded'),
    }),
    weight: 4,
  },
  { arbitrary: fc.record({ kind: fc.constant('extend' as const), pick, afterHours: fc.integer({ min: 0, max: 24 * 20 }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('refusalEvent' as const), pick, justified: fc.boolean() }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('withdraw' as const), pick, afterHours: fc.integer({ min: 0, max: 24 * 30 }) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('deliver' as const), pick, afterDays: fc.integer({ min: 0, max: 10 }) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('close' as const), pick, afterHours: fc.integer({ min: 0, max: 24 * 50 }) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('move' as const), pick, unit: fc.nat({ max: 3 }) }), weight: 1 },
  {
    arbitrary: fc.record({ kind: fc.constant('object' as const), pick, afterDays: fc.integer({ min: 0, max: 60 }), dueAfter: fc.integer({ min: 0, max: 60 }) }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('decideObjection' as const),
      pick,
      status: fc.constantFrom('upheld' as const, 'overturned' as const, 'partially_overturned' as const),
      // Answered around the due date: before it, on it (still on time) or after it.
      dueOffset: fc.integer({ min: -3, max: 3 }),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('dispute' as const), pick }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('dropObjection' as const), pick }), weight: 1 },
  {
    arbitrary: fc.record({ kind: fc.constant('holiday' as const), day: fc.integer({ min: FIRST, max: LAST }), body: fc.option(fc.nat({ max: 1 }), { nil: null }) }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('dropHoliday' as const), pick }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'refresh' as const }), weight: 3 },
);

/** A period as the pages accept it: begun by today (a period that has not begun is refused with 400). */
const period = fc.oneof(
  fc
    .tuple(fc.integer({ min: FIRST - 20, max: LAST + 20 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 250 }))
    .map(([from, length, todayAfter]) => ({ from: fromDayNumber(from), to: fromDayNumber(from + length), today: fromDayNumber(from + todayAfter) })),
  // The whole year (read from the year rows), seen during it and after it.
  fc.constantFrom({ from: '2025-01-01', to: '2025-12-31', today: '2025-04-15' }, { from: '2025-01-01', to: '2025-12-31', today: '2026-02-01' }),
);

interface Unit {
  unitId: number;
  bodyId: number;
}

const COUNTED: (keyof UnitCounts)[] = ['received', 'settled', 'decided', 'onTime', 'extended', 'answered', 'refused', 'justifiedRefusals', 'grants', 'delivered', 'overdueAtEnd'];

/** Rows of units with anything counted, by unit: the direct statement also lists units whose counts are all 0. */
function normalised(rows: readonly UnitCounts[]): Record<number, Partial<UnitCounts>> {
  const out: Record<number, Partial<UnitCounts>> = {};
  for (const r of rows) {
    if (COUNTED.every((k) => r[k] === 0)) continue;
    out[r.unitId] = Object.fromEntries([['bodyId', r.bodyId], ...COUNTED.map((k) => [k, r[k]])]) as Partial<UnitCounts>;
  }
  return out;
}

const OBJECTION_COUNTED: (keyof UnitObjectionFigures)[] = [
  'objections',
  'requestsObjected',
  'overturned',
  'answered',
  'answeredOnTime',
  'overdue',
  'disputes',
  'requestsDisputed',
];

/** Keberatan figures of units with anything counted, by unit. */
function objectionFigures(rows: readonly (UnitObjectionFigures | ObjectionScorecardRow)[]): Record<number, Record<string, number>> {
  const out: Record<number, Record<string, number>> = {};
  for (const r of rows) {
    if (OBJECTION_COUNTED.every((k) => r[k] === 0)) continue;
    out[r.unitId] = Object.fromEntries([['bodyId', r.bodyId], ...OBJECTION_COUNTED.map((k) => [k, r[k]])]) as Record<string, number>;
  }
  return out;
}

/**
 * The rollups against the direct computation over every request (the statements the figures were
 * read with before the rollups, kept as the oracle): after random writes of every kind, on random
 * days and around holidays and closures, with refreshes in between, and a refresh at the end,
 * every period's counts and working-day histograms are the same.
 */
describe('scorecard rollups', () => {
  let t: TestApp;
  let db: DataSource;
  let rollups: ScorecardRollupsService;
  let direct: ScorecardsRepository;
  let directObjections: ObjectionsRepository;
  let calendar: CalendarService;
  let units: Unit[];
  let zone: string;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    rollups = t.app.get(ScorecardRollupsService);
    direct = t.app.get(ScorecardsRepository);
    directObjections = t.app.get(ObjectionsRepository, { strict: false });
    calendar = t.app.get(CalendarService);
    zone = t.config.provinceTimeZone;
    // Two bodies with two units each; one unit in another zone, so notice days and receipt days differ in zone.
    const bodies = (await db.query(`SELECT b.id FROM public_bodies b JOIN regions r ON r.code = b.region_code WHERE r.code IN ('35.78', '35.07') ORDER BY r.code`)) as {
      id: number;
    }[];
    units = [];
    for (const b of bodies) {
      const [utama] = (await db.query(`SELECT id FROM ppid_units WHERE body_id = $1 AND level = 'utama'`, [b.id])) as { id: number }[];
      const [pelaksana] = (await db.query(
        `INSERT INTO ppid_units (body_id, parent_id, level, name, code, time_zone)
         SELECT body_id, id, 'pelaksana', 'Dinas Uji ' || id, 'UJI' || id, $2 FROM ppid_units WHERE id = $1 RETURNING id`,
        [utama.id, b.id === bodies[0].id ? 'Asia/Makassar' : zone],
      )) as { id: number }[];
      units.push({ unitId: utama.id, bodyId: b.id }, { unitId: pelaksana.id, bodyId: b.id });
    }
    await rollups.refreshAll();
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  async function reset(): Promise<void> {
    await db.query('DELETE FROM disputes');
    await db.query('DELETE FROM objections');
    await db.query('DELETE FROM request_events');
    await db.query('DELETE FROM requests');
    await db.query(`DELETE FROM holidays WHERE source = 'uji rollup'`);
    await rollups.refreshAll();
  }

  async function requestIds(): Promise<{ id: string; receivedAt: Date; unitId: number; bodyId: number; dueDate: string; decision: string | null }[]> {
    return (await db.query(
      `SELECT id::text AS id, received_at AS "receivedAt", unit_id AS "unitId", body_id AS "bodyId", to_char(due_date, 'YYYY-MM-DD') AS "dueDate", decision
         FROM requests ORDER BY id`,
    )) as { id: string; receivedAt: Date; unitId: number; bodyId: number; dueDate: string; decision: string | null }[];
  }

  let seq = 0;
  async function apply(o: Op): Promise<void> {
    if (o.kind === 'refresh') {
      await rollups.refreshAll();
      return;
    }
    if (o.kind === 'submit') {
      seq += 1;
      const u = units[o.unit];
      const receivedAt = new Date(Date.UTC(2025, 0, 1) + (o.day - FIRST) * DAY_MS + o.minute * 60_000 - 7 * 3600_000);
      const effective = fromDayNumber(o.day + (o.effectiveNext ? 1 : 0));
      const due = fromDayNumber(o.day + o.dueAfter);
      await db.query(
        `INSERT INTO requests (registration_number, receiving_unit_id, registration_year, registration_seq, unit_id, body_id, channel, status,
            requester_type, requester_name, requester_address, information, purpose, obtain_method, received_at,
            effective_receipt_date, due_date, due_provisional, version, tracking_code_hash)
         VALUES ($1, $2, 2025, $3, $2, $4, 'online', 'in_process', 'individual', 'Pemohon Uji', '\\x00', 'Informasi uji', 'Uji', 'copy_soft', $5,
            $6, $7, false, 1, 'x')`,
        [`ROLLUP-${seq}`, u.unitId, seq, u.bodyId, receivedAt, effective, due],
      );
      return;
    }
    if (o.kind === 'holiday') {
      const day = fromDayNumber(o.day);
      if (o.body === null) {
        await db.query(`INSERT INTO holidays (date, name, kind, source) VALUES ($1, 'Libur uji', 'libur_nasional', 'uji rollup') ON CONFLICT DO NOTHING`, [day]);
      } else {
        await db.query(`INSERT INTO holidays (date, name, kind, body_id, source) VALUES ($1, 'Penutupan uji', 'closure', $2, 'uji rollup') ON CONFLICT DO NOTHING`, [
          day,
          units[o.body * 2].bodyId,
        ]);
      }
      return;
    }
    if (o.kind === 'dropHoliday') {
      const rows = (await db.query(`SELECT id FROM holidays WHERE source = 'uji rollup' ORDER BY id`)) as { id: number }[];
      if (rows.length > 0) await db.query('DELETE FROM holidays WHERE id = $1', [rows[o.pick % rows.length].id]);
      return;
    }
    if (o.kind === 'decideObjection' || o.kind === 'dispute' || o.kind === 'dropObjection') {
      const objections = (await db.query(
        `SELECT id::text AS id, request_id::text AS "requestId", received_at AS "receivedAt", to_char(due_date, 'YYYY-MM-DD') AS "dueDate" FROM objections ORDER BY id`,
      )) as { id: string; requestId: string; receivedAt: Date; dueDate: string }[];
      if (objections.length === 0) return;
      const k = objections[o.pick % objections.length];
      if (o.kind === 'decideObjection') {
        const responseDate = fromDayNumber(toDayNumber(k.dueDate) + o.dueOffset);
        await db.query(`UPDATE objections SET status = $2, decided_at = $3, response_date = $4 WHERE id = $1`, [
          k.id,
          o.status,
          new Date(`${responseDate}T03:00:00Z`),
          responseDate,
        ]);
      } else if (o.kind === 'dispute') {
        seq += 1;
        await db.query(
          `INSERT INTO disputes (objection_id, request_id, filed_on, case_number, stage, recorded_by) VALUES ($1, $2, $3, $4, 'registered', 'officer')
           ON CONFLICT DO NOTHING`,
          [k.id, k.requestId, k.receivedAt.toISOString().slice(0, 10), `SENG-${seq}`],
        );
      } else {
        await db.query('DELETE FROM disputes WHERE objection_id = $1', [k.id]);
        await db.query('DELETE FROM objections WHERE id = $1', [k.id]);
      }
      return;
    }
    const all = await requestIds();
    if (all.length === 0) return;
    const r = all[o.pick % all.length];
    const at = (hours: number): Date => new Date(r.receivedAt.getTime() + hours * 3600_000);
    switch (o.kind) {
      case 'answer':
        await db.query(`UPDATE requests SET answered_at = $2, decision = $3, status = 'answered' WHERE id = $1`, [r.id, at(o.afterHours), o.decision]);
        break;
      case 'extend': {
        const newDue = fromDayNumber(toDayNumber(r.dueDate) + 7);
        await db.query(
          `INSERT INTO request_events (request_id, type, actor_kind, occurred_at, old_due_date, new_due_date, public, data) VALUES ($1, 'extended', 'officer', $2, $3, $4, true, '{}')`,
          [r.id, at(o.afterHours), r.dueDate, newDue],
        );
        await db.query('UPDATE requests SET due_date = $2, extended_days = 7 WHERE id = $1', [r.id, newDue]);
        break;
      }
      case 'refusalEvent': {
        const notice = o.justified
          ? { decision: 'refused', exemptionGround: 'h', consequenceTest: { date: '2025-02-04', participants: ['PPID'], consequence: 'Merugikan' } }
          : { decision: 'refused', exemptionGround: null, consequenceTest: null };
        await db.query(`INSERT INTO request_events (request_id, type, actor_kind, occurred_at, public, data) VALUES ($1, 'refused', 'officer', $2, true, $3)`, [
          r.id,
          at(1),
          JSON.stringify({ notice }),
        ]);
        break;
      }
      case 'withdraw':
        await db.query(`UPDATE requests SET withdrawn_at = $2, status = 'withdrawn' WHERE id = $1`, [r.id, at(o.afterHours)]);
        break;
      case 'deliver':
        await db.query(`UPDATE requests SET delivered_on = $2, delivery_channel = 'email' WHERE id = $1`, [
          r.id,
          fromDayNumber(toDayNumber(r.receivedAt.toISOString().slice(0, 10)) + o.afterDays),
        ]);
        break;
      case 'close':
        await db.query('UPDATE requests SET closed_at = $2 WHERE id = $1', [r.id, at(o.afterHours)]);
        break;
      case 'object': {
        seq += 1;
        const receivedAt = new Date(r.receivedAt.getTime() + o.afterDays * DAY_MS);
        const day = receivedAt.toISOString().slice(0, 10);
        await db.query(
          `INSERT INTO objections (number, body_id, year, seq, request_id, grounds, grounds_arose, reasons, received_at, effective_receipt_date, due_date,
              due_provisional, status)
           VALUES ($1, $2, 2025, $3, $4, '{a}', '{}', 'Alasan uji', $5, $6, $7, false, 'pending')`,
          [`KEB-${seq}`, r.bodyId, seq, r.id, receivedAt, day, fromDayNumber(toDayNumber(day) + o.dueAfter)],
        );
        break;
      }
      case 'move': {
        const target = units.filter((u) => u.bodyId === r.bodyId)[o.unit % 2];
        await db.query('UPDATE requests SET unit_id = $2 WHERE id = $1', [r.id, target.unitId]);
        break;
      }
    }
  }

  async function directHistogram(from: LocalDate, to: LocalDate): Promise<Record<number, Record<number, number>>> {
    calendar.invalidate();
    const out: Record<number, Record<number, number>> = {};
    for (const p of await direct.noticeDayPairs(from, to, zone)) {
      const cal = await calendar.calendarFor(p.bodyId);
      const d = Math.max(0, cal.countWorkingDays(p.receivedOn, p.noticeOn));
      out[p.unitId] ??= {};
      out[p.unitId][d] = (out[p.unitId][d] ?? 0) + p.count;
    }
    return out;
  }

  async function rollupHistogram(from: LocalDate, to: LocalDate): Promise<Record<number, Record<number, number>>> {
    const out: Record<number, Record<number, number>> = {};
    for (const b of await rollups.noticeDays(from, to)) {
      if (b.count === 0) continue;
      out[b.unitId] ??= {};
      out[b.unitId][b.workingDays] = (out[b.unitId][b.workingDays] ?? 0) + b.count;
    }
    return out;
  }

  it('should give the same figures as the direct computation after any writes and a refresh (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 20, maxLength: 60 }), fc.array(period, { minLength: 1, maxLength: 4 }), async (ops, periods) => {
        await reset();
        for (const o of ops) await apply(o);
        await rollups.refreshAll();
        for (const p of periods) {
          const end = p.to < p.today ? p.to : p.today;
          const [viaRollups, viaRequests] = await Promise.all([rollups.countsByUnit(p.from, p.to, end, p.today), direct.countsByUnit(p.from, p.to, end, p.today, zone)]);
          expect(normalised(viaRollups)).toEqual(normalised(viaRequests));
          expect(await rollupHistogram(p.from, p.to)).toEqual(await directHistogram(p.from, p.to));
          const [objectionsViaRollups, objectionsViaRows] = await Promise.all([
            rollups.objectionsByUnit(p.from, p.to, p.today),
            directObjections.countsForScorecards(p.from, p.to, zone, p.today),
          ]);
          expect(objectionFigures(objectionsViaRollups)).toEqual(objectionFigures(objectionsViaRows));
        }
      }),
      // A failure is reported as found: shrinking sixty writes would outlast the test's time.
      { numRuns: 40, endOnFailure: true },
    );
  }, 600_000);

  it('should mark a request in the transaction that changes it, and show the change after the next refresh', async () => {
    await reset();
    await apply({ kind: 'submit', unit: 0, day: toDayNumber('2025-02-03'), minute: 600, dueAfter: 14, effectiveNext: false });
    const [{ marks }] = (await db.query('SELECT count(*)::int AS marks FROM scorecard_rollup_marks')) as { marks: number }[];
    expect(marks).toBe(1);
    const before = normalised(await rollups.countsByUnit('2025-02-01', '2025-02-28', '2025-02-28', '2025-03-01'));
    expect(before).toEqual({});
    const refreshedBefore = (await rollups.freshness()).refreshedAt as Date;
    await rollups.refreshAll();
    const after = normalised(await rollups.countsByUnit('2025-02-01', '2025-02-28', '2025-02-28', '2025-03-01'));
    expect(after[units[0].unitId]).toMatchObject({ received: 1, decided: 1, overdueAtEnd: 1 });
    const fresh = await rollups.freshness();
    expect(fresh.pending).toBe(0);
    expect((fresh.refreshedAt as Date).getTime()).toBeGreaterThan(refreshedBefore.getTime());
  });

  it('should count the working days to notice again when a holiday or a closure falls between day 0 and the notice', async () => {
    await reset();
    // Received Monday 3 February 2025, answered Thursday 20 February: 13 working days.
    await apply({ kind: 'submit', unit: 0, day: toDayNumber('2025-02-03'), minute: 600, dueAfter: 14, effectiveNext: false });
    await apply({ kind: 'answer', pick: 0, afterHours: 17 * 24, decision: 'granted' });
    await rollups.refreshAll();
    const histogram = (): Promise<Record<number, Record<number, number>>> => rollupHistogram('2025-02-01', '2025-02-28');
    expect(await histogram()).toEqual({ [units[0].unitId]: { 13: 1 } });
    await apply({ kind: 'holiday', day: toDayNumber('2025-02-10'), body: null });
    await apply({ kind: 'holiday', day: toDayNumber('2025-02-11'), body: 0 });
    await rollups.refreshAll();
    expect(await histogram()).toEqual({ [units[0].unitId]: { 11: 1 } });
    await apply({ kind: 'dropHoliday', pick: 0 });
    await rollups.refreshAll();
    expect(await histogram()).toEqual({ [units[0].unitId]: { 12: 1 } });
    expect(await histogram()).toEqual(await directHistogram('2025-02-01', '2025-02-28'));
  });

  it('should build the same rollups from scratch as mark by mark', async () => {
    await reset();
    const ops = fc.sample(op, { numRuns: 60, seed: 42 });
    for (const o of ops) await apply(o);
    await rollups.refreshAll();
    const snapshot = async (): Promise<unknown> => ({
      counts: await db.query('SELECT * FROM scorecard_rollup_counts ORDER BY grain, day, unit_id'),
      days: await db.query('SELECT * FROM scorecard_rollup_notice_days ORDER BY grain, day, unit_id, working_days'),
      open: await db.query('SELECT * FROM scorecard_rollup_open ORDER BY unit_id, received_on, due_on, resolved_on NULLS LAST'),
      objectionsOpen: await db.query('SELECT * FROM scorecard_rollup_objections_open ORDER BY unit_id, received_on, due_on, count'),
    });
    const incremental = await snapshot();
    await rollups.rebuild();
    expect(await snapshot()).toEqual(incremental);
    // One day row per unit and day with requests, and every grain sums to every request and keberatan once.
    const [keys] = (await db.query(
      `SELECT (SELECT count(*)::int FROM (SELECT DISTINCT unit_id, (received_at AT TIME ZONE $1)::date FROM requests) k) AS "unitDays",
              (SELECT count(*)::int FROM scorecard_rollup_counts WHERE grain = 'd') AS "dayRows"`,
      [zone],
    )) as { unitDays: number; dayRows: number }[];
    expect(keys.dayRows).toBe(keys.unitDays);
    const totals = (await db.query(
      `SELECT grain, sum(received)::int AS received, sum(objections)::int AS objections, sum(disputes)::int AS disputes FROM scorecard_rollup_counts GROUP BY grain ORDER BY grain`,
    )) as { grain: string; received: number; objections: number; disputes: number }[];
    const [all] = (await db.query(
      'SELECT (SELECT count(*)::int FROM requests) AS received, (SELECT count(*)::int FROM objections) AS objections, (SELECT count(*)::int FROM disputes) AS disputes',
    )) as { received: number; objections: number; disputes: number }[];
    expect(totals).toEqual(['d', 'm', 'y'].map((grain) => ({ grain, ...all })));
  });
});
