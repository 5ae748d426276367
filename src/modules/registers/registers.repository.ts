import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NOTICE_EVENTS } from 'src/modules/requests';
import { NoticeFacts, RegisterRecord } from './register-entry';

/** Which requests a register lists: a body, optionally some of its units, a period, a status, a search. */
export interface RegisterSelection {
  bodyId: number;
  /** null = every unit of the body. */
  unitIds: number[] | null;
  since: Date;
  until: Date;
  status?: string;
  search?: string;
}

/** A request's encrypted contact fields, bound to its registration number. */
export interface SealedContact {
  registrationNumber: string;
  address: Buffer;
  phone: Buffer | null;
}

interface RecordRow extends Omit<RegisterRecord, 'notice'> {
  notice: NoticeFacts | null;
  requesterAddress: Buffer;
  requesterPhone: Buffer | null;
}

/** Decisions that end with a written notice (the event that carries it). */
const NOTICE_EVENT_LIST = `(${NOTICE_EVENTS.map((e) => `'${e}'`).join(', ')})`;

/**
 * Read-only report queries over the requests module's tables (requests, request_events,
 * ppid_units): the one exception to table ownership the architecture allows. Never writes.
 */
@Injectable()
export class RegistersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private where(s: RegisterSelection): { sql: string; params: unknown[] } {
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const clauses = [`r.body_id = ${p(s.bodyId)}`, `r.received_at >= ${p(s.since)}`, `r.received_at < ${p(s.until)}`];
    // A forwarded request stays in the register of the unit that received it, and joins that of its new unit.
    if (s.unitIds) clauses.push(`(r.unit_id = ANY(${p(s.unitIds)}::int[]) OR r.receiving_unit_id = ANY($${params.length}::int[]))`);
    if (s.status) clauses.push(`r.status = ${p(s.status)}`);
    if (s.search) {
      const like = p(`%${s.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      clauses.push(`(r.registration_number ILIKE ${like} OR r.requester_name ILIKE ${like})`);
    }
    return { sql: clauses.join(' AND '), params };
  }

  async count(s: RegisterSelection): Promise<number> {
    const { sql, params } = this.where(s);
    const [row] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM requests r WHERE ${sql}`, params)) as { n: number }[];
    return row.n;
  }

  /** In order of receipt; `limit` rows from `offset`. Contact fields stay sealed. */
  async findRecords(s: RegisterSelection, limit: number, offset: number): Promise<(RegisterRecord & { sealed: SealedContact })[]> {
    const { sql, params } = this.where(s);
    params.push(limit, offset);
    const rows = (await this.dataSource.query(
      `SELECT r.id::text AS id, r.registration_number AS "registrationNumber", r.body_id AS "bodyId", r.unit_id AS "unitId",
              u.name AS "unitName", r.receiving_unit_id AS "receivingUnitId", r.channel, r.status, r.decision,
              r.requester_name AS "requesterName", r.requester_email AS "requesterEmail", r.requester_occupation AS "requesterOccupation",
              r.requester_address AS "requesterAddress", r.requester_phone AS "requesterPhone",
              r.information, r.purpose, r.obtain_method AS "obtainMethod", r.received_at AS "receivedAt",
              to_char(r.effective_receipt_date, 'YYYY-MM-DD') AS "effectiveReceiptDate", to_char(r.due_date, 'YYYY-MM-DD') AS "dueDate",
              r.extended_days AS "extendedDays", r.answered_at AS "answeredAt", r.closed_at AS "closedAt",
              n.data->'notice' AS notice, h.at AS "firstHandoverAt", f.data->>'toUnitName' AS "forwardedTo"
         FROM requests r
         JOIN ppid_units u ON u.id = r.unit_id
         LEFT JOIN LATERAL (SELECT e.data FROM request_events e WHERE e.request_id = r.id AND e.type IN ${NOTICE_EVENT_LIST} ORDER BY e.id DESC LIMIT 1) n ON true
         LEFT JOIN LATERAL (SELECT min(e.occurred_at) AS at FROM request_events e WHERE e.request_id = r.id AND e.type = 'documents_handed_over') h ON true
         LEFT JOIN LATERAL (SELECT e.data FROM request_events e WHERE e.request_id = r.id AND e.type = 'forwarded' ORDER BY e.id DESC LIMIT 1) f ON true
        WHERE ${sql}
        ORDER BY r.received_at, r.id
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    )) as RecordRow[];
    return rows.map(({ requesterAddress, requesterPhone, ...r }) => ({
      ...r,
      sealed: { registrationNumber: r.registrationNumber, address: requesterAddress, phone: requesterPhone },
    }));
  }
}
