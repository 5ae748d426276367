import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { PpidUnit } from './ppid-unit.entity';
import { PublicBody } from './public-body.entity';
import { RegionKind } from './region.entity';

/** A region of the province as the reference data describes it, with its body and PPID Utama. */
export interface ProvinceRegion {
  code: string;
  name: string;
  kind: RegionKind;
  parentCode: string | null;
  bodyName: string;
  utamaName: string;
  timeZone: string;
}

/** Regions, public bodies and their PPID Utama (the unit administration has its own repository). */
@Injectable()
export class BodiesRepository {
  constructor(
    @InjectRepository(PublicBody) private readonly bodies: Repository<PublicBody>,
    @InjectRepository(PpidUnit) private readonly units: Repository<PpidUnit>,
  ) {}

  /** Bodies of the province with their region and active units: province first, then kab/kota by name. */
  findAllWithUnits(): Promise<PublicBody[]> {
    return this.bodies
      .createQueryBuilder('body')
      .innerJoinAndSelect('body.region', 'region')
      .leftJoinAndSelect('body.units', 'unit', 'unit.active')
      .orderBy('length(region.code)')
      .addOrderBy('body.name')
      .addOrderBy('unit.level', 'DESC')
      .addOrderBy('unit.name')
      .getMany();
  }

  findByRegionCode(code: string): Promise<PublicBody | null> {
    return this.bodies.findOne({
      where: { regionCode: code },
      relations: { region: true, units: true },
    });
  }

  /** Bodies by region code: the province ('35') first, then kab/kota ('35.01' …). */
  findBodiesByCode(): Promise<PublicBody[]> {
    return this.bodies.find({ order: { regionCode: 'ASC' } });
  }

  findBody(id: number): Promise<PublicBody | null> {
    return this.bodies.findOneBy({ id });
  }

  findUnitWithBody(unitId: number): Promise<PpidUnit | null> {
    // A query builder's getOne is one query; findOne with relations would add a second one (its DISTINCT paging query).
    return this.units
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.body', 'b')
      .leftJoinAndSelect('b.region', 'r')
      .where('u.id = :unitId', { unitId })
      .getOne();
  }

  /** Units by id, inactive ones too. */
  findUnits(ids: number[]): Promise<PpidUnit[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.units.findBy({ id: In(ids) });
  }

  /**
   * Every region (names and kinds brought up to date), its body and the body's PPID Utama (both
   * left as they are when present), in one transaction.
   */
  async upsertProvince(regions: readonly ProvinceRegion[]): Promise<void> {
    await this.bodies.manager.transaction(async (m) => {
      for (const r of regions) {
        await m.query(
          `INSERT INTO regions (code, name, kind, parent_code) VALUES ($1, $2, $3, $4)
           ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind`,
          [r.code, r.name, r.kind, r.parentCode],
        );
        const [body] = (await m.query(
          `INSERT INTO public_bodies (region_code, name) VALUES ($1, $2)
           ON CONFLICT (region_code) DO UPDATE SET region_code = EXCLUDED.region_code RETURNING id`,
          [r.code, r.bodyName],
        )) as { id: number }[];
        await m.query(
          `INSERT INTO ppid_units (body_id, level, code, name, time_zone)
           SELECT $1, 'utama', 'U', $2, $3
           WHERE NOT EXISTS (SELECT 1 FROM ppid_units WHERE body_id = $1 AND level = 'utama')`,
          [body.id, r.utamaName, r.timeZone],
        );
      }
    });
  }
}
