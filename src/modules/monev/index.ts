/** The monev module's public surface: other modules import only from here. */
export { MonevModule } from './monev.module';
export { MonevService } from './monev.service';
export type { MonevImport, MonevStoredRow } from './monev.service';
export type { MonevResult } from './monev.repository';
export { MONEV_QUALIFICATIONS, QUALIFICATION_LABELS, QUALIFICATION_RANGES, formatScore } from './monev-rules';
export type { MonevQualification } from './monev-rules';
