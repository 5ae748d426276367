import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { ConsequenceTestRecord } from 'src/modules/requests/consequence-test.entity';
import { RequestDocument } from 'src/modules/requests/request-document.entity';
import { RequestEvent } from 'src/modules/requests/request-event.entity';
import { InformationRequest } from 'src/modules/requests/request.entity';
import { RequestStatus } from 'src/modules/requests/request-status';

/** Requests still waiting for the written notice: their due date still matters. */
export const OPEN_STATUSES: readonly RequestStatus[] = ['received', 'in_process', 'awaiting_approval'];

/** What the due-date recomputation reads of an open request, and writes back. */
export type OpenRequestRow = Pick<
  InformationRequest,
  'id' | 'bodyId' | 'receivingUnitId' | 'status' | 'receivedAt' | 'reopenedAt' | 'extendedDays' | 'effectiveReceiptDate' | 'dueDate' | 'dueProvisional' | 'version'
>;

const OPEN_ROW_COLUMNS = [
  'r.id',
  'r.bodyId',
  'r.receivingUnitId',
  'r.status',
  'r.receivedAt',
  'r.reopenedAt',
  'r.extendedDays',
  'r.effectiveReceiptDate',
  'r.dueDate',
  'r.dueProvisional',
  'r.version',
];

export interface LegacySecretsRow {
  id: string;
  registrationNumber: string;
  channel: string;
  receivingUnitId: number;
  submissionKey: string | null;
  trackingCodeHash: string | null;
  trackingCode: Buffer | null;
}

/** The encrypted fields of a request with what binds them (the registration number). */
export interface SealedRequestRow {
  id: string;
  registrationNumber: string;
  requesterNik: Buffer | null;
  requesterAddress: Buffer;
  requesterPhone: Buffer | null;
  trackingCode: Buffer | null;
}

/**
 * The only reader and writer of requests, request_events, request_documents and the registration
 * and letter counters (the officers' queue has its own read-only QueueRepository).
 */
@Injectable()
export class RequestsRepository {
  constructor(
    @InjectRepository(InformationRequest) private readonly requests: Repository<InformationRequest>,
    @InjectRepository(RequestEvent) private readonly events: Repository<RequestEvent>,
    @InjectRepository(RequestDocument) private readonly documents: Repository<RequestDocument>,
  ) {}

  /**
   * The next number of a unit for a year, gapless: the counter row stays locked until the
   * transaction ends, and rolls back with it, so no number is skipped or given twice. Take it as
   * late in the transaction as the work allows: every statement after it holds the unit's lock.
   */
  nextRegistrationSeq(m: EntityManager, unitId: number, year: number): Promise<number> {
    return this.nextSeq(m, 'registration_counters', unitId, year);
  }

  /** Letter numbers per unit and year, gapless like registration numbers. */
  nextLetterSeq(m: EntityManager, unitId: number, year: number): Promise<number> {
    return this.nextSeq(m, 'letter_counters', unitId, year);
  }

  /**
   * One statement: creates the counter row on first use, else increments it, and returns the new
   * number. The update keeps the row locked until the transaction ends, so a concurrent caller
   * waits and then sees this number (or, after a rollback, the one before it).
   */
  private async nextSeq(m: EntityManager, table: 'registration_counters' | 'letter_counters', unitId: number, year: number): Promise<number> {
    const [row] = (await m.query(
      `INSERT INTO ${table} AS c (unit_id, year, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (unit_id, year) DO UPDATE SET last_number = c.last_number + 1
       RETURNING last_number`,
      [unitId, year],
    )) as { last_number: number }[];
    return row.last_number;
  }

  /** The request registered with one of these submission key hashes; for officers, only among their unit's. */
  findBySubmissionKeyHashes(hashes: string[], receivingUnitId: number | null): Promise<InformationRequest | null> {
    const qb = this.requests
      .createQueryBuilder('r')
      .where('r.submission_key_hash IN (:...hashes)', { hashes });
    if (receivingUnitId !== null) qb.andWhere('r.receiving_unit_id = :unitId', { unitId: receivingUnitId });
    return qb.getOne();
  }

  /** Rows written before tracking codes and submission keys were kept as they are now (RequestSecrets). */
  findLegacySecrets(afterId: string, limit: number): Promise<LegacySecretsRow[]> {
    return this.requests.manager.query(
      `SELECT id, registration_number AS "registrationNumber", channel, receiving_unit_id AS "receivingUnitId",
              submission_key AS "submissionKey", tracking_code_hash AS "trackingCodeHash", tracking_code AS "trackingCode"
         FROM requests WHERE (tracking_code IS NULL OR submission_key IS NOT NULL) AND id > $1 ORDER BY id LIMIT $2`,
      [afterId, limit],
    ) as Promise<LegacySecretsRow[]>;
  }

  /** Moves one legacy row over, unless another instance already did. */
  async replaceLegacySecrets(id: string, trackingCode: Buffer | null, submissionKeyHash: string | null, submissionKey: string | null): Promise<boolean> {
    const [, count] = (await this.requests.manager.query(
      `UPDATE requests
          SET tracking_code = COALESCE(tracking_code, $2), tracking_code_hash = CASE WHEN $2::bytea IS NULL THEN tracking_code_hash END,
              submission_key_hash = COALESCE(submission_key_hash, $3), submission_key = NULL
        WHERE id = $1 AND submission_key IS NOT DISTINCT FROM $4`,
      [id, trackingCode, submissionKeyHash, submissionKey],
    )) as [unknown, number];
    return count === 1;
  }

  /** Rows with an encrypted field not sealed under `header` (the current key), after `afterId`. */
  findSealedNotUnder(header: Buffer, afterId: string, limit: number): Promise<SealedRequestRow[]> {
    const n = header.length;
    const stale = (column: string): string => `(${column} IS NOT NULL AND substring(${column} FROM 1 FOR ${n}) <> $1)`;
    return this.requests.manager.query(
      `SELECT id, registration_number AS "registrationNumber", requester_nik AS "requesterNik", requester_address AS "requesterAddress",
              requester_phone AS "requesterPhone", tracking_code AS "trackingCode"
         FROM requests
        WHERE id > $2 AND (${['requester_nik', 'requester_address', 'requester_phone', 'tracking_code'].map(stale).join(' OR ')})
        ORDER BY id LIMIT $3`,
      [header, afterId, limit],
    ) as Promise<SealedRequestRow[]>;
  }

  /** Writes re-encrypted fields; a row changed since it was read (any of them) is left for the next run. */
  async replaceSealed(before: SealedRequestRow, after: SealedRequestRow): Promise<boolean> {
    const [, count] = (await this.requests.manager.query(
      `UPDATE requests SET requester_nik = $2, requester_address = $3, requester_phone = $4, tracking_code = $5
        WHERE id = $1 AND requester_nik IS NOT DISTINCT FROM $6 AND requester_address IS NOT DISTINCT FROM $7
          AND requester_phone IS NOT DISTINCT FROM $8 AND tracking_code IS NOT DISTINCT FROM $9`,
      [
        before.id,
        after.requesterNik,
        after.requesterAddress,
        after.requesterPhone,
        after.trackingCode,
        before.requesterNik,
        before.requesterAddress,
        before.requesterPhone,
        before.trackingCode,
      ],
    )) as [unknown, number];
    return count === 1;
  }

  findByRegistrationNumber(number: string): Promise<InformationRequest | null> {
    return this.requests.findOneBy({ registrationNumber: number });
  }

  /** Events in the order they happened; only the public ones for the requester's view. */
  findTimeline(requestId: string, publicOnly: boolean): Promise<RequestEvent[]> {
    return this.events.find({
      where: publicOnly ? { requestId, public: true } : { requestId },
      order: { id: 'ASC' },
    });
  }

  insertRequest(m: EntityManager, request: Partial<InformationRequest>): Promise<InformationRequest> {
    return m.getRepository(InformationRequest).save(m.getRepository(InformationRequest).create(request));
  }

  /**
   * A new request and its first event in one statement (one round trip, while the caller holds
   * the registration counter's lock). Returns the request as `insertRequest` does: the values
   * given, with the id and the columns the database filled in.
   */
  async insertRequestWithEvent(
    m: EntityManager,
    request: Partial<InformationRequest>,
    event: Omit<Partial<RequestEvent>, 'requestId'>,
  ): Promise<InformationRequest> {
    const values: unknown[] = [];
    const columnsOf = (entity: typeof InformationRequest | typeof RequestEvent, row: object): { names: string[]; params: string[] } => {
      const columns = this.columnsByProperty(m, entity);
      const names: string[] = [];
      const params: string[] = [];
      for (const [property, value] of Object.entries(row)) {
        if (value === undefined) continue;
        const column = columns.get(property);
        if (!column) throw new Error(`${entity.name} has no column for ${property}`);
        values.push(column.jsonb ? JSON.stringify(value) : value);
        names.push(column.name);
        params.push(column.jsonb ? `$${values.length}::jsonb` : `$${values.length}`);
      }
      return { names, params };
    };
    const r = columnsOf(InformationRequest, request);
    const e = columnsOf(RequestEvent, { public: true, data: {}, ...event });
    const [row] = (await m.query(
      `WITH r AS (INSERT INTO requests (${r.names.join(', ')}) VALUES (${r.params.join(', ')}) RETURNING id, created_at, updated_at),
            e AS (INSERT INTO request_events (request_id, ${e.names.join(', ')}) VALUES ((SELECT id FROM r), ${e.params.join(', ')}))
       SELECT id::text AS id, created_at AS "createdAt", updated_at AS "updatedAt" FROM r`,
      values,
    )) as { id: string; createdAt: Date; updatedAt: Date }[];
    return Object.assign(m.getRepository(InformationRequest).create(request), row);
  }

  /** Each entity's columns by property name, looked up once (a linear search of the metadata per value cost milliseconds per intake). */
  private readonly columnMaps = new Map<typeof InformationRequest | typeof RequestEvent, Map<string, { name: string; jsonb: boolean }>>();

  private columnsByProperty(m: EntityManager, entity: typeof InformationRequest | typeof RequestEvent): Map<string, { name: string; jsonb: boolean }> {
    let columns = this.columnMaps.get(entity);
    if (!columns) {
      columns = new Map(m.connection.getMetadata(entity).columns.map((c) => [c.propertyName, { name: `"${c.databaseName}"`, jsonb: c.type === 'jsonb' }]));
      this.columnMaps.set(entity, columns);
    }
    return columns;
  }

  insertEvent(m: EntityManager, event: Partial<RequestEvent>): Promise<RequestEvent> {
    return m.getRepository(RequestEvent).save(m.getRepository(RequestEvent).create({ public: true, data: {}, ...event }));
  }

  findById(id: string): Promise<InformationRequest | null> {
    if (!/^\d{1,18}$/.test(id)) return Promise.resolve(null);
    return this.requests.findOneBy({ id });
  }

  /** The request row locked until the transaction ends: one action at a time per request. */
  lockById(m: EntityManager, id: string): Promise<InformationRequest | null> {
    return m
      .getRepository(InformationRequest)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id })
      .getOne();
  }

  async updateRequest(m: EntityManager, id: string, patch: Partial<InformationRequest>): Promise<void> {
    await m.getRepository(InformationRequest).update({ id }, patch);
  }

  /** The consequence test behind a refusal or partial grant, with the notice event it belongs to. */
  /** The consequence test recorded with a notice event (a PPID Pelaksana's refusal, read again when its PPID Utama approves it). */
  findConsequenceTestOfEvent(m: EntityManager, eventId: string): Promise<ConsequenceTestRecord | null> {
    return m.getRepository(ConsequenceTestRecord).findOne({ where: { eventId } });
  }

  insertConsequenceTest(m: EntityManager, test: Omit<ConsequenceTestRecord, 'id' | 'createdAt'>): Promise<ConsequenceTestRecord> {
    return m.getRepository(ConsequenceTestRecord).save(m.getRepository(ConsequenceTestRecord).create(test));
  }

  insertDocument(m: EntityManager, doc: Partial<RequestDocument>): Promise<RequestDocument> {
    return m.getRepository(RequestDocument).save(m.getRepository(RequestDocument).create(doc));
  }

  /** The request's latest event of this type, read in the caller's transaction. */
  latestEventOfType(m: EntityManager, requestId: string, type: string): Promise<RequestEvent | null> {
    return m.getRepository(RequestEvent).findOne({ where: { requestId, type }, order: { id: 'DESC' } });
  }

  findDocuments(requestId: string): Promise<RequestDocument[]> {
    return this.documents.find({ where: { requestId }, order: { id: 'ASC' } });
  }

  findDocument(requestId: string, documentId: string): Promise<RequestDocument | null> {
    if (!/^\d{1,18}$/.test(documentId)) return Promise.resolve(null);
    return this.documents.findOneBy({ requestId, id: documentId });
  }

  findDocumentById(documentId: string): Promise<RequestDocument | null> {
    if (!/^\d{1,18}$/.test(documentId)) return Promise.resolve(null);
    return this.documents.findOneBy({ id: documentId });
  }

  /** The next `limit` open requests after `afterId`, of one body or of all (null), in id order. */
  async findOpenAfter(bodyId: number | null, afterId: string, limit: number): Promise<{ id: string; receivingUnitId: number }[]> {
    const qb = this.requests
      .createQueryBuilder('r')
      .select(['r.id', 'r.receivingUnitId'])
      .where('r.closed_at IS NULL')
      .andWhere('r.status IN (:...statuses)', { statuses: OPEN_STATUSES })
      .andWhere('r.id > :afterId', { afterId });
    if (bodyId !== null) qb.andWhere('r.body_id = :bodyId', { bodyId });
    const rows = await qb.orderBy('r.id', 'ASC').limit(limit).getMany();
    return rows.map((r) => ({ id: r.id, receivingUnitId: r.receivingUnitId }));
  }

  /** These requests locked until the transaction ends, re-read, and only those still open. */
  lockOpen(m: EntityManager, ids: string[]): Promise<OpenRequestRow[]> {
    return m
      .withRepository(this.requests)
      .createQueryBuilder('r')
      .select(OPEN_ROW_COLUMNS)
      .setLock('pessimistic_write')
      .where('r.id IN (:...ids)', { ids })
      .andWhere('r.closed_at IS NULL')
      .andWhere('r.status IN (:...statuses)', { statuses: OPEN_STATUSES })
      .orderBy('r.id', 'ASC')
      .getMany();
  }
}
