import { Injectable } from '@nestjs/common';
import { AppConfig } from 'src/config/app-config';
import { DocumentsService, SvgChart } from 'src/modules/documents';
import { printHistoryChart, printOnTimeChart, printRankingChart } from './scorecard-charts';
import { Period } from './scorecard-period';
import { BAND_LABELS, quarterShortLabel } from './scorecards.presenter';
import { ReportCharts, reportFileName, scorecardReportData } from './scorecards-report.presenter';
import { ProvinceReport, ScorecardsService } from './scorecards.service';

/** A rendered report is served again for this long: it takes seconds of CPU and the link is public. */
const KEEP_MS = 5 * 60_000;
const KEPT_REPORTS = 16;

export interface ReportFile {
  pdf: Buffer;
  fileName: string;
}

/**
 * The scorecards report for the Governor as a PDF: the scorecards supply the figures and the
 * charts, the documents module lays them out. Rendered on the request's event loop like the
 * annual report's PDF; the same period asked for again within a few minutes, or while it is
 * being rendered, gets the same file instead of a second rendering.
 */
@Injectable()
export class ScorecardsReport {
  private readonly kept = new Map<string, { at: number; file: Promise<ReportFile> }>();

  constructor(
    private readonly scorecards: ScorecardsService,
    private readonly documents: DocumentsService,
    private readonly config: AppConfig,
  ) {}

  pdf(period: Period, now: Date): Promise<ReportFile> {
    const key = `${period.kind}:${period.from}:${period.to}`;
    const hit = this.kept.get(key);
    if (hit && now.getTime() - hit.at < KEEP_MS) return hit.file;
    const file = this.render(period, now);
    this.kept.set(key, { at: now.getTime(), file });
    file.catch(() => this.kept.delete(key));
    for (const [k, v] of this.kept) if (this.kept.size > KEPT_REPORTS || now.getTime() - v.at >= KEEP_MS) this.kept.delete(k);
    return file;
  }

  private async render(period: Period, now: Date): Promise<ReportFile> {
    const report = await this.scorecards.report(period, now);
    const charts = await reportCharts(report);
    const data = scorecardReportData(report, charts, { producedAt: now, timeZone: this.config.provinceTimeZone, appUrl: this.config.appUrl });
    return { pdf: await this.documents.renderScorecardReport(data), fileName: reportFileName(period) };
  }
}

async function reportCharts(report: ProvinceReport): Promise<ReportCharts> {
  const p = report.province;
  const bars = p.bodies
    .filter((c) => c.rank !== null && c.index.index !== null && c.band !== null)
    .map((c) => ({ name: c.body.name.replace(/^Pemerintah /, ''), index: c.index.index as number, category: BAND_LABELS[c.band as keyof typeof BAND_LABELS] }));
  const rates = p.bodies
    .filter((c) => c.metrics.onTime.value !== null)
    .map((c) => {
      const r = c.metrics.onTime;
      return { name: c.body.name.replace(/^Pemerintah /, ''), value: (r.value as number) * 100, low: (r.low as number) * 100, high: (r.high as number) * 100, n: r.n, enoughData: c.enoughData };
    });
  const history = new Map<number, SvgChart | null>();
  for (const page of report.pages) {
    const points = page.history.map((h) => ({ quarter: quarterShortLabel(h.period), index: h.index }));
    history.set(page.current.body.id, points.some((pt) => pt.index !== null) ? await printHistoryChart(points) : null);
  }
  return {
    ranking: bars.length === 0 ? null : await printRankingChart(bars, p.medians.index),
    onTime: rates.length === 0 ? null : await printOnTimeChart(rates, p.medians.onTime),
    history,
  };
}
