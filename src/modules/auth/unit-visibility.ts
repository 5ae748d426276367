import type { UnitLevel } from 'src/modules/bodies';
import { Actor } from 'src/common/auth/actor';

/** What the rule needs to know about a PPID unit. */
export interface UnitRef {
  id: number;
  bodyId: number;
  level: UnitLevel;
}

/** The units an actor may see: a list of unit ids, or every unit of the province. */
export type VisibleUnits = number[] | 'all';

/**
 * Who sees which units (pure; AccessPolicy feeds it from the database):
 * - officer of a PPID Pelaksana: that unit;
 * - officer of a PPID Utama: that unit and every PPID Pelaksana of the same body;
 * - supervisor (atasan PPID): every unit of their body;
 * - bureau and admin: every unit.
 * `units` must hold at least the units of the actor's body; others are ignored.
 */
export function visibleUnitIdsOf(actor: Pick<Actor, 'role' | 'unitId' | 'bodyId'>, units: readonly UnitRef[]): VisibleUnits {
  switch (actor.role) {
    case 'bureau':
    case 'admin':
      return 'all';
    case 'supervisor':
      return actor.bodyId === null ? [] : idsOf(units.filter((u) => u.bodyId === actor.bodyId));
    case 'officer': {
      const own = units.find((u) => u.id === actor.unitId);
      if (!own) return [];
      if (own.level === 'pelaksana') return [own.id];
      return idsOf(units.filter((u) => u.bodyId === own.bodyId));
    }
  }
}

export function includesUnit(visible: VisibleUnits, unitId: number): boolean {
  return visible === 'all' || visible.includes(unitId);
}

function idsOf(units: readonly UnitRef[]): number[] {
  return units.map((u) => u.id).sort((a, b) => a - b);
}
