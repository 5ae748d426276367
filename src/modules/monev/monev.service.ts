import { Injectable } from '@nestjs/common';
import { Actor } from 'src/common/auth/actor';
import { AccessDenied } from 'src/common/auth/access-errors';
import { localDateTimeOf } from 'src/common/time/local-time';
import { readUploadedFile, UploadedFile } from 'src/common/uploads/uploaded-file';
import { AppConfig } from 'src/config/app-config';
import { DatabaseService } from 'src/database/database.service';
import { AuditService } from 'src/modules/audit';
import { normalizeRegionCode, UnitsRepository } from 'src/modules/bodies';
import { MonevFileRefused, MonevFileTooLarge } from './monev.errors';
import { MonevResult, MonevRepository, MonevYear } from './monev.repository';
import { checkMonevCsv, decodeCsv, MonevQualification, RejectedRow } from './monev-rules';
import { MONEV_FILE_MAX_BYTES } from './upload-rules';

/** A row stored by an import, and what it replaced. */
export interface MonevStoredRow {
  line: number;
  year: number;
  code: string;
  bodyName: string;
  score: number;
  qualification: MonevQualification;
  /** The result of the same year and body before this import; null when there was none. */
  replaced: { score: number; qualification: MonevQualification } | null;
}

/** The report of one import: what was stored (valid rows) and which rows were rejected and why. */
export interface MonevImport {
  fileName: string;
  stored: MonevStoredRow[];
  rejected: RejectedRow[];
  /** The years the stored rows belong to, ascending. */
  years: number[];
}

const ACCEPTED_NAMES = /\.(csv|txt)$/i;

function assertBureau(actor: Actor): void {
  if (actor.role !== 'bureau' && actor.role !== 'admin') throw new AccessDenied();
}

/**
 * The Komisi Informasi's annual monev results, imported by the provincial bureau from CSV and
 * kept apart from the portal's own service index. Reading them is public (the KI publishes them).
 */
@Injectable()
export class MonevService {
  constructor(
    private readonly repo: MonevRepository,
    private readonly units: UnitsRepository,
    private readonly audit: AuditService,
    private readonly db: DatabaseService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Imports a CSV file (bureau or admin): a file that is missing, too large, not CSV text or
   * without the expected header is refused and changes nothing; otherwise every valid row is
   * stored (replacing the same year and body), the others reported with line and reason, and the
   * import audited in the same transaction.
   */
  async import(actor: Actor, file: UploadedFile | undefined, now: Date): Promise<MonevImport> {
    assertBureau(actor);
    if (!file || file.size === 0) throw new MonevFileRefused('Pilih berkas CSV hasil monev.');
    if (file.size > MONEV_FILE_MAX_BYTES) throw new MonevFileTooLarge(MONEV_FILE_MAX_BYTES);
    if (!ACCEPTED_NAMES.test(file.originalname)) throw new MonevFileRefused('Berkas harus berupa CSV (nama berakhiran .csv).');
    const decoded = decodeCsv(await readUploadedFile(file));
    if ('problem' in decoded) throw new MonevFileRefused(decoded.problem);
    const bodies = await this.units.findBodies();
    const byCode = new Map(bodies.map((b) => [b.regionCode, b]));
    const thisYear = Number(localDateTimeOf(now, this.config.provinceTimeZone).date.slice(0, 4));
    const checked = checkMonevCsv(decoded.text, {
      thisYear,
      bodyCode: (raw) => {
        const code = normalizeRegionCode(raw);
        return code !== null && byCode.has(code) ? code : null;
      },
    });
    if (!checked.ok) throw new MonevFileRefused(checked.problem);
    const rows = checked.rows.map((r) => ({ ...r, body: byCode.get(r.code) as (typeof bodies)[number] }));
    const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
    const stored = await this.db.transaction(async (m) => {
      const before = await this.repo.lockExisting(m, rows.map((r) => ({ year: r.year, bodyId: r.body.id })));
      const previous = new Map(before.map((b) => [`${b.year}|${b.bodyId}`, b]));
      await this.repo.upsert(m, rows.map((r) => ({ year: r.year, bodyId: r.body.id, score: r.score, qualification: r.qualification })), actor.userId, now);
      const out: MonevStoredRow[] = rows.map((r) => {
        const old = previous.get(`${r.year}|${r.body.id}`);
        return {
          line: r.line,
          year: r.year,
          code: r.code,
          bodyName: r.body.name,
          score: r.score,
          qualification: r.qualification,
          replaced: old ? { score: old.score, qualification: old.qualification } : null,
        };
      });
      await this.audit.record(
        {
          actor,
          action: 'monev.imported',
          details: { years: years.slice(0, 20), stored: out.length, replaced: out.filter((s) => s.replaced).length, rejected: checked.rejected.length },
        },
        m,
      );
      return out;
    });
    return { fileName: file.originalname, stored, rejected: checked.rejected, years };
  }

  /** The years imported so far, for the import page (bureau or admin). */
  async years(actor: Actor): Promise<MonevYear[]> {
    assertBureau(actor);
    return this.repo.findYears();
  }

  /** Every body's result of a year (public: the KI publishes them). */
  resultsOfYear(year: number): Promise<MonevResult[]> {
    return this.repo.findOfYear(year);
  }
}
