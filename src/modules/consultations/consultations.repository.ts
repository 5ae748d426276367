import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { Consultation } from './consultation.entity';

/** A published FAQ entry: what the public sees, and nothing about the asker. */
export interface FaqRow {
  number: string;
  unitId: number;
  question: string;
  answer: string;
  answeredAt: Date;
  publishedAt: Date;
}

/** The sealed columns of one consultation, for a key rotation. */
export interface SealedConsultation {
  id: string;
  number: string;
  askerName: Buffer;
  askerEmail: Buffer;
  trackingCode: Buffer;
}

/** The only reader and writer of consultations and consultation_counters. */
@Injectable()
export class ConsultationsRepository {
  constructor(@InjectRepository(Consultation) private readonly consultations: Repository<Consultation>) {}

  /** The next number of a body for a year, gapless: the counter row stays locked until the transaction ends. */
  async nextSeq(m: EntityManager, bodyId: number, year: number): Promise<number> {
    const [row] = (await m.query(
      `INSERT INTO consultation_counters (body_id, year, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (body_id, year) DO UPDATE SET last_number = consultation_counters.last_number + 1
       RETURNING last_number`,
      [bodyId, year],
    )) as { last_number: number }[];
    return row.last_number;
  }

  insert(m: EntityManager, consultation: Partial<Consultation>): Promise<Consultation> {
    const repo = m.getRepository(Consultation);
    return repo.save(repo.create({ version: 1, ...consultation }));
  }

  findByNumber(number: string): Promise<Consultation | null> {
    return this.consultations.findOneBy({ number });
  }

  findById(id: string): Promise<Consultation | null> {
    if (!/^\d{1,18}$/.test(id)) return Promise.resolve(null);
    return this.consultations.findOneBy({ id });
  }

  /** Open consultations of the units, the earliest due first (overdue ones lead). */
  findOpenOfUnits(unitIds: number[] | 'all', limit: number): Promise<Consultation[]> {
    if (unitIds !== 'all' && unitIds.length === 0) return Promise.resolve([]);
    return this.consultations.find({
      where: { status: 'open', ...(unitIds === 'all' ? {} : { unitId: In(unitIds) }) },
      order: { dueDate: 'ASC', receivedAt: 'ASC', id: 'ASC' },
      take: limit,
    });
  }

  /** The due dates of the units' open consultations, each with its unit's time zone (for the desk notices). */
  async openDueDatesOfUnits(unitIds: readonly number[]): Promise<{ dueDate: string; timeZone: string }[]> {
    if (unitIds.length === 0) return [];
    return (await this.consultations.query(
      `SELECT c.due_date::text AS "dueDate", u.time_zone AS "timeZone"
         FROM consultations c JOIN ppid_units u ON u.id = c.unit_id
        WHERE c.status = 'open' AND c.unit_id = ANY($1::int[])`,
      [unitIds],
    )) as { dueDate: string; timeZone: string }[];
  }

  /** The latest answered consultations of the units. */
  findAnsweredOfUnits(unitIds: number[] | 'all', limit: number): Promise<Consultation[]> {
    if (unitIds !== 'all' && unitIds.length === 0) return Promise.resolve([]);
    return this.consultations.find({
      where: { status: 'answered', ...(unitIds === 'all' ? {} : { unitId: In(unitIds) }) },
      order: { answeredAt: 'DESC', id: 'DESC' },
      take: limit,
    });
  }

  /** Records the answer unless someone changed the consultation since it was read (false then). */
  async saveAnswer(m: EntityManager, c: Consultation, answer: { text: string; at: Date; userId: number; name: string }): Promise<boolean> {
    const result = await m
      .createQueryBuilder()
      .update(Consultation)
      .set({ status: 'answered', answer: answer.text, answeredAt: answer.at, answererId: answer.userId, answererName: answer.name, version: c.version + 1 })
      .where('id = :id AND version = :version AND status = :open', { id: c.id, version: c.version, open: 'open' })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Publishes (a question text) or withdraws (null) the FAQ entry, compare-and-set on the version. */
  async saveFaq(c: Consultation, faq: { question: string; at: Date } | null): Promise<boolean> {
    const result = await this.consultations
      .createQueryBuilder()
      .update(Consultation)
      .set({ faqQuestion: faq?.question ?? null, faqPublishedAt: faq?.at ?? null, version: c.version + 1 })
      .where('id = :id AND version = :version', { id: c.id, version: c.version })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Links the request the consultation became; only the first request counts. */
  async linkRequest(id: string, request: { id: string; number: string }): Promise<boolean> {
    const result = await this.consultations
      .createQueryBuilder()
      .update(Consultation)
      .set({ requestId: request.id, requestNumber: request.number, version: () => 'version + 1' })
      .where('id = :id AND request_id IS NULL', { id })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** A body's published FAQ entries, the latest first: only question and answer, never the asker. */
  async findFaqOfBody(bodyId: number, limit: number): Promise<FaqRow[]> {
    const rows = (await this.consultations.query(
      `SELECT number, unit_id, faq_question, answer, answered_at, faq_published_at
         FROM consultations
        WHERE body_id = $1 AND faq_published_at IS NOT NULL
        ORDER BY faq_published_at DESC, id DESC
        LIMIT $2`,
      [bodyId, limit],
    )) as { number: string; unit_id: number; faq_question: string; answer: string; answered_at: Date; faq_published_at: Date }[];
    return rows.map((r) => ({ number: r.number, unitId: r.unit_id, question: r.faq_question, answer: r.answer, answeredAt: r.answered_at, publishedAt: r.faq_published_at }));
  }

  /** Consultations with a value not sealed under `header`, after id `after`, in id order. */
  async findSealedNotUnder(header: Buffer, after: string, limit: number): Promise<SealedConsultation[]> {
    const rows = (await this.consultations.query(
      `SELECT id::text AS id, number, asker_name, asker_email, tracking_code FROM consultations
        WHERE id > $2::bigint
          AND (substring(asker_name FROM 1 FOR $3) <> $1 OR substring(asker_email FROM 1 FOR $3) <> $1 OR substring(tracking_code FROM 1 FOR $3) <> $1)
        ORDER BY id LIMIT $4`,
      [header, after, header.length, limit],
    )) as { id: string; number: string; asker_name: Buffer; asker_email: Buffer; tracking_code: Buffer }[];
    return rows.map((r) => ({ id: r.id, number: r.number, askerName: r.asker_name, askerEmail: r.asker_email, trackingCode: r.tracking_code }));
  }

  /** Replaces the sealed values when they are still those read (compare-and-set). */
  async replaceSealed(before: SealedConsultation, after: Omit<SealedConsultation, 'id' | 'number'>): Promise<boolean> {
    // An UPDATE through query() answers [rows, affected].
    const [, count] = (await this.consultations.query(
      `UPDATE consultations SET asker_name = $5, asker_email = $6, tracking_code = $7
        WHERE id = $1::bigint AND asker_name = $2 AND asker_email = $3 AND tracking_code = $4`,
      [before.id, before.askerName, before.askerEmail, before.trackingCode, after.askerName, after.askerEmail, after.trackingCode],
    )) as [unknown, number];
    return count === 1;
  }
}
