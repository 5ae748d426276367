import { Period } from './scorecard-period';

/** Keberatan and sengketa figures of one body for a period (requests received in it). */
export interface ObjectionFigures {
  /** Keberatan filed on the period's requests. */
  objections: number;
  /** Keberatan decided in the requester's favour (the refusal or answer overturned). */
  overturned: number;
  /** Keberatan answered by the atasan PPID within its 30 working days. */
  answeredOnTime: number;
  /** Keberatan answered at all (the base of answeredOnTime). */
  answered: number;
  /** Sengketa filed at the Komisi Informasi on the period's requests. */
  disputes: number;
}

/**
 * Where the scorecards read data the requests do not hold. Each method answers per body id, or
 * null when the portal does not keep that data yet: the metric is then shown as not available
 * and its weight is shared out over the others.
 */
export interface ComplianceSources {
  objections(period: Period, bodyIds: readonly number[]): Promise<ReadonlyMap<number, ObjectionFigures> | null>;
  /** Whether each body published its annual report (laporan layanan informasi) of `year − 1` by 31 March of `year`. */
  annualReports(year: number, bodyIds: readonly number[]): Promise<ReadonlyMap<number, boolean> | null>;
}

export const COMPLIANCE_SOURCES = Symbol('COMPLIANCE_SOURCES');

/** The portal keeps no keberatan and no annual reports yet: both are not available. */
export class NoComplianceSources implements ComplianceSources {
  objections(): Promise<null> {
    return Promise.resolve(null);
  }

  annualReports(): Promise<null> {
    return Promise.resolve(null);
  }
}
