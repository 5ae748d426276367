import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from 'src/modules/auth';
import { BodiesModule } from 'src/modules/bodies';
import { CalendarModule } from 'src/modules/calendar';
import { DocumentsModule } from 'src/modules/documents';
import { FilesModule } from 'src/modules/files';
import { RequestsModule, WithheldInformationRegister } from 'src/modules/requests';
import { DipExemptionsService } from './dip-exemptions.service';
import { DipApiController } from './dip-api.controller';
import { DipDeskNoticeSource } from './dip-desk-notices';
import { DipItem } from './dip-item.entity';
import { DipPagesController } from './dip-pages.controller';
import { DipPublicController } from './dip-public.controller';
import { DipRepository } from './dip.repository';
import { DipService } from './dip.service';

/**
 * The Daftar Informasi Publik (tables dip_items, dip_item_files, dip_item_history): kept by the
 * PPID officers on /petugas/dip, published on /dip/<code> with PDF and XLSX, and at /api/v1/dip. The
 * register of exempted information grows from refusals (dip_exemption_sources) and opens by decision
 * or when its end date passes (DipExemptionsService).
 */
@Module({
  imports: [TypeOrmModule.forFeature([DipItem]), AuthModule, BodiesModule, CalendarModule, DocumentsModule, FilesModule, RequestsModule],
  controllers: [DipApiController, DipPagesController, DipPublicController],
  providers: [DipRepository, DipService, DipExemptionsService, DipDeskNoticeSource],
  exports: [DipService, DipExemptionsService],
})
export class DipModule implements OnModuleInit {
  constructor(
    private readonly withheld: WithheldInformationRegister,
    private readonly exemptions: DipExemptionsService,
  ) {}

  /** A refusal's consequence test adds or joins an exempted item, in the refusal's transaction. */
  onModuleInit(): void {
    this.withheld.register(this.exemptions);
  }
}
