import fc from 'fast-check';
import { Actor, Role } from 'src/common/auth/actor';
import { UnitsRepository } from 'src/modules/bodies';
import { AccessPolicy } from './access-policy';
import { includesUnit, UnitRef, visibleUnitIdsOf } from './unit-visibility';

/** The units table as a list that only grows (units are never moved, changed in level or deleted); counts lookups. */
class GrowingUnits {
  readonly rows: UnitRef[] = [];
  lookups = 0;

  async findUnitRefsBesideUnit(unitId: number): Promise<UnitRef[]> {
    this.lookups++;
    const own = this.rows.find((u) => u.id === unitId);
    return Promise.resolve(own ? this.rows.filter((u) => u.bodyId === own.bodyId).map((u) => ({ ...u })) : []);
  }

  async findUnitRefsOfBody(bodyId: number): Promise<UnitRef[]> {
    return Promise.resolve(this.rows.filter((u) => u.bodyId === bodyId).map((u) => ({ ...u })));
  }
}

function actor(role: Role, unitId: number | null, bodyId: number | null): Actor {
  return { userId: 1, name: 'Petugas', email: 'petugas@contoh.id', role, unitId, bodyId } as Actor;
}

describe('AccessPolicy.canSeeUnit', () => {
  let units: GrowingUnits;
  let policy: AccessPolicy;

  beforeEach(() => {
    units = new GrowingUnits();
    units.rows.push({ id: 10, bodyId: 1, level: 'utama' }, { id: 11, bodyId: 1, level: 'pelaksana' }, { id: 20, bodyId: 2, level: 'utama' });
    policy = new AccessPolicy(units as unknown as UnitsRepository);
  });

  it('should answer a unit seen before without reading the units again', async () => {
    const officer = actor('officer', 10, 1);
    await expect(policy.canSeeUnit(officer, 11)).resolves.toBe(true);
    await expect(policy.canSeeUnit(officer, 11)).resolves.toBe(true);
    expect(units.lookups).toBe(1);
  });

  it('should read the units again before refusing, so a unit added since is seen at once', async () => {
    const officer = actor('officer', 12, 1);
    // The officer's own unit does not exist yet when unit 11 is first looked at.
    await expect(policy.canSeeUnit(officer, 11)).resolves.toBe(false);
    units.rows.push({ id: 12, bodyId: 1, level: 'utama' });
    await expect(policy.canSeeUnit(officer, 11)).resolves.toBe(true);
    await expect(policy.canSeeUnit(actor('officer', 10, 1), 20)).resolves.toBe(false);
  });

  it('should refuse another body’s unit to an officer and a supervisor, and let bureau and admin see all without a lookup', async () => {
    await expect(policy.canSeeUnit(actor('officer', 11, 1), 20)).resolves.toBe(false);
    await expect(policy.canSeeUnit(actor('supervisor', null, 1), 20)).resolves.toBe(false);
    await expect(policy.canSeeUnit(actor('supervisor', null, 2), 20)).resolves.toBe(true);
    const before = units.lookups;
    await expect(policy.canSeeUnit(actor('bureau', null, null), 20)).resolves.toBe(true);
    await expect(policy.canSeeUnit(actor('admin', null, null), 999)).resolves.toBe(true);
    expect(units.lookups).toBe(before);
  });

  it('should give the rule’s answer on the units as they stand, whatever was asked and added before', async () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), bodyId: fc.integer({ min: 1, max: 3 }), level: fc.constantFrom('utama' as const, 'pelaksana' as const) }),
      fc.record({
        kind: fc.constant('ask' as const),
        role: fc.constantFrom<Role>('officer', 'supervisor', 'bureau', 'admin'),
        unitId: fc.integer({ min: 1, max: 12 }),
        bodyId: fc.integer({ min: 1, max: 3 }),
        target: fc.integer({ min: 1, max: 12 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 40 }), async (steps) => {
        const grown = new GrowingUnits();
        const cached = new AccessPolicy(grown as unknown as UnitsRepository);
        for (const s of steps) {
          if (s.kind === 'add') {
            grown.rows.push({ id: grown.rows.length + 1, bodyId: s.bodyId, level: s.level });
            continue;
          }
          const who = actor(s.role, s.role === 'officer' ? s.unitId : null, s.role === 'supervisor' ? s.bodyId : null);
          const expected = includesUnit(visibleUnitIdsOf(who, grown.rows), s.target);
          await expect(cached.canSeeUnit(who, s.target)).resolves.toBe(expected);
        }
      }),
      { numRuns: 200 },
    );
  });
});
