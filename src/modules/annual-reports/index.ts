/** The annual-reports module's public surface: other modules import only from here. */
export { annualReportDeadline, buildAnnualFigures } from './annual-figures';
export type { AnnualFigures, ObjectionFigures } from './annual-figures';
export type { Narrative } from './annual-reports.repository';
export { AnnualReportsModule } from './annual-reports.module';
export { AnnualReportsService } from './annual-reports.service';
