import { Injectable } from '@nestjs/common';
import { AppConfig } from 'src/config/app-config';
import { BodiesService, letterDetailsOf, UnitsRepository } from 'src/modules/bodies';
import { DocumentsService } from 'src/modules/documents';
import { reportDocument } from './annual-report.presenter';
import { AnnualReportView } from './annual-reports.service';

/** The report's PDF, under the letterhead of the body's PPID Utama. Rendered on request, never on a list. */
@Injectable()
export class AnnualReportDocuments {
  constructor(
    private readonly documents: DocumentsService,
    private readonly bodies: BodiesService,
    private readonly units: UnitsRepository,
    private readonly config: AppConfig,
  ) {}

  async render(report: AnnualReportView, now: Date): Promise<Buffer> {
    const utama = await this.units.findBodyWithUtama(report.body.id);
    const unit = utama ? await this.bodies.findActiveUnit(utama.id) : null;
    const kopLines = unit ? letterDetailsOf(unit).kopLines : [];
    return this.documents.renderReport(reportDocument(report, unit?.name ?? 'PPID', kopLines, this.config.provinceTimeZone, now));
  }
}
