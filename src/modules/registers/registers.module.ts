import { Module } from '@nestjs/common';
import { AuditModule } from 'src/modules/audit';
import { AuthModule } from 'src/modules/auth';
import { BodiesModule } from 'src/modules/bodies';
import { CalendarModule } from 'src/modules/calendar';
import { DocumentsModule } from 'src/modules/documents';
import { FilesModule } from 'src/modules/files';
import { ObjectionRecordsModule } from 'src/modules/objections';
import { RegisterApiController } from './register-api.controller';
import { RegisterPagesController } from './register-pages.controller';
import { RegistersRepository } from './registers.repository';
import { RegistersService } from './registers.service';

/**
 * Registers a body keeps: the register permohonan (read from the requests' tables) and the register
 * keberatan (read through the objections module's repository). Owns no table.
 */
@Module({
  imports: [AuditModule, AuthModule, BodiesModule, CalendarModule, DocumentsModule, FilesModule, ObjectionRecordsModule],
  controllers: [RegisterPagesController, RegisterApiController],
  providers: [RegistersRepository, RegistersService],
  exports: [RegistersService],
})
export class RegistersModule {}
