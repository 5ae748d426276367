import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { Dispute } from './dispute.entity';
import { Objection } from './objection.entity';

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
}
