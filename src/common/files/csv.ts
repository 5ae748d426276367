import { readFileSync } from 'node:fs';

/** Reads a simple CSV (header row, comma-separated, no quoted commas) into records. */
export function readCsv(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const names = header.split(',').map((h) => h.trim());
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(names.map((n, i) => [n, (cells[i] ?? '').trim()]));
  });
}
