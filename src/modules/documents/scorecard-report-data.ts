/**
 * What the scorecards hand to the DocumentsService for the report to the Governor. Plain data
 * (text and SVG strings) like every document's: already formatted in Bahasa Indonesia.
 */
import { FieldRow } from './document-data';

/** A chart already rendered to SVG (vega-lite), with its natural size in points. */
export interface SvgChart {
  svg: string;
  width: number;
  height: number;
}

export interface ReportTable {
  caption?: string;
  columns: { header: string; width: number }[];
  rows: string[][];
}

export type ScorecardReportSection =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; muted?: boolean }
  | { kind: 'fields'; rows: FieldRow[] }
  | ({ kind: 'table' } & ReportTable)
  | { kind: 'chart'; caption: string; chart: SvgChart; note?: string };

/** One body's page: it always fits one page, the list of PPID units cut short with a note if need be. */
export interface ScorecardBodyPage {
  /** e.g. '35.78 · Pemerintah Kota Surabaya' */
  title: string;
  sections: ScorecardReportSection[];
  /** The PPID units, last on the page. */
  units: ReportTable;
  /** Printed under a shortened units table; '{n}' stands for the number of units left out. */
  unitsOverflowNote: string;
}

export interface ScorecardReportData {
  /** Document title (file properties). */
  title: string;
  /** Who issues it, e.g. 'Pemerintah Provinsi Jawa Timur'. */
  authority: string;
  cover: {
    title: string;
    subtitle: string;
    /** The period, e.g. 'Triwulan I 2025 (1 Januari – 31 Maret 2025)'. */
    period: string;
    /** The figures of the province at a glance. */
    figures: FieldRow[];
    /** When made, data as of, where to find it on line. */
    lines: string[];
    /** What the index is and is not: never the Komisi Informasi's monev result. */
    disclaimer: string;
  };
  /** Each part starts on a new page. */
  method: ScorecardReportSection[];
  ranking: ScorecardReportSection[];
  charts: ScorecardReportSection[];
  bodies: ScorecardBodyPage[];
  /** Beside the page number on every page. */
  footer: string;
}
