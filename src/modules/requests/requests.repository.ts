import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { RequestDocument } from 'src/modules/requests/request-document.entity';
import { RequestEvent } from 'src/modules/requests/request-event.entity';
import { InformationRequest } from 'src/modules/requests/request.entity';

@Injectable()
export class RequestsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The next number of a unit for a year, gapless: the counter row is locked FOR UPDATE until the
   * transaction ends, and rolls back with it, so no number is skipped or given twice.
   */
  nextRegistrationSeq(m: EntityManager, unitId: number, year: number): Promise<number> {
    return this.nextSeq(m, 'registration_counters', unitId, year);
  }

  /** Letter numbers per unit and year, gapless like registration numbers. */
  nextLetterSeq(m: EntityManager, unitId: number, year: number): Promise<number> {
    return this.nextSeq(m, 'letter_counters', unitId, year);
  }

  private async nextSeq(m: EntityManager, table: 'registration_counters' | 'letter_counters', unitId: number, year: number): Promise<number> {
    await m.query(`INSERT INTO ${table} (unit_id, year, last_number) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING`, [unitId, year]);
    const [row] = (await m.query(`SELECT last_number FROM ${table} WHERE unit_id = $1 AND year = $2 FOR UPDATE`, [unitId, year])) as {
      last_number: number;
    }[];
    const next = row.last_number + 1;
    await m.query(`UPDATE ${table} SET last_number = $3 WHERE unit_id = $1 AND year = $2`, [unitId, year, next]);
    return next;
  }

  findBySubmissionKey(key: string): Promise<InformationRequest | null> {
    return this.dataSource.getRepository(InformationRequest).findOneBy({ submissionKey: key });
  }

  findByRegistrationNumber(number: string): Promise<InformationRequest | null> {
    return this.dataSource.getRepository(InformationRequest).findOneBy({ registrationNumber: number });
  }

  /** Events in the order they happened; only the public ones for the requester's view. */
  findTimeline(requestId: string, publicOnly: boolean): Promise<RequestEvent[]> {
    return this.dataSource.getRepository(RequestEvent).find({
      where: publicOnly ? { requestId, public: true } : { requestId },
      order: { id: 'ASC' },
    });
  }

  insertRequest(m: EntityManager, request: Partial<InformationRequest>): Promise<InformationRequest> {
    return m.getRepository(InformationRequest).save(m.getRepository(InformationRequest).create(request));
  }

  insertEvent(m: EntityManager, event: Partial<RequestEvent>): Promise<RequestEvent> {
    return m.getRepository(RequestEvent).save(m.getRepository(RequestEvent).create({ public: true, data: {}, ...event }));
  }

  findById(id: string): Promise<InformationRequest | null> {
    if (!/^\d{1,18}$/.test(id)) return Promise.resolve(null);
    return this.dataSource.getRepository(InformationRequest).findOneBy({ id });
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

  insertDocument(m: EntityManager, doc: Partial<RequestDocument>): Promise<RequestDocument> {
    return m.getRepository(RequestDocument).save(m.getRepository(RequestDocument).create(doc));
  }

  findDocuments(requestId: string): Promise<RequestDocument[]> {
    return this.dataSource.getRepository(RequestDocument).find({ where: { requestId }, order: { id: 'ASC' } });
  }

  findDocument(requestId: string, documentId: string): Promise<RequestDocument | null> {
    if (!/^\d{1,18}$/.test(documentId)) return Promise.resolve(null);
    return this.dataSource.getRepository(RequestDocument).findOneBy({ requestId, id: documentId });
  }

  findDocumentById(documentId: string): Promise<RequestDocument | null> {
    if (!/^\d{1,18}$/.test(documentId)) return Promise.resolve(null);
    return this.dataSource.getRepository(RequestDocument).findOneBy({ id: documentId });
  }
}
