import { Injectable } from '@nestjs/common';
import { Actor } from 'src/common/auth/actor';
import { AccessDenied } from 'src/common/auth/access-errors';
import { BodyRow, UnitRow, UnitsRepository } from 'src/modules/bodies';

export interface BodyWithUnits extends BodyRow {
  units: UnitRow[];
}

/** The bodies and units an account can be placed in, for the account form (read only). */
@Injectable()
export class AccountPlacesService {
  constructor(private readonly units: UnitsRepository) {}

  async bodyTree(actor: Actor): Promise<BodyWithUnits[]> {
    if (actor.role !== 'admin') throw new AccessDenied();
    const [bodies, units] = await Promise.all([this.units.findBodies(), this.units.findAllUnits()]);
    const byBody = new Map<number, UnitRow[]>();
    for (const u of units) byBody.set(u.bodyId, [...(byBody.get(u.bodyId) ?? []), u]);
    return bodies.map((b) => ({ ...b, units: byBody.get(b.id) ?? [] }));
  }
}
