import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { FieldRow, LetterSigner } from 'src/modules/documents';
import type { NoticeInput } from 'src/modules/requests';
import type { PublishableDecision } from './publication-rules';

export type AnswerStatus = 'published' | 'withdrawn';
export type AnswerHistoryAction = 'published' | 'updated' | 'document_withheld' | 'withdrawn';

/** The public letter as stored: already without the requester's identity and personal data. */
export interface PublicLetter {
  subject: string;
  place: string;
  dateText: string;
  kopLines: string[];
  rows: FieldRow[];
  signer: LetterSigner;
}

/** A request the sweep looks at, with its sealed fields still sealed. */
export interface PublicationCandidate {
  requestId: string;
  registrationNumber: string;
  bodyId: number;
  unitId: number;
  requesterType: string;
  requesterName: string;
  requesterNik: Buffer | null;
  requesterRegistrationNo: string | null;
  requesterAddress: Buffer | null;
  requesterPhone: Buffer | null;
  requesterEmail: string | null;
  information: string;
  consent: boolean;
  decision: string | null;
  answeredAt: Date | null;
  withdrawn: boolean;
  answerId: string | null;
  answerStatus: AnswerStatus | null;
  answerDecidedAt: Date | null;
}

/** The notice behind the current decision: its input, letter number and signing officer. */
export interface NoticeRecord {
  notice: NoticeInput;
  letterNumber: string | null;
  officerName: string | null;
}

export interface AnswerFields {
  requestId: string;
  bodyId: number;
  unitId: number;
  title: string;
  summary: string;
  decision: PublishableDecision;
  decidedOn: string;
  decidedAt: Date;
  letterNumber: string | null;
  letter: PublicLetter;
}

export interface AnswerRecord {
  id: string;
  requestId: string;
  bodyId: number;
  bodyCode: string;
  bodyName: string;
  unitId: number;
  unitName: string;
  title: string;
  summary: string;
  decision: PublishableDecision;
  decidedOn: string;
  letterNumber: string | null;
  letter: PublicLetter;
  status: AnswerStatus;
  publishedAt: Date;
  updatedAt: Date;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
  version: number;
}

export interface AnswerDocumentRecord {
  id: string;
  title: string;
  fileId: string;
  withheldAt: Date | null;
  withholdingReason: string | null;
}

export interface AnswerHistoryRecord {
  at: Date;
  action: AnswerHistoryAction;
  actorName: string | null;
  data: Record<string, unknown>;
}

export interface AnswerListFilter {
  /** Region code as stored, '35.78'. */
  bodyCode?: string;
  year?: number;
  offset: number;
  limit: number;
}

/** Per body, for a range of decision dates: granted answers and those published (scorecards). */
export interface PublicationCount {
  bodyId: number;
  granted: number;
  published: number;
}

const ANSWER_COLUMNS = `a.id::text AS id, a.request_id::text AS "requestId", a.body_id AS "bodyId", b.region_code AS "bodyCode", b.name AS "bodyName",
  a.unit_id AS "unitId", u.name AS "unitName", a.title, a.summary, a.decision, to_char(a.decided_on, 'YYYY-MM-DD') AS "decidedOn",
  a.letter_number AS "letterNumber", a.letter, a.status, a.published_at AS "publishedAt", a.updated_at AS "updatedAt",
  a.withdrawn_at AS "withdrawnAt", a.withdrawal_reason AS "withdrawalReason", a.version`;
const ANSWER_FROM = 'FROM published_answers a JOIN public_bodies b ON b.id = a.body_id JOIN ppid_units u ON u.id = a.unit_id';

/**
 * The only reader and writer of published_answers, published_answer_documents and
 * published_answer_history; reads the requests, their notice events and documents it publishes.
 */
@Injectable()
export class PublishedAnswersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private run(m?: EntityManager): EntityManager {
    return m ?? this.dataSource.manager;
  }

  /**
   * Requests whose publication may have to change: consent with a decision and no answer yet, a
   * published answer whose request was decided again, refused, withdrawn or lost its consent, or
   * one with a document handed over since. After `afterId`, in id order.
   */
  async findCandidates(afterId: string, limit: number): Promise<PublicationCandidate[]> {
    // Two parts, each on its own index: requests with consent and no answer yet (partial index on
    // consent), and the published answers whose request moved on.
    return (await this.dataSource.query(
      `WITH due AS (
         (SELECT r.id FROM requests r
           WHERE r.publication_consent AND r.id > $1 AND r.decision IN ('granted', 'partially_granted') AND r.answered_at IS NOT NULL
             AND r.withdrawn_at IS NULL AND NOT EXISTS (SELECT 1 FROM published_answers a WHERE a.request_id = r.id)
           ORDER BY r.id LIMIT $2)
         UNION
         (SELECT r.id FROM published_answers a JOIN requests r ON r.id = a.request_id
           WHERE a.status = 'published' AND r.id > $1
             AND (NOT r.publication_consent OR r.withdrawn_at IS NOT NULL OR r.decision IS DISTINCT FROM a.decision
               OR r.answered_at IS DISTINCT FROM a.decided_at
               OR EXISTS (SELECT 1 FROM request_documents d WHERE d.request_id = r.id AND d.kind = 'handover'
                            AND NOT EXISTS (SELECT 1 FROM published_answer_documents p WHERE p.answer_id = a.id AND p.request_document_id = d.id)))
           ORDER BY r.id LIMIT $2)
       )
       SELECT r.id::text AS "requestId", r.registration_number AS "registrationNumber", r.body_id AS "bodyId", r.unit_id AS "unitId",
              r.requester_type AS "requesterType", r.requester_name AS "requesterName", r.requester_nik AS "requesterNik",
              r.requester_registration_no AS "requesterRegistrationNo", r.requester_address AS "requesterAddress",
              r.requester_phone AS "requesterPhone", r.requester_email AS "requesterEmail", r.information,
              r.publication_consent AS consent, r.decision, r.answered_at AS "answeredAt", (r.withdrawn_at IS NOT NULL) AS withdrawn,
              a.id::text AS "answerId", a.status AS "answerStatus", a.decided_at AS "answerDecidedAt"
         FROM due JOIN requests r ON r.id = due.id LEFT JOIN published_answers a ON a.request_id = r.id
        ORDER BY r.id LIMIT $2`,
      [afterId, limit],
    )) as PublicationCandidate[];
  }

  /** The latest public notice of a request (the one its decision comes from). */
  async findLatestNotice(requestId: string): Promise<NoticeRecord | null> {
    const rows = (await this.dataSource.query(
      `SELECT e.data -> 'notice' AS notice, e.actor_name AS "officerName",
              (SELECT d.letter_number FROM request_documents d WHERE d.event_id = e.id AND d.kind = 'letter' ORDER BY d.id LIMIT 1) AS "letterNumber"
         FROM request_events e
        WHERE e.request_id = $1 AND e.public AND e.data ? 'notice'
        ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1`,
      [requestId],
    )) as NoticeRecord[];
    return rows[0] ?? null;
  }

  /** Inserts or replaces the answer of a request; returns its id and whether it was new. */
  async upsertAnswer(m: EntityManager, f: AnswerFields, now: Date): Promise<{ id: string; created: boolean }> {
    const [row] = (await m.query(
      `INSERT INTO published_answers (request_id, body_id, unit_id, title, summary, decision, decided_on, decided_at, letter_number, letter, status, published_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, 'published', $11, $11)
       ON CONFLICT (request_id) DO UPDATE SET body_id = EXCLUDED.body_id, unit_id = EXCLUDED.unit_id, title = EXCLUDED.title,
         summary = EXCLUDED.summary, decision = EXCLUDED.decision, decided_on = EXCLUDED.decided_on, decided_at = EXCLUDED.decided_at,
         letter_number = EXCLUDED.letter_number, letter = EXCLUDED.letter, updated_at = EXCLUDED.updated_at, version = published_answers.version + 1
       RETURNING id::text AS id, (xmax = 0) AS created`,
      [f.requestId, f.bodyId, f.unitId, f.title, f.summary, f.decision, f.decidedOn, f.decidedAt, f.letterNumber, JSON.stringify(f.letter), now],
    )) as { id: string; created: boolean }[];
    return row;
  }

  /** Links the documents handed over on the request that the answer does not list yet; returns their titles. */
  async linkHandedOverDocuments(m: EntityManager, answerId: string, requestId: string): Promise<string[]> {
    const rows = (await m.query(
      `INSERT INTO published_answer_documents (answer_id, request_document_id)
       SELECT $1, d.id FROM request_documents d WHERE d.request_id = $2 AND d.kind = 'handover'
       ON CONFLICT (answer_id, request_document_id) DO NOTHING
       RETURNING (SELECT title FROM request_documents WHERE id = request_document_id) AS title`,
      [answerId, requestId],
    )) as { title: string }[];
    return rows.map((r) => r.title);
  }

  async insertHistory(m: EntityManager, answerId: string, action: AnswerHistoryAction, actor: { id: number; name: string } | null, now: Date, data: Record<string, unknown> = {}): Promise<void> {
    await m.query('INSERT INTO published_answer_history (answer_id, at, action, actor_id, actor_name, data) VALUES ($1, $2, $3, $4, $5, $6::jsonb)', [
      answerId, now, action, actor?.id ?? null, actor?.name ?? null, JSON.stringify(data),
    ]);
  }

  async markWithdrawn(m: EntityManager, answerId: string, reason: string, now: Date): Promise<boolean> {
    // Through a CTE: the driver answers an UPDATE with [rows, count], a SELECT with its rows.
    const [{ n }] = (await m.query(
      `WITH u AS (UPDATE published_answers SET status = 'withdrawn', withdrawn_at = $2, withdrawal_reason = $3, updated_at = $2, version = version + 1
                   WHERE id = $1 AND status = 'published' RETURNING id)
       SELECT count(*)::int AS n FROM u`,
      [answerId, now, reason],
    )) as { n: number }[];
    return n > 0;
  }

  async markDocumentWithheld(m: EntityManager, answerId: string, documentId: string, reason: string, now: Date): Promise<boolean> {
    const [{ n }] = (await m.query(
      `WITH u AS (UPDATE published_answer_documents SET withheld_at = $3, withholding_reason = $4
                   WHERE answer_id = $1 AND id = $2 AND withheld_at IS NULL RETURNING id)
       SELECT count(*)::int AS n FROM u`,
      [answerId, documentId, now, reason],
    )) as { n: number }[];
    return n > 0;
  }

  async lockAnswer(m: EntityManager, id: string): Promise<AnswerRecord | null> {
    await m.query('SELECT id FROM published_answers WHERE id = $1 FOR UPDATE', [id]);
    return this.findAnswer(id, m);
  }

  async findAnswer(id: string, m?: EntityManager): Promise<AnswerRecord | null> {
    const rows = (await this.run(m).query(`SELECT ${ANSWER_COLUMNS} ${ANSWER_FROM} WHERE a.id = $1`, [id])) as AnswerRecord[];
    return rows[0] ?? null;
  }

  async findAnswerOfRequest(requestId: string): Promise<AnswerRecord | null> {
    const rows = (await this.dataSource.query(`SELECT ${ANSWER_COLUMNS} ${ANSWER_FROM} WHERE a.request_id = $1`, [requestId])) as AnswerRecord[];
    return rows[0] ?? null;
  }

  async findDocuments(answerId: string, m?: EntityManager): Promise<AnswerDocumentRecord[]> {
    return (await this.run(m).query(
      `SELECT p.id::text AS id, d.title, d.file_id AS "fileId", p.withheld_at AS "withheldAt", p.withholding_reason AS "withholdingReason"
         FROM published_answer_documents p JOIN request_documents d ON d.id = p.request_document_id
        WHERE p.answer_id = $1 ORDER BY d.id`,
      [answerId],
    )) as AnswerDocumentRecord[];
  }

  async findHistory(answerId: string): Promise<AnswerHistoryRecord[]> {
    return (await this.dataSource.query(
      'SELECT at, action, actor_name AS "actorName", data FROM published_answer_history WHERE answer_id = $1 ORDER BY at, id',
      [answerId],
    )) as AnswerHistoryRecord[];
  }

  /** Published answers, newest decision first, with the total for paging. */
  async findPublished(f: AnswerListFilter): Promise<{ items: AnswerRecord[]; total: number }> {
    const where = ["a.status = 'published'"];
    const params: unknown[] = [];
    if (f.bodyCode !== undefined) {
      params.push(f.bodyCode);
      where.push(`b.region_code = $${params.length}`);
    }
    if (f.year !== undefined) {
      params.push(`${f.year}-01-01`, `${f.year + 1}-01-01`);
      where.push(`a.decided_on >= $${params.length - 1}::date AND a.decided_on < $${params.length}::date`);
    }
    const clause = where.join(' AND ');
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total ${ANSWER_FROM} WHERE ${clause}`, params)) as { total: number }[];
    const items = (await this.dataSource.query(
      `SELECT ${ANSWER_COLUMNS} ${ANSWER_FROM} WHERE ${clause} ORDER BY a.decided_on DESC, a.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, f.limit, f.offset],
    )) as AnswerRecord[];
    return { items, total };
  }

  /** Answers of these units (null: every unit), newest decision first (the officers' list). */
  async findOfUnits(unitIds: number[] | null): Promise<AnswerRecord[]> {
    if (unitIds !== null && unitIds.length === 0) return [];
    return (await this.dataSource.query(
      `SELECT ${ANSWER_COLUMNS} ${ANSWER_FROM} ${unitIds === null ? '' : 'WHERE a.unit_id = ANY($1::int[])'} ORDER BY a.decided_on DESC, a.id DESC LIMIT 500`,
      unitIds === null ? [] : [unitIds],
    )) as AnswerRecord[];
  }

  /** Years with published answers, newest first (the filter's choices). */
  async findYears(): Promise<number[]> {
    const rows = (await this.dataSource.query(
      "SELECT DISTINCT extract(year FROM decided_on)::int AS year FROM published_answers WHERE status = 'published' ORDER BY year DESC",
    )) as { year: number }[];
    return rows.map((r) => r.year);
  }

  /** Granted (in full or in part) requests decided on local dates in [from, to], and how many of them are published now. */
  async countByBody(from: string, to: string): Promise<PublicationCount[]> {
    return (await this.dataSource.query(
      `SELECT r.body_id AS "bodyId", count(*)::int AS granted, count(a.id) FILTER (WHERE a.status = 'published')::int AS published
         FROM requests r
         JOIN ppid_units u ON u.id = r.unit_id
         LEFT JOIN published_answers a ON a.request_id = r.id
        WHERE r.decision IN ('granted', 'partially_granted') AND r.answered_at IS NOT NULL
          AND (r.answered_at AT TIME ZONE u.time_zone)::date BETWEEN $1::date AND $2::date
        GROUP BY r.body_id ORDER BY r.body_id`,
      [from, to],
    )) as PublicationCount[];
  }

  /**
   * Per body, the published answers of requests received from `from` to `to` (local dates of
   * `timeZone`, inclusive) and granted in full or in part: the scorecards' numerator beside the
   * grants of their rollups. Reads only the published answers and their requests by key.
   */
  async publishedOfReceivedByBody(from: string, to: string, timeZone: string): Promise<{ bodyId: number; published: number }[]> {
    return (await this.dataSource.query(
      `SELECT a.body_id AS "bodyId", count(*)::int AS published
         FROM published_answers a JOIN requests r ON r.id = a.request_id
        WHERE a.status = 'published' AND r.decision IN ('granted', 'partially_granted')
          AND r.received_at >= ($1::date::timestamp AT TIME ZONE $3) AND r.received_at < (($2::date + 1)::timestamp AT TIME ZONE $3)
        GROUP BY a.body_id`,
      [from, to, timeZone],
    )) as { bodyId: number; published: number }[];
  }
}
