import { DEFAULT_SCORECARD_WEIGHTS } from 'src/config/scorecard-weights';
import { componentScores, serviceIndex } from './scorecard-index';
import { computeMetrics, ZERO_COUNTS } from './scorecard-metrics';
import { quarterPeriod, yearPeriod } from './scorecard-period';
import { monevBeside, monevYearOf } from './scorecards-monev';
import { correlationView } from './scorecards-monev.presenter';
import { BodyScorecard, ProvinceScorecards } from './scorecards.service';

function card(id: number, onTime: number, enoughData = true): BodyScorecard {
  const metrics = computeMetrics({ ...ZERO_COUNTS, received: 10, settled: 10, decided: 10, onTime }, [], null, null);
  const scores = componentScores(metrics);
  return { body: { id, code: `35.${id}`, name: `Badan ${id}`, kind: 'kota' }, metrics, scores, index: serviceIndex(scores, DEFAULT_SCORECARD_WEIGHTS), enoughData, rank: null, band: null, previousIndex: null };
}

function province(bodies: BodyScorecard[]): ProvinceScorecards {
  return {
    period: quarterPeriod(2024, 2),
    previous: quarterPeriod(2024, 1),
    asOf: '2024-06-30',
    refreshedAt: null,
    minRequests: 5,
    weights: DEFAULT_SCORECARD_WEIGHTS,
    notAvailable: [],
    bodies,
    province: computeMetrics(ZERO_COUNTS, [], null, null),
    medians: { index: null, onTime: null, completion: null, daysToNotice: null },
  };
}

const result = (bodyId: number, score: number, year = 2024) => ({ year, bodyId, score, qualification: 'informatif' as const, importedAt: new Date(0) });

describe('monevBeside', () => {
  it('should take the monev year of a period from its year or its last day', () => {
    expect(monevYearOf(yearPeriod(2023))).toBe(2023);
    expect(monevYearOf({ kind: 'range', year: null, quarter: null, from: '2023-12-01', to: '2024-01-31' })).toBe(2024);
  });

  it('should pair only bodies with enough data and a result of the same year', () => {
    const p = province([card(71, 2), card(72, 5), card(73, 8), card(74, 10, false), card(75, 9)]);
    const m = monevBeside(p, [result(71, 40), result(72, 60), result(73, 80), result(74, 99), result(75, 10, 2023)]);
    expect(m.year).toBe(2024);
    expect([...m.results.keys()].sort()).toEqual([71, 72, 73, 74]);
    expect(m.correlation.n).toBe(3);
    expect(m.correlation.spearman).toBeCloseTo(1, 12);
    const view = correlationView(m);
    expect(view.shown).toBe(true);
    expect(view.sentence).toMatch(/^Hubungan kuat \(Spearman ρ = 1,00, Pearson r = 1,00, n = 3\): badan publik dengan indeks portal lebih tinggi cenderung juga/);
  });

  it('should not show a correlation over fewer than three bodies', () => {
    const m = monevBeside(province([card(71, 2), card(72, 5)]), [result(71, 40), result(72, 60)]);
    const view = correlationView(m);
    expect(view).toMatchObject({ shown: false, n: 2, pearson: '—', spearman: '—' });
    expect(view.sentence).toBe('Korelasi tidak ditampilkan: baru 2 badan publik yang memiliki indeks layanan portal dan hasil monev 2024; paling sedikit 3.');
  });
});
