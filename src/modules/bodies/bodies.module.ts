import { Module } from '@nestjs/common';
import { AuditModule } from 'src/modules/audit';
import { BodiesAdminRepository } from './admin/bodies-admin.repository';
import { UnitsAdminPagesController } from './admin/units-admin-pages.controller';
import { UnitsAdminService } from './admin/units-admin.service';
import { BodiesApiController, HomePageController } from './bodies.controller';
import { BodiesRepository } from './bodies.repository';
import { BodiesService } from './bodies.service';

/**
 * Badan publik and their PPID units: the public list and pages, and their administration
 * (/admin/unit, /admin/badan/:id), whose writes go through BodiesAdminRepository alone.
 */
@Module({
  imports: [AuditModule],
  controllers: [BodiesApiController, HomePageController, UnitsAdminPagesController],
  providers: [BodiesRepository, BodiesService, BodiesAdminRepository, UnitsAdminService],
  exports: [BodiesService, BodiesAdminRepository],
})
export class BodiesModule {}
