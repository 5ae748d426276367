import { formatInstant } from 'src/common/views/view-helpers';
import { INDEX_COMPONENTS } from 'src/config/scorecard-weights';
import { MONEV_QUALIFICATIONS, QUALIFICATION_LABELS, QUALIFICATION_RANGES } from 'src/modules/monev';
import { MIN_CORRELATION_PAIRS } from './scorecard-correlation';
import { PUBLIC_INFORMATION_METRICS } from './scorecard-public-information';
import { PUBLIC_INFORMATION_LABELS } from './scorecards-public-information.presenter';
import { ScorecardMethod } from './scorecards-methodology';
import { COMPONENT_LABELS, INDEX_LABEL } from './scorecards.presenter';

/**
 * Each metric as the report query counts it (scorecards.repository.ts): what is counted over what.
 * "Dalam periode" = received on a local date of the period in the province's time zone.
 */
export const METRIC_DEFINITIONS: { name: string; numerator: string; denominator: string; note: string }[] = [
  {
    name: 'Permohonan diterima',
    numerator: 'permohonan yang diterima pada tanggal dalam periode (zona waktu provinsi)',
    denominator: '—',
    note: 'Dasar jumlah minimum dan tunggakan.',
  },
  {
    name: 'Tepat waktu',
    numerator: 'pemberitahuan tertulis (dikabulkan, ditolak, tidak dikuasai, diteruskan) pada tanggal lokal unit paling lambat batas waktu yang berlaku',
    denominator: 'permohonan dalam periode yang tidak dicabut sebelum pemberitahuan, dan sudah diberi pemberitahuan atau batas waktunya sudah lewat hari ini',
    note: 'Batas waktu yang berlaku: batas waktu hasil perpanjangan hanya bila perpanjangan dibuat paling lambat pada batas waktu semula; bila dibuat sesudahnya, batas waktu semula.',
  },
  {
    name: 'Hari kerja sampai pemberitahuan',
    numerator: 'median dan persentil ke-90 (peringkat terdekat) jumlah hari kerja dari hari ke-0 (tanggal penerimaan efektif) sampai tanggal pemberitahuan',
    denominator: 'permohonan dalam periode yang sudah diberi pemberitahuan dan tidak dicabut sebelumnya',
    note: 'Hari kerja menurut kalender badan publik (libur nasional, cuti bersama, penutupan layanan).',
  },
  {
    name: 'Informasi tersampaikan',
    numerator: 'permohonan yang dikabulkan seluruh atau sebagian dan tercatat tanggal penyampaiannya, atau sudah ditutup',
    denominator: 'permohonan dalam periode yang dikabulkan seluruh atau sebagian (tidak dicabut sebelum pemberitahuan)',
    note: '',
  },
  {
    name: 'Perpanjangan',
    numerator: 'permohonan yang diperpanjang (Pasal 22 ayat 8)',
    denominator: 'permohonan dalam periode, kecuali yang dicabut sebelum pemberitahuan',
    note: '',
  },
  {
    name: 'Penolakan',
    numerator: 'permohonan yang ditolak',
    denominator: 'permohonan dalam periode yang sudah diberi pemberitahuan',
    note: '',
  },
  {
    name: 'Penolakan beralasan',
    numerator: 'penolakan yang menyebut dasar pengecualian Pasal 17 dan mencatat uji konsekuensi lengkap (tanggal, paling sedikit satu peserta, konsekuensi)',
    denominator: 'permohonan dalam periode yang ditolak',
    note: 'Dibaca dari catatan penolakan terakhir (atau persetujuan penolakan oleh PPID Utama).',
  },
  {
    name: 'Tunggakan pada akhir periode',
    numerator: 'permohonan yang diterima paling lambat hari terakhir periode (atau hari ini bila periode masih berjalan), batas waktunya sudah lewat pada hari itu, dan belum diberi pemberitahuan atau dicabut pada hari itu',
    denominator: 'permohonan diterima dalam periode (untuk skor tunggakan)',
    note: 'Termasuk permohonan yang diterima sebelum periode.',
  },
  {
    name: 'Keberatan per permohonan; keberatan dikabulkan; keberatan dijawab tepat waktu; sengketa per permohonan',
    numerator: 'keberatan (atau sengketa) atas permohonan dalam periode; keberatan yang putusannya membatalkan jawaban; keberatan yang dijawab atasan PPID dalam 30 hari kerja',
    denominator: 'permohonan diterima; keberatan; keberatan yang sudah dijawab; permohonan diterima',
    note: '',
  },
  {
    name: 'Laporan tahunan',
    numerator: 'laporan layanan informasi tahun sebelumnya terbit paling lambat 31 Maret tahun periode',
    denominator: '—',
    note: 'Ya atau tidak.',
  },
  ...PUBLIC_INFORMATION_METRICS.map((k) => {
    const l = PUBLIC_INFORMATION_LABELS[k];
    return { name: l.name, numerator: l.numerator, denominator: l.denominator, note: l.note };
  }),
];

export interface MethodologyPageView {
  title: string;
  indexLabel: string;
  metrics: typeof METRIC_DEFINITIONS;
  weights: { name: string; weight: number; share: string; formula: string; available: boolean }[];
  weightSum: number;
  minRequests: number;
  noticeWorkingDays: number;
  bands: { label: string; range: string }[];
  notAvailable: string[];
  minCorrelationPairs: number;
  computedAt: string;
  /** When the rollups were last refreshed, or a sentence saying they are being built. */
  refreshedAt: string;
  pending: number;
  maxDelayMinutes: number;
  timeZone: string;
}

export function methodologyPageView(m: ScorecardMethod): MethodologyPageView {
  const sum = INDEX_COMPONENTS.reduce((s, c) => s + m.weights[c], 0);
  return {
    title: `Metodologi peringkat layanan informasi`,
    indexLabel: INDEX_LABEL,
    metrics: METRIC_DEFINITIONS,
    weights: INDEX_COMPONENTS.map((c) => ({
      name: COMPONENT_LABELS[c].name,
      weight: m.weights[c],
      share: `${((100 * m.weights[c]) / sum).toLocaleString('id-ID', { maximumFractionDigits: 1 })}%`,
      formula: COMPONENT_LABELS[c].formula,
      available: !m.notAvailable.includes(c),
    })),
    weightSum: sum,
    minRequests: m.minRequests,
    noticeWorkingDays: m.noticeWorkingDays,
    bands: MONEV_QUALIFICATIONS.map((q) => ({ label: QUALIFICATION_LABELS[q], range: QUALIFICATION_RANGES[q] })),
    notAvailable: m.notAvailable.map((c) => COMPONENT_LABELS[c].name),
    minCorrelationPairs: MIN_CORRELATION_PAIRS,
    computedAt: formatInstant(m.freshness.at, m.provinceTimeZone),
    refreshedAt: m.freshness.refreshedAt ? formatInstant(m.freshness.refreshedAt, m.provinceTimeZone) : 'belum pernah (ringkasan sedang disusun)',
    pending: m.freshness.pending,
    maxDelayMinutes: m.freshness.maxDelayMinutes,
    timeZone: m.provinceTimeZone,
  };
}
