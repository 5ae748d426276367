import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntry } from './audit-entry.entity';
import { AuditPagesController } from './audit-pages.controller';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

/**
 * The append-only audit trail. Other modules import `src/modules/audit` (index.ts) and call
 * AuditService.record() inside the transaction of each administrative change, and before
 * personal data leaves the server.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry])],
  controllers: [AuditPagesController],
  providers: [AuditRepository, AuditService],
  exports: [AuditService],
})
export class AuditModule {}
