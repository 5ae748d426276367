import { ACTIVE_UNIT_CACHE_TTL_MS, BodiesService } from './bodies.service';
import { BodiesRepository } from './bodies.repository';
import { PpidUnit } from './ppid-unit.entity';

/** Answers unit lookups from a map, counting them; `hold` keeps the next lookup pending until released. */
class FakeUnits {
  readonly rows = new Map<number, PpidUnit>();
  lookups = 0;
  private held: (() => void) | null = null;
  hold = false;

  async findUnitWithBody(id: number): Promise<PpidUnit | null> {
    this.lookups++;
    const row = this.rows.get(id) ?? null;
    if (this.hold) await new Promise<void>((resolve) => (this.held = resolve));
    return row ? { ...row } : null;
  }

  release(): void {
    this.held?.();
    this.held = null;
  }
}

function unit(id: number, name: string, active = true): PpidUnit {
  return Object.assign(new PpidUnit(), { id, name, active });
}

describe('BodiesService.findActiveUnitCached', () => {
  let units: FakeUnits;
  let service: BodiesService;
  const t0 = 1_000_000;

  beforeEach(() => {
    units = new FakeUnits();
    units.rows.set(1, unit(1, 'PPID Utama A'));
    units.rows.set(2, unit(2, 'PPID Tutup', false));
    service = new BodiesService(units as unknown as BodiesRepository);
  });

  it('should read a unit once and answer from the copy until the time is up', async () => {
    expect((await service.findActiveUnitCached(1, t0))?.name).toBe('PPID Utama A');
    units.rows.set(1, unit(1, 'PPID Utama B'));
    expect((await service.findActiveUnitCached(1, t0 + ACTIVE_UNIT_CACHE_TTL_MS - 1))?.name).toBe('PPID Utama A');
    expect(units.lookups).toBe(1);
    expect((await service.findActiveUnitCached(1, t0 + ACTIVE_UNIT_CACHE_TTL_MS))?.name).toBe('PPID Utama B');
    expect(units.lookups).toBe(2);
  });

  it('should read again after invalidateUnits', async () => {
    await service.findActiveUnitCached(1, t0);
    units.rows.set(1, unit(1, 'PPID Utama B'));
    service.invalidateUnits();
    expect((await service.findActiveUnitCached(1, t0 + 1))?.name).toBe('PPID Utama B');
  });

  it('should keep neither unknown nor inactive units, and drop one that became inactive', async () => {
    expect(await service.findActiveUnitCached(2, t0)).toBeNull();
    expect(await service.findActiveUnitCached(99, t0)).toBeNull();
    expect(await service.findActiveUnitCached(99, t0)).toBeNull();
    expect(units.lookups).toBe(3);
    await service.findActiveUnitCached(1, t0);
    units.rows.set(1, unit(1, 'PPID Utama A', false));
    expect(await service.findActiveUnitCached(1, t0 + ACTIVE_UNIT_CACHE_TTL_MS)).toBeNull();
    expect(await service.findActiveUnitCached(1, t0 + ACTIVE_UNIT_CACHE_TTL_MS)).toBeNull();
    expect(units.lookups).toBe(6);
  });

  it('should not keep what a lookup read before a change it overlapped', async () => {
    units.hold = true;
    const pending = service.findActiveUnitCached(1, t0);
    await new Promise((resolve) => setImmediate(resolve));
    units.hold = false;
    units.rows.set(1, unit(1, 'PPID Utama B'));
    service.invalidateUnits();
    units.release();
    expect((await pending)?.name).toBe('PPID Utama A');
    expect((await service.findActiveUnitCached(1, t0 + 1))?.name).toBe('PPID Utama B');
  });
});
