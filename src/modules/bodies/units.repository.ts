import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { UnitLevel } from './ppid-unit.entity';

/** A unit and the body it belongs to, as access rules see it. */
export interface UnitRef {
  id: number;
  bodyId: number;
  level: UnitLevel;
}

/** A unit with its body, as account forms and invitation mails name it. */
export interface UnitPlace {
  id: number;
  name: string;
  level: UnitLevel;
  bodyId: number;
  bodyName: string;
  timeZone: string;
}

export interface BodyRow {
  id: number;
  regionCode: string;
  name: string;
}

export interface UnitRow {
  id: number;
  bodyId: number;
  parentId: number | null;
  level: UnitLevel;
  code: string;
  name: string;
  email: string | null;
  timeZone: string;
  opensAt: string;
  closesAt: string;
  active: boolean;
}

export interface BodyWithUnits extends BodyRow {
  units: UnitRow[];
}

const UNIT_COLUMNS = `id, body_id AS "bodyId", parent_id AS "parentId", level, code, name, email, time_zone AS "timeZone",
  to_char(opens_at, 'HH24:MI') AS "opensAt", to_char(closes_at, 'HH24:MI') AS "closesAt", active`;

/**
 * The unit and body lookups of accounts, access rules and the unit administration, and the one
 * place PPID Pelaksana are added; exported to the auth module through index.ts.
 */
@Injectable()
export class UnitsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every unit of the body the given unit belongs to (the unit included); empty for an unknown unit. */
  async findUnitRefsBesideUnit(unitId: number, manager?: EntityManager): Promise<UnitRef[]> {
    return (await this.runner(manager).query(
      `SELECT id, body_id AS "bodyId", level FROM ppid_units
       WHERE body_id = (SELECT body_id FROM ppid_units WHERE id = $1)`,
      [unitId],
    )) as UnitRef[];
  }

  async findUnitRefsOfBody(bodyId: number, manager?: EntityManager): Promise<UnitRef[]> {
    return (await this.runner(manager).query('SELECT id, body_id AS "bodyId", level FROM ppid_units WHERE body_id = $1', [
      bodyId,
    ])) as UnitRef[];
  }

  async findPlace(unitId: number): Promise<UnitPlace | null> {
    const rows = (await this.dataSource.query(
      `SELECT u.id, u.name, u.level, u.body_id AS "bodyId", b.name AS "bodyName", u.time_zone AS "timeZone"
       FROM ppid_units u JOIN public_bodies b ON b.id = u.body_id WHERE u.id = $1 AND u.active`,
      [unitId],
    )) as UnitPlace[];
    return rows[0] ?? null;
  }

  /** A body with the place of its PPID Utama (its time zone is the body's). */
  async findBodyWithUtama(bodyId: number): Promise<UnitPlace | null> {
    const rows = (await this.dataSource.query(
      `SELECT u.id, u.name, u.level, u.body_id AS "bodyId", b.name AS "bodyName", u.time_zone AS "timeZone"
       FROM public_bodies b JOIN ppid_units u ON u.body_id = b.id AND u.level = 'utama' WHERE b.id = $1`,
      [bodyId],
    )) as UnitPlace[];
    return rows[0] ?? null;
  }

  /** Bodies of the province: province first, then kab/kota by code. */
  findBodies(): Promise<BodyRow[]> {
    return this.dataSource.query(
      `SELECT id, region_code AS "regionCode", name FROM public_bodies ORDER BY length(region_code), region_code`,
    ) as Promise<BodyRow[]>;
  }

  /** Every unit, active or not: utama first, then pelaksana by name. */
  findAllUnits(): Promise<UnitRow[]> {
    return this.dataSource.query(
      `SELECT ${UNIT_COLUMNS} FROM ppid_units ORDER BY body_id, (level = 'utama') DESC, name`,
    ) as Promise<UnitRow[]>;
  }

  /** Every body with its units (in the orders above): the place pickers of the admin forms. */
  async findBodyTree(): Promise<BodyWithUnits[]> {
    const [bodies, units] = await Promise.all([this.findBodies(), this.findAllUnits()]);
    const byBody = new Map<number, UnitRow[]>();
    for (const u of units) byBody.set(u.bodyId, [...(byBody.get(u.bodyId) ?? []), u]);
    return bodies.map((b) => ({ ...b, units: byBody.get(b.id) ?? [] }));
  }

  private runner(manager?: EntityManager): Pick<DataSource, 'query'> {
    return manager ?? this.dataSource;
  }
}
