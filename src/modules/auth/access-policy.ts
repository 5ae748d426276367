import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor } from 'src/common/auth/actor';
import { AccessDenied } from 'src/common/auth/access-errors';
import { includesUnit, UnitRef, visibleUnitIdsOf, VisibleUnits } from './unit-visibility';
import { UnitsRepository } from 'src/modules/bodies';

/**
 * What an actor may see, for every service that shows or changes unit data (the rule itself is
 * visibleUnitIdsOf). Inside a transaction pass its manager: on the embedded database the pool has
 * one connection, and the transaction holds it.
 */
@Injectable()
export class AccessPolicy {
  /**
   * The units of each unit's body, as last read (canSeeUnit). A unit never changes body or level
   * and is never deleted, so a unit seen in a list stays visible to whoever saw it there: a "yes"
   * from this cache is always right. Only a unit added since can be missing, so a "no" is checked
   * against the database before it is given.
   */
  private readonly bodyUnits = new Map<number, UnitRef[]>();

  constructor(private readonly units: UnitsRepository) {}

  /**
   * Officer: their unit, and when it is a PPID Utama every PPID Pelaksana of the same body;
   * supervisor: every unit of their body; bureau and admin: 'all'.
   */
  async visibleUnitIds(actor: Actor, manager?: EntityManager): Promise<VisibleUnits> {
    switch (actor.role) {
      case 'bureau':
      case 'admin':
        return 'all';
      case 'supervisor':
        return actor.bodyId === null ? [] : visibleUnitIdsOf(actor, await this.units.findUnitRefsOfBody(actor.bodyId, manager));
      case 'officer':
        return actor.unitId === null ? [] : visibleUnitIdsOf(actor, await this.units.findUnitRefsBesideUnit(actor.unitId, manager));
    }
  }

  async canSeeUnit(actor: Actor, unitId: number, manager?: EntityManager): Promise<boolean> {
    if (actor.role === 'bureau' || actor.role === 'admin') return true;
    const cached = this.bodyUnits.get(unitId);
    if (cached && includesUnit(visibleUnitIdsOf(actor, cached), unitId)) return true;
    // The units of the unit's body hold the actor's own unit whenever the two share a body.
    const refs = await this.units.findUnitRefsBesideUnit(unitId, manager);
    if (refs.length > 0) this.bodyUnits.set(unitId, refs);
    return includesUnit(visibleUnitIdsOf(actor, refs), unitId);
  }

  /**
   * An officer who works the unit (directly or as its PPID Utama): only they see a requester's
   * unmasked NIK and identity documents. Supervisors, bureau and admins do not.
   */
  async isOfficerOfUnit(actor: Actor, unitId: number, manager?: EntityManager): Promise<boolean> {
    return actor.role === 'officer' && (await this.canSeeUnit(actor, unitId, manager));
  }

  /** Throws AccessDenied (403) unless the actor may see the unit. */
  async assertCanSeeUnit(actor: Actor, unitId: number, manager?: EntityManager): Promise<void> {
    if (!(await this.canSeeUnit(actor, unitId, manager))) throw new AccessDenied();
  }
}
