import { ScorecardMetrics } from './scorecard-metrics';
import { Rate } from './scorecard-stats';
import { MonevBeside } from './scorecards-monev';
import { publicInformationCells, publicInformationColumns } from './scorecards-public-information.presenter';
import { ProvinceScorecards } from './scorecards.service';

/** The keberatan rates: each as k, n and its 95% Wilson interval in percent. */
const OBJECTION_RATES = ['permohonan_dengan_keberatan', 'keberatan_dikabulkan', 'keberatan_tepat_waktu', 'permohonan_sampai_sengketa'] as const;

function complianceColumns(): string[] {
  return [
    'keberatan',
    'sengketa',
    ...OBJECTION_RATES.flatMap((r) => [`${r}_k`, `${r}_n`, `${r}_ik95_bawah`, `${r}_ik95_atas`]),
    'laporan_tahunan_tepat_waktu',
    'laporan_tahunan_terbit',
  ];
}

export const SCORECARD_COLUMNS = ['kode', 'badan_publik', 'peringkat', 'indeks_layanan_portal', 'kategori', 'permohonan', 'tepat_waktu_k', 'tepat_waktu_n', 'tepat_waktu_persen', 'tersampaikan_k', 'tersampaikan_n', 'median_hari_kerja', 'p90_hari_kerja', 'perpanjangan_k', 'ditolak_k', 'dijawab_n', 'penolakan_beralasan_k', 'terlambat_akhir_periode', 'indeks_periode_sebelumnya', ...complianceColumns(), ...publicInformationColumns(), 'monev_ki_tahun', 'monev_ki_nilai', 'monev_ki_kualifikasi'];

const pct = (v: number | null): number | null => (v === null ? null : Number((v * 100).toFixed(1)));
const rateCells = (r: Rate | undefined): (number | null)[] => (r ? [r.k, r.n, pct(r.low), pct(r.high)] : [null, null, null, null]);

/** The keberatan, sengketa and annual report cells of a body: empty where the portal keeps no such data. */
function complianceCells(m: ScorecardMetrics): (string | number | null)[] {
  const o = m.objections;
  const report = m.annualReport;
  return [
    o ? o.objections : null,
    o ? o.disputes : null,
    ...rateCells(o?.objectionRate),
    ...rateCells(o?.overturned),
    ...rateCells(o?.answeredOnTime),
    ...rateCells(o?.disputeRate),
    report === null ? null : report.onTime === null ? 'belum_jatuh_tempo' : report.onTime ? 'ya' : 'tidak',
    report?.publishedOn ?? null,
  ];
}

function cell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  // Text that a spreadsheet would read as a formula is quoted with a leading apostrophe.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * One row per body, in the columns of SCORECARD_COLUMNS (null for an empty cell). The monev
 * columns hold the Komisi Informasi's result of the year as imported, apart from the index.
 */
export function scorecardRows(p: ProvinceScorecards, monev: MonevBeside | null = null): (string | number | null)[][] {
  return p.bodies.map((c) => {
    const m = c.metrics;
    const ki = monev?.results.get(c.body.id);
    return [
        c.body.code,
        c.body.name,
        c.rank,
        c.enoughData ? c.index.index : null,
        c.enoughData ? c.band : 'data_belum_cukup',
        m.received,
        m.onTime.k,
        m.onTime.n,
        m.onTime.value === null ? null : Number((m.onTime.value * 100).toFixed(1)),
        m.completion.k,
        m.completion.n,
        m.daysToNotice.median,
        m.daysToNotice.p90,
        m.extension.k,
        m.refusal.k,
        m.refusal.n,
        m.justifiedRefusal.k,
        m.overdueAtEnd,
        c.previousIndex,
        ...complianceCells(m),
        ...publicInformationCells(m.publicInformation),
        ki ? ki.year : null,
        ki ? ki.score : null,
        ki ? ki.qualification : null,
      ];
  });
}

/** The ranking as CSV (one line per body, rates as counts and percentages with a dot). */
export function scorecardsCsv(p: ProvinceScorecards, monev: MonevBeside | null = null): string {
  const lines = [SCORECARD_COLUMNS.join(','), ...scorecardRows(p, monev).map((r) => r.map(cell).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
