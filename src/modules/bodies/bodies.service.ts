import { MAX_INT4 } from 'src/common/validation/whole-number';
import { Injectable } from '@nestjs/common';
import { NotFound } from 'src/common/errors/domain-error';
import { matchesBodySearch, normalizeRegionCode } from './body-search';
import { BodiesRepository } from './bodies.repository';
import { PpidUnit } from './ppid-unit.entity';
import { PublicBody } from './public-body.entity';

/** A body as forms list it. */
export interface BodyOption {
  id: number;
  name: string;
}

export interface BodySummary {
  code: string;
  name: string;
  /** The region's own name: "Jawa Timur", "Kota Surabaya". */
  regionName: string;
  kind: 'provinsi' | 'kabupaten' | 'kota';
  units: { id: number; name: string; level: 'utama' | 'pelaksana' }[];
}

/** How long a unit looked up for the intake is used before it is read again (other instances' admin changes). */
export const ACTIVE_UNIT_CACHE_TTL_MS = 30_000;

@Injectable()
export class BodiesService {
  /** Active units with their body, as findActiveUnitCached last read them (unknown ids are not kept). */
  private readonly activeUnits = new Map<number, { unit: PpidUnit; loadedAt: number }>();
  /** Bumped by invalidateUnits: a lookup that began before a change does not store what it read. */
  private generation = 0;

  constructor(private readonly bodies: BodiesRepository) {}

  /** The province's body first, then the kab/kota by name; with a search, those it finds. */
  async listBodies(search = ''): Promise<BodySummary[]> {
    const bodies = (await this.bodies.findAllWithUnits()).map(toSummary);
    return search.trim() === '' ? bodies : bodies.filter((b) => matchesBodySearch(b, search));
  }

  /** By code, "35.01" or "3501"; anything else is not found. */
  async getBody(code: string): Promise<BodySummary> {
    const regionCode = normalizeRegionCode(code);
    const body = regionCode === null ? null : await this.bodies.findByRegionCode(regionCode);
    if (!body) throw new NotFound('Badan publik tidak ditemukan.');
    return toSummary(body);
  }

  /** Every body by region code, the province first. */
  async bodyOptions(): Promise<BodyOption[]> {
    return (await this.bodies.findBodiesByCode()).map((b) => ({ id: b.id, name: b.name }));
  }

  async findBodyOption(id: number): Promise<BodyOption | null> {
    if (!Number.isInteger(id) || id < 1 || id > MAX_INT4) return null;
    const body = await this.bodies.findBody(id);
    return body ? { id: body.id, name: body.name } : null;
  }

  /** Units by id, inactive ones too (a request keeps the hours of the unit that received it). */
  findUnitsById(ids: number[]): Promise<PpidUnit[]> {
    return this.bodies.findUnits(ids);
  }

  async getUnit(unitId: number): Promise<PpidUnit> {
    const unit = await this.findActiveUnit(unitId);
    if (!unit) throw new NotFound('Unit PPID tidak ditemukan.');
    return unit;
  }

  /** The active unit with its body, or null for an unknown or inactive id (a failing database still throws). */
  async findActiveUnit(unitId: number): Promise<PpidUnit | null> {
    // NaN or an out-of-range number from a hand-parsed form would otherwise reach the query as an error.
    if (!Number.isInteger(unitId) || unitId < 1 || unitId > MAX_INT4) return null;
    const unit = await this.bodies.findUnitWithBody(unitId);
    return unit && unit.active ? unit : null;
  }

  /**
   * findActiveUnit for the intake, which looks a unit up on every submission: the copy read at
   * most ACTIVE_UNIT_CACHE_TTL_MS ago (as the calendar keeps its holidays). A change made through
   * this instance (UnitsAdminService) is seen at once; one made through another instance, within
   * that time. Callers must not modify the unit they get.
   */
  async findActiveUnitCached(unitId: number, now = Date.now()): Promise<PpidUnit | null> {
    const cached = this.activeUnits.get(unitId);
    if (cached && now - cached.loadedAt < ACTIVE_UNIT_CACHE_TTL_MS) return cached.unit;
    const generation = this.generation;
    const unit = await this.findActiveUnit(unitId);
    if (generation !== this.generation) return unit;
    if (unit) this.activeUnits.set(unitId, { unit, loadedAt: now });
    else this.activeUnits.delete(unitId);
    return unit;
  }

  /** Called after a unit's or a body's details changed, so the next lookup reads them again. */
  invalidateUnits(): void {
    this.generation++;
    this.activeUnits.clear();
  }
}

function toSummary(body: PublicBody): BodySummary {
  const units = [...(body.units ?? [])]
    .filter((u) => u.active)
    .sort((a, b) => (a.level === b.level ? a.name.localeCompare(b.name) : a.level === 'utama' ? -1 : 1));
  return {
    code: body.regionCode,
    name: body.name,
    regionName: body.region.name,
    kind: body.region.kind,
    units: units.map((u) => ({ id: u.id, name: u.name, level: u.level })),
  };
}
