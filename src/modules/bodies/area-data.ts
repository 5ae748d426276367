import { dirname, join } from 'node:path';
import { readCsv } from 'src/common/files/csv';

/** A data file of idn-area-data (Kepmendagri codes and names). */
export function areaDataFile(name: 'provinces.csv' | 'regencies.csv'): string {
  return join(dirname(require.resolve('idn-area-data/package.json')), 'data', name);
}

let provinceCodes: ReadonlySet<string> | undefined;

/** Every province code in force, e.g. 35 for Jawa Timur: the first two digits of a valid NIK. */
export function allProvinceCodes(): ReadonlySet<string> {
  provinceCodes ??= new Set(readCsv(areaDataFile('provinces.csv')).map((p) => p.code));
  return provinceCodes;
}
