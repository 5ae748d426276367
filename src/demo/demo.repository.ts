import { DataSource, EntityManager } from 'typeorm';
import type { Role } from 'src/common/auth/actor';
import type { BodyRef } from './simulation/world';

/** Anything that runs SQL: the data source, or a transaction's manager. */
export type SqlRunner = Pick<EntityManager, 'query'>;

export interface DemoDatabaseState {
  loaded: boolean;
  hasRequests: boolean;
  /** Accounts other than admins (a bootstrap admin does not count). */
  hasUsers: boolean;
}

export interface NewDemoUnit {
  bodyId: number;
  parentId: number;
  code: string;
  name: string;
  timeZone: string;
  opensAt: string;
  closesAt: string;
}

export interface DemoUnitRow {
  id: number;
  bodyId: number;
  code: string;
  name: string;
}

export interface NewDemoUser {
  email: string;
  name: string;
  role: Role;
  unitId: number | null;
  bodyId: number | null;
}

export interface CounterRow {
  unitId: number;
  year: number;
  lastNumber: number;
}

/** Columns of a demo request row in the batch JSON, with their SQL types; bytea travels as hex. */
export const REQUEST_COLUMNS = {
  registration_number: 'text',
  receiving_unit_id: 'int',
  registration_year: 'int',
  registration_seq: 'int',
  unit_id: 'int',
  body_id: 'int',
  channel: 'text',
  status: 'text',
  decision: 'text',
  requester_type: 'text',
  requester_name: 'text',
  requester_nik: 'bytea',
  requester_nik_last4: 'text',
  requester_registration_no: 'text',
  requester_address: 'bytea',
  requester_occupation: 'text',
  requester_phone: 'bytea',
  requester_email: 'text',
  information: 'text',
  purpose: 'text',
  obtain_method: 'text',
  copy_delivery: 'text',
  publication_consent: 'boolean',
  received_at: 'timestamptz',
  effective_receipt_date: 'date',
  due_date: 'date',
  due_provisional: 'boolean',
  extended_days: 'int',
  tracking_code: 'bytea',
  version: 'int',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
  answered_at: 'timestamptz',
  closed_at: 'timestamptz',
  delivered_on: 'date',
  delivery_channel: 'text',
  reopened_at: 'timestamptz',
} as const;

export const EVENT_COLUMNS = {
  registration_number: 'text',
  ord: 'int',
  type: 'text',
  actor_kind: 'text',
  actor_id: 'int',
  actor_name: 'text',
  occurred_at: 'timestamptz',
  from_status: 'text',
  to_status: 'text',
  old_due_date: 'date',
  new_due_date: 'date',
  data: 'jsonb',
} as const;

/** Columns of a demo keberatan in the batch JSON; its request found by registration number. */
export const OBJECTION_COLUMNS = {
  registration_number: 'text',
  number: 'text',
  body_id: 'int',
  year: 'int',
  seq: 'int',
  grounds: 'text[]',
  grounds_arose: 'jsonb',
  reasons: 'text',
  received_at: 'timestamptz',
  effective_receipt_date: 'date',
  due_date: 'date',
  due_provisional: 'boolean',
  status: 'text',
  decision_reasons: 'text',
  instruction: 'text',
  decided_at: 'timestamptz',
  response_date: 'date',
  decider_name: 'text',
  decider_position: 'text',
  response_number: 'text',
  created_at: 'timestamptz',
} as const;

/** Columns of a demo sengketa; its keberatan found by number. */
export const DISPUTE_COLUMNS = {
  objection_number: 'text',
  filed_on: 'date',
  case_number: 'text',
  stage: 'text',
  outcome: 'text',
  outcome_on: 'date',
  stages: 'jsonb',
  recorded_by: 'text',
  created_at: 'timestamptz',
} as const;

export interface ObjectionCounterRow {
  bodyId: number;
  year: number;
  kind: 'objection' | 'response';
  lastNumber: number;
}

type SqlValue<T extends string> = T extends 'int'
  ? number
  : T extends 'boolean'
    ? boolean
    : T extends 'jsonb'
      ? Record<string, unknown> | unknown[]
      : T extends 'text[]'
        ? string[]
        : string;
type Row<C extends Record<string, string>> = { [K in keyof C]: SqlValue<C[K]> | null };
/** One request as the batch JSON carries it (bytea as hex, instants as ISO text). */
export type RequestRow = Row<typeof REQUEST_COLUMNS>;
export type EventRow = Row<typeof EVENT_COLUMNS>;
export type ObjectionRow = Row<typeof OBJECTION_COLUMNS>;
export type DisputeRow = Row<typeof DISPUTE_COLUMNS>;

function recordsetColumns(columns: Record<string, string>): string {
  return Object.entries(columns)
    .map(([name, type]) => `${name} ${type === 'bytea' ? 'text' : type}`)
    .join(', ');
}

/**
 * One statement per batch, rows sent as two JSON arrays (much cheaper to build than one array
 * parameter per column): the requests, then their events joined on the registration number, in
 * order, so each request's events get ascending ids (the timeline order).
 */
const INSERT_BATCH_SQL = (() => {
  const requestNames = Object.keys(REQUEST_COLUMNS);
  const requestValues = Object.entries(REQUEST_COLUMNS).map(([name, type]) => (type === 'bytea' ? `decode(r.${name}, 'hex')` : `r.${name}`));
  const eventNames = Object.keys(EVENT_COLUMNS).filter((n) => n !== 'registration_number' && n !== 'ord');
  return `
    WITH inserted AS (
      INSERT INTO requests (${requestNames.join(', ')})
      SELECT ${requestValues.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${recordsetColumns(REQUEST_COLUMNS)})
      RETURNING id, registration_number
    )
    INSERT INTO request_events (request_id, ${eventNames.join(', ')}, public)
    SELECT i.id, ${eventNames.map((c) => `e.${c}`).join(', ')}, true
      FROM jsonb_to_recordset($2::jsonb) AS e(${recordsetColumns(EVENT_COLUMNS)})
      JOIN inserted i ON i.registration_number = e.registration_number
     ORDER BY e.ord`;
})();

/** The batch's keberatan, joined to their requests, then the sengketa joined to their keberatan. */
const INSERT_OBJECTIONS_SQL = (() => {
  const names = Object.keys(OBJECTION_COLUMNS).filter((n) => n !== 'registration_number');
  return `
    WITH inserted AS (
      INSERT INTO objections (request_id, ${names.join(', ')}, version)
      SELECT q.id, ${names.map((n) => `o.${n}`).join(', ')}, 1
        FROM jsonb_to_recordset($1::jsonb) AS o(${recordsetColumns(OBJECTION_COLUMNS)})
        JOIN requests q ON q.registration_number = o.registration_number
      RETURNING id, number, request_id
    )
    INSERT INTO disputes (objection_id, request_id, ${Object.keys(DISPUTE_COLUMNS).filter((n) => n !== 'objection_number').join(', ')}, version)
    SELECT i.id, i.request_id, ${Object.keys(DISPUTE_COLUMNS).filter((n) => n !== 'objection_number').map((n) => `d.${n}`).join(', ')}, 1
      FROM jsonb_to_recordset($2::jsonb) AS d(${recordsetColumns(DISPUTE_COLUMNS)})
      JOIN inserted i ON i.number = d.objection_number`;
})();

/** The queries of the demo data loader; nothing else in the module writes SQL. */
export class DemoRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Bodies of the province with their PPID Utama, by region code. */
  async findBodies(): Promise<BodyRef[]> {
    const rows = (await this.dataSource.query(
      `SELECT b.id, b.region_code AS "regionCode", r.name AS "regionName", r.kind,
              u.id AS "utamaId", u.code AS "utamaCode", u.name AS "utamaName", u.time_zone AS "timeZone",
              to_char(u.opens_at, 'HH24:MI') AS "opensAt", to_char(u.closes_at, 'HH24:MI') AS "closesAt"
         FROM public_bodies b
         JOIN regions r ON r.code = b.region_code
         JOIN ppid_units u ON u.body_id = b.id AND u.level = 'utama'
        ORDER BY b.region_code`,
    )) as (Omit<BodyRef, 'utama'> & { utamaId: number; utamaCode: string; utamaName: string })[];
    return rows.map(({ utamaId, utamaCode, utamaName, ...b }) => ({ ...b, utama: { id: utamaId, code: utamaCode, name: utamaName } }));
  }

  /**
   * Locks the loads table until the transaction ends (so two instances starting together load
   * once) and tells whether the database is still empty.
   */
  async lockAndInspect(m: SqlRunner): Promise<DemoDatabaseState> {
    await m.query('LOCK TABLE demo_data_loads IN EXCLUSIVE MODE');
    return this.inspect(m);
  }

  async inspect(m: SqlRunner): Promise<DemoDatabaseState> {
    const [row] = (await m.query(
      `SELECT EXISTS (SELECT 1 FROM demo_data_loads) AS loaded,
              EXISTS (SELECT 1 FROM requests) AS "hasRequests",
              EXISTS (SELECT 1 FROM users WHERE role <> 'admin') AS "hasUsers"`,
    )) as DemoDatabaseState[];
    return row;
  }

  /** Inserts the PPID Pelaksana that do not exist yet (by body and code); returns the active ones of those bodies. */
  async ensurePelaksana(m: SqlRunner, units: readonly NewDemoUnit[]): Promise<DemoUnitRow[]> {
    if (units.length > 0) {
      await m.query(
        `INSERT INTO ppid_units (body_id, parent_id, level, code, name, time_zone, opens_at, closes_at)
         SELECT b, p, 'pelaksana', c, n, tz, o::time, cl::time
           FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS t(b, p, c, n, tz, o, cl)
         ON CONFLICT (body_id, code) DO NOTHING`,
        [
          units.map((u) => u.bodyId),
          units.map((u) => u.parentId),
          units.map((u) => u.code),
          units.map((u) => u.name),
          units.map((u) => u.timeZone),
          units.map((u) => u.opensAt),
          units.map((u) => u.closesAt),
        ],
      );
    }
    return (await m.query(
      `SELECT id, body_id AS "bodyId", code, name FROM ppid_units
        WHERE level = 'pelaksana' AND active AND body_id = ANY($1::int[]) ORDER BY id`,
      [[...new Set(units.map((u) => u.bodyId))]],
    )) as DemoUnitRow[];
  }

  /** Inserts the accounts whose e-mail is free, all with one password hash; returns the ids of all of them and which are new. */
  async ensureUsers(m: SqlRunner, users: readonly NewDemoUser[], passwordHash: string): Promise<{ ids: Map<string, number>; created: Set<string> }> {
    const inserted = (await m.query(
      `INSERT INTO users (email, name, role, unit_id, body_id, password_hash, password_changed_at)
       SELECT e, n, r, u, b, $6, now() FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[]) AS t(e, n, r, u, b)
       ON CONFLICT (email) DO NOTHING
       RETURNING email`,
      [users.map((u) => u.email), users.map((u) => u.name), users.map((u) => u.role), users.map((u) => u.unitId), users.map((u) => u.bodyId), passwordHash],
    )) as { email: string }[];
    const rows = (await m.query('SELECT id, email FROM users WHERE email = ANY($1::text[])', [users.map((u) => u.email)])) as {
      id: number;
      email: string;
    }[];
    return { ids: new Map(rows.map((r) => [r.email, r.id])), created: new Set(inserted.map((r) => r.email)) };
  }

  /** Bodies that already have a Daftar Informasi Publik (a second `npm run demo` adds none to them). */
  async findBodiesWithDip(): Promise<number[]> {
    const rows = (await this.dataSource.query('SELECT DISTINCT body_id AS "bodyId" FROM dip_items')) as { bodyId: number }[];
    return rows.map((r) => r.bodyId);
  }

  async findCounters(m: SqlRunner): Promise<CounterRow[]> {
    return (await m.query('SELECT unit_id AS "unitId", year, last_number AS "lastNumber" FROM registration_counters')) as CounterRow[];
  }

  /** `requests` and `events`: JSON arrays of RequestRow and EventRow. */
  async insertBatch(m: SqlRunner, requests: string, events: string): Promise<void> {
    await m.query(INSERT_BATCH_SQL, [requests, events]);
  }

  /** `objections` and `disputes`: JSON arrays of ObjectionRow and DisputeRow, after their requests. */
  async insertObjections(m: SqlRunner, objections: string, disputes: string): Promise<void> {
    await m.query(INSERT_OBJECTIONS_SQL, [objections, disputes]);
  }

  async findObjectionCounters(m: SqlRunner): Promise<ObjectionCounterRow[]> {
    return (await m.query('SELECT body_id AS "bodyId", year, kind, last_number AS "lastNumber" FROM objection_counters')) as ObjectionCounterRow[];
  }

  /** Raises the keberatan and tanggapan counters like the registration counters. */
  async raiseObjectionCounters(m: SqlRunner, counters: readonly ObjectionCounterRow[]): Promise<void> {
    if (counters.length === 0) return;
    counters = [...counters].sort((a, b) => a.bodyId - b.bodyId || a.year - b.year || a.kind.localeCompare(b.kind));
    await m.query(
      `INSERT INTO objection_counters (body_id, year, kind, last_number)
       SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::int[])
       ON CONFLICT (body_id, year, kind) DO UPDATE SET last_number = GREATEST(objection_counters.last_number, EXCLUDED.last_number)`,
      [counters.map((c) => c.bodyId), counters.map((c) => c.year), counters.map((c) => c.kind), counters.map((c) => c.lastNumber)],
    );
  }

  /** Raises each counter to at least the given number, so the next real request continues the sequence. */
  async raiseCounters(m: SqlRunner, counters: readonly CounterRow[]): Promise<void> {
    if (counters.length === 0) return;
    // Always in the same order, so batches written side by side never deadlock on the counter rows.
    counters = [...counters].sort((a, b) => a.unitId - b.unitId || a.year - b.year);
    await m.query(
      `INSERT INTO registration_counters (unit_id, year, last_number)
       SELECT * FROM unnest($1::int[], $2::int[], $3::int[])
       ON CONFLICT (unit_id, year) DO UPDATE SET last_number = GREATEST(registration_counters.last_number, EXCLUDED.last_number)`,
      [counters.map((c) => c.unitId), counters.map((c) => c.year), counters.map((c) => c.lastNumber)],
    );
  }

  async insertLoad(m: SqlRunner, load: { source: 'startup' | 'cli'; seed: number; requests: number; simulatedUntil: Date }): Promise<void> {
    await m.query('INSERT INTO demo_data_loads (source, seed, requests, simulated_until) VALUES ($1, $2, $3, $4)', [
      load.source,
      load.seed,
      load.requests,
      load.simulatedUntil.toISOString(),
    ]);
  }

  /** The provinsi's name ('Jawa Timur'). */
  async findProvinceName(): Promise<string> {
    const [row] = (await this.dataSource.query(`SELECT name FROM regions WHERE kind = 'provinsi' ORDER BY code LIMIT 1`)) as { name: string }[];
    return row?.name ?? '';
  }
}
