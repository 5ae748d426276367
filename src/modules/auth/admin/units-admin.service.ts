import { Injectable } from '@nestjs/common';
import { ValidationFailed } from 'src/common/errors/domain-error';
import { DatabaseService } from 'src/database/database.service';
import { AuditService } from 'src/modules/audit';
import { Actor } from 'src/common/auth/actor';
import { UnitCodeTaken } from 'src/modules/auth/auth.errors';
import { AccessDenied } from 'src/common/auth/access-errors';
import { BodyRow, UnitRow, UnitsRepository } from 'src/modules/auth/units.repository';
import { isUniqueViolation } from 'src/common/errors/database-errors';

export interface BodyWithUnits extends BodyRow {
  units: UnitRow[];
}

export interface NewPelaksana {
  bodyId: number;
  name: string;
  code: string;
  email?: string;
  timeZone: string;
  opensAt: string;
  closesAt: string;
}

/** The admin's view of bodies and units: the tree, and new PPID Pelaksana under a body's PPID Utama. */
@Injectable()
export class UnitsAdminService {
  constructor(
    private readonly db: DatabaseService,
    private readonly units: UnitsRepository,
    private readonly audit: AuditService,
  ) {}

  async bodyTree(actor: Actor): Promise<BodyWithUnits[]> {
    if (actor.role !== 'admin') throw new AccessDenied();
    const [bodies, units] = await Promise.all([this.units.findBodies(), this.units.findAllUnits()]);
    const byBody = new Map<number, UnitRow[]>();
    for (const u of units) byBody.set(u.bodyId, [...(byBody.get(u.bodyId) ?? []), u]);
    return bodies.map((b) => ({ ...b, units: byBody.get(b.id) ?? [] }));
  }

  async createPelaksana(actor: Actor, input: NewPelaksana): Promise<{ id: number }> {
    if (actor.role !== 'admin') throw new AccessDenied();
    const code = input.code.trim().toUpperCase();
    const name = input.name.trim().replace(/\s+/g, ' ');
    const errors: Record<string, string> = {};
    if (name === '') errors.name = 'Isi nama unit.';
    if (!/^[A-Z0-9]{1,8}$/.test(code)) errors.code = 'Kode unit terdiri atas 1–8 huruf kapital atau angka.';
    if (input.opensAt >= input.closesAt) errors.closesAt = 'Jam layanan ditutup harus setelah jam dibuka.';
    const utama = await this.units.findBodyWithUtama(input.bodyId);
    if (!utama) errors.bodyId = 'Badan publik tidak ditemukan atau belum memiliki PPID Utama.';
    if (Object.keys(errors).length > 0 || !utama) throw new ValidationFailed(errors);
    if (await this.units.findUnitByCode(input.bodyId, code)) throw new UnitCodeTaken(code);
    try {
      const id = await this.db.transaction(async (m) => {
        const created = await this.units.insertPelaksana(
          {
            bodyId: input.bodyId,
            parentId: utama.id,
            code,
            name,
            email: input.email?.trim().toLowerCase() || null,
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
}
