import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from 'src/modules/audit';
import { BodiesModule } from 'src/modules/bodies';
import { MonevApiController } from './monev-api.controller';
import { MonevPagesController } from './monev-pages.controller';
import { MonevResultEntity } from './monev-result.entity';
import { MonevRepository } from './monev.repository';
import { MonevService } from './monev.service';

/** The Komisi Informasi's monev results (table monev_results), imported by the bureau from CSV. */
@Module({
  imports: [TypeOrmModule.forFeature([MonevResultEntity]), AuditModule, BodiesModule],
  controllers: [MonevPagesController, MonevApiController],
  providers: [MonevRepository, MonevService],
  exports: [MonevService],
})
export class MonevModule {}
