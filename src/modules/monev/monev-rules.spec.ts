import { checkMonevCsv, decodeCsv, MonevCheckContext, parseQualification, parseScore, qualificationOf, splitCsv } from './monev-rules';

const CODES = new Set(['35', '35.78', '35.76', '35.22']);
const ctx: MonevCheckContext = {
  thisYear: 2025,
  bodyCode: (raw) => {
    const t = raw.trim();
    const code = /^\d{4}$/.test(t) ? `${t.slice(0, 2)}.${t.slice(2)}` : t;
    return CODES.has(code) ? code : null;
  },
};

describe('qualificationOf', () => {
  it.each([
    [100, 'informatif'],
    [90, 'informatif'],
    [89.99, 'menuju_informatif'],
    [80, 'menuju_informatif'],
    [79.99, 'cukup_informatif'],
    [60, 'cukup_informatif'],
    [59.99, 'kurang_informatif'],
    [40, 'kurang_informatif'],
    [39.99, 'tidak_informatif'],
    [0, 'tidak_informatif'],
  ])('should put %d in %s', (score, band) => {
    expect(qualificationOf(score)).toBe(band);
  });
});

describe('parseScore and parseQualification', () => {
  it.each([
    ['98,64', 98.64],
    ['98.64', 98.64],
    [' 100 ', 100],
    ['0', 0],
    ['7,5', 7.5],
  ])('should read %s as %d', (raw, value) => {
    expect(parseScore(raw)).toBe(value);
  });

  it.each(['100,01', '101', '-1', '98,645', '1.000', '', 'abc', '9 8'])('should refuse the score %p', (raw) => {
    expect(parseScore(raw)).toBeNull();
  });

  it('should read the bands however they are written and refuse others', () => {
    expect(parseQualification(' Menuju  Informatif ')).toBe('menuju_informatif');
    expect(parseQualification('TIDAK_INFORMATIF')).toBe('tidak_informatif');
    expect(parseQualification('cukup-informatif')).toBe('cukup_informatif');
    expect(parseQualification('Sangat Informatif')).toBeNull();
  });
});

describe('splitCsv', () => {
  it('should keep quoted delimiters, doubled quotes and line breaks, and give each record its first line', () => {
    expect(splitCsv('a,b\r\n"1,5","say ""hi"""\n"x\ny",z\n', ',')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1,5', 'say "hi"'] },
      { line: 3, fields: ['x\ny', 'z'] },
    ]);
  });

  it('should answer null when a quote is not closed', () => {
    expect(splitCsv('a,b\n"1,2\n', ',')).toBeNull();
  });
});

describe('decodeCsv', () => {
  it('should drop a byte order mark and refuse empty, binary and non-UTF-8 files', () => {
    expect(decodeCsv(Buffer.from('\uFEFFtahun'))).toEqual({ text: 'tahun' });
    expect(decodeCsv(Buffer.alloc(0))).toEqual({ problem: 'Berkas kosong.' });
    expect(decodeCsv(Buffer.from('%PDF-1.4\0\0'))).toHaveProperty('problem');
    expect(decodeCsv(Buffer.from([0x74, 0xff, 0xfe, 0x41]))).toHaveProperty('problem');
  });
});

describe('checkMonevCsv', () => {
  it('should accept valid rows with both code forms, decimal comma or point, and semicolons', () => {
    const result = checkMonevCsv('tahun;kode;nama;nilai;kualifikasi\n2024;3576;Kota Mojokerto;98,56;Informatif\n2024;35.78;Kota Surabaya;85.5;Menuju Informatif\n', ctx);
    expect(result).toEqual({
      ok: true,
      rejected: [],
      rows: [
        { line: 2, year: 2024, code: '35.76', score: 98.56, qualification: 'informatif' },
        { line: 3, year: 2024, code: '35.78', score: 85.5, qualification: 'menuju_informatif' },
      ],
    });
  });

  it('should read a quoted decimal comma in a comma-separated file, columns in any order', () => {
    const result = checkMonevCsv('kualifikasi,nilai,kode,tahun\r\nInformatif,"99,45",3576,2025\r\n', ctx);
    expect(result).toMatchObject({ ok: true, rows: [{ year: 2025, code: '35.76', score: 99.45, qualification: 'informatif' }] });
  });

  it('should reject each bad row with its line and every reason, and keep the good ones', () => {
    const csv = [
      'tahun,kode,nilai,kualifikasi',
      '2024,3578,"85,00",Informatif',
      '',
      '2009,9999,abc,Sangat Baik',
      '2024,3522,70,Cukup Informatif',
      '2024,35.22,71,Cukup Informatif',
      '2024,3576',
      '2024,,50,Kurang Informatif',
    ].join('\n');
    const result = checkMonevCsv(csv, ctx);
    if (!result.ok) throw new Error(result.problem);
    expect(result.rows.map((r) => r.line)).toEqual([5]);
    expect(result.rejected.map((r) => r.line)).toEqual([2, 4, 6, 7, 8]);
    const reason = (line: number): string => result.rejected.find((r) => r.line === line)?.reason ?? '';
    expect(reason(2)).toBe('Kualifikasi Informatif tidak sesuai dengan nilai 85,00: nilai itu termasuk Menuju Informatif (80–89,99).');
    expect(reason(4)).toContain('Tahun "2009" harus empat angka antara 2010 dan 2025.');
    expect(reason(4)).toContain('Kode badan publik "9999" tidak dikenal');
    expect(reason(4)).toContain('Nilai "abc" harus angka 0–100');
    expect(reason(4)).toContain('Kualifikasi "Sangat Baik" harus salah satu dari');
    expect(reason(6)).toBe('Tahun 2024 dan kode 35.22 sudah ada pada baris 5.');
    expect(reason(7)).toBe('Baris berisi 2 kolom, seharusnya 4 seperti baris judul.');
    expect(reason(8)).toBe('Kode badan publik wajib diisi.');
  });

  it('should refuse a whole file with a wrong header, no data or an open quote', () => {
    expect(checkMonevCsv('year,body,score\n2024,3578,90\n', ctx)).toEqual({
      ok: false,
      problem: 'Baris judul harus memuat kolom tahun, kode, nilai dan kualifikasi masing-masing satu kali (kolom kode tidak ada).',
    });
    expect(checkMonevCsv('tahun,kode,nilai,nilai,kualifikasi\n', ctx)).toMatchObject({ ok: false, problem: expect.stringContaining('kolom nilai ada 2 kali') });
    expect(checkMonevCsv('tahun,kode,nilai,kualifikasi\n\n', ctx)).toEqual({ ok: false, problem: 'Berkas hanya berisi baris judul, tanpa data.' });
    expect(checkMonevCsv('tahun,kode,nilai,kualifikasi\n2024,"3578,90,Informatif\n', ctx)).toMatchObject({ ok: false });
    expect(checkMonevCsv('\n \n', ctx)).toEqual({ ok: false, problem: 'Berkas kosong.' });
  });

  it('should refuse a file with more data lines than allowed', () => {
    const lines = ['tahun,kode,nilai,kualifikasi', ...Array.from({ length: 2001 }, () => '2024,3578,90,Informatif')];
    expect(checkMonevCsv(lines.join('\n'), ctx)).toMatchObject({ ok: false, problem: expect.stringContaining('paling banyak 2000') });
  });
});
