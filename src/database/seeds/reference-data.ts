import { join } from 'node:path';
import { areaDataFile } from 'src/modules/bodies';
import { DataSource, EntityManager } from 'typeorm';
import { readCsv } from './csv';
import { provinceTimeZone } from 'src/config/province-time-zone';

const ACRONYMS = new Set(['DKI', 'DI']);

/** "KOTA SURABAYA" → "Kota Surabaya"; keeps DKI/DI upper case. */
export function titleCase(name: string): string {
  return name
    .toLowerCase()
    .split(/\s+/)
    .map((w) => (ACRONYMS.has(w.toUpperCase()) ? w.toUpperCase() : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
}



async function seedRegionsAndBodies(m: EntityManager, provinceCode: string): Promise<void> {
  const province = readCsv(areaDataFile('provinces.csv')).find((p) => p.code === provinceCode);
  if (!province) throw new Error(`PROVINCE_CODE ${provinceCode} is not a province in idn-area-data`);
  const regencies = readCsv(areaDataFile('regencies.csv')).filter((r) => r.province_code === provinceCode);
  const provinceName = titleCase(province.name);
  const regions = [
    { code: provinceCode, name: provinceName, kind: 'provinsi', parent: null as string | null },
    ...regencies.map((r) => ({
      code: r.code,
      name: titleCase(r.name),
      kind: r.name.startsWith('KOTA ') ? 'kota' : 'kabupaten',
      parent: provinceCode,
    })),
  ];
  const timeZone = provinceTimeZone(provinceCode);
  for (const r of regions) {
    await m.query(
      `INSERT INTO regions (code, name, kind, parent_code) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind`,
      [r.code, r.name, r.kind, r.parent],
    );
    const bodyName = r.kind === 'provinsi' ? `Pemerintah Provinsi ${r.name}` : `Pemerintah ${r.name}`;
    const [body] = (await m.query(
      `INSERT INTO public_bodies (region_code, name) VALUES ($1, $2)
       ON CONFLICT (region_code) DO UPDATE SET region_code = EXCLUDED.region_code RETURNING id`,
      [r.code, bodyName],
    )) as { id: number }[];
    await m.query(
      `INSERT INTO ppid_units (body_id, level, code, name, time_zone)
       SELECT $1, 'utama', 'U', $2, $3
       WHERE NOT EXISTS (SELECT 1 FROM ppid_units WHERE body_id = $1 AND level = 'utama')`,
      [body.id, `PPID Utama ${r.kind === 'provinsi' ? `Provinsi ${r.name}` : r.name}`, timeZone],
    );
  }
}

/** National holidays of each year the bundled SKB list covers, unless that year is already known. */
async function seedHolidays(m: EntityManager): Promise<void> {
  const rows = readCsv(join(__dirname, 'id-holidays.csv'));
  const years = [...new Set(rows.map((r) => Number(r.date.slice(0, 4))))];
  for (const year of years) {
    const [known] = (await m.query('SELECT 1 FROM calendar_years WHERE year = $1', [year])) as unknown[];
    if (known) continue;
    const ofYear = rows.filter((r) => r.date.startsWith(`${year}-`));
    for (const h of ofYear) {
      await m.query(
        `INSERT INTO holidays (date, name, kind, source) VALUES ($1, $2, $3, $4)
         ON CONFLICT (date) WHERE body_id IS NULL DO NOTHING`,
        [h.date, h.name, h.kind, h.source],
      );
    }
    const sources = [...new Set(ofYear.map((h) => h.source))].join('; ');
    await m.query('INSERT INTO calendar_years (year, confirmed, source) VALUES ($1, true, $2)', [year, sources]);
  }
}

/** Loads the province's regions, bodies, PPID Utama units and the holiday list; safe to run at every start. */
export async function seedReferenceData(dataSource: DataSource, provinceCode: string): Promise<void> {
  await dataSource.transaction(async (m) => {
    await seedRegionsAndBodies(m, provinceCode);
    await seedHolidays(m);
  });
}
