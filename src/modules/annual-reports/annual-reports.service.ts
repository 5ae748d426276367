import { Injectable } from '@nestjs/common';
import { Actor } from 'src/common/auth/actor';
import { AccessDenied } from 'src/common/auth/access-errors';
import { NotFound, ValidationFailed } from 'src/common/errors/domain-error';
import { parseDto, validateDto } from 'src/common/forms/validate-dto';
import { instantOfLocalTime, localDateTimeOf } from 'src/common/time/local-time';
import { AppConfig } from 'src/config/app-config';
import { DatabaseService } from 'src/database/database.service';
import { AuditService } from 'src/modules/audit';
import { AccessPolicy } from 'src/modules/auth';
import { BodyRow, UnitsRepository } from 'src/modules/bodies';
import { ObjectionsRepository } from 'src/modules/objections';
import { RegistersService } from 'src/modules/registers';
import { AnnualFigures, annualReportDeadline, buildAnnualFigures, buildObjectionFigures } from './annual-figures';
import { AnnualReport } from './annual-report.entity';
import { AnnualReportsRepository, Narrative } from './annual-reports.repository';
import { ReportAlreadyPublished, ReportYearNotOver } from './annual-reports.errors';
import { NarrativeDto, PublishableNarrativeDto } from './dto/narrative.dto';

/** One body's report for one year as its reader may see it. */
export interface AnnualReportView {
  body: BodyRow;
  year: number;
  /** Published: the figures as they stood then; otherwise computed now. */
  figures: AnnualFigures;
  narrative: Narrative;
  version: number;
  publishedAt: Date | null;
  deadline: string;
  /** The reader is an officer of the body's PPID Utama, and it is not yet published. */
  canEdit: boolean;
  /** canEdit, and the year is over. */
  canPublish: boolean;
}

/** Where the body's report of last year stands, for the desk. */
export interface ReportDue {
  body: BodyRow;
  year: number;
  deadline: string;
  today: string;
  published: boolean;
}

const EMPTY: Narrative = { policy: '', resources: '', obstacles: '', recommendations: '' };

function narrativeOf(r: AnnualReport | null): Narrative {
  return r ? { policy: r.policy, resources: r.resources, obstacles: r.obstacles, recommendations: r.recommendations } : EMPTY;
}

/**
 * Laporan layanan informasi publik (Perki 1/2021; Pasal 12 UU KIP): the year's figures from the
 * register, the PPID's narrative, publication (audited) and the public page once published.
 */
@Injectable()
export class AnnualReportsService {
  constructor(
    private readonly repo: AnnualReportsRepository,
    private readonly registers: RegistersService,
    private readonly objections: ObjectionsRepository,
    private readonly units: UnitsRepository,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly db: DatabaseService,
    private readonly config: AppConfig,
  ) {}

  today(now: Date): string {
    return localDateTimeOf(now, this.config.provinceTimeZone).date;
  }

  /**
   * The day (in each body's own zone) each of these bodies published its report of `year`; a body
   * that has not published is absent. Public facts: published reports are public pages.
   */
  async publicationDates(year: number, bodyIds: readonly number[]): Promise<Map<number, string>> {
    return new Map((await this.repo.findPublicationDates(year, bodyIds)).map((r) => [r.bodyId, r.publishedOn]));
  }

  /** By id, as officers' pages name it; unknown → 404. */
  async bodyById(id: number): Promise<BodyRow> {
    const body = (await this.units.findBodies()).find((b) => b.id === id);
    if (!body) throw new NotFound('Badan publik tidak ditemukan.');
    return body;
  }

  /** By region code, '35.78' or '3578', as public addresses name it; unknown → 404. */
  async bodyByCode(code: string): Promise<BodyRow> {
    const plain = code.replace(/\./g, '');
    const body = /^\d{2,4}$/.test(plain) ? (await this.units.findBodies()).find((b) => b.regionCode.replace(/\./g, '') === plain) : undefined;
    if (!body) throw new NotFound('Badan publik tidak ditemukan.');
    return body;
  }

  /** The bodies whose reports the actor may read as an officer: their own, or all (bureau, admin). */
  async bodiesOf(actor: Actor): Promise<BodyRow[]> {
    const bodies = await this.units.findBodies();
    if (actor.role === 'bureau' || actor.role === 'admin') return bodies;
    const bodyId = actor.role === 'supervisor' ? actor.bodyId : actor.unitId !== null ? ((await this.units.findPlace(actor.unitId))?.bodyId ?? null) : null;
    return bodies.filter((b) => b.id === bodyId);
  }

  /** The report as officers see it (draft or published). 404 for a body the actor has no unit in. */
  async forOfficer(actor: Actor, bodyId: number, year: number, now: Date): Promise<AnnualReportView> {
    const body = await this.bodyById(bodyId);
    await this.assertCanRead(actor, body.id);
    const report = await this.repo.findOne(body.id, year);
    const canEdit = report?.publishedAt == null && (await this.isPpid(actor, body.id));
    return {
      body,
      year,
      figures: report?.publishedFigures ?? (await this.figures(body.id, year)),
      narrative: narrativeOf(report),
      version: report?.version ?? 0,
      publishedAt: report?.publishedAt ?? null,
      deadline: annualReportDeadline(year),
      canEdit,
      canPublish: canEdit && year < Number(this.today(now).slice(0, 4)),
    };
  }

  /** The published report, for everyone; a draft or an unknown report answers 404. */
  async published(bodyCode: string, year: number): Promise<AnnualReportView> {
    const body = await this.bodyByCode(bodyCode);
    const report = await this.repo.findOne(body.id, year);
    if (!report?.publishedAt || !report.publishedFigures) throw new NotFound('Laporan ini belum diumumkan.');
    return {
      body,
      year,
      figures: report.publishedFigures,
      narrative: narrativeOf(report),
      version: report.version,
      publishedAt: report.publishedAt,
      deadline: annualReportDeadline(year),
      canEdit: false,
      canPublish: false,
    };
  }

  /** Years a body has published, newest first (for its public list). */
  async publishedYears(bodyCode: string): Promise<{ body: BodyRow; years: number[] }> {
    const body = await this.bodyByCode(bodyCode);
    return { body, years: (await this.repo.findPublishedOfBody(body.id)).map((r) => r.year) };
  }

  /** Saves the narrative (audited in the same transaction); a published report is refused (409). */
  async saveNarrative(actor: Actor, bodyId: number, year: number, input: unknown, now: Date): Promise<void> {
    const body = await this.bodyById(bodyId);
    await this.assertPpid(actor, body.id);
    const narrative = parseDto(NarrativeDto, input);
    await this.db.transaction(async (m) => {
      const report = await this.repo.lockOrCreate(m, body.id, year);
      if (report.publishedAt) throw new ReportAlreadyPublished();
      await this.repo.saveNarrative(
        m,
        report.id,
        { policy: narrative.policy ?? '', resources: narrative.resources ?? '', obstacles: narrative.obstacles ?? '', recommendations: narrative.recommendations ?? '' },
        actor.userId,
        now,
      );
      await this.audit.record({ actor, action: 'annual_report.updated', target: { type: 'body', id: body.id }, details: { year } }, m);
    });
  }

  /**
   * Publishes the report: the year must be over and every narrative section written; the figures
   * are taken now and kept. Audited in the same transaction; publishing twice is refused (409).
   */
  async publish(actor: Actor, bodyId: number, year: number, now: Date): Promise<void> {
    const body = await this.bodyById(bodyId);
    await this.assertPpid(actor, body.id);
    if (year >= Number(this.today(now).slice(0, 4))) throw new ReportYearNotOver(year);
    const figures = await this.figures(body.id, year);
    await this.db.transaction(async (m) => {
      const report = await this.repo.lockOrCreate(m, body.id, year);
      if (report.publishedAt) throw new ReportAlreadyPublished();
      const check = validateDto(PublishableNarrativeDto, narrativeOf(report));
      if (check.errors) throw new ValidationFailed(check.errors, 'Lengkapi semua bagian uraian laporan sebelum diumumkan.');
      await this.repo.publish(m, report.id, figures, actor.userId, now);
      await this.audit.record({ actor, action: 'annual_report.published', target: { type: 'body', id: body.id }, details: { year, requests: figures.total } }, m);
    });
  }

  /**
   * Publishes a report as of `publishedAt` with the narrative given and the figures of today, for
   * demo data loaded at start: the actor must be an officer of the body's PPID Utama, as for
   * `publish` (another body's officer: 404; anyone else who sees the body: 403), and is recorded as
   * the publisher; the simulated past is not audited. Never reached from HTTP. False when the
   * report was published already.
   */
  async publishSimulated(actor: Actor, bodyId: number, year: number, narrative: Narrative, publishedAt: Date): Promise<boolean> {
    const body = await this.bodyById(bodyId);
    await this.assertPpid(actor, body.id);
    const figures = await this.figures(body.id, year);
    return this.db.transaction(async (m) => {
      const report = await this.repo.lockOrCreate(m, body.id, year);
      if (report.publishedAt) return false;
      await this.repo.saveNarrative(m, report.id, narrative, actor.userId, publishedAt);
      await this.repo.publish(m, report.id, figures, actor.userId, publishedAt);
      return true;
    });
  }

  /** Last year's report of each body the actor works for, with its deadline (31 March). */
  async dueFor(actor: Actor, now: Date): Promise<ReportDue[]> {
    if (actor.role !== 'officer' && actor.role !== 'supervisor') return [];
    const today = this.today(now);
    const year = Number(today.slice(0, 4)) - 1;
    const out: ReportDue[] = [];
    for (const body of await this.bodiesOf(actor)) {
      const report = await this.repo.findOne(body.id, year);
      out.push({ body, year, deadline: annualReportDeadline(year), today, published: report?.publishedAt != null });
    }
    return out;
  }

  /** The year's figures from the body's register (requests received that year, province time). */
  private async figures(bodyId: number, year: number): Promise<AnnualFigures> {
    const zone = this.config.provinceTimeZone;
    const entries = await this.registers.entriesOfBody(bodyId, instantOfLocalTime(`${year}-01-01`, 0, zone), instantOfLocalTime(`${year + 1}-01-01`, 0, zone));
    const recorded = await this.objections.findForReport(
      bodyId,
      instantOfLocalTime(`${year}-01-01`, 0, zone),
      instantOfLocalTime(`${year + 1}-01-01`, 0, zone),
      `${year}-01-01`,
      `${year}-12-31`,
    );
    return buildAnnualFigures(year, entries, buildObjectionFigures(recorded.objections, recorded.disputes));
  }

  private async assertCanRead(actor: Actor, bodyId: number): Promise<void> {
    const visible = await this.access.visibleUnitIds(actor);
    if (visible === 'all') return;
    const refs = await this.units.findUnitRefsOfBody(bodyId);
    if (!refs.some((u) => visible.includes(u.id))) throw new NotFound('Badan publik tidak ditemukan.');
  }

  /** The PPID: an officer of the body's PPID Utama. */
  private async isPpid(actor: Actor, bodyId: number): Promise<boolean> {
    if (actor.role !== 'officer' || actor.unitId === null) return false;
    return (await this.units.findBodyWithUtama(bodyId))?.id === actor.unitId;
  }

  private async assertPpid(actor: Actor, bodyId: number): Promise<void> {
    await this.assertCanRead(actor, bodyId);
    if (!(await this.isPpid(actor, bodyId))) throw new AccessDenied('Hanya petugas PPID Utama badan publik ini yang dapat mengubah atau mengumumkan laporan.');
  }
}
