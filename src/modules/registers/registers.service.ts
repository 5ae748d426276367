import { Injectable } from '@nestjs/common';
import { Actor } from 'src/common/auth/actor';
import { FieldCipher, sealContext } from 'src/common/crypto/field-cipher';
import { NotFound, ValidationFailed } from 'src/common/errors/domain-error';
import { localDateTimeOf } from 'src/common/time/local-time';
import { AppConfig } from 'src/config/app-config';
import { AuditService } from 'src/modules/audit';
import { AccessPolicy } from 'src/modules/auth';
import { BodiesService, BodyOption, UnitsRepository } from 'src/modules/bodies';
import { CalendarService } from 'src/modules/calendar';
import { ObjectionsRepository, proxyAddressContext } from 'src/modules/objections';
import { buildObjectionEntry, ObjectionRegisterEntry } from './objection-register';
import { maySeePersonalData, VisibleUnitIds } from './register-access';
import { buildRegisterEntry, RegisterEntry } from './register-entry';
import { RegisterFilter, registerQueryOf, PeriodFieldNames, RegisterQuery } from './register-query';
import { RegistersRepository, RegisterSelection, SealedContact } from './registers.repository';
import { RegisterTooLarge } from './registers.errors';

export const REGISTER_PAGE_SIZE = 50;
/** Rows a download (CSV, XLSX, PDF) may hold; more must be narrowed first. */
export const REGISTER_EXPORT_LIMIT = 20000;

export type RegisterFormat = 'csv' | 'xlsx' | 'pdf';

/** Whose register: a body, and one of its units or all the actor may see. */
export interface RegisterScope {
  body: BodyOption;
  unit: { id: number; name: string } | null;
  /** The units of the body the actor may choose from. */
  units: { id: number; name: string }[];
}

export interface RegisterPage<E = RegisterEntry> {
  scope: RegisterScope;
  query: RegisterQuery;
  entries: E[];
  total: number;
  page: number;
  pageCount: number;
  /** Bodies the actor may pick (one for officers and supervisors). */
  bodies: BodyOption[];
}

/** The register needs a body and the actor has none of their own (bureau, admin). */
export interface BodyChoice {
  bodies: BodyOption[];
}

export interface RegisterExport<E = RegisterEntry> {
  scope: RegisterScope;
  query: RegisterQuery;
  entries: E[];
}

interface Resolved {
  scope: RegisterScope;
  selection: RegisterSelection;
  visible: VisibleUnitIds;
}

/**
 * Register permohonan (RULES.md "Registers and reports"): every request a unit or a body received
 * in a period, whatever its status, with the statutory columns. Personal data only for those who
 * work the request (maySeePersonalData), and every showing of it audited before it is sent.
 */
@Injectable()
export class RegistersService {
  constructor(
    private readonly repo: RegistersRepository,
    private readonly objections: ObjectionsRepository,
    private readonly access: AccessPolicy,
    private readonly bodies: BodiesService,
    private readonly units: UnitsRepository,
    private readonly calendar: CalendarService,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** Completes the filters (the period defaults to this year in the province's time zone). */
  query(filter: RegisterFilter, now: Date, names: PeriodFieldNames): RegisterQuery {
    const today = localDateTimeOf(now, this.config.provinceTimeZone).date;
    return registerQueryOf(filter, today, this.config.provinceTimeZone, names);
  }

  /** One page of the register, or the bodies to choose from when the actor has no body of their own. */
  async page(actor: Actor, query: RegisterQuery): Promise<RegisterPage | BodyChoice> {
    const bodies = await this.bodyChoices(actor);
    const resolved = await this.resolve(actor, query);
    if (!resolved) return { bodies };
    const total = await this.repo.count(resolved.selection);
    const pageCount = Math.max(1, Math.ceil(total / REGISTER_PAGE_SIZE));
    const page = Math.min(query.page, pageCount);
    const entries = await this.entries(actor, resolved, REGISTER_PAGE_SIZE, (page - 1) * REGISTER_PAGE_SIZE);
    await this.recordPersonalData(actor, 'register.viewed', resolved, query, entries, null);
    return { scope: resolved.scope, query, entries, total, page, pageCount, bodies };
  }

  /** Every row of the register for a download; more than REGISTER_EXPORT_LIMIT rows is refused. */
  async export(actor: Actor, query: RegisterQuery, format: RegisterFormat): Promise<RegisterExport> {
    const resolved = await this.resolve(actor, query);
    if (!resolved) throw new ValidationFailed({ badan: 'Pilih badan publik.' });
    const total = await this.repo.count(resolved.selection);
    if (total > REGISTER_EXPORT_LIMIT) throw new RegisterTooLarge(REGISTER_EXPORT_LIMIT);
    const entries = await this.entries(actor, resolved, REGISTER_EXPORT_LIMIT, 0);
    await this.recordPersonalData(actor, 'register.exported', resolved, query, entries, format);
    return { scope: resolved.scope, query, entries };
  }

  /** One page of the register keberatan: the same scope, filters, masking and audit as the register permohonan. */
  async objectionPage(actor: Actor, query: RegisterQuery): Promise<RegisterPage<ObjectionRegisterEntry> | BodyChoice> {
    const bodies = await this.bodyChoices(actor);
    const resolved = await this.resolve(actor, query);
    if (!resolved) return { bodies };
    const total = await this.objections.countForRegister(resolved.selection);
    const pageCount = Math.max(1, Math.ceil(total / REGISTER_PAGE_SIZE));
    const page = Math.min(query.page, pageCount);
    const entries = await this.objectionEntries(actor, resolved, REGISTER_PAGE_SIZE, (page - 1) * REGISTER_PAGE_SIZE);
    await this.recordPersonalData(actor, 'objection_register.viewed', resolved, query, entries, null);
    return { scope: resolved.scope, query, entries, total, page, pageCount, bodies };
  }

  /** Every row of the register keberatan for a download; more than REGISTER_EXPORT_LIMIT rows is refused. */
  async objectionExport(actor: Actor, query: RegisterQuery, format: RegisterFormat): Promise<RegisterExport<ObjectionRegisterEntry>> {
    const resolved = await this.resolve(actor, query);
    if (!resolved) throw new ValidationFailed({ badan: 'Pilih badan publik.' });
    const total = await this.objections.countForRegister(resolved.selection);
    if (total > REGISTER_EXPORT_LIMIT) throw new RegisterTooLarge(REGISTER_EXPORT_LIMIT);
    const entries = await this.objectionEntries(actor, resolved, REGISTER_EXPORT_LIMIT, 0);
    await this.recordPersonalData(actor, 'objection_register.exported', resolved, query, entries, format);
    return { scope: resolved.scope, query, entries };
  }

  private async objectionEntries(actor: Actor, resolved: Resolved, limit: number, offset: number): Promise<ObjectionRegisterEntry[]> {
    const rows = await this.objections.findForRegister(resolved.selection, limit, offset);
    return rows.map((r) => {
      const personal = maySeePersonalData(actor, resolved.visible, r)
        ? {
            requesterAddress: this.cipher.decryptText(r.requesterAddress, sealContext('requests', 'requester_address', r.registrationNumber)),
            proxyAddress: this.cipher.decryptText(r.proxyAddress, proxyAddressContext(r.number)),
          }
        : null;
      return buildObjectionEntry(r, personal, this.config.provinceTimeZone);
    });
  }

  /**
   * A body's requests received in a period, personal data masked, for reports built on the
   * register (the annual report). No access check: callers check their own.
   */
  async entriesOfBody(bodyId: number, since: Date, until: Date): Promise<RegisterEntry[]> {
    const calendar = await this.calendar.calendarFor(bodyId);
    const out: RegisterEntry[] = [];
    const batch = 5000;
    for (let offset = 0; ; offset += batch) {
      const records = await this.repo.findRecords({ bodyId, unitIds: null, since, until }, batch, offset);
      out.push(...records.map((r) => buildRegisterEntry(r, null, calendar, this.config.provinceTimeZone)));
      if (records.length < batch) return out;
    }
  }

  private async entries(actor: Actor, resolved: Resolved, limit: number, offset: number): Promise<RegisterEntry[]> {
    const records = await this.repo.findRecords(resolved.selection, limit, offset);
    const calendar = await this.calendar.calendarFor(resolved.scope.body.id);
    return records.map((r) => {
      const personal = maySeePersonalData(actor, resolved.visible, r) ? this.open(r.sealed) : null;
      return buildRegisterEntry(r, personal, calendar, this.config.provinceTimeZone);
    });
  }

  private open(sealed: SealedContact): { address: string | null; phone: string | null } {
    const open = (column: string, value: Buffer | null) => this.cipher.decryptText(value, sealContext('requests', column, sealed.registrationNumber));
    return { address: open('requester_address', sealed.address), phone: open('requester_phone', sealed.phone) };
  }

  /** Recorded before the rows leave the server, and only when they carry personal data or are a download. */
  private async recordPersonalData(
    actor: Actor,
    action: 'register.viewed' | 'register.exported' | 'objection_register.viewed' | 'objection_register.exported',
    resolved: Resolved,
    query: RegisterQuery,
    entries: { personalShown: boolean }[],
    format: RegisterFormat | null,
  ): Promise<void> {
    const personalRows = entries.filter((e) => e.personalShown).length;
    if (action.endsWith('.viewed') && personalRows === 0) return;
    await this.audit.record({
      actor,
      action,
      target: { type: 'body', id: resolved.scope.body.id },
      details: {
        unitId: resolved.scope.unit?.id ?? null,
        from: query.from,
        to: query.to,
        status: query.status ?? null,
        searched: query.search !== undefined,
        rows: entries.length,
        personalRows,
        format,
      },
    });
  }

  private async bodyChoices(actor: Actor): Promise<BodyOption[]> {
    if (actor.role === 'bureau' || actor.role === 'admin') return this.bodies.bodyOptions();
    const own = await this.ownBodyId(actor);
    const body = own === null ? null : await this.bodies.findBodyOption(own);
    return body ? [body] : [];
  }

  private async ownBodyId(actor: Actor): Promise<number | null> {
    if (actor.role === 'supervisor') return actor.bodyId;
    if (actor.role === 'officer' && actor.unitId !== null) return (await this.units.findPlace(actor.unitId))?.bodyId ?? null;
    return null;
  }

  /**
   * The body and units of the register. A unit or body the actor may not see answers 404, as the
   * queue does; a bureau or admin without a chosen body gets null (choose one first).
   */
  private async resolve(actor: Actor, query: RegisterQuery): Promise<Resolved | null> {
    const visible = await this.access.visibleUnitIds(actor);
    let bodyId = query.bodyId;
    if (query.unitId !== undefined) {
      const [unit] = await this.bodies.findUnitsById([query.unitId]);
      if (!unit || !(await this.access.canSeeUnit(actor, unit.id))) throw new NotFound('Unit tidak ditemukan.');
      if (bodyId !== undefined && bodyId !== unit.bodyId) throw new NotFound('Unit tidak ditemukan pada badan publik ini.');
      bodyId = unit.bodyId;
    }
    bodyId ??= (await this.ownBodyId(actor)) ?? undefined;
    if (bodyId === undefined) return null;
    const body = await this.bodies.findBodyOption(bodyId);
    const refs = body ? await this.units.findUnitRefsOfBody(body.id) : [];
    const seen = refs.filter((u) => visible === 'all' || visible.includes(u.id)).map((u) => u.id);
    if (!body || seen.length === 0) throw new NotFound('Badan publik tidak ditemukan.');
    const named = (await this.bodies.findUnitsById(seen)).map((u) => ({ id: u.id, name: u.name })).sort((a, b) => a.name.localeCompare(b.name, 'id'));
    const unit = query.unitId !== undefined ? (named.find((u) => u.id === query.unitId) ?? null) : null;
    const wholeBody = visible === 'all' || seen.length === refs.length;
    return {
      scope: { body, unit, units: named },
      selection: {
        bodyId: body.id,
        unitIds: unit ? [unit.id] : wholeBody ? null : seen,
        since: query.since,
        until: query.until,
        status: query.status,
        search: query.search,
      },
      visible,
    };
  }
}
