import { PUBLIC_INFORMATION_METRICS, PublicInformationMetric, PublicInformationMetrics } from './scorecard-public-information';
import { Rate } from './scorecard-stats';

/** How each metric of information already public is named and explained wherever it is shown: one entry per metric. */
export interface PublicInformationLabel {
  /** The metric's and the index part's name. */
  name: string;
  /** The column heading in tables. */
  heading: string;
  /** The index part's score. */
  formula: string;
  /** The methodology page's definition. */
  numerator: string;
  denominator: string;
  note: string;
  /** Prefix of its CSV and XLSX columns (`_k`, `_n`, `_persen`, `_ik95_bawah`, `_ik95_atas`). */
  csv: string;
}

export const PUBLIC_INFORMATION_LABELS: Record<PublicInformationMetric, PublicInformationLabel> = {
  dipCompleteness: {
    name: 'Kelengkapan DIP',
    heading: 'Kelengkapan DIP',
    formula: 'persentase dari 2 kategori wajib DIP (berkala, Pasal 9; setiap saat, Pasal 11) yang terisi pada hari terakhir periode',
    numerator: 'kategori wajib (informasi berkala, Pasal 9; informasi tersedia setiap saat, Pasal 11) dengan paling sedikit satu informasi aktif dalam DIP badan publik pada akhir hari terakhir periode (atau hari ini bila periode masih berjalan)',
    denominator: '2 kategori wajib',
    note: 'Informasi serta merta (Pasal 10) tidak diwajibkan: ia diumumkan ketika ada keadaan yang mengancam hajat hidup orang banyak dan ketertiban umum, jadi badan publik yang tidak mengalaminya tidak punya yang harus dicantumkan. Informasi yang dikecualikan (Pasal 17) juga tidak. DIP dibaca sebagaimana keadaannya pada hari itu menurut riwayat setiap informasi.',
    csv: 'dip_kelengkapan',
  },
  dipFreshness: {
    name: 'Informasi berkala mutakhir',
    heading: 'Berkala mutakhir',
    formula: 'persentase informasi berkala yang belum lewat batas pemutakhirannya pada hari terakhir periode',
    numerator: 'informasi berkala aktif yang pada akhir hari terakhir periode (atau hari ini) belum terlambat diperbarui: batasnya jangka waktu pemutakhiran (1, 3 atau 6 bulan) sesudah pemutakhiran terakhir, digeser ke hari kerja berikutnya bila jatuh pada hari libur; terlambat mulai hari sesudahnya',
    denominator: 'informasi berkala aktif badan publik pada hari itu',
    note: 'Pemutakhiran terakhir, jangka waktu dan kategori dibaca sebagaimana pada hari itu dari riwayat informasi: informasi yang terlambat pada akhir periode tetap terhitung terlambat untuk periode itu walaupun sudah diperbarui sesudahnya.',
    csv: 'dip_berkala_mutakhir',
  },
  answersPublished: {
    name: 'Jawaban yang dipublikasikan',
    heading: 'Jawaban terbit',
    formula: 'persentase permohonan dikabulkan yang jawabannya terbit',
    numerator: 'permohonan yang diterima dalam periode, dikabulkan seluruhnya atau sebagian, dan jawabannya kini dipublikasikan di /jawaban (tanpa data pribadi, dengan persetujuan pemohon; tidak ditarik petugas)',
    denominator: 'permohonan yang diterima dalam periode dan dikabulkan seluruhnya atau sebagian (tidak ditarik sebelum pemberitahuan)',
    note: 'Jawaban hanya dipublikasikan bila pemohon menyetujuinya, jadi angka ini mencerminkan pilihan pemohon sekaligus kerja badan publik; karena itu bobot bawaannya 0 (ditampilkan, tidak dihitung dalam indeks) sampai SCORECARD_WEIGHTS memberinya bobot.',
    csv: 'jawaban_terbit',
  },
};

export interface PublicInformationRateView {
  key: PublicInformationMetric;
  name: string;
  heading: string;
  text: string;
  detail: string;
}

/** Each metric the portal keeps, in order, presented with the caller's rate wording. */
export function publicInformationViews(m: PublicInformationMetrics, present: (r: Rate) => { text: string; detail: string }): PublicInformationRateView[] {
  return PUBLIC_INFORMATION_METRICS.flatMap((key) => {
    const r = m[key];
    if (r === undefined) return [];
    const { name, heading } = PUBLIC_INFORMATION_LABELS[key];
    return [{ key, name, heading, ...present(r) }];
  });
}

/** The CSV columns of the public-information metrics. */
export function publicInformationColumns(): string[] {
  return PUBLIC_INFORMATION_METRICS.flatMap((key) => {
    const p = PUBLIC_INFORMATION_LABELS[key].csv;
    return [`${p}_k`, `${p}_n`, `${p}_persen`, `${p}_ik95_bawah`, `${p}_ik95_atas`];
  });
}

const pct = (v: number | null): number | null => (v === null ? null : Number((v * 100).toFixed(1)));

/** A body's public-information cells, in the order of publicInformationColumns (empty where not kept). */
export function publicInformationCells(m: PublicInformationMetrics): (number | null)[] {
  return PUBLIC_INFORMATION_METRICS.flatMap((key) => {
    const r = m[key];
    return r ? [r.k, r.n, pct(r.value), pct(r.low), pct(r.high)] : [null, null, null, null, null];
  });
}
