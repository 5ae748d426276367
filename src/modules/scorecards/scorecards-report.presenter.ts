import { formatIndonesianDate, formatTimeOfDay, localDateTimeOf, timeZoneLabel } from 'src/common/time/local-time';
import { INDEX_COMPONENTS } from 'src/config/scorecard-weights';
import type { FieldRow, ScorecardBodyPage, ScorecardReportData, ScorecardReportSection, SvgChart } from 'src/modules/documents';
import { BANDS } from './scorecard-index';
import { Period } from './scorecard-period';
import { PUBLIC_INFORMATION_METRICS } from './scorecard-public-information';
import { PUBLIC_INFORMATION_LABELS } from './scorecards-public-information.presenter';
import { Rate } from './scorecard-stats';
import { BAND_LABELS, COMPONENT_LABELS, INDEX_LABEL, periodLabel, presentAnnualReport, periodQuery, presentRate, quarterShortLabel } from './scorecards.presenter';
import { BodyScorecard, BodyScorecardPage, ProvinceReport, ProvinceScorecards } from './scorecards.service';

const DASH = '—';
/** The oldest overdue requests a body's page lists (registration numbers only). */
export const REPORT_OVERDUE_ROWS = 5;

/** The charts of the report, rendered beforehand (vega-lite → SVG). */
export interface ReportCharts {
  ranking: SvgChart | null;
  onTime: SvgChart | null;
  /** Per body id; null when no quarter of the year has an index. */
  history: Map<number, SvgChart | null>;
}

export interface ReportContext {
  producedAt: Date;
  timeZone: string;
  appUrl: string;
}

function number(value: number, digits = 1): string {
  return value.toLocaleString('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function percent(value: number | null): string {
  return value === null ? DASH : `${number(value * 100)}%`;
}

/** '75,0% (3/4; 30,1–95,4)' under a heading that names k/n and the 95% interval, or '— (n = 0)'. */
function rateCell(r: Rate): string {
  if (r.value === null || r.low === null || r.high === null) return `${DASH} (n = 0)`;
  return `${percent(r.value)} (${r.k}/${r.n}; ${number(r.low * 100)}–${number(r.high * 100)})`;
}
const RATE_HEADER = 'Tepat waktu (k/n; IK 95%)';

function rangeText(p: Period): string {
  return `${formatIndonesianDate(p.from)} – ${formatIndonesianDate(p.to)}`;
}

function indexOf(c: BodyScorecard): number | null {
  return c.enoughData ? c.index.index : null;
}

function changeText(c: BodyScorecard): string {
  const idx = indexOf(c);
  if (idx === null || c.previousIndex === null) return DASH;
  const d = Math.round((idx - c.previousIndex) * 10) / 10;
  return d === 0 ? '0,0' : `${d > 0 ? '+' : '−'}${number(Math.abs(d))}`;
}

function versusMedian(value: number | null, median: number | null, unit: string): string {
  if (value === null || median === null) return DASH;
  const d = Math.round((value - median) * 10) / 10;
  if (d === 0) return `sama dengan median provinsi (${number(median)}${unit})`;
  return `${number(Math.abs(d))} poin ${d > 0 ? 'di atas' : 'di bawah'} median provinsi (${number(median)}${unit})`;
}

/** The Pemerintah Provinsi's name, e.g. 'Pemerintah Provinsi Jawa Timur': the body whose code has no dot. */
export function authorityOf(p: ProvinceScorecards): string {
  return p.bodies.find((c) => !c.body.code.includes('.'))?.body.name ?? 'Pemerintah Provinsi';
}

/** The report's file name: 'laporan-indeks-layanan-portal-2025-tw1.pdf'. */
export function reportFileName(p: Period): string {
  const suffix = p.kind === 'year' ? `${p.year}` : p.kind === 'quarter' ? `${p.year}-tw${p.quarter}` : `${p.from}-${p.to}`;
  return `laporan-indeks-layanan-portal-${suffix}.pdf`;
}

/** Everything the PDF shows, as text: the same figures as the ranking page and the JSON API. */
export function scorecardReportData(report: ProvinceReport, charts: ReportCharts, ctx: ReportContext): ScorecardReportData {
  const p = report.province;
  const authority = authorityOf(p);
  const label = periodLabel(p.period);
  const local = localDateTimeOf(ctx.producedAt, ctx.timeZone);
  const madeText = `${formatIndonesianDate(local.date)} pukul ${formatTimeOfDay(local.minuteOfDay, '.')} ${timeZoneLabel(ctx.timeZone, ctx.producedAt)}`;
  return {
    title: `Laporan ${INDEX_LABEL} — ${label}`,
    authority,
    cover: cover(p, authority, madeText, ctx),
    method: method(p),
    ranking: ranking(p),
    charts: chartSections(p, charts),
    bodies: report.pages.map((page) => bodyPage(page, charts.history.get(page.current.body.id) ?? null, ctx)),
    footer: `${INDEX_LABEL} (bukan hasil monev KI) · ${label} · dibuat ${formatIndonesianDate(local.date)}`,
  };
}

function cover(p: ProvinceScorecards, authority: string, madeText: string, ctx: ReportContext): ScorecardReportData['cover'] {
  const ranked = p.bodies.filter((c) => c.rank !== null);
  const top = ranked.filter((c) => c.rank === 1).map((c) => `${c.body.name} (${number(c.index.index as number)})`);
  const running = p.asOf < p.period.to;
  return {
    title: INDEX_LABEL.toUpperCase(),
    subtitle: 'Laporan kepatuhan layanan informasi publik (UU No. 14 Tahun 2008) per badan publik: kabupaten/kota dan Pemerintah Provinsi',
    period: `${periodLabel(p.period)} (${rangeText(p.period)})`,
    figures: [
      { label: 'Permohonan informasi diterima', value: String(p.province.received) },
      { label: 'Pemberitahuan tertulis tepat waktu', value: rateCell(p.province.onTime).replace(/; /, '; IK 95% ') },
      { label: 'Permohonan terlambat pada akhir periode', value: String(p.province.overdueAtEnd) },
      { label: 'Badan publik diberi peringkat', value: `${ranked.length} dari ${p.bodies.length} (minimum ${p.minRequests} permohonan)` },
      { label: `Median ${INDEX_LABEL.toLowerCase()}`, value: p.medians.index === null ? DASH : number(p.medians.index) },
      { label: 'Peringkat pertama', value: top.length === 0 ? DASH : top.join('; ') },
    ],
    lines: [
      `Untuk Gubernur ${authority.replace(/^Pemerintah Provinsi /, '')}; disusun dari catatan permohonan di portal.`,
      `Dibuat ${madeText}.`,
      running ? `Periode masih berjalan: data sampai ${formatIndonesianDate(p.asOf)}.` : `Data sampai ${formatIndonesianDate(p.asOf)}.`,
      `Versi daring: ${ctx.appUrl}/peringkat${periodQuery(p.period)}`,
    ],
    disclaimer:
      `${INDEX_LABEL} dihitung oleh portal ini dari catatan permohonan informasinya sendiri. Indeks ini bukan hasil monitoring dan evaluasi (monev) Komisi Informasi dan tidak digabung dengannya; kategorinya hanya memakai rentang nilai monev (Perki No. 1 Tahun 2022).`,
  };
}

function method(p: ProvinceScorecards): ScorecardReportSection[] {
  const notAvailable = p.notAvailable.map((c) => COMPONENT_LABELS[c].name);
  const bandRanges: Record<(typeof BANDS)[number], string> = {
    informatif: '90–100',
    menuju_informatif: '80–89,9',
    cukup_informatif: '60–79,9',
    kurang_informatif: '40–59,9',
    tidak_informatif: 'di bawah 40',
  };
  return [
    { kind: 'heading', text: 'Metode' },
    {
      kind: 'paragraph',
      text: `${INDEX_LABEL} (0–100) adalah rata-rata tertimbang skor komponen di bawah ini per badan publik, dari catatan permohonan dan DIP-nya di portal; bobot dari setelan SCORECARD_WEIGHTS. Indeks ini bukan hasil monev Komisi Informasi.`,
    },
    {
      kind: 'table',
      caption: 'Komponen, bobot dan rumus (skor 0–100)',
      columns: [
        { header: 'Komponen', width: 3 },
        { header: 'Bobot', width: 1 },
        { header: 'Dipakai', width: 1.3 },
        { header: 'Rumus', width: 8 },
      ],
      rows: INDEX_COMPONENTS.map((c) => [COMPONENT_LABELS[c].name, String(p.weights[c]), p.notAvailable.includes(c) ? 'belum tersedia' : 'ya', COMPONENT_LABELS[c].formula]),
    },
    {
      kind: 'paragraph',
      text:
        (notAvailable.length > 0 ? `Belum tersedia di portal: ${notAvailable.join(', ')}; ditulis "—" dan tidak dihitung. ` : '') +
        'Komponen yang tidak tersedia, atau tanpa data pada suatu badan publik (misalnya tanpa penolakan), tidak dihitung dan bobotnya dibagikan kepada komponen lain sebanding bobotnya.',
    },
    {
      kind: 'paragraph',
      text: `Kategori memakai rentang nilai monev Perki No. 1 Tahun 2022 pada indeks portal: ${BANDS.map((b) => `${BAND_LABELS[b]} ${bandRanges[b]}`).join('; ')}.`,
    },
    {
      kind: 'fields',
      rows: [
        { label: 'Data belum cukup', value: `Badan publik dengan kurang dari ${p.minRequests} permohonan dalam periode (SCORECARD_MIN_REQUESTS): angkanya dicantumkan tanpa indeks, kategori, atau peringkat, karena terlalu tidak pasti untuk dibandingkan.` },
        { label: 'Periode', value: `${periodLabel(p.period)}: permohonan yang diterima ${rangeText(p.period)} menurut zona waktu provinsi, sebagaimana keadaannya pada ${formatIndonesianDate(p.asOf)}. Tunggakan dan DIP dinilai pada hari terakhir periode (atau hari ini).` },
        { label: 'Tepat waktu', value: 'Pemberitahuan tertulis (termasuk penolakan, tidak dikuasai, atau penerusan) paling lambat pada batas waktunya; perpanjangan dihitung hanya bila dibuat sebelum batas waktu semula lewat; yang dicabut sebelum dijawab tidak dihitung.' },
        { label: 'Hari kerja', value: 'Dihitung dengan kalender hari kerja badan publik (libur nasional, cuti bersama, penutupan layanan) dari hari ke-0; median dan persentil ke-90 (peringkat terdekat).' },
        { label: 'Selang kepercayaan', value: 'Setiap persentase ditulis dengan k dari n dan selang kepercayaan 95% Wilson (IK 95%): makin sedikit permohonan, makin lebar selangnya.' },
        { label: 'Peringkat', value: 'Menurut indeks (satu desimal), tertinggi lebih dahulu; indeks sama berbagi peringkat (1, 2, 2, 4). Median provinsi: median badan publik yang datanya cukup. Perubahan: selisih indeks dengan periode sebelumnya.' },
        { label: 'Data pribadi', value: 'Laporan ini tidak memuat identitas pemohon; permohonan hanya disebut dengan nomor pendaftarannya.' },
      ],
    },
  ];
}

function ranking(p: ProvinceScorecards): ScorecardReportSection[] {
  const ranked = p.bodies.filter((c) => c.rank !== null);
  const apart = p.bodies.filter((c) => c.rank === null);
  const previous = periodLabel(p.previous);
  const sections: ScorecardReportSection[] = [
    { kind: 'heading', text: `Peringkat — ${periodLabel(p.period)}` },
    {
      kind: 'paragraph',
      text: `${ranked.length} badan publik diberi peringkat; ${apart.length} lainnya dicantumkan terpisah karena datanya belum cukup (kurang dari ${p.minRequests} permohonan). Median provinsi: ${p.medians.index === null ? DASH : number(p.medians.index)}. Perubahan dibanding ${previous}.`,
    },
  ];
  if (ranked.length > 0) {
    sections.push({
      kind: 'table',
      caption: 'Badan publik yang diberi peringkat',
      columns: [
        { header: 'Peringkat', width: 1.7 },
        { header: 'Badan publik', width: 4.3 },
        { header: 'Indeks', width: 1.1 },
        { header: 'Kategori', width: 2.8 },
        { header: 'n', width: 0.8 },
        { header: RATE_HEADER, width: 4.1 },
        { header: 'Perubahan', width: 1.9 },
      ],
      rows: ranked.map((c) => [String(c.rank), c.body.name, number(c.index.index as number), c.band ? BAND_LABELS[c.band] : DASH, String(c.metrics.received), rateCell(c.metrics.onTime), changeText(c)]),
    });
  }
  if (apart.length > 0) {
    sections.push({
      kind: 'table',
      caption: `Tidak diberi peringkat: data belum cukup (kurang dari ${p.minRequests} permohonan)`,
      columns: [
        { header: 'Badan publik', width: 5 },
        { header: 'n', width: 0.9 },
        { header: RATE_HEADER, width: 4.2 },
        { header: 'Keterangan', width: 3.5 },
      ],
      rows: apart.map((c) => [c.body.name, String(c.metrics.received), rateCell(c.metrics.onTime), c.enoughData ? 'Belum ada komponen yang dapat dinilai' : 'Data belum cukup']),
    });
  }
  return sections;
}

function chartSections(p: ProvinceScorecards, charts: ReportCharts): ScorecardReportSection[] {
  const median = p.medians.index === null ? DASH : number(p.medians.index);
  const sections: ScorecardReportSection[] = [{ kind: 'heading', text: `Grafik — ${periodLabel(p.period)}` }];
  if (charts.ranking) {
    sections.push({
      kind: 'chart',
      caption: `${INDEX_LABEL} per badan publik yang diberi peringkat`,
      chart: charts.ranking,
      note: `Warna: kategori. Garis putus-putus: median provinsi (${median}). Angka lengkap ada pada tabel peringkat.`,
    });
  } else {
    sections.push({ kind: 'paragraph', text: 'Belum ada badan publik dengan data cukup untuk diberi peringkat.' });
  }
  if (charts.onTime) {
    sections.push({
      kind: 'chart',
      caption: 'Pemberitahuan tepat waktu per badan publik, dengan selang kepercayaan 95%',
      chart: charts.onTime,
      note: `Titik: persentase; garis: IK 95% Wilson (makin sedikit permohonan, makin lebar). Abu-abu: data belum cukup. Garis putus-putus: median provinsi (${percent(p.medians.onTime)}).`,
    });
  }
  return sections;
}

function bodyPage(page: BodyScorecardPage, history: SvgChart | null, ctx: ReportContext): ScorecardBodyPage {
  const c = page.current;
  const p = page.province;
  const m = c.metrics;
  const idx = indexOf(c);
  const rankedCount = p.bodies.filter((b) => b.rank !== null).length;
  const medianDays = p.medians.daysToNotice;
  const summary: FieldRow[] = [
    {
      label: 'Peringkat',
      value: c.rank !== null ? `${c.rank} dari ${rankedCount}` : c.enoughData ? 'tidak diberi peringkat' : `tidak diberi peringkat: data belum cukup (${m.received} permohonan, minimum ${p.minRequests})`,
    },
    { label: INDEX_LABEL, value: idx === null ? DASH : `${number(idx)} — ${c.band ? BAND_LABELS[c.band] : DASH}` },
    { label: 'Dibanding median provinsi', value: versusMedian(idx, p.medians.index, '') },
    { label: `Dibanding ${periodLabel(p.previous)}`, value: c.previousIndex === null || idx === null ? DASH : `${changeText(c)} (sebelumnya ${number(c.previousIndex)})` },
  ];
  const rate = (name: string, r: Rate, median: number | null = null): string[] => {
    const v = presentRate(r);
    return [name, v.text, `${r.k} dari ${r.n}`, r.low === null || r.high === null ? DASH : `${number(r.low * 100)}–${number(r.high * 100)}%`, percent(median)];
  };
  const o = m.objections;
  const notKept = (name: string): string[] => [name, DASH, DASH, DASH, 'belum tersedia'];
  const metrics: string[][] = [
    ['Permohonan diterima', String(m.received), DASH, DASH, DASH],
    rate('Pemberitahuan tepat waktu', m.onTime, p.medians.onTime),
    rate('Informasi tersampaikan', m.completion, p.medians.completion),
    [
      'Hari kerja sampai pemberitahuan (median; p90)',
      m.daysToNotice.median === null ? DASH : `${m.daysToNotice.median}; ${m.daysToNotice.p90}`,
      `n = ${m.daysToNotice.n}`,
      DASH,
      medianDays === null ? DASH : `${number(medianDays)} hari`,
    ],
    rate('Perpanjangan', m.extension),
    rate('Penolakan', m.refusal),
    rate('Penolakan beralasan (Pasal 17 dan uji konsekuensi)', m.justifiedRefusal),
    ['Terlambat pada akhir periode', String(m.overdueAtEnd), DASH, DASH, DASH],
    ...(o
      ? [rate('Keberatan per permohonan', o.objectionRate), rate('Keberatan dikabulkan', o.overturned), rate('Keberatan dijawab tepat waktu', o.answeredOnTime), rate('Sengketa per permohonan', o.disputeRate)]
      : [notKept('Keberatan per permohonan'), notKept('Keberatan dikabulkan'), notKept('Keberatan dijawab tepat waktu'), notKept('Sengketa per permohonan')]),
    m.annualReport === null ? notKept('Laporan tahunan terbit paling lambat 31 Maret') : ['Laporan tahunan terbit paling lambat 31 Maret', presentAnnualReport(m.annualReport), DASH, DASH, DASH],
    ...PUBLIC_INFORMATION_METRICS.map((k) => {
      const r = m.publicInformation[k];
      return r ? rate(PUBLIC_INFORMATION_LABELS[k].name, r) : notKept(PUBLIC_INFORMATION_LABELS[k].name);
    }),
  ];
  const year = p.period.year ?? Number(p.period.to.slice(0, 4));
  const quarters = page.history.map((h) => `${quarterShortLabel(h.period)}: ${h.index !== null ? number(h.index) : h.enoughData ? DASH : 'data belum cukup'} (n ${h.received})`).join(' · ');
  const sections: ScorecardReportSection[] = [
    { kind: 'fields', rows: summary },
    {
      kind: 'table',
      caption: 'Ukuran kepatuhan',
      columns: [
        { header: 'Ukuran', width: 5.4 },
        { header: 'Nilai', width: 1.5 },
        { header: 'k dari n', width: 1.5 },
        { header: 'IK 95%', width: 1.9 },
        { header: 'Median provinsi', width: 2 },
      ],
      rows: metrics,
    },
    history
      ? { kind: 'chart', caption: `${INDEX_LABEL} per triwulan ${year}`, chart: history, note: quarters }
      : { kind: 'paragraph', text: `${INDEX_LABEL} per triwulan ${year}: ${quarters || 'belum ada triwulan'}.`, muted: true },
  ];
  const overdue = page.overdue.slice(0, REPORT_OVERDUE_ROWS);
  if (overdue.length === 0) {
    sections.push({ kind: 'paragraph', text: 'Tidak ada permohonan yang lewat batas waktu tanpa pemberitahuan tertulis.', muted: true });
  } else {
    sections.push({
      kind: 'table',
      caption: `Permohonan terlambat paling lama (${overdue.length} terlama, hanya nomor pendaftaran)`,
      columns: [
        { header: 'Nomor pendaftaran', width: 3 },
        { header: 'Unit PPID', width: 5 },
        { header: 'Batas waktu', width: 2.2 },
        { header: 'Hari kerja terlambat', width: 1.8 },
      ],
      rows: overdue.map((r) => [r.registrationNumber, r.unitName, formatIndonesianDate(r.dueDate), String(r.workingDaysOverdue)]),
    });
  }
  const units = [...page.units].sort(
    (a, b) => (a.unit.level === b.unit.level ? 0 : a.unit.level === 'utama' ? -1 : 1) || b.metrics.received - a.metrics.received || a.unit.name.localeCompare(b.unit.name, 'id'),
  );
  return {
    title: `${c.body.code} · ${c.body.name}`,
    sections,
    units: {
      caption: 'Unit PPID',
      columns: [
        { header: 'Unit PPID', width: 5 },
        { header: 'Tingkat', width: 1.6 },
        { header: 'n', width: 0.8 },
        { header: RATE_HEADER, width: 3.6 },
        { header: 'Median hari kerja', width: 1.5 },
      ],
      rows: units.map((u) => [
        u.unit.name,
        u.unit.level === 'utama' ? 'PPID Utama' : 'PPID Pelaksana',
        String(u.metrics.received),
        rateCell(u.metrics.onTime),
        u.metrics.daysToNotice.median === null ? DASH : String(u.metrics.daysToNotice.median),
      ]),
    },
    unitsOverflowNote: `{n} unit PPID lain (dengan permohonan paling sedikit) tidak muat di halaman ini; daftar lengkap: ${ctx.appUrl}/peringkat/${encodeURIComponent(c.body.code)}${periodQuery(p.period)}`,
  };
}
