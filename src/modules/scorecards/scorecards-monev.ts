import { Injectable } from '@nestjs/common';
import { MonevQualification, MonevResult, MonevService } from 'src/modules/monev';
import { Correlation, correlate } from './scorecard-correlation';
import { Period } from './scorecard-period';
import { ProvinceScorecards } from './scorecards.service';

/** The Komisi Informasi's monev result of a body, shown beside the portal's index (never merged). */
export interface MonevScore {
  year: number;
  score: number;
  qualification: MonevQualification;
}

/** The monev results of the period's year beside a ranking, and how the two agree. */
export interface MonevBeside {
  year: number;
  /** By body id; a body missing here has no imported result for the year. */
  results: ReadonlyMap<number, MonevScore>;
  /** Over the bodies with enough data for an index and a monev result. */
  correlation: Correlation;
}

/** The monev year matching a period: its year, or the year its last day falls in. */
export function monevYearOf(period: Period): number {
  return period.year ?? Number(period.to.slice(0, 4));
}

/** Pairs each ranked body's service index with its monev score of the same year. */
export function monevBeside(p: ProvinceScorecards, results: readonly MonevResult[]): MonevBeside {
  const year = monevYearOf(p.period);
  const byBody = new Map<number, MonevScore>(results.filter((r) => r.year === year).map((r) => [r.bodyId, { year, score: r.score, qualification: r.qualification }]));
  const pairs = p.bodies.flatMap((c) => {
    const m = byBody.get(c.body.id);
    return c.enoughData && c.index.index !== null && m ? [{ x: c.index.index, y: m.score }] : [];
  });
  return { year, results: byBody, correlation: correlate(pairs) };
}

/** Reads the imported monev results for a ranking through the monev module. */
@Injectable()
export class ScorecardsMonev {
  constructor(private readonly monev: MonevService) {}

  async beside(p: ProvinceScorecards): Promise<MonevBeside> {
    return monevBeside(p, await this.monev.resultsOfYear(monevYearOf(p.period)));
  }
}
