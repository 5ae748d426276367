import { LocalDate } from 'src/common/time/local-time';
import { Period } from './scorecard-period';
import { PublicInformationFigures } from './scorecard-public-information';

/** Keberatan and sengketa figures of one body or unit for a period (requests received in it). */
export interface ObjectionFigures {
  /** Keberatan filed on the period's requests. */
  objections: number;
  /** The period's requests with at least one keberatan (the numerator of the keberatan rate). */
  requestsObjected: number;
  /** Keberatan decided in the requester's favour, in full or in part (the refusal or answer overturned). */
  overturned: number;
  /** Keberatan answered by the atasan PPID at all (the base of the share overturned). */
  answered: number;
  /** Keberatan answered within the atasan PPID's 30 working days (on or before the due date). */
  answeredOnTime: number;
  /** Keberatan not answered and past the atasan's due date today: late too. */
  overdue: number;
  /** Sengketa filed at the Komisi Informasi on the period's requests. */
  disputes: number;
  /** The period's requests with at least one sengketa (the numerator of the sengketa rate). */
  requestsDisputed: number;
}

/** A body's annual report (laporan layanan informasi) of `reportYear`, due by `deadline` (31 March after it). */
export interface AnnualReportStanding {
  reportYear: number;
  deadline: LocalDate;
  /** The day it was published, in the body's zone; null while unpublished. */
  publishedOn: LocalDate | null;
  /** Published by the deadline; false when published later or not at all after it; null while not yet due and unpublished. */
  onTime: boolean | null;
}

/** Keberatan figures per PPID unit (the unit handling the request), with its body. */
export interface UnitObjectionFigures extends ObjectionFigures {
  unitId: number;
  bodyId: number;
}

/**
 * Where the scorecards read data the requests do not hold. Each method answers, or null when the
 * portal does not keep that data: the metric is then shown as not available and its weight is
 * shared out over the others.
 */
export interface ComplianceSources {
  /** Keberatan and sengketa of the period's requests per unit, as they stand on `today`. */
  objections(period: Period, today: LocalDate): Promise<readonly UnitObjectionFigures[] | null>;
  /** Whether each body published its annual report of `year − 1` by 31 March of `year`, seen on `today`. */
  annualReports(year: number, bodyIds: readonly number[], today: LocalDate): Promise<ReadonlyMap<number, AnnualReportStanding> | null>;
  /**
   * Information already public for `period`, as it stood at the end of `asOf` (the period's last
   * day, or today while it runs): per metric of PUBLIC_INFORMATION_METRICS, k of n for each of
   * `bodyIds`; a metric the portal does not keep is left out of the map.
   */
  publicInformation(period: Period, asOf: LocalDate, bodyIds: readonly number[]): Promise<PublicInformationFigures>;
}

export const COMPLIANCE_SOURCES = Symbol('COMPLIANCE_SOURCES');
