import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BodiesApiController, HomePageController } from './bodies.controller';
import { BodiesRepository } from './bodies.repository';
import { BodiesService } from './bodies.service';
import { PpidUnit } from './ppid-unit.entity';
import { PublicBody } from './public-body.entity';
import { BodiesReferenceData } from './reference-data';
import { Region } from './region.entity';
import { UnitsRepository } from './units.repository';

/**
 * Regions, public bodies and PPID units: the tables regions, public_bodies and ppid_units are
 * written only here. Loads the province's reference data at start.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Region, PublicBody, PpidUnit])],
  controllers: [BodiesApiController, HomePageController],
  providers: [BodiesRepository, BodiesService, UnitsRepository, BodiesReferenceData],
  exports: [BodiesService, UnitsRepository],
})
export class BodiesModule {}
