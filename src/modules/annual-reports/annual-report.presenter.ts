import type { DeskNotice } from 'src/common/desk/desk-notices';
import { formatIndonesianDate, INDONESIAN_MONTHS, toDayNumber } from 'src/common/time/local-time';
import { formatInstant } from 'src/common/views/view-helpers';
import type { BarChart, ReportData, ReportSection } from 'src/modules/documents';
import { CHANNELS, EXEMPTION_GROUNDS } from 'src/modules/requests';
import { DISPUTE_OUTCOMES, DISPUTE_STAGES, OBJECTION_GROUNDS } from 'src/modules/objections';
import { AnnualFigures, ObjectionFigures } from './annual-figures';
import { AnnualReportView, ReportDue } from './annual-reports.service';

export const NO_DATA = 'Belum ada data';

export const NARRATIVE_FIELDS = ['policy', 'resources', 'obstacles', 'recommendations'] as const;

export const NARRATIVE_LABELS: Record<(typeof NARRATIVE_FIELDS)[number], string> = {
  policy: 'Kebijakan layanan informasi',
  resources: 'Sumber daya (petugas, sarana, anggaran)',
  obstacles: 'Kendala',
  recommendations: 'Rekomendasi dan rencana tindak lanjut',
};

const MONTHS_SHORT = INDONESIAN_MONTHS.map((m) => m.slice(0, 3));

const BAND_LABELS: Record<string, string> = { '0-5': '0–5 hari', '6-10': '6–10 hari', '11-17': '11–17 hari', '18+': '18 hari atau lebih' };

function channelLabel(code: string): string {
  return Object.hasOwn(CHANNELS, code) ? CHANNELS[code as keyof typeof CHANNELS] : code;
}

function number(n: number | null): string {
  return n === null ? '—' : n.toLocaleString('id-ID');
}

export interface FigureTable {
  caption: string;
  head: string[];
  rows: { label: string; cells: string[] }[];
}

/** The report's figures as tables: the same on the officers' page, the public page and the PDF. */
export function figureTables(f: AnnualFigures): FigureTable[] {
  const o = f.outcomes;
  const wd = f.workingDays;
  return [
    {
      caption: 'Jumlah permohonan menurut saluran dan bulan penerimaan',
      head: ['Saluran', ...MONTHS_SHORT, 'Jumlah'],
      rows: [
        ...f.byChannel.map((c) => ({ label: channelLabel(c.channel), cells: [...c.months.map(number), number(c.total)] })),
        { label: 'Jumlah', cells: [...f.monthTotals.map(number), number(f.total)] },
      ],
    },
    {
      caption: 'Waktu pemenuhan (hari kerja sejak penerimaan sampai pemberitahuan tertulis)',
      head: ['Uraian', 'Jumlah'],
      rows: [
        { label: 'Permohonan yang sudah diberi pemberitahuan tertulis', cells: [number(wd.answered)] },
        ...wd.bands.map((b) => ({ label: BAND_LABELS[b.key] ?? b.key, cells: [number(b.count)] })),
        { label: 'Median (hari kerja)', cells: [wd.median === null ? '—' : wd.median.toLocaleString('id-ID')] },
        { label: 'Rata-rata (hari kerja)', cells: [wd.mean === null ? '—' : wd.mean.toLocaleString('id-ID')] },
        { label: 'Melewati batas waktu', cells: [number(wd.late)] },
        { label: 'Dengan perpanjangan waktu', cells: [number(wd.extended)] },
      ],
    },
    {
      caption: 'Keputusan atas permohonan',
      head: ['Keputusan', 'Jumlah'],
      rows: [
        { label: 'Diberikan seluruhnya', cells: [number(o.granted)] },
        { label: 'Diberikan sebagian', cells: [number(o.partiallyGranted)] },
        { label: 'Ditolak (Pasal 17)', cells: [number(o.refused)] },
        { label: 'Informasi tidak dikuasai', cells: [number(o.notHeld)] },
        { label: 'Informasi belum didokumentasikan', cells: [number(o.notDocumented)] },
        { label: 'Belum diputus / lainnya', cells: [number(o.pending)] },
      ],
    },
    {
      caption: 'Penolakan menurut alasan pengecualian (Pasal 17 UU 14/2008)',
      head: ['Alasan', 'Jumlah'],
      rows: f.refusalsByGround.map((g) => ({
        label: `Huruf ${g.ground}: ${Object.hasOwn(EXEMPTION_GROUNDS, g.ground) ? EXEMPTION_GROUNDS[g.ground as keyof typeof EXEMPTION_GROUNDS] : g.ground}`,
        cells: [number(g.count)],
      })),
    },
    ...objectionTables(f.objections),
  ];
}

const OBJECTION_OUTCOME_LABELS: Record<string, string> = {
  upheld: 'Keputusan PPID dikuatkan (keberatan ditolak)',
  overturned: 'Keputusan PPID dibatalkan seluruhnya',
  partially_overturned: 'Keputusan PPID dibatalkan sebagian',
  pending: 'Belum ditanggapi',
};

const labelIn = (labels: Record<string, string>, code: string) => (Object.hasOwn(labels, code) ? labels[code] : code);

/** Objections by ground and by the atasan's decision, and disputes by stage and outcome; "belum ada data" only for reports published before objections were recorded. */
function objectionTables(x: ObjectionFigures | null): FigureTable[] {
  if (!x) {
    return [
      {
        caption: 'Keberatan dan sengketa informasi',
        head: ['Uraian', 'Jumlah'],
        rows: [
          { label: 'Keberatan yang diterima dan tanggapan atasan PPID', cells: [NO_DATA] },
          { label: 'Sengketa ke Komisi Informasi dan hasilnya', cells: [NO_DATA] },
        ],
      },
    ];
  }
  return [
    {
      caption: 'Keberatan menurut alasan (Pasal 35 ayat (1) UU 14/2008)',
      head: ['Alasan', 'Jumlah'],
      rows: [
        { label: 'Keberatan yang diterima', cells: [number(x.objections)] },
        ...x.byGround.map((g) => ({ label: `Huruf ${g.ground}: ${labelIn(OBJECTION_GROUNDS, g.ground)}`, cells: [number(g.count)] })),
      ],
    },
    {
      caption: 'Tanggapan atasan PPID atas keberatan',
      head: ['Tanggapan', 'Jumlah'],
      rows: [
        ...x.byOutcome.map((o) => ({ label: labelIn(OBJECTION_OUTCOME_LABELS, o.outcome), cells: [number(o.count)] })),
        { label: 'Ditanggapi secara tertulis', cells: [number(x.answered)] },
        { label: 'Ditanggapi dalam 30 hari kerja', cells: [number(x.answeredInTime)] },
      ],
    },
    {
      caption: 'Sengketa informasi di Komisi Informasi',
      head: ['Uraian', 'Jumlah'],
      rows: [
        { label: 'Sengketa yang diajukan', cells: [number(x.disputes)] },
        ...x.disputesByStage.map((d) => ({ label: `Tahap: ${labelIn(DISPUTE_STAGES, d.stage)}`, cells: [number(d.count)] })),
        ...x.disputesByOutcome.map((d) => ({ label: `Hasil: ${d.outcome === 'pending' ? 'Belum diputus' : labelIn(DISPUTE_OUTCOMES, d.outcome)}`, cells: [number(d.count)] })),
      ],
    },
  ];
}

/** Charts of the PDF: requests per month by channel, working-day bands, refusals by ground. */
export function figureCharts(f: AnnualFigures): BarChart[] {
  return [
    {
      title: 'Permohonan per bulan menurut saluran',
      categoryTitle: 'Bulan penerimaan',
      valueTitle: 'Permohonan',
      points: f.byChannel.flatMap((c) => c.months.map((n, i) => ({ category: MONTHS_SHORT[i], value: n, series: channelLabel(c.channel) }))),
    },
    {
      title: 'Sebaran waktu pemenuhan (hari kerja)',
      categoryTitle: 'Hari kerja sampai pemberitahuan tertulis',
      valueTitle: 'Permohonan',
      points: f.workingDays.bands.map((b) => ({ category: BAND_LABELS[b.key] ?? b.key, value: b.count })),
    },
    {
      title: 'Penolakan menurut huruf Pasal 17',
      categoryTitle: 'Huruf',
      valueTitle: 'Penolakan',
      points: f.refusalsByGround.map((g) => ({ category: g.ground, value: g.count })),
    },
  ];
}

function summary(f: AnnualFigures): string {
  return (
    `Sepanjang tahun ${f.year} diterima ${number(f.total)} permohonan informasi publik. ` +
    `${number(f.workingDays.answered)} di antaranya telah diberi pemberitahuan tertulis dengan median waktu ` +
    `${f.workingDays.median === null ? '—' : f.workingDays.median.toLocaleString('id-ID')} hari kerja; ` +
    `${number(f.outcomes.granted)} diberikan seluruhnya, ${number(f.outcomes.partiallyGranted)} diberikan sebagian dan ${number(f.outcomes.refused)} ditolak.`
  );
}

export interface ReportPageView {
  title: string;
  bodyName: string;
  bodyId: number;
  bodyCode: string;
  year: number;
  summary: string;
  tables: { caption: string; head: string[]; rows: { label: string; cells: { head: string; value: string }[] }[] }[];
  narrative: { key: string; label: string; text: string; paragraphs: string[] }[];
  published: boolean;
  publishedText: string | null;
  deadlineText: string;
  canEdit: boolean;
  canPublish: boolean;
  version: number;
  pdfUrl: string;
  publicUrl: string | null;
  years: { value: number; selected: boolean }[];
  bodies: { value: string; label: string; selected: boolean }[];
  notice: string | null;
}

function paragraphs(text: string): string[] {
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}

/** The report page: the officers' view (with the form when the reader may edit) and the public one. */
export function reportPageView(
  r: AnnualReportView,
  timeZone: string,
  options: { officer: boolean; years?: number[]; bodies?: { id: number; name: string }[]; notice?: string | null },
): ReportPageView {
  const code = r.body.regionCode.replace(/\./g, '');
  return {
    title: `Laporan layanan informasi publik ${r.year}`,
    bodyName: r.body.name,
    bodyId: r.body.id,
    bodyCode: code,
    year: r.year,
    summary: summary(r.figures),
    tables: figureTables(r.figures).map((t) => ({
      ...t,
      rows: t.rows.map((row) => ({ label: row.label, cells: row.cells.map((value, i) => ({ head: t.head[i + 1], value })) })),
    })),
    narrative: NARRATIVE_FIELDS.map((k) => ({ key: k, label: NARRATIVE_LABELS[k], text: r.narrative[k], paragraphs: paragraphs(r.narrative[k]) })),
    published: r.publishedAt !== null,
    publishedText: r.publishedAt ? formatInstant(r.publishedAt, timeZone) : null,
    deadlineText: formatIndonesianDate(r.deadline),
    canEdit: r.canEdit,
    canPublish: r.canPublish,
    version: r.version,
    pdfUrl: options.officer ? `/petugas/laporan-tahunan/${r.body.id}/${r.year}.pdf` : `/laporan-tahunan/${code}/${r.year}.pdf`,
    publicUrl: r.publishedAt ? `/laporan-tahunan/${code}/${r.year}` : null,
    years: (options.years ?? []).map((y) => ({ value: y, selected: y === r.year })),
    bodies: (options.bodies ?? []).map((b) => ({ value: String(b.id), label: b.name, selected: b.id === r.body.id })),
    notice: options.notice ?? null,
  };
}

/** The report as a PDF: summary, tables, charts, narrative; a draft says so on every reading. */
export function reportDocument(r: AnnualReportView, unitName: string, kopLines: string[], timeZone: string, producedAt: Date): ReportData {
  const tables = figureTables(r.figures);
  const charts = figureCharts(r.figures);
  const table = (t: FigureTable): ReportSection[] => [
    {
      kind: 'table',
      caption: t.caption,
      columns: t.head.map((h, i) => ({ header: h, width: t.head.length > 3 ? (i === 0 ? 3.5 : i === t.head.length - 1 ? 1.5 : 1) : i === 0 ? 8 : 2 })),
      rows: t.rows.map((row) => [row.label, ...row.cells]),
    },
  ];
  const n = r.narrative;
  const prose = (heading: string, text: string): ReportSection[] => [
    { kind: 'heading', text: heading },
    ...(paragraphs(text).length ? paragraphs(text).map((p): ReportSection => ({ kind: 'paragraph', text: p })) : [{ kind: 'paragraph' as const, text: '(Belum diisi.)' }]),
  ];
  return {
    bodyName: r.body.name,
    unitName,
    kopLines,
    title: `LAPORAN LAYANAN INFORMASI PUBLIK TAHUN ${r.year}`,
    subtitleLines: [r.publishedAt ? `Diumumkan ${formatInstant(r.publishedAt, timeZone)}` : `RANCANGAN — belum diumumkan (batas waktu ${formatIndonesianDate(r.deadline)})`],
    sections: [
      ...prose('I. Gambaran umum kebijakan layanan informasi', n.policy),
      ...prose('II. Sumber daya', n.resources),
      { kind: 'heading', text: 'III. Pelaksanaan layanan informasi' },
      { kind: 'paragraph', text: summary(r.figures) },
      ...table(tables[0]),
      { kind: 'chart', chart: charts[0] },
      ...table(tables[1]),
      { kind: 'chart', chart: charts[1] },
      ...table(tables[2]),
      ...table(tables[3]),
      { kind: 'chart', chart: charts[2] },
      // Objections and disputes: one table, or three once recorded.
      ...tables.slice(4).flatMap(table),
      ...prose('IV. Kendala', n.obstacles),
      ...prose('V. Rekomendasi dan rencana tindak lanjut', n.recommendations),
    ],
    reference: `Laporan layanan informasi publik ${r.year} — ${r.body.name}`,
    footerNote: `Angka dihitung oleh Portal KIP dari register permohonan dan register keberatan (tanggal menurut zona waktu provinsi); dibuat ${formatInstant(producedAt, timeZone)}.`,
  };
}

/** The desk line for last year's report: due, due soon, late; nothing once published. */
export function reportDueNotices(dues: ReportDue[]): DeskNotice[] {
  return dues
    .filter((d) => !d.published)
    .map((d) => {
      const daysLeft = toDayNumber(d.deadline) - toDayNumber(d.today);
      const deadline = formatIndonesianDate(d.deadline);
      const text =
        daysLeft < 0
          ? `Laporan layanan informasi publik ${d.year} ${d.body.name} terlambat: batas waktunya ${deadline} dan laporan belum diumumkan.`
          : `Laporan layanan informasi publik ${d.year} ${d.body.name} wajib diumumkan paling lambat ${deadline} (${daysLeft} hari lagi).`;
      return {
        tone: daysLeft < 0 ? 'danger' : daysLeft <= 30 ? 'warning' : 'info',
        text,
        href: `/petugas/laporan-tahunan?badan=${d.body.id}&tahun=${d.year}`,
        linkText: 'Buka laporan',
      };
    });
}
