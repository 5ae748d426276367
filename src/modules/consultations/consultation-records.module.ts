import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Consultation } from './consultation.entity';
import { ConsultationsRepository } from './consultations.repository';

/**
 * The consultations' records without their pages: tables consultations and consultation_counters
 * (written only through ConsultationsRepository). ConsultationsModule adds the use cases; the key
 * rotation and the demo data use this part alone.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Consultation])],
  providers: [ConsultationsRepository],
  exports: [ConsultationsRepository],
})
export class ConsultationRecordsModule {}
