import { Injectable } from '@nestjs/common';
import { NotFound, ValidationFailed } from 'src/common/errors/domain-error';
import { MAX_INT4 } from 'src/common/validation/whole-number';
import { BodyWithUnits, UnitsRepository } from 'src/modules/bodies/units.repository';
import { DatabaseService } from 'src/database/database.service';
import { AuditService } from 'src/modules/audit';
import { Actor } from 'src/common/auth/actor';
import { AccessDenied } from 'src/common/auth/access-errors';
import { isUniqueViolation } from 'src/common/errors/database-errors';
import { UnitCodeTaken } from 'src/modules/bodies/bodies.errors';
import { BodiesService } from 'src/modules/bodies/bodies.service';
import { serviceHoursFrom } from 'src/modules/bodies/service-hours';
import {
  BodiesAdminRepository,
  BodyDetails,
  BodyDetailsRow,
  UnitDetails,
  UnitDetailsRow,
} from './bodies-admin.repository';
import { checkBodyDetails, checkUnitDetails, FormValues } from './details-input';
import { CreateUnitDto } from './dto/create-unit.dto';

function assertAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw new AccessDenied();
}

/** A route's id as a key of an integer column, or null (then the page answers 404). */
function validId(id: number): boolean {
  return Number.isInteger(id) && id >= 1 && id <= MAX_INT4;
}

/** Names of the fields whose stored value changes (what the audit trail records; never the values). */
function changedFields<T extends object>(before: T, after: T): string[] {
  return (Object.keys(after) as (keyof T)[]).filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)).map(String);
}

/**
 * The admin's view of bodies and units: the tree, new PPID Pelaksana under a body's PPID Utama,
 * and the details letters print (a body's office contact and hours, a unit's overrides and signer).
 * Every change is written to the audit trail in its transaction.
 */
@Injectable()
export class UnitsAdminService {
  constructor(
    private readonly db: DatabaseService,
    private readonly repo: BodiesAdminRepository,
    private readonly units: UnitsRepository,
    private readonly audit: AuditService,
    private readonly bodies: BodiesService,
  ) {}

  bodyTree(actor: Actor): Promise<BodyWithUnits[]> {
    assertAdmin(actor);
    return this.units.findBodyTree();
  }

  /** `input` comes validated by CreateUnitDto; what needs the database is checked here. */
  async createPelaksana(actor: Actor, input: CreateUnitDto): Promise<{ id: number }> {
    assertAdmin(actor);
    const { code, name } = input;
    const utama = await this.repo.findUtamaOfBody(input.bodyId);
    if (!utama) throw new ValidationFailed({ bodyId: 'Badan publik tidak ditemukan atau belum memiliki PPID Utama.' });
    if (await this.repo.unitCodeExists(input.bodyId, code)) throw new UnitCodeTaken(code);
    try {
      const id = await this.db.transaction(async (m) => {
        const created = await this.repo.insertPelaksana(
          {
            bodyId: input.bodyId,
            parentId: utama.id,
            code,
            name,
            email: input.email || null,
            timeZone: input.timeZone,
            opensAt: input.opensAt,
            closesAt: input.closesAt,
          },
          m,
        );
        await this.audit.record(
          { actor, action: 'unit.created', target: { type: 'unit', id: created }, details: { bodyId: input.bodyId, parentId: utama.id, level: 'pelaksana' } },
          m,
        );
        return created;
      });
      return { id };
    } catch (e) {
      if (isUniqueViolation(e)) throw new UnitCodeTaken(code);
      throw e;
    }
  }

  async bodyDetails(actor: Actor, bodyId: number): Promise<BodyDetailsRow> {
    assertAdmin(actor);
    const body = validId(bodyId) ? await this.repo.findBodyDetails(bodyId) : null;
    if (!body) throw new NotFound('Badan publik tidak ditemukan.');
    return body;
  }

  /** Checks the form, saves the body's details and records which fields changed. */
  async updateBodyDetails(actor: Actor, bodyId: number, form: FormValues): Promise<{ changed: string[] }> {
    await this.bodyDetails(actor, bodyId);
    const checked = checkBodyDetails(form);
    if (!checked.ok) throw new ValidationFailed(checked.errors);
    const result = await this.db.transaction(async (m) => {
      const before = await this.repo.findBodyDetails(bodyId, m, true);
      if (!before) throw new NotFound('Badan publik tidak ditemukan.');
      const current: BodyDetails = {
        address: before.address,
        phone: before.phone,
        email: before.email,
        website: before.website,
        serviceHours: serviceHoursFrom(before.serviceHours),
        atasanName: before.atasanName,
        atasanPosition: before.atasanPosition,
        atasanAddress: before.atasanAddress,
      };
      const changed = changedFields(current, checked.value);
      if (changed.length === 0) return { changed };
      await this.repo.updateBodyDetails(m, bodyId, checked.value);
      await this.audit.record({ actor, action: 'body.details_updated', target: { type: 'body', id: bodyId }, details: { fields: changed } }, m);
      return { changed };
    });
    // After the commit: a lookup before it would read the old details again.
    this.bodies.invalidateUnits();
    return result;
  }

  async unitDetails(actor: Actor, unitId: number): Promise<UnitDetailsRow> {
    assertAdmin(actor);
    const unit = validId(unitId) ? await this.repo.findUnitDetails(unitId) : null;
    if (!unit) throw new NotFound('Unit PPID tidak ditemukan.');
    return unit;
  }

  /** Checks the form, saves the unit's overrides and signer and records which fields changed. */
  async updateUnitDetails(actor: Actor, unitId: number, form: FormValues): Promise<{ changed: string[] }> {
    await this.unitDetails(actor, unitId);
    const checked = checkUnitDetails(form);
    if (!checked.ok) throw new ValidationFailed(checked.errors);
    const result = await this.db.transaction(async (m) => {
      const before = await this.repo.findUnitDetails(unitId, m, true);
      if (!before) throw new NotFound('Unit PPID tidak ditemukan.');
      const current: UnitDetails = {
        address: before.address,
        phone: before.phone,
        email: before.email,
        signerName: before.signerName,
        signerPosition: before.signerPosition,
        signerNip: before.signerNip,
      };
      const changed = changedFields(current, checked.value);
      if (changed.length === 0) return { changed };
      await this.repo.updateUnitDetails(m, unitId, checked.value);
      await this.audit.record(
        { actor, action: 'unit.details_updated', target: { type: 'unit', id: unitId }, details: { bodyId: before.bodyId, fields: changed } },
        m,
      );
      return { changed };
    });
    this.bodies.invalidateUnits();
    return result;
  }
}
