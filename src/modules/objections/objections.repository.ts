import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { Dispute } from './dispute.entity';
import { Objection } from './objection.entity';
import { DisputeOutcome, DisputeStage, ObjectionGround, ObjectionStatus } from './objection-rules';

/** Which objections a register lists: a body, optionally some units, a period of receipt, a status, a search. */
export interface ObjectionSelection {
  bodyId: number;
  /** null = every unit of the body; else the request's current or receiving unit is one of these. */
  unitIds: number[] | null;
  since: Date;
  until: Date;
  status?: string;
  search?: string;
}

/** One dispute as the register keberatan reads it. */
export interface DisputeSummary {
  caseNumber: string;
  filedOn: string;
  stage: DisputeStage;
  outcome: DisputeOutcome | null;
  outcomeOn: string | null;
}

/**
 * One objection with its request, as the register keberatan reads it. The requester's address and
 * the kuasa's address stay sealed (requests' and objections' contexts).
 */
export interface ObjectionRegisterRow {
  id: string;
  number: string;
  bodyId: number;
  unitId: number;
  unitName: string;
  receivingUnitId: number;
  receivedAt: Date;
  requestId: string;
  registrationNumber: string;
  requesterName: string;
  requesterAddress: Buffer;
  proxyName: string | null;
  proxyAddress: Buffer | null;
  information: string;
  purpose: string;
  grounds: ObjectionGround[];
  dueDate: string;
  status: ObjectionStatus;
  decisionReasons: string | null;
  instruction: string | null;
  responseDate: string | null;
  responseNumber: string | null;
  deciderName: string | null;
  deciderPosition: string | null;
  disputes: DisputeSummary[];
}

/** An objection as the annual report counts it. */
export interface ObjectionReportRow {
  grounds: ObjectionGround[];
  status: ObjectionStatus;
  dueDate: string;
  responseDate: string | null;
}

/** A dispute as the annual report counts it. */
export interface DisputeReportRow {
  stage: DisputeStage;
  outcome: DisputeOutcome | null;
}

/**
 * The keberatan and sengketa of one PPID unit's requests received in a period, as the scorecards
 * count them (the unit handling the request now, like the scorecards' request counts).
 */
export interface ObjectionScorecardRow {
  unitId: number;
  bodyId: number;
  /** Keberatan filed on the period's requests. */
  objections: number;
  /** The period's requests with at least one keberatan. */
  requestsObjected: number;
  /** Decided in the requester's favour, in full or in part. */
  overturned: number;
  /** Answered by the atasan PPID (a tanggapan with its date). */
  answered: number;
  /** Answered on or before the atasan's due date (30 working days, Pasal 36(2)). */
  answeredOnTime: number;
  /** Not answered and past the due date on `today`. */
  overdue: number;
  /** Sengketa filed at the Komisi Informasi on the period's requests. */
  disputes: number;
  /** The period's requests with at least one sengketa. */
  requestsDisputed: number;
}

/**
 * The keberatan and sengketa of the requests received on one local day (province zone) by one
 * unit, for the scorecards' rollups: the figures that do not depend on the day they are read.
 */
export interface ObjectionDayFigures {
  unitId: number;
  bodyId: number;
  day: string;
  objections: number;
  requestsObjected: number;
  overturned: number;
  answered: number;
  answeredOnTime: number;
  disputes: number;
  requestsDisputed: number;
}

/** Keberatan not yet answered, of one unit's requests received on `day`, by their due date (for "overdue" on any day). */
export interface PendingObjectionsDay {
  unitId: number;
  bodyId: number;
  day: string;
  dueOn: string;
  count: number;
}

/** The (body, unit, local day of receipt) keys of requests whose keberatan figures are wanted. */
export interface RequestDayKeys {
  bodyIds: readonly number[];
  unitIds: readonly number[];
  days: readonly string[];
}

/** The only reader and writer of objections, disputes and objection_counters. */
@Injectable()
export class ObjectionsRepository {
  constructor(
    @InjectRepository(Objection) private readonly objections: Repository<Objection>,
    @InjectRepository(Dispute) private readonly disputes: Repository<Dispute>,
  ) {}

  /**
   * The next objection (or tanggapan letter) number of a body for a year, gapless like registration
   * numbers: the counter row stays locked until the transaction ends and rolls back with it.
   */
  async nextSeq(m: EntityManager, bodyId: number, year: number, kind: 'objection' | 'response'): Promise<number> {
    await m.query('INSERT INTO objection_counters (body_id, year, kind, last_number) VALUES ($1, $2, $3, 0) ON CONFLICT DO NOTHING', [bodyId, year, kind]);
    const [row] = (await m.query('SELECT last_number FROM objection_counters WHERE body_id = $1 AND year = $2 AND kind = $3 FOR UPDATE', [bodyId, year, kind])) as {
      last_number: number;
    }[];
    const next = row.last_number + 1;
    await m.query('UPDATE objection_counters SET last_number = $4 WHERE body_id = $1 AND year = $2 AND kind = $3', [bodyId, year, kind, next]);
    return next;
  }

  insert(m: EntityManager, objection: Partial<Objection>): Promise<Objection> {
    return m.getRepository(Objection).save(m.getRepository(Objection).create({ version: 1, ...objection }));
  }

  findById(id: string): Promise<Objection | null> {
    if (!/^\d{1,18}$/.test(id)) return Promise.resolve(null);
    return this.objections.findOneBy({ id });
  }

  /** A request's objections, oldest first. */
  findOfRequest(requestId: string, m?: EntityManager): Promise<Objection[]> {
    return (m ? m.getRepository(Objection) : this.objections).find({ where: { requestId }, order: { id: 'ASC' } });
  }

  /** The atasan's queue: a body's objections (or every body's), undecided first by due date, then the latest decided. */
  findQueue(bodyIds: number[] | 'all', limit: number): Promise<Objection[]> {
    const qb = this.objections.createQueryBuilder('o');
    if (bodyIds !== 'all') {
      if (bodyIds.length === 0) return Promise.resolve([]);
      qb.where('o.body_id IN (:...bodyIds)', { bodyIds });
    }
    return qb
      .orderBy("CASE WHEN o.status = 'pending' THEN 0 ELSE 1 END", 'ASC')
      .addOrderBy('o.due_date', 'ASC')
      .addOrderBy('o.id', 'DESC')
      .limit(limit)
      .getMany();
  }

  lockById(m: EntityManager, id: string): Promise<Objection | null> {
    return m.getRepository(Objection).createQueryBuilder('o').setLock('pessimistic_write').where('o.id = :id', { id }).getOne();
  }

  async update(m: EntityManager, id: string, patch: Partial<Objection>): Promise<void> {
    await m.getRepository(Objection).update({ id }, patch);
  }

  insertDispute(m: EntityManager, dispute: Partial<Dispute>): Promise<Dispute> {
    return m.getRepository(Dispute).save(m.getRepository(Dispute).create({ version: 1, ...dispute }));
  }

  findDisputesOf(objectionIds: string[], m?: EntityManager): Promise<Dispute[]> {
    if (objectionIds.length === 0) return Promise.resolve([]);
    return (m ? m.getRepository(Dispute) : this.disputes).find({ where: { objectionId: In(objectionIds) }, order: { id: 'ASC' } });
  }

  findDisputeById(id: string): Promise<Dispute | null> {
    if (!/^\d{1,18}$/.test(id)) return Promise.resolve(null);
    return this.disputes.findOneBy({ id });
  }

  lockDispute(m: EntityManager, id: string): Promise<Dispute | null> {
    return m.getRepository(Dispute).createQueryBuilder('d').setLock('pessimistic_write').where('d.id = :id', { id }).getOne();
  }

  /** Objections with a kuasa address not sealed under `header` (the current key), after `afterId`. */
  findProxyAddressesNotUnder(header: Buffer, afterId: string, limit: number): Promise<{ id: string; number: string; proxyAddress: Buffer }[]> {
    return this.objections.manager.query(
      `SELECT id, number, proxy_address AS "proxyAddress" FROM objections
        WHERE id > $2 AND proxy_address IS NOT NULL AND substring(proxy_address FROM 1 FOR ${header.length}) <> $1
        ORDER BY id LIMIT $3`,
      [header, afterId, limit],
    ) as Promise<{ id: string; number: string; proxyAddress: Buffer }[]>;
  }

  /** Writes a re-encrypted address unless the row changed since it was read. */
  async replaceProxyAddress(id: string, before: Buffer, after: Buffer): Promise<boolean> {
    const [, count] = (await this.objections.manager.query('UPDATE objections SET proxy_address = $2 WHERE id = $1 AND proxy_address = $3', [id, after, before])) as [
      unknown,
      number,
    ];
    return count === 1;
  }

  async updateDispute(m: EntityManager, id: string, patch: Partial<Dispute>): Promise<void> {
    await m.getRepository(Dispute).update({ id }, patch as never);
  }

  private registerWhere(s: ObjectionSelection): { sql: string; params: unknown[] } {
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const clauses = [`o.body_id = ${p(s.bodyId)}`, `o.received_at >= ${p(s.since)}`, `o.received_at < ${p(s.until)}`];
    if (s.unitIds) clauses.push(`(r.unit_id = ANY(${p(s.unitIds)}::int[]) OR r.receiving_unit_id = ANY($${params.length}::int[]))`);
    if (s.status) clauses.push(`o.status = ${p(s.status)}`);
    if (s.search) {
      const like = p(`%${s.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      clauses.push(`(o.number ILIKE ${like} OR r.registration_number ILIKE ${like} OR r.requester_name ILIKE ${like} OR o.proxy_name ILIKE ${like})`);
    }
    return { sql: clauses.join(' AND '), params };
  }

  /** How many objections a register selection holds. */
  async countForRegister(s: ObjectionSelection): Promise<number> {
    const { sql, params } = this.registerWhere(s);
    const [row] = (await this.objections.manager.query(`SELECT count(*)::int AS n FROM objections o JOIN requests r ON r.id = o.request_id WHERE ${sql}`, params)) as {
      n: number;
    }[];
    return row.n;
  }

  /**
   * The register keberatan's rows in order of receipt, `limit` from `offset`: each objection with
   * its request (read, never written, from the requests module's tables) and its disputes.
   */
  findForRegister(s: ObjectionSelection, limit: number, offset: number): Promise<ObjectionRegisterRow[]> {
    const { sql, params } = this.registerWhere(s);
    params.push(limit, offset);
    return this.objections.manager.query(
      `SELECT o.id::text AS id, o.number, o.body_id AS "bodyId", r.unit_id AS "unitId", u.name AS "unitName",
              r.receiving_unit_id AS "receivingUnitId", o.received_at AS "receivedAt", r.id::text AS "requestId",
              r.registration_number AS "registrationNumber", r.requester_name AS "requesterName", r.requester_address AS "requesterAddress",
              o.proxy_name AS "proxyName", o.proxy_address AS "proxyAddress", r.information, r.purpose, o.grounds,
              to_char(o.due_date, 'YYYY-MM-DD') AS "dueDate", o.status, o.decision_reasons AS "decisionReasons", o.instruction,
              to_char(o.response_date, 'YYYY-MM-DD') AS "responseDate", o.response_number AS "responseNumber",
              o.decider_name AS "deciderName", o.decider_position AS "deciderPosition",
              COALESCE((SELECT json_agg(json_build_object('caseNumber', d.case_number, 'filedOn', to_char(d.filed_on, 'YYYY-MM-DD'),
                        'stage', d.stage, 'outcome', d.outcome, 'outcomeOn', to_char(d.outcome_on, 'YYYY-MM-DD')) ORDER BY d.id)
                          FROM disputes d WHERE d.objection_id = o.id), '[]'::json) AS disputes
         FROM objections o
         JOIN requests r ON r.id = o.request_id
         JOIN ppid_units u ON u.id = r.unit_id
        WHERE ${sql}
        ORDER BY o.received_at, o.id
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    ) as Promise<ObjectionRegisterRow[]>;
  }

  /**
   * What the annual report counts: a body's objections received in [since, until) and the disputes
   * filed with the Komisi Informasi between two local dates (both inclusive).
   */
  async findForReport(
    bodyId: number,
    since: Date,
    until: Date,
    firstDay: string,
    lastDay: string,
  ): Promise<{ objections: ObjectionReportRow[]; disputes: DisputeReportRow[] }> {
    const objections = (await this.objections.manager.query(
      `SELECT o.grounds, o.status, to_char(o.due_date, 'YYYY-MM-DD') AS "dueDate", to_char(o.response_date, 'YYYY-MM-DD') AS "responseDate"
         FROM objections o WHERE o.body_id = $1 AND o.received_at >= $2 AND o.received_at < $3 ORDER BY o.id`,
      [bodyId, since, until],
    )) as ObjectionReportRow[];
    const disputes = (await this.objections.manager.query(
      `SELECT d.stage, d.outcome FROM disputes d JOIN objections o ON o.id = d.objection_id
        WHERE o.body_id = $1 AND d.filed_on >= $2::date AND d.filed_on <= $3::date ORDER BY d.id`,
      [bodyId, firstDay, lastDay],
    )) as DisputeReportRow[];
    return { objections, disputes };
  }

  /**
   * The scorecards' figures: per unit, the keberatan and sengketa of the requests received from
   * `from` to `to` (local dates in `zone`), as they stand on `today` (a local date). A read-only
   * join onto the requests' table, like the registers' query.
   */
  /**
   * The keberatan and sengketa figures of the requests of each key (or of every request when
   * `keys` is null, for a rebuild), grouped by (unit, local day of receipt in `zone`), with the
   * unanswered keberatan by due date; read in the caller's transaction. The same conditions as
   * countsForScorecards, which sums the same figures over a period straight from the rows.
   */
  async scorecardRollupFigures(m: EntityManager, zone: string, keys: RequestDayKeys | null): Promise<{ figures: ObjectionDayFigures[]; pending: PendingObjectionsDay[] }> {
    const requests = keys
      ? `(SELECT q.* FROM (SELECT DISTINCT * FROM unnest($2::int[], $3::int[], $4::date[]) AS k (body_id, unit_id, day)) k
           JOIN requests q ON q.body_id = k.body_id AND q.unit_id = k.unit_id
            AND q.received_at >= (k.day::timestamp AT TIME ZONE $1) AND q.received_at < ((k.day + 1)::timestamp AT TIME ZONE $1))`
      : 'requests';
    const params = keys ? [zone, keys.bodyIds, keys.unitIds, keys.days] : [zone];
    const figures = (await m.query(
      `WITH keberatan AS (
         SELECT q.unit_id, q.body_id, (q.received_at AT TIME ZONE $1)::date AS day,
                count(*)::int AS objections, count(DISTINCT o.request_id)::int AS "requestsObjected",
                count(*) FILTER (WHERE o.status IN ('overturned', 'partially_overturned'))::int AS overturned,
                count(*) FILTER (WHERE o.response_date IS NOT NULL)::int AS answered,
                count(*) FILTER (WHERE o.response_date IS NOT NULL AND o.response_date <= o.due_date)::int AS "answeredOnTime"
           FROM ${requests} q JOIN objections o ON o.request_id = q.id
          GROUP BY 1, 2, 3
       ), sengketa AS (
         SELECT q.unit_id, q.body_id, (q.received_at AT TIME ZONE $1)::date AS day,
                count(*)::int AS disputes, count(DISTINCT d.request_id)::int AS "requestsDisputed"
           FROM ${requests} q JOIN disputes d ON d.request_id = q.id
          GROUP BY 1, 2, 3
       )
       SELECT coalesce(k.unit_id, s.unit_id) AS "unitId", coalesce(k.body_id, s.body_id) AS "bodyId",
              to_char(coalesce(k.day, s.day), 'YYYY-MM-DD') AS day,
              coalesce(k.objections, 0) AS objections, coalesce(k."requestsObjected", 0) AS "requestsObjected",
              coalesce(k.overturned, 0) AS overturned, coalesce(k.answered, 0) AS answered,
              coalesce(k."answeredOnTime", 0) AS "answeredOnTime",
              coalesce(s.disputes, 0) AS disputes, coalesce(s."requestsDisputed", 0) AS "requestsDisputed"
         FROM keberatan k FULL JOIN sengketa s ON s.unit_id = k.unit_id AND s.day = k.day`,
      params,
    )) as ObjectionDayFigures[];
    const pending = (await m.query(
      `SELECT q.unit_id AS "unitId", q.body_id AS "bodyId", to_char((q.received_at AT TIME ZONE $1)::date, 'YYYY-MM-DD') AS day,
              to_char(o.due_date, 'YYYY-MM-DD') AS "dueOn", count(*)::int AS count
         FROM ${requests} q JOIN objections o ON o.request_id = q.id
        WHERE o.response_date IS NULL
        GROUP BY 1, 2, 3, 4`,
      params,
    )) as PendingObjectionsDay[];
    return { figures, pending };
  }

  async countsForScorecards(from: string, to: string, zone: string, today: string): Promise<ObjectionScorecardRow[]> {
    return (await this.objections.manager.query(
      `WITH period_requests AS (
         SELECT q.id, q.unit_id, q.body_id FROM requests q
          WHERE q.received_at >= ($1::date::timestamp AT TIME ZONE $3)
            AND q.received_at < (($2::date + 1)::timestamp AT TIME ZONE $3)
       ), keberatan AS (
         SELECT r.unit_id, r.body_id, count(*)::int AS objections, count(DISTINCT o.request_id)::int AS "requestsObjected",
                count(*) FILTER (WHERE o.status IN ('overturned', 'partially_overturned'))::int AS overturned,
                count(*) FILTER (WHERE o.response_date IS NOT NULL)::int AS answered,
                count(*) FILTER (WHERE o.response_date IS NOT NULL AND o.response_date <= o.due_date)::int AS "answeredOnTime",
                count(*) FILTER (WHERE o.response_date IS NULL AND o.due_date < $4::date)::int AS overdue
           FROM period_requests r JOIN objections o ON o.request_id = r.id
          GROUP BY r.unit_id, r.body_id
       ), sengketa AS (
         SELECT r.unit_id, r.body_id, count(*)::int AS disputes, count(DISTINCT d.request_id)::int AS "requestsDisputed"
           FROM period_requests r JOIN disputes d ON d.request_id = r.id
          GROUP BY r.unit_id, r.body_id
       )
       SELECT coalesce(k.unit_id, s.unit_id) AS "unitId", coalesce(k.body_id, s.body_id) AS "bodyId",
              coalesce(k.objections, 0) AS objections, coalesce(k."requestsObjected", 0) AS "requestsObjected",
              coalesce(k.overturned, 0) AS overturned, coalesce(k.answered, 0) AS answered,
              coalesce(k."answeredOnTime", 0) AS "answeredOnTime", coalesce(k.overdue, 0) AS overdue,
              coalesce(s.disputes, 0) AS disputes, coalesce(s."requestsDisputed", 0) AS "requestsDisputed"
         FROM keberatan k FULL JOIN sengketa s ON s.unit_id = k.unit_id`,
      [from, to, zone, today],
    )) as ObjectionScorecardRow[];
  }
}
