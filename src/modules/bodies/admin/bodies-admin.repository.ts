import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { UnitLevel } from 'src/modules/bodies/ppid-unit.entity';

export interface NewPelaksanaUnit {
  bodyId: number;
  parentId: number;
  code: string;
  name: string;
  email: string | null;
  timeZone: string;
  opensAt: string;
  closesAt: string;
}

/** The letter details of a body (public_bodies). */
export interface BodyDetails {
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  /** As stored: an object keyed by weekday (service-hours.ts), or null. */
  serviceHours: unknown;
  /** The atasan PPID who decides objections (Pasal 35–36): name, position, and where objections are sent when not the office. */
  atasanName: string | null;
  atasanPosition: string | null;
  atasanAddress: string | null;
}

export interface BodyDetailsRow extends BodyDetails {
  id: number;
  regionCode: string;
  name: string;
}

/** The letter details of a unit (ppid_units): overrides of the body's contact, and its signer. */
export interface UnitDetails {
  address: string | null;
  phone: string | null;
  email: string | null;
  signerName: string | null;
  signerPosition: string | null;
  signerNip: string | null;
}

export interface UnitDetailsRow extends UnitDetails {
  id: number;
  bodyId: number;
  bodyName: string;
  level: UnitLevel;
  code: string;
  name: string;
}

/** A PPID Utama, the parent of every PPID Pelaksana of its body. */
export interface UtamaRef {
  id: number;
  bodyId: number;
}

const BODY_DETAIL_COLUMNS = `id, region_code AS "regionCode", name, address, phone, email, website, service_hours AS "serviceHours",
  atasan_name AS "atasanName", atasan_position AS "atasanPosition", atasan_address AS "atasanAddress"`;

const UNIT_DETAIL_COLUMNS = `u.id, u.body_id AS "bodyId", b.name AS "bodyName", u.level, u.code, u.name, u.address, u.phone, u.email,
  u.signer_name AS "signerName", u.signer_position AS "signerPosition", u.signer_nip AS "signerNip"`;

/** TypeORM answers UPDATE … RETURNING with [rows, affected count]. */
type UpdateResult<T> = [T[], number];

/**
 * The administration's reads and writes of bodies and units: the tree, new PPID Pelaksana and the
 * details their letters carry (the lists are read through UnitsRepository). Every write to public_bodies and ppid_units outside reference data
 * and demo data goes through here.
 */
@Injectable()
export class BodiesAdminRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findUtamaOfBody(bodyId: number): Promise<UtamaRef | null> {
    const rows = (await this.dataSource.query(`SELECT id, body_id AS "bodyId" FROM ppid_units WHERE body_id = $1 AND level = 'utama'`, [
      bodyId,
    ])) as UtamaRef[];
    return rows[0] ?? null;
  }

  async unitCodeExists(bodyId: number, code: string): Promise<boolean> {
    const rows = (await this.dataSource.query('SELECT 1 FROM ppid_units WHERE body_id = $1 AND code = $2', [bodyId, code])) as unknown[];
    return rows.length > 0;
  }

  async insertPelaksana(unit: NewPelaksanaUnit, manager?: EntityManager): Promise<number> {
    const rows = (await this.runner(manager).query(
      `INSERT INTO ppid_units (body_id, parent_id, level, code, name, email, time_zone, opens_at, closes_at)
       VALUES ($1, $2, 'pelaksana', $3, $4, $5, $6, $7, $8) RETURNING id`,
      [unit.bodyId, unit.parentId, unit.code, unit.name, unit.email, unit.timeZone, unit.opensAt, unit.closesAt],
    )) as { id: number }[];
    return rows[0].id;
  }

  async findBodyDetails(bodyId: number, manager?: Pick<EntityManager, 'query'>, forUpdate = false): Promise<BodyDetailsRow | null> {
    const rows = (await this.runner(manager).query(
      `SELECT ${BODY_DETAIL_COLUMNS} FROM public_bodies WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [bodyId],
    )) as BodyDetailsRow[];
    return rows[0] ?? null;
  }

  async updateBodyDetails(manager: Pick<EntityManager, 'query'>, bodyId: number, details: BodyDetails): Promise<boolean> {
    const result = (await manager.query(
      `UPDATE public_bodies SET address = $2, phone = $3, email = $4, website = $5, service_hours = $6::jsonb,
              atasan_name = $7, atasan_position = $8, atasan_address = $9 WHERE id = $1 RETURNING id`,
      [
        bodyId,
        details.address,
        details.phone,
        details.email,
        details.website,
        details.serviceHours === null ? null : JSON.stringify(details.serviceHours),
        details.atasanName,
        details.atasanPosition,
        details.atasanAddress,
      ],
    )) as UpdateResult<{ id: number }>;
    return result[0].length > 0;
  }

  async findUnitDetails(unitId: number, manager?: Pick<EntityManager, 'query'>, forUpdate = false): Promise<UnitDetailsRow | null> {
    const rows = (await this.runner(manager).query(
      `SELECT ${UNIT_DETAIL_COLUMNS} FROM ppid_units u JOIN public_bodies b ON b.id = u.body_id WHERE u.id = $1${forUpdate ? ' FOR UPDATE OF u' : ''}`,
      [unitId],
    )) as UnitDetailsRow[];
    return rows[0] ?? null;
  }

  async updateUnitDetails(manager: Pick<EntityManager, 'query'>, unitId: number, details: UnitDetails): Promise<boolean> {
    const result = (await manager.query(
      `UPDATE ppid_units SET address = $2, phone = $3, email = $4, signer_name = $5, signer_position = $6, signer_nip = $7
       WHERE id = $1 RETURNING id`,
      [unitId, details.address, details.phone, details.email, details.signerName, details.signerPosition, details.signerNip],
    )) as UpdateResult<{ id: number }>;
    return result[0].length > 0;
  }

  private runner(manager?: Pick<EntityManager, 'query'>): Pick<DataSource, 'query'> {
    return manager ?? this.dataSource;
  }
}
