import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from 'src/modules/audit';
import { AuthModule } from 'src/modules/auth';
import { BodiesModule } from 'src/modules/bodies';
import { DocumentsModule } from 'src/modules/documents';
import { ObjectionRecordsModule } from 'src/modules/objections';
import { RegistersModule } from 'src/modules/registers';
import { AnnualReportDesk } from './annual-report-desk';
import { AnnualReportDocuments } from './annual-report-documents';
import { AnnualReport } from './annual-report.entity';
import { AnnualReportPagesController } from './annual-report-pages.controller';
import { AnnualReportPublicController } from './annual-report-public.controller';
import { AnnualReportsApiController } from './annual-reports-api.controller';
import { AnnualReportsRepository } from './annual-reports.repository';
import { AnnualReportsService } from './annual-reports.service';

/**
 * Laporan layanan informasi publik (table annual_reports); its deadline goes on the officers' desk
 * through the desk notice board.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AnnualReport]), AuditModule, AuthModule, BodiesModule, DocumentsModule, ObjectionRecordsModule, RegistersModule],
  controllers: [AnnualReportPagesController, AnnualReportPublicController, AnnualReportsApiController],
  providers: [AnnualReportsRepository, AnnualReportsService, AnnualReportDocuments, AnnualReportDesk],
  exports: [AnnualReportsService],
})
export class AnnualReportsModule {}
