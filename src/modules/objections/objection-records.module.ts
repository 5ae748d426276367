import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Dispute } from './dispute.entity';
import { Objection } from './objection.entity';
import { ObjectionsRepository } from './objections.repository';

/**
 * The objections' records without their pages: tables objections, disputes and objection_counters
 * (written only through ObjectionsRepository). ObjectionsModule adds the use cases; the key
 * rotation uses this part alone.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Objection, Dispute])],
  providers: [ObjectionsRepository],
  exports: [ObjectionsRepository],
})
export class ObjectionRecordsModule {}
