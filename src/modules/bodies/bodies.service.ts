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

@Injectable()
export class BodiesService {
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
