import { Injectable, OnModuleInit } from '@nestjs/common';
import { readCsv } from 'src/common/files/csv';
import { AppConfig } from 'src/config/app-config';
import { provinceTimeZone } from 'src/config/province-time-zone';
import { areaDataFile } from './area-data';
import { BodiesRepository, ProvinceRegion } from './bodies.repository';

const ACRONYMS = new Set(['DKI', 'DI']);

/** "KOTA SURABAYA" → "Kota Surabaya"; keeps DKI/DI upper case. */
export function titleCase(name: string): string {
  return name
    .toLowerCase()
    .split(/\s+/)
    .map((w) => (ACRONYMS.has(w.toUpperCase()) ? w.toUpperCase() : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
}

/** The province and its kab/kota from idn-area-data, each with the name of its body and of its PPID Utama. */
export function provinceRegions(provinceCode: string): ProvinceRegion[] {
  const province = readCsv(areaDataFile('provinces.csv')).find((p) => p.code === provinceCode);
  if (!province) throw new Error(`PROVINCE_CODE ${provinceCode} is not a province in idn-area-data`);
  const regencies = readCsv(areaDataFile('regencies.csv')).filter((r) => r.province_code === provinceCode);
  const provinceName = titleCase(province.name);
  const timeZone = provinceTimeZone(provinceCode);
  const regions = [
    { code: provinceCode, name: provinceName, kind: 'provinsi' as const, parentCode: null },
    ...regencies.map((r) => ({
      code: r.code,
      name: titleCase(r.name),
      kind: r.name.startsWith('KOTA ') ? ('kota' as const) : ('kabupaten' as const),
      parentCode: provinceCode,
    })),
  ];
  return regions.map((r) => ({
    ...r,
    bodyName: r.kind === 'provinsi' ? `Pemerintah Provinsi ${r.name}` : `Pemerintah ${r.name}`,
    utamaName: `PPID Utama ${r.kind === 'provinsi' ? `Provinsi ${r.name}` : r.name}`,
    timeZone,
  }));
}

/**
 * The province's regions, one public body per region and its PPID Utama, loaded at every start
 * (onModuleInit, before any bootstrap or the demo data needs them); safe to run again.
 */
@Injectable()
export class BodiesReferenceData implements OnModuleInit {
  constructor(
    private readonly bodies: BodiesRepository,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.bodies.upsertProvince(provinceRegions(this.config.provinceCode));
  }
}
