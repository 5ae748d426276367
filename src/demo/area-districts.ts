import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { titleCase } from 'src/modules/bodies';
import type { District } from './simulation/people';

function rows(file: string): string[][] {
  const path = join(dirname(require.resolve('idn-area-data/package.json')), 'data', file);
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(',').map((cell) => cell.trim()));
}

/**
 * The kecamatan of each kab/kota of a province with their desa/kelurahan (idn-area-data), for
 * demo addresses and NIKs; keyed by regency code ('35.78'). The province's own key ('35') holds a
 * few kecamatan of every kab/kota, since its requesters come from all over.
 */
export function districtsOfProvince(provinceCode: string, regencyNames: ReadonlyMap<string, string>): Map<string, District[]> {
  const prefix = `${provinceCode}.`;
  const villages = new Map<string, string[]>();
  for (const [code, districtCode, name] of rows('villages.csv')) {
    if (!code.startsWith(prefix)) continue;
    // Codes 1xxx are kelurahan, 2xxx desa.
    const label = `${code.split('.')[3]?.startsWith('1') ? 'Kelurahan' : 'Desa'} ${titleCase(name)}`;
    const list = villages.get(districtCode) ?? [];
    list.push(label);
    villages.set(districtCode, list);
  }
  const byRegency = new Map<string, District[]>();
  for (const [code, regencyCode, name] of rows('districts.csv')) {
    if (!code.startsWith(prefix)) continue;
    const regency = regencyNames.get(regencyCode);
    if (!regency) continue;
    const list = byRegency.get(regencyCode) ?? [];
    list.push({ nikPrefix: code.replace(/\./g, ''), name: titleCase(name), regency, villages: villages.get(code) ?? [] });
    byRegency.set(regencyCode, list);
  }
  byRegency.set(provinceCode, [...byRegency.values()].flatMap((list) => list.slice(0, 3)));
  return byRegency;
}
