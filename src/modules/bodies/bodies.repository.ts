import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PpidUnit } from './ppid-unit.entity';
import { PublicBody } from './public-body.entity';

@Injectable()
export class BodiesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Bodies of the province with their region and active units: province first, then kab/kota by name. */
  findAllWithUnits(): Promise<PublicBody[]> {
    return this.dataSource
      .getRepository(PublicBody)
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
    return this.dataSource.getRepository(PublicBody).findOne({
      where: { regionCode: code },
      relations: { region: true, units: true },
    });
  }

  findUnitWithBody(unitId: number): Promise<PpidUnit | null> {
    return this.dataSource
      .getRepository(PpidUnit)
      .findOne({ where: { id: unitId }, relations: { body: { region: true } } });
  }
}
