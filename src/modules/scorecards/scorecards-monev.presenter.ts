import { formatScore, QUALIFICATION_LABELS } from 'src/modules/monev';
import { MIN_CORRELATION_PAIRS, correlationStrength } from './scorecard-correlation';
import { MonevBeside, MonevScore } from './scorecards-monev';
import { ScorecardRowView } from './scorecards.presenter';
import { ProvinceScorecards } from './scorecards.service';

export const MONEV_LABEL = 'Hasil monev Komisi Informasi';

export interface MonevCellView {
  score: string;
  qualification: string;
  has: boolean;
}

export interface CorrelationView {
  year: number;
  n: number;
  shown: boolean;
  pearson: string;
  spearman: string;
  sentence: string;
}

function coefficient(r: number | null): string {
  return r === null ? '—' : r.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function monevCell(m: MonevScore | undefined): MonevCellView {
  return m ? { score: formatScore(m.score), qualification: QUALIFICATION_LABELS[m.qualification], has: true } : { score: '—', qualification: 'belum diimpor', has: false };
}

/** The coefficients with a sentence saying what they mean, or why they are not shown. */
export function correlationView(m: MonevBeside): CorrelationView {
  const c = m.correlation;
  const base = { year: m.year, n: c.n, pearson: coefficient(c.pearson), spearman: coefficient(c.spearman) };
  if (c.n < MIN_CORRELATION_PAIRS) {
    return {
      ...base,
      shown: false,
      sentence: `Korelasi tidak ditampilkan: baru ${c.n} badan publik yang memiliki indeks layanan portal dan hasil monev ${m.year}; paling sedikit ${MIN_CORRELATION_PAIRS}.`,
    };
  }
  if (c.spearman === null || c.pearson === null) {
    return { ...base, shown: false, sentence: `Korelasi tidak dapat dihitung: nilai salah satu ukuran sama untuk semua ${c.n} badan publik.` };
  }
  const strength = correlationStrength(c.spearman);
  const direction =
    strength === 'hampir tidak ada'
      ? 'urutan badan publik menurut indeks portal hampir tidak berkaitan dengan urutan menurut nilai monev'
      : c.spearman > 0
        ? 'badan publik dengan indeks portal lebih tinggi cenderung juga mendapat nilai monev lebih tinggi'
        : 'badan publik dengan indeks portal lebih tinggi cenderung mendapat nilai monev lebih rendah';
  return {
    ...base,
    shown: true,
    sentence: `Hubungan ${strength} (Spearman ρ = ${base.spearman}, Pearson r = ${base.pearson}, n = ${c.n}): ${direction}. Korelasi bukan sebab-akibat; kedua ukuran menilai hal yang berbeda (monev menilai kelengkapan dan kesiapan PPID, indeks portal menilai layanan permohonan yang tercatat di portal), dan dengan n kecil angkanya belum pasti.`,
  };
}

export type MonevRowView = ScorecardRowView & { monev: MonevCellView };

/** The ranking rows with each body's monev result of the year beside them. */
export function rowsWithMonev(rows: ScorecardRowView[], p: ProvinceScorecards, m: MonevBeside): MonevRowView[] {
  const idOf = new Map(p.bodies.map((c) => [c.body.code, c.body.id]));
  return rows.map((r) => ({ ...r, monev: monevCell(m.results.get(idOf.get(r.code) as number)) }));
}

export interface MonevApiFields {
  monevYear: number;
  monevLabel: string;
  correlation: { n: number; pearson: number | null; spearman: number | null };
}

/** The API's top-level monev fields: the year, the label and the correlation (null coefficients when not shown). */
export function monevApiFields(m: MonevBeside): MonevApiFields {
  return {
    monevYear: m.year,
    monevLabel: `${MONEV_LABEL} (data eksternal, tidak digabung ke indeks layanan portal)`,
    correlation: { n: m.correlation.n, pearson: m.correlation.pearson, spearman: m.correlation.spearman },
  };
}
