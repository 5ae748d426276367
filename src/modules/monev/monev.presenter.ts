import { formatInstant } from 'src/common/views/view-helpers';
import { MonevYear } from './monev.repository';
import { MONEV_QUALIFICATIONS, QUALIFICATION_LABELS, QUALIFICATION_RANGES, formatScore } from './monev-rules';
import { MonevImport } from './monev.service';

export interface MonevImportReportView {
  fileName: string;
  storedCount: number;
  replacedCount: number;
  rejectedCount: number;
  years: string;
  stored: { line: number; year: number; code: string; bodyName: string; score: string; qualification: string; replaced: string }[];
  rejected: { line: number; reason: string }[];
}

export interface MonevPageView {
  title: string;
  years: { year: number; bodies: number; lastImportedAt: string; href: string }[];
  bands: { label: string; range: string }[];
  report: MonevImportReportView | null;
}

export function presentImportReport(r: MonevImport): MonevImportReportView {
  return {
    fileName: r.fileName,
    storedCount: r.stored.length,
    replacedCount: r.stored.filter((s) => s.replaced).length,
    rejectedCount: r.rejected.length,
    years: r.years.join(', '),
    stored: r.stored.map((s) => ({
      line: s.line,
      year: s.year,
      code: s.code,
      bodyName: s.bodyName,
      score: formatScore(s.score),
      qualification: QUALIFICATION_LABELS[s.qualification],
      replaced: s.replaced ? `Menggantikan ${formatScore(s.replaced.score)} (${QUALIFICATION_LABELS[s.replaced.qualification]})` : 'Baru',
    })),
    rejected: r.rejected.map((x) => ({ line: x.line, reason: x.reason })),
  };
}

export function monevPageView(years: MonevYear[], timeZone: string, report: MonevImport | null): MonevPageView {
  return {
    title: 'Impor hasil monev Komisi Informasi',
    years: years.map((y) => ({ year: y.year, bodies: y.bodies, lastImportedAt: formatInstant(y.lastImportedAt, timeZone), href: `/peringkat?tahun=${y.year}` })),
    bands: MONEV_QUALIFICATIONS.map((q) => ({ label: QUALIFICATION_LABELS[q], range: QUALIFICATION_RANGES[q] })),
    report: report ? presentImportReport(report) : null,
  };
}
