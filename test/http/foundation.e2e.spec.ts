import { DataSource } from 'typeorm';
import request from 'supertest';
import { startTestApp, TestApp } from 'test/support/test-app';

describe('foundation over HTTP', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('should answer /health with ok when the database answers', async () => {
    const res = await http().get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('should list the province and its 38 kab/kota with a PPID Utama each', async () => {
    const res = await http().get('/api/v1/bodies');
    expect(res.status).toBe(200);
    const bodies = res.body as { code: string; name: string; kind: string; units: { id: number; level: string }[] }[];
    expect(bodies).toHaveLength(39);
    expect(bodies[0]).toMatchObject({ code: '35', kind: 'provinsi', name: 'Pemerintah Provinsi Jawa Timur' });
    expect(bodies.filter((b) => b.kind === 'kota')).toHaveLength(9);
    expect(bodies.filter((b) => b.kind === 'kabupaten')).toHaveLength(29);
    expect(bodies.find((b) => b.code === '35.78')).toMatchObject({ name: 'Pemerintah Kota Surabaya', kind: 'kota' });
    expect(bodies.every((b) => b.units.some((u) => u.level === 'utama'))).toBe(true);
  });

  it('should compute the worked example of RULES.md when asked for a due date', async () => {
    const res = await http()
      .get('/api/v1/calendar/due-date')
      .query({ receivedAt: '2025-03-27T10:00:00+07:00', workingDays: 10 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ effectiveReceiptDate: '2025-03-27', dueDate: '2025-04-22', provisional: false });
  });

  it('should count from the next working day when received after 16:00 WIB given in UTC', async () => {
    const res = await http()
      .get('/api/v1/calendar/due-date')
      .query({ receivedAt: '2025-03-27T09:30:00Z', workingDays: 10 });
    expect(res.body).toMatchObject({ effectiveReceiptDate: '2025-04-08', dueDate: '2025-04-23' });
  });

  it('should use the unit of unitId for its time zone and hours', async () => {
    const bodies = (await http().get('/api/v1/bodies')).body as { units: { id: number }[] }[];
    const res = await http()
      .get('/api/v1/calendar/due-date')
      .query({ receivedAt: '2025-03-27T10:00:00+07:00', workingDays: 10, unitId: bodies[1].units[0].id });
    expect(res.status).toBe(200);
    expect(res.body.dueDate).toBe('2025-04-22');
  });

  it('should flag a due date in a year without a decreed holiday list as provisional, New Year 2027 still off', async () => {
    const res = await http()
      .get('/api/v1/calendar/due-date')
      .query({ receivedAt: '2026-12-28T10:00:00+07:00', workingDays: 10 });
    expect(res.body).toMatchObject({ dueDate: '2027-01-12', provisional: true });
  });

  it.each([
    [{ workingDays: 10 }, 'receivedAt'],
    [{ receivedAt: '2025-03-27', workingDays: 10 }, 'receivedAt'],
    [{ receivedAt: '2025-03-27T10:00:00+07:00' }, 'workingDays'],
    [{ receivedAt: '2025-03-27T10:00:00+07:00', workingDays: 'sepuluh' }, 'workingDays'],
    [{ receivedAt: '2025-03-27T10:00:00+07:00', workingDays: -1 }, 'workingDays'],
    [{ receivedAt: '2025-03-27T10:00:00+07:00', workingDays: 10, unitId: 999999 }, 'unitId'],
    [{ receivedAt: '2025-03-27T10:00:00+07:00', workingDays: 10, extra: 1 }, 'extra'],
  ])('should answer 400 naming the parameter when given %j', async (query: Record<string, unknown>, field: string) => {
    const res = await http().get('/api/v1/calendar/due-date').query(query);
    expect(res.status).toBe(400);
    expect(res.body.statusCode).toBe(400);
    expect(Object.keys(res.body.errors)).toContain(field);
    expect(res.body.message).toContain(field);
  });

  it('should list the holidays of a year with their legal source', async () => {
    const res = await http().get('/api/v1/calendar/holidays').query({ year: 2025 });
    expect(res.status).toBe(200);
    expect(res.body).toContainEqual({
      date: '2025-03-31',
      name: 'Idul Fitri 1446 Hijriah',
      kind: 'libur_nasional',
      source: 'SKB 1017/2/2 Tahun 2024',
    });
    expect(res.body.filter((h: { kind: string }) => h.kind === 'cuti_bersama').length).toBeGreaterThan(3);
  });

  it('should list only the fixed-date holidays for a year without a decreed list, with that said as their source', async () => {
    const res = await http().get('/api/v1/calendar/holidays').query({ year: 2027 });
    expect(res.status).toBe(200);
    expect(res.body.map((h: { date: string }) => h.date)).toEqual(['2027-01-01', '2027-05-01', '2027-06-01', '2027-08-17', '2027-12-25']);
    expect(res.body[3]).toMatchObject({ name: 'Hari Kemerdekaan Republik Indonesia', kind: 'libur_nasional' });
    expect(res.body[3].source).toContain('belum ditetapkan');
  });

  it('should answer 400 when the year is not a year', async () => {
    const res = await http().get('/api/v1/calendar/holidays').query({ year: 'abc' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveProperty('year');
  });

  it('should serve the home page in Bahasa Indonesia listing every body', async () => {
    const res = await http().get('/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<html lang="id">');
    expect(res.text).toContain('Pemerintah Kota Surabaya');
    expect(res.text).toContain('Pemerintah Kabupaten Banyuwangi');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('should explain due dates and compute one on /kalender', async () => {
    const res = await http().get('/kalender').query({ tahun: '2025', tanggal: '2025-03-27', jam: '10:00', hari: '10' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('Selasa, 22 April 2025');
    expect(res.text).toContain('Idul Fitri 1446 Hijriah');
    expect(res.text).toContain('SKB 1017/2/2 Tahun 2024');
  });

  it('should show the calculator error beside the field when the date is invalid', async () => {
    const res = await http().get('/kalender').query({ tanggal: '2025-02-30', jam: '10:00', hari: '10' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('Tanggal diterima harus berupa tanggal yang valid.');
  });

  it('should render a page, not JSON, for an unknown page', async () => {
    const res = await http().get('/tidak-ada');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.text).toContain('Halaman tidak ditemukan');
  });

  it('should answer JSON for an unknown API route', async () => {
    const res = await http().get('/api/v1/tidak-ada');
    expect(res.status).toBe(404);
    expect(res.body.statusCode).toBe(404);
  });

  it('should publish the OpenAPI document with the contract endpoints', async () => {
    const res = await http().get('/api/docs/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/health', '/api/v1/bodies', '/api/v1/calendar/due-date', '/api/v1/calendar/holidays']),
    );
  });

  it('should answer /health with 503 when the database no longer answers', async () => {
    await t.app.get(DataSource).destroy();
    const res = await http().get('/health');
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ status: 'unavailable' });
  });
});
