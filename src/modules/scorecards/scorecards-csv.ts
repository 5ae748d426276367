import { ProvinceScorecards } from './scorecards.service';

export const SCORECARD_COLUMNS = ['kode', 'badan_publik', 'peringkat', 'indeks_layanan_portal', 'kategori', 'permohonan', 'tepat_waktu_k', 'tepat_waktu_n', 'tepat_waktu_persen', 'tersampaikan_k', 'tersampaikan_n', 'median_hari_kerja', 'p90_hari_kerja', 'perpanjangan_k', 'ditolak_k', 'dijawab_n', 'penolakan_beralasan_k', 'terlambat_akhir_periode', 'indeks_periode_sebelumnya'];

function cell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  // Text that a spreadsheet would read as a formula is quoted with a leading apostrophe.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One row per body, in the columns of SCORECARD_COLUMNS (null for an empty cell). */
export function scorecardRows(p: ProvinceScorecards): (string | number | null)[][] {
  return p.bodies.map((c) => {
    const m = c.metrics;
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
      ];
  });
}

/** The ranking as CSV (one line per body, rates as counts and percentages with a dot). */
export function scorecardsCsv(p: ProvinceScorecards): string {
  const lines = [SCORECARD_COLUMNS.join(','), ...scorecardRows(p).map((r) => r.map(cell).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
