import { Injectable } from '@nestjs/common';
import { AccessDenied } from 'src/common/auth/access-errors';
import { Actor } from 'src/common/auth/actor';
import { FileTooLarge, NotFound, ValidationFailed } from 'src/common/errors/domain-error';
import { sniffFileTypeAt } from 'src/common/files/file-sniffer';
import { validateDto } from 'src/common/forms/validate-dto';
import { localDateTimeOf } from 'src/common/time/local-time';
import { readUploadedFile, UploadedFile } from 'src/common/uploads/uploaded-file';
import { AppConfig } from 'src/config/app-config';
import { DatabaseService } from 'src/database/database.service';
import { AccessPolicy } from 'src/modules/auth';
import { BodiesService, BodySummary } from 'src/modules/bodies';
import { CalendarService, WorkingDayCalendar } from 'src/modules/calendar';
import { FilesService } from 'src/modules/files';
import { DipCategory, periodRule } from './dip-categories';
import { Rhythm, rhythmOf } from './dip-rhythm';
import { DipItemChanged, DipItemWithdrawn } from './dip.errors';
import { DipFileRecord, DipHistoryRecord, DipItemFields, DipItemRecord, DipItemsAsOf, DipRepository, ExemptionSourceRecord } from './dip.repository';
import { DipItemDto, DipWithdrawalDto } from './dto/dip-item.dto';
import { DIP_FILE_MAX_BYTES, DIP_FILE_TYPES } from './upload-rules';

/** An item with its files and, when it is kept on a rhythm, where that stands today. */
export interface DipItemView {
  item: DipItemRecord;
  files: DipFileRecord[];
  rhythm: Rhythm | null;
  /** The consequence tests (refusals and partial grants) behind an exempted item, or behind it before it was opened. */
  sources: ExemptionSourceRecord[];
}

export interface DipUnitOption {
  id: number;
  name: string;
  level: 'utama' | 'pelaksana';
}

export interface DipDesk {
  today: string;
  units: DipUnitOption[];
  items: DipItemView[];
  /** Whether the actor may add and edit items (officers). */
  canEdit: boolean;
}

export interface DipOfficerItem extends DipItemView {
  history: DipHistoryRecord[];
  units: DipUnitOption[];
  canEdit: boolean;
}

export interface DipPublicList {
  body: BodySummary;
  items: DipItemView[];
  filter: { category?: DipCategory; unitId?: number };
  today: string;
}

/** A berkala item due soon or stale on its unit's day, for the reminders. */
export interface DipDueItem {
  item: DipItemRecord;
  rhythm: Rhythm;
  today: string;
  workingDay: boolean;
}

/** An item of the demo data, written as an officer of its unit would have. */
export interface SimulatedDipItem extends DipItemFields {
  createdAt: Date;
}

interface CheckedFile {
  filename: string;
  mediaType: string;
  content: Buffer;
}

const FIELD_NAMES: (keyof DipItemFields)[] = [
  'unitId', 'category', 'title', 'summary', 'responsibleOfficial', 'madeWhen', 'madeWhere', 'form', 'retention',
  'updatePeriodMonths', 'lastUpdatedOn', 'exemptionGround', 'exemptionLaw', 'exemptionUntil', 'links',
];

/**
 * The Daftar Informasi Publik (UU 14/2008 Pasal 9–11, 17): items per body and PPID unit, kept by
 * the unit's officers (the PPID Utama's officers keep every unit of the body), every change in the
 * item's history; the public list and item pages; berkala items' rhythm on the body's calendar.
 */
@Injectable()
export class DipService {
  constructor(
    private readonly repo: DipRepository,
    private readonly access: AccessPolicy,
    private readonly bodies: BodiesService,
    private readonly calendars: CalendarService,
    private readonly files: FilesService,
    private readonly db: DatabaseService,
    private readonly config: AppConfig,
  ) {}

  today(now: Date, timeZone = this.config.provinceTimeZone): string {
    return localDateTimeOf(now, timeZone).date;
  }

  // Officers.

  /** The officer's desk: the items of every unit they may see, each berkala item with its due date and state. */
  async desk(actor: Actor, now: Date, filter: { unitId?: number; category?: DipCategory; withdrawn?: boolean } = {}): Promise<DipDesk> {
    const units = await this.unitsOf(actor);
    if (units.length === 0) throw new AccessDenied('Halaman ini untuk petugas dan atasan PPID.');
    if (filter.unitId !== undefined && !units.some((u) => u.id === filter.unitId)) throw new NotFound('Unit tidak ditemukan.');
    const items = await this.repo.findItems({ unitIds: filter.unitId !== undefined ? [filter.unitId] : units.map((u) => u.id), category: filter.category, withdrawn: filter.withdrawn });
    return { today: this.today(now), units, items: await this.views(items, now), canEdit: actor.role === 'officer' };
  }

  /** Units the actor keeps (officers) or oversees (the atasan PPID: the whole body); empty for others. */
  async unitsOf(actor: Actor): Promise<DipUnitOption[]> {
    if (actor.role !== 'officer' && actor.role !== 'supervisor') return [];
    const visible = await this.access.visibleUnitIds(actor);
    if (visible === 'all' || visible.length === 0) return [];
    const units = await this.bodies.findUnitsById(visible);
    return units
      .filter((u) => u.active)
      .map((u) => ({ id: u.id, name: u.name, level: u.level }))
      .sort((a, b) => (a.level === b.level ? a.name.localeCompare(b.name, 'id') : a.level === 'utama' ? -1 : 1));
  }

  async officerItem(actor: Actor, id: number, now: Date): Promise<DipOfficerItem> {
    const item = await this.visibleItem(actor, id);
    const [view] = await this.views([item], now);
    return { ...view, history: await this.repo.findHistory(id), units: await this.unitsOf(actor), canEdit: actor.role === 'officer' && item.status === 'active' };
  }

  /** Adds an item; returns its id. Files are checked by their bytes before anything is written. */
  async create(actor: Actor, input: unknown, uploads: UploadedFile[], now: Date): Promise<number> {
    const fields = this.parse(input, now);
    await this.assertKeeps(actor, fields.unitId, 'unitId');
    const files = await this.checkedFiles(fields.category, uploads);
    const [unit] = await this.bodies.findUnitsById([fields.unitId]);
    return this.db.transaction(async (m) => {
      const id = await this.repo.insertItem(m, unit.bodyId, fields, actor.userId, now);
      await this.repo.addHistory(m, id, actor.userId, 'created', { ...fields }, now);
      await this.attach(m, actor, id, files, now);
      return id;
    });
  }

  /** Saves an edited item: only the changed columns go into its history (before and after). */
  async update(actor: Actor, id: number, input: unknown, uploads: UploadedFile[], now: Date, version?: unknown): Promise<void> {
    const current = await this.visibleItem(actor, id);
    this.assertOfficer(actor);
    if (current.status !== 'active') throw new DipItemWithdrawn();
    const fields = this.parse(input, now);
    await this.assertKeeps(actor, fields.unitId, 'unitId');
    const [unit] = await this.bodies.findUnitsById([fields.unitId]);
    if (unit.bodyId !== current.bodyId) throw new ValidationFailed({ unitId: 'Pilih unit PPID pada badan publik yang sama.' });
    const files = await this.checkedFiles(fields.category, uploads);
    if (fields.category === 'dikecualikan' && (await this.repo.findFiles([id])).length > 0) {
      throw new ValidationFailed({ category: 'Hapus dahulu berkas informasi ini: informasi yang dikecualikan tidak melampirkan berkas.' });
    }
    await this.db.transaction(async (m) => {
      const locked = await this.repo.lockItem(m, id);
      if (!locked || locked.status !== 'active') throw new DipItemWithdrawn();
      if (version !== undefined && version !== null && version !== '' && String(version) !== String(locked.version)) throw new DipItemChanged();
      const changes = changesOf(locked, fields);
      if (Object.keys(changes).length > 0) {
        await this.repo.updateItem(m, id, fields, actor.userId, now);
        await this.repo.addHistory(m, id, actor.userId, 'updated', changes, now);
      }
      await this.attach(m, actor, id, files, now);
    });
  }

  /** "Sudah diperbarui": a berkala item brought up to date today (its new due date follows from it). */
  async markRefreshed(actor: Actor, id: number, now: Date): Promise<void> {
    const item = await this.visibleItem(actor, id);
    this.assertOfficer(actor);
    if (item.status !== 'active') throw new DipItemWithdrawn();
    if (item.updatePeriodMonths === null) throw new ValidationFailed({ form: 'Informasi ini tidak memiliki jangka waktu pemutakhiran.' });
    const today = this.today(now, item.timeZone);
    await this.db.transaction(async (m) => {
      await this.repo.markRefreshed(m, id, today, actor.userId, now);
      await this.repo.addHistory(m, id, actor.userId, 'refreshed', { lastUpdatedOn: { from: item.lastUpdatedOn, to: today } }, now);
    });
  }

  /** Takes an item off the public list; it stays, with its history, on the officers' desk. */
  async withdraw(actor: Actor, id: number, input: unknown, now: Date): Promise<void> {
    const item = await this.visibleItem(actor, id);
    this.assertOfficer(actor);
    if (item.status !== 'active') throw new DipItemWithdrawn();
    const result = validateDto(DipWithdrawalDto, input);
    if (result.errors) throw new ValidationFailed(result.errors);
    await this.db.transaction(async (m) => {
      await this.repo.withdraw(m, id, result.value.reason, actor.userId, now);
      await this.repo.addHistory(m, id, actor.userId, 'withdrawn', { reason: result.value.reason }, now);
    });
  }

  /** Takes one file off an item (the stored file is kept, and the history names it). */
  async removeFile(actor: Actor, id: number, attachmentId: number, now: Date): Promise<void> {
    const item = await this.visibleItem(actor, id);
    this.assertOfficer(actor);
    if (item.status !== 'active') throw new DipItemWithdrawn();
    const file = (await this.repo.findFiles([id])).find((f) => f.id === attachmentId);
    if (!file) throw new NotFound('Berkas tidak ditemukan.');
    await this.db.transaction(async (m) => {
      if ((await this.repo.detachFile(m, id, attachmentId, actor.userId, now)) === 0) throw new NotFound('Berkas tidak ditemukan.');
      await this.repo.addHistory(m, id, actor.userId, 'file_removed', { filename: file.filename }, now);
    });
  }

  // The public.

  /** A body's DIP as the public sees it: active items of every unit, by category. */
  async publicList(code: string, filter: { category?: DipCategory; unitId?: number }, now: Date): Promise<DipPublicList> {
    const body = await this.bodies.getBody(code);
    const bodyId = (await this.bodyIdOf(body)) ?? 0;
    if (filter.unitId !== undefined && !body.units.some((u) => u.id === filter.unitId)) throw new NotFound('Unit tidak ditemukan pada badan publik ini.');
    const items = await this.repo.findItems({ bodyId, category: filter.category, unitIds: filter.unitId !== undefined ? [filter.unitId] : undefined });
    return { body, items: await this.views(items, now), filter, today: this.today(now) };
  }

  async publicItem(code: string, id: number, now: Date): Promise<{ body: BodySummary; view: DipItemView }> {
    const body = await this.bodies.getBody(code);
    const item = await this.repo.findItem(id);
    if (!item || item.status !== 'active' || item.bodyCode !== body.code) throw new NotFound('Informasi tidak ditemukan.');
    const [view] = await this.views([item], now);
    return { body, view };
  }

  /** A file of a public item; none of a dikecualikan item (which never has any). */
  async publicFile(code: string, id: number, attachmentId: number): Promise<{ filename: string; mediaType: string; content: Buffer }> {
    const { view } = await this.publicItem(code, id, new Date());
    const attached = view.files.find((f) => f.id === attachmentId);
    if (!attached || view.item.category === 'dikecualikan') throw new NotFound('Berkas tidak ditemukan.');
    const file = await this.files.read(attached.fileId);
    if (!file) throw new NotFound('Berkas tidak ditemukan.');
    return { filename: file.filename, mediaType: file.mediaType, content: file.plain };
  }

  /** How many active items each body has in each category (the list of bodies). */
  countsByBody(): Promise<{ bodyCode: string; category: DipCategory; n: number }[]> {
    return this.repo.countsByBody();
  }

  // Scorecards.

  /**
   * Every body's DIP as it stood at the end of `day` (a local date of the province's zone), grouped
   * by body, category, period and last update: one statement for all bodies (the scorecards' DIP
   * completeness and berkala freshness; the staleness rule is `rhythmOf`).
   */
  async itemsAsOf(day: string): Promise<DipItemsAsOf[]> {
    return this.repo.itemsAsOf(day, this.config.provinceTimeZone);
  }

  // Reminders and demo data.

  /** Items kept on a rhythm that are due soon or stale on `asOf` (of every unit, or of the units given), each on its own unit's local day and body calendar. */
  async dueItems(asOf: Date, unitIds?: readonly number[]): Promise<DipDueItem[]> {
    const out: DipDueItem[] = [];
    const calendars = new Map<number, WorkingDayCalendar>();
    for (const item of await this.repo.findRhythmItems(unitIds)) {
      if (!calendars.has(item.bodyId)) calendars.set(item.bodyId, await this.calendars.calendarFor(item.bodyId));
      const calendar = calendars.get(item.bodyId)!;
      const today = this.today(asOf, item.timeZone);
      const rhythm = rhythmOf(calendar, item.lastUpdatedOn!, item.updatePeriodMonths!, today);
      if (rhythm.state === 'aman') continue;
      const workingDay = today >= calendar.firstDate && today <= calendar.lastDate ? calendar.isWorkingDay(today) : true;
      out.push({ item, rhythm, today, workingDay });
    }
    return out;
  }

  /** Writes the demo DIP of a body in one transaction, each item with its 'created' history; returns how many. */
  async loadSimulated(items: readonly SimulatedDipItem[]): Promise<number> {
    if (items.length === 0) return 0;
    const units = new Map((await this.bodies.findUnitsById([...new Set(items.map((i) => i.unitId))])).map((u) => [u.id, u]));
    const rows = items.flatMap((item) => {
      const unit = units.get(item.unitId);
      return unit ? [{ ...item, bodyId: unit.bodyId }] : [];
    });
    return this.db.transaction((m) => this.repo.insertMany(m, rows));
  }

  // Helpers.

  private async views(items: DipItemRecord[], now: Date): Promise<DipItemView[]> {
    const files = await this.repo.findFiles(items.map((i) => i.id));
    const sources = await this.repo.findSources(items.filter((i) => i.category === 'dikecualikan' || i.openedAt !== null).map((i) => i.id));
    const calendars = new Map<number, WorkingDayCalendar>();
    const out: DipItemView[] = [];
    for (const item of items) {
      let rhythm: Rhythm | null = null;
      if (item.updatePeriodMonths !== null && item.lastUpdatedOn !== null && item.status === 'active') {
        if (!calendars.has(item.bodyId)) calendars.set(item.bodyId, await this.calendars.calendarFor(item.bodyId));
        rhythm = rhythmOf(calendars.get(item.bodyId)!, item.lastUpdatedOn, item.updatePeriodMonths, this.today(now, item.timeZone));
      }
      out.push({ item, files: files.filter((f) => f.itemId === item.id), rhythm, sources: sources.filter((x) => x.itemId === item.id) });
    }
    return out;
  }

  /** The validated input, with the fields its category does not have cleared. */
  private parse(input: unknown, now: Date): DipItemFields {
    const given = typeof input === 'object' && input !== null && !Array.isArray(input) ? { ...(input as Record<string, unknown>) } : {};
    // No links is a list of none.
    if (Array.isArray(given.links) && given.links.length === 0) delete given.links;
    const result = validateDto(DipItemDto, given, { today: this.today(now) });
    if (result.errors) throw new ValidationFailed(result.errors);
    const d = result.value;
    const exempt = d.category === 'dikecualikan';
    const rhythm = periodRule(d.category) !== 'none' && d.updatePeriodMonths !== undefined;
    return {
      unitId: d.unitId,
      category: d.category,
      title: d.title,
      summary: d.summary,
      responsibleOfficial: d.responsibleOfficial,
      madeWhen: d.madeWhen,
      madeWhere: d.madeWhere,
      form: d.form,
      retention: d.retention,
      updatePeriodMonths: rhythm ? d.updatePeriodMonths! : null,
      lastUpdatedOn: rhythm ? (d.lastUpdatedOn ?? null) : null,
      exemptionGround: exempt ? (d.exemptionGround ?? null) : null,
      exemptionLaw: exempt && d.exemptionLaw ? d.exemptionLaw : null,
      exemptionUntil: exempt && d.exemptionUntil ? d.exemptionUntil : null,
      links: exempt ? [] : [...new Set(d.links ?? [])],
    };
  }

  /** 404 for an item of a unit the actor may not see (another body's), as the request pages do. */
  private async visibleItem(actor: Actor, id: number): Promise<DipItemRecord> {
    const item = await this.repo.findItem(id);
    if (!item || (actor.role !== 'officer' && actor.role !== 'supervisor') || !(await this.access.canSeeUnit(actor, item.unitId))) {
      throw new NotFound('Informasi tidak ditemukan.');
    }
    return item;
  }

  private assertOfficer(actor: Actor): void {
    if (actor.role !== 'officer') throw new AccessDenied('Daftar Informasi Publik diubah oleh petugas PPID unit yang menguasai informasinya.');
  }

  /** Only officers keep a DIP, and only for units they work (a PPID Utama officer: every unit of the body). */
  private async assertKeeps(actor: Actor, unitId: number, field: string): Promise<void> {
    this.assertOfficer(actor);
    const units = await this.unitsOf(actor);
    if (!units.some((u) => u.id === unitId)) throw new ValidationFailed({ [field]: 'Pilih unit PPID yang Anda kelola.' });
  }

  private async checkedFiles(category: DipCategory, uploads: UploadedFile[]): Promise<CheckedFile[]> {
    const chosen = uploads.filter((f) => f.size > 0);
    if (chosen.length === 0) return [];
    if (category === 'dikecualikan') throw new ValidationFailed({ files: 'Informasi yang dikecualikan tidak dilampiri berkas: hanya alasan pengecualiannya yang diumumkan.' });
    const out: CheckedFile[] = [];
    for (const f of chosen) {
      if (f.size > DIP_FILE_MAX_BYTES) throw new FileTooLarge({ files: `${f.originalname}: paling besar 20 MB.` });
      const type = await sniffFileTypeAt(f.path);
      if (!type || !DIP_FILE_TYPES.has(type.ext)) throw new ValidationFailed({ files: `${f.originalname}: hanya PDF, gambar (JPEG/PNG) atau berkas perkantoran.` });
      out.push({ filename: f.originalname, mediaType: type.mime, content: await readUploadedFile(f) });
    }
    return out;
  }

  private async attach(m: Parameters<DipRepository['attachFile']>[0], actor: Actor, itemId: number, files: CheckedFile[], now: Date): Promise<void> {
    for (const f of files) {
      const stored = await this.files.store(m, { kind: 'dip_document', filename: f.filename, mediaType: f.mediaType, content: f.content, encrypt: false });
      await this.repo.attachFile(m, itemId, stored.id, actor.userId, now);
      await this.repo.addHistory(m, itemId, actor.userId, 'file_added', { filename: stored.filename, size: stored.size }, now);
    }
  }

  private async bodyIdOf(body: BodySummary): Promise<number | null> {
    const unitId = body.units[0]?.id;
    if (unitId === undefined) return null;
    const [unit] = await this.bodies.findUnitsById([unitId]);
    return unit?.bodyId ?? null;
  }
}

/** Each changed column with its value before and after. */
export function changesOf(before: DipItemFields, after: DipItemFields): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of FIELD_NAMES) {
    const a = before[key];
    const b = after[key];
    if (JSON.stringify(a ?? null) !== JSON.stringify(b ?? null)) out[key] = { from: a ?? null, to: b ?? null };
  }
  return out;
}
