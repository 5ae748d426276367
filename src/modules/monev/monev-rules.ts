/**
 * The Komisi Informasi's monev results (Perki 1/2022) as the bureau imports them: the five
 * qualification bands, scores, and the row-by-row check of an imported CSV file. External data:
 * shown beside the portal's own service index, never merged with it.
 */

export const MONEV_QUALIFICATIONS = ['informatif', 'menuju_informatif', 'cukup_informatif', 'kurang_informatif', 'tidak_informatif'] as const;
export type MonevQualification = (typeof MONEV_QUALIFICATIONS)[number];

export const QUALIFICATION_LABELS: Record<MonevQualification, string> = {
  informatif: 'Informatif',
  menuju_informatif: 'Menuju Informatif',
  cukup_informatif: 'Cukup Informatif',
  kurang_informatif: 'Kurang Informatif',
  tidak_informatif: 'Tidak Informatif',
};

/** The score range of each band as the KI states it (Informatif 90–100, Menuju Informatif 80–89,9, …). */
export const QUALIFICATION_RANGES: Record<MonevQualification, string> = {
  informatif: '90–100',
  menuju_informatif: '80–89,99',
  cukup_informatif: '60–79,99',
  kurang_informatif: '40–59,99',
  tidak_informatif: 'di bawah 40',
};

/** The band a score falls in: each lower bound belongs to its band (90 is Informatif, 89,99 is not). */
export function qualificationOf(score: number): MonevQualification {
  if (score >= 90) return 'informatif';
  if (score >= 80) return 'menuju_informatif';
  if (score >= 60) return 'cukup_informatif';
  if (score >= 40) return 'kurang_informatif';
  return 'tidak_informatif';
}

/** "Menuju Informatif", "menuju informatif", "MENUJU_INFORMATIF" → menuju_informatif; null for anything else. */
export function parseQualification(raw: string): MonevQualification | null {
  const key = raw.trim().toLowerCase().replace(/[\s_-]+/g, '_');
  return (MONEV_QUALIFICATIONS as readonly string[]).includes(key) ? (key as MonevQualification) : null;
}

/** "98,64" or "98.64" (0–100, at most two decimals) → 98.64; null for anything else. */
export function parseScore(raw: string): number | null {
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(raw.trim());
  if (!m) return null;
  const value = Number(`${m[1]}.${m[2] ?? '0'}`);
  return value <= 100 ? value : null;
}

/** A score as Indonesians write it: "98,64". */
export function formatScore(score: number): string {
  return score.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** The earliest monev year accepted (the KI's annual monev began after UU 14/2008 took effect in 2010). */
export const FIRST_MONEV_YEAR = 2010;
/** Data lines a file may hold: a province has a few dozen bodies a year. */
export const MAX_MONEV_ROWS = 2000;

/** Header names accepted for each column (lower case). */
const COLUMN_NAMES = {
  year: ['tahun', 'year'],
  code: ['kode', 'kode_badan', 'kode_badan_publik', 'kode_wilayah', 'code'],
  score: ['nilai', 'skor', 'score'],
  qualification: ['kualifikasi', 'qualification'],
} as const;
type Column = keyof typeof COLUMN_NAMES;

export interface MonevRow {
  /** Line of the file the row starts on (the header is line 1). */
  line: number;
  year: number;
  /** The body's region code as stored ("35.78"). */
  code: string;
  score: number;
  qualification: MonevQualification;
}

export interface RejectedRow {
  line: number;
  reason: string;
}

export type MonevFileCheck = { ok: true; rows: MonevRow[]; rejected: RejectedRow[] } | { ok: false; problem: string };

export interface MonevCheckContext {
  /** The last year accepted (the current year in the province). */
  thisYear: number;
  /** The stored region code of a body as typed ("3578" or "35.78"), or null when the province has no such body. */
  bodyCode: (raw: string) => string | null;
}

/** The text of an uploaded file, or why it is not a CSV text file. */
export function decodeCsv(bytes: Buffer): { text: string } | { problem: string } {
  if (bytes.length === 0) return { problem: 'Berkas kosong.' };
  if (bytes.includes(0)) return { problem: 'Berkas bukan berkas CSV (berisi data biner).' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problem: 'Berkas bukan teks CSV berenkode UTF-8. Simpan ulang sebagai "CSV UTF-8".' };
  }
  return { text: text.replace(/^\uFEFF/, '') };
}

/**
 * The records of a CSV text with the line each starts on: fields separated by `delimiter`, quoted
 * with double quotes (a quote inside doubled), lines ended by CRLF or LF. Null when a quote is not closed.
 */
export function splitCsv(text: string, delimiter: string): { line: number; fields: string[] }[] | null {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line += 1;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      fields.push(field);
      records.push({ line: start, fields });
      fields = [];
      field = '';
      line += 1;
      start = line;
    } else field += ch;
  }
  if (quoted) return null;
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push({ line: start, fields });
  }
  return records;
}

/** Shortens what a user typed before it is quoted back in a message. */
function quote(raw: string): string {
  const s = raw.trim();
  return `"${s.length > 24 ? `${s.slice(0, 24)}…` : s}"`;
}

/**
 * Checks a monev CSV file: a header naming the columns tahun, kode, nilai, kualifikasi (in any
 * order; other columns such as the body's name are ignored), then one row per body and year.
 * Fields are separated by commas or semicolons (the header decides); a decimal comma needs quotes
 * in a comma-separated file. A file that cannot be read this way is refused whole; otherwise each
 * row is accepted or rejected with its line and reasons.
 */
export function checkMonevCsv(text: string, ctx: MonevCheckContext): MonevFileCheck {
  const firstLine = text.split(/\r?\n/, 1)[0];
  const delimiter = firstLine.includes(';') ? ';' : ',';
  const records = splitCsv(text, delimiter);
  if (records === null) return { ok: false, problem: 'Berkas tidak dapat dibaca sebagai CSV: ada tanda petik yang tidak ditutup.' };
  const nonBlank = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (nonBlank.length === 0) return { ok: false, problem: 'Berkas kosong.' };
  const [header, ...data] = nonBlank;
  const names = header.fields.map((f) => f.trim().toLowerCase().replace(/\s+/g, '_'));
  const at = {} as Record<Column, number>;
  for (const column of Object.keys(COLUMN_NAMES) as Column[]) {
    const found = names.flatMap((n, i) => ((COLUMN_NAMES[column] as readonly string[]).includes(n) ? [i] : []));
    if (found.length !== 1) {
      return {
        ok: false,
        problem: `Baris judul harus memuat kolom tahun, kode, nilai dan kualifikasi masing-masing satu kali (${found.length === 0 ? `kolom ${COLUMN_NAMES[column][0]} tidak ada` : `kolom ${COLUMN_NAMES[column][0]} ada ${found.length} kali`}).`,
      };
    }
    at[column] = found[0];
  }
  if (data.length === 0) return { ok: false, problem: 'Berkas hanya berisi baris judul, tanpa data.' };
  if (data.length > MAX_MONEV_ROWS) return { ok: false, problem: `Berkas berisi ${data.length} baris data; paling banyak ${MAX_MONEV_ROWS}.` };

  const rows: MonevRow[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Map<string, number>();
  for (const record of data) {
    const reasons: string[] = [];
    if (record.fields.length !== header.fields.length) {
      rejected.push({ line: record.line, reason: `Baris berisi ${record.fields.length} kolom, seharusnya ${header.fields.length} seperti baris judul.` });
      continue;
    }
    const rawYear = record.fields[at.year].trim();
    const rawCode = record.fields[at.code];
    const rawScore = record.fields[at.score];
    const rawQualification = record.fields[at.qualification];
    const year = /^\d{4}$/.test(rawYear) ? Number(rawYear) : null;
    if (year === null || year < FIRST_MONEV_YEAR || year > ctx.thisYear) reasons.push(`Tahun ${quote(rawYear)} harus empat angka antara ${FIRST_MONEV_YEAR} dan ${ctx.thisYear}.`);
    const code = rawCode.trim() === '' ? null : ctx.bodyCode(rawCode);
    if (code === null) reasons.push(rawCode.trim() === '' ? 'Kode badan publik wajib diisi.' : `Kode badan publik ${quote(rawCode)} tidak dikenal di provinsi ini (tulis kode wilayah, misalnya 35.78 atau 3578).`);
    const score = parseScore(rawScore);
    if (score === null) reasons.push(`Nilai ${quote(rawScore)} harus angka 0–100 dengan paling banyak dua desimal, misalnya 98,64 atau 98.64.`);
    const qualification = parseQualification(rawQualification);
    if (qualification === null) {
      reasons.push(`Kualifikasi ${quote(rawQualification)} harus salah satu dari: ${MONEV_QUALIFICATIONS.map((q) => QUALIFICATION_LABELS[q]).join(', ')}.`);
    } else if (score !== null && qualificationOf(score) !== qualification) {
      const band = qualificationOf(score);
      reasons.push(`Kualifikasi ${QUALIFICATION_LABELS[qualification]} tidak sesuai dengan nilai ${formatScore(score)}: nilai itu termasuk ${QUALIFICATION_LABELS[band]} (${QUALIFICATION_RANGES[band]}).`);
    }
    if (reasons.length === 0 && year !== null && code !== null) {
      const key = `${year}|${code}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) reasons.push(`Tahun ${year} dan kode ${code} sudah ada pada baris ${earlier}.`);
      else seen.set(key, record.line);
    }
    if (reasons.length > 0 || year === null || code === null || score === null || qualification === null) {
      rejected.push({ line: record.line, reason: reasons.join(' ') });
      continue;
    }
    rows.push({ line: record.line, year, code, score, qualification });
  }
  return { ok: true, rows, rejected };
}
