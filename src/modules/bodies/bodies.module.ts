import { Module } from '@nestjs/common';
import { AuditModule } from 'src/modules/audit';
import { BodiesAdminRepository } from './admin/bodies-admin.repository';
import { UnitsAdminPagesController } from './admin/units-admin-pages.controller';
import { UnitsAdminService } from './admin/units-admin.service';
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
 * written only here (administration through BodiesAdminRepository: /admin/unit, /admin/badan/:id).
 * Loads the province's reference data at start.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Region, PublicBody, PpidUnit]), AuditModule],
  controllers: [BodiesApiController, HomePageController, UnitsAdminPagesController],
  providers: [BodiesRepository, BodiesService, UnitsRepository, BodiesReferenceData, BodiesAdminRepository, UnitsAdminService],
  exports: [BodiesService, UnitsRepository, BodiesAdminRepository],
})
export class BodiesModule {}
