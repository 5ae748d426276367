import { Actor } from 'src/common/auth/actor';
import { includesUnit, UnitRef, visibleUnitIdsOf, VisibleUnits } from './unit-visibility';

// Two bodies: Kota Surabaya (body 1) and Kabupaten Sidoarjo (body 2), each with a PPID Utama and Pelaksana units.
const UNITS: UnitRef[] = [
  { id: 10, bodyId: 1, level: 'utama' },
  { id: 11, bodyId: 1, level: 'pelaksana' },
  { id: 12, bodyId: 1, level: 'pelaksana' },
  { id: 20, bodyId: 2, level: 'utama' },
  { id: 21, bodyId: 2, level: 'pelaksana' },
];

type ActorShape = Pick<Actor, 'role' | 'unitId' | 'bodyId'>;

const cases: { name: string; actor: ActorShape; visible: VisibleUnits }[] = [
  { name: 'officer of a PPID Utama sees the utama and every pelaksana of its body', actor: { role: 'officer', unitId: 10, bodyId: 1 }, visible: [10, 11, 12] },
  { name: 'officer of the other body’s utama sees only that body', actor: { role: 'officer', unitId: 20, bodyId: 2 }, visible: [20, 21] },
  { name: 'officer of a PPID Pelaksana sees only that unit', actor: { role: 'officer', unitId: 11, bodyId: 1 }, visible: [11] },
  { name: 'officer whose unit is unknown sees nothing', actor: { role: 'officer', unitId: 99, bodyId: 1 }, visible: [] },
  { name: 'supervisor sees every unit of their body', actor: { role: 'supervisor', unitId: null, bodyId: 2 }, visible: [20, 21] },
  { name: 'supervisor without a body sees nothing', actor: { role: 'supervisor', unitId: null, bodyId: null }, visible: [] },
  { name: 'bureau sees all', actor: { role: 'bureau', unitId: null, bodyId: null }, visible: 'all' },
  { name: 'admin sees all', actor: { role: 'admin', unitId: null, bodyId: null }, visible: 'all' },
];

describe('visibleUnitIdsOf', () => {
  it.each(cases)('should give $visible when $name', ({ actor, visible }) => {
    expect(visibleUnitIdsOf(actor, UNITS)).toEqual(visible);
  });

  it('should not let an officer of a utama see a pelaksana of another body', () => {
    const visible = visibleUnitIdsOf({ role: 'officer', unitId: 10, bodyId: 1 }, UNITS);
    expect(includesUnit(visible, 21)).toBe(false);
    expect(includesUnit(visible, 12)).toBe(true);
  });

  it('should not let an officer of a pelaksana see its utama or a sibling pelaksana', () => {
    const visible = visibleUnitIdsOf({ role: 'officer', unitId: 12, bodyId: 1 }, UNITS);
    expect(includesUnit(visible, 10)).toBe(false);
    expect(includesUnit(visible, 11)).toBe(false);
  });

  it('should ignore the bodyId an officer actor carries and follow the unit', () => {
    expect(visibleUnitIdsOf({ role: 'officer', unitId: 21, bodyId: 1 }, UNITS)).toEqual([21]);
  });

  it('should treat "all" as including any unit id', () => {
    expect(includesUnit('all', 123456)).toBe(true);
  });
});
