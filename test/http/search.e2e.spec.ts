import fc from 'fast-check';
import request from 'supertest';
import { bearerToken, createPelaksanaUnit, createUser, utamaUnitOf } from 'test/support/auth-helpers';
import { AppConfig } from 'src/config/app-config';
import { startTestApp, TestApp } from 'test/support/test-app';

/** A DIP item as the officers' API takes it; berkala unless told otherwise. */
function item(unitId: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    unitId,
    category: 'berkala',
    title: 'Laporan Realisasi Anggaran Semester I 2025',
    summary: 'Realisasi pendapatan dan belanja daerah sampai dengan 30 Juni 2025.',
    responsibleOfficial: 'Kepala Bidang Akuntansi',
    madeWhen: 'Juli 2025',
    madeWhere: 'Surabaya',
    form: 'both',
    retention: '10 tahun',
    updatePeriodMonths: 6,
    lastUpdatedOn: '2025-07-15',
    links: [],
    ...extra,
  };
}

/** An item with no rhythm (tersedia setiap saat), dated by its last update. */
function setiapSaat(unitId: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return item(unitId, { category: 'setiap_saat', updatePeriodMonths: undefined, lastUpdatedOn: undefined, ...extra });
}

/** The required fields of Project Open Data metadata v1.1 (catalog.json, dataset.json, distribution.json), non-federal. */
const POD_REQUIRED = {
  catalog: ['conformsTo', 'dataset'],
  dataset: ['title', 'description', 'keyword', 'modified', 'publisher', 'contactPoint', 'identifier', 'accessLevel'],
};
const ISO_8601_MODIFIED = /^(\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?|R\/P(\d+[YMWD])+(T(\d+[HMS])+)?|irregular)$/;
const MEDIA_TYPE = /^[-\w.]+\/[-\w.+]+$/;

describe('One public search and the open-data catalogue', () => {
  let t: TestApp;
  let token: string;
  let malangToken: string;
  const ids: Record<string, number> = {};
  const http = () => request(t.app.getHttpServer());

  async function add(tok: string, body: Record<string, unknown>): Promise<number> {
    const res = await http().post('/api/v1/dip/items').set({ Authorization: `Bearer ${tok}` }).send(body);
    expect([res.status, res.body.errors]).toEqual([201, undefined]);
    return res.body.id as number;
  }

  const titles = async (query: string): Promise<string[]> => {
    const res = await http().get(`/api/v1/dip?${query}`);
    expect(res.status).toBe(200);
    return (res.body.items as { title: string }[]).map((i) => i.title);
  };

  beforeAll(async () => {
    t = await startTestApp();
    const surabaya = await utamaUnitOf(t.app, '35.78');
    const dinas = await createPelaksanaUnit(t.app, '35.78', { name: 'PPID Pelaksana Bappeda Uji' });
    const malang = await utamaUnitOf(t.app, '35.73');
    token = await bearerToken(t.app, (await createUser(t.app, { role: 'officer', unitId: surabaya.id })).email);
    const dinasToken = await bearerToken(t.app, (await createUser(t.app, { role: 'officer', unitId: dinas.id })).email);
    malangToken = await bearerToken(t.app, (await createUser(t.app, { role: 'officer', unitId: malang.id })).email);

    ids.penganggaran = await add(dinasToken, item(dinas.id, {
      title: 'Dokumen Penganggaran Perangkat Daerah 2024',
      summary: 'Rencana kerja dan penganggaran seluruh perangkat daerah.',
      lastUpdatedOn: '2024-12-20',
    }));
    ids.dianggarkan = await add(token, setiapSaat(surabaya.id, {
      title: 'Daftar Kegiatan yang Dianggarkan',
      summary: 'Kegiatan pembangunan jalan dan jembatan kota.',
    }));
    ids.melaporkan = await add(token, setiapSaat(surabaya.id, {
      title: 'Tata Cara Melaporkan Pelanggaran Lalu Lintas',
      summary: 'Panduan bagi warga.',
    }));
    ids.rekam = await add(token, item(surabaya.id, {
      category: 'dikecualikan', title: 'Data rekam medis pasien RSUD', summary: 'Isi catatan medis rahasia pasien kanker.',
      updatePeriodMonths: undefined, lastUpdatedOn: undefined, exemptionGround: 'h',
    }));
    ids.malang = await add(malangToken, item(malang.id, { title: 'Laporan Keuangan Kabupaten Malang 2025', summary: 'Neraca dan laporan operasional.' }));
    ids.withdrawn = await add(token, setiapSaat(surabaya.id, { title: 'Laporan anggaran yang ditarik', summary: 'Sudah tidak berlaku.' }));
    const res = await http().post(`/api/v1/dip/items/${ids.withdrawn}/withdrawal`).set({ Authorization: `Bearer ${token}` }).send({ reason: 'Diganti versi baru.' });
    expect(res.status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await t.close();
  });

  it('should find Indonesian word forms: "anggaran" finds "penganggaran" and "dianggarkan", "laporan" finds "melaporkan"', async () => {
    await expect(titles('q=anggaran').then((r) => r.sort())).resolves.toEqual(['Daftar Kegiatan yang Dianggarkan', 'Dokumen Penganggaran Perangkat Daerah 2024']);
    await expect(titles('q=laporan').then((r) => r.sort())).resolves.toEqual(['Laporan Keuangan Kabupaten Malang 2025', 'Tata Cara Melaporkan Pelanggaran Lalu Lintas']);
    // The other way round: a derived word finds the base form; every word must match.
    await expect(titles('q=pelaporan%20keuangan')).resolves.toEqual(['Laporan Keuangan Kabupaten Malang 2025']);
    await expect(titles('q=%22perangkat%20daerah%22%20-jalan')).resolves.toEqual(['Dokumen Penganggaran Perangkat Daerah 2024']);
  });

  it('should answer exactly the public fields, with each item\'s page', async () => {
    const res = await http().get('/api/v1/dip?q=perangkat');
    expect(res.body).toEqual({
      items: [{
        id: ids.penganggaran,
        bodyCode: '35.78',
        category: 'berkala',
        title: 'Dokumen Penganggaran Perangkat Daerah 2024',
        summary: 'Rencana kerja dan penganggaran seluruh perangkat daerah.',
        url: `${t.app.get(AppConfig).appUrl}/dip/3578/${ids.penganggaran}`,
      }],
    });
    const page = await http().get(`/dip/3578/${ids.penganggaran}`);
    expect(page.status).toBe(200);
  });

  it('should rank the item whose title holds the words above one whose summary does', async () => {
    const rows = await titles('q=kegiatan');
    expect(rows[0]).toBe('Daftar Kegiatan yang Dianggarkan');
  });

  it('should filter by body, category and year', async () => {
    await expect(titles('q=laporan&body=35.73')).resolves.toEqual(['Laporan Keuangan Kabupaten Malang 2025']);
    await expect(titles('q=laporan&body=3578')).resolves.toEqual(['Tata Cara Melaporkan Pelanggaran Lalu Lintas']);
    await expect(titles('q=anggaran&category=berkala')).resolves.toEqual(['Dokumen Penganggaran Perangkat Daerah 2024']);
    await expect(titles('body=35.78&year=2024')).resolves.toEqual(['Dokumen Penganggaran Perangkat Daerah 2024']);
    await expect(titles('year=2025&category=berkala')).resolves.toEqual(['Laporan Keuangan Kabupaten Malang 2025']);
    // Published answers are their own category; none are on this database.
    await expect(titles('q=anggaran&category=jawaban')).resolves.toEqual([]);
    await expect(titles('limit=1')).resolves.toHaveLength(1);
  });

  it('should never list a withdrawn item, and show a dikecualikan one with its ground only', async () => {
    await expect(titles('q=ditarik')).resolves.toEqual([]);
    const res = await http().get('/api/v1/dip?q=rekam%20medis');
    expect(res.body.items).toEqual([expect.objectContaining({
      id: ids.rekam, category: 'dikecualikan', summary: 'Dikecualikan berdasarkan Pasal 17 huruf h UU 14/2008 (mengungkap rahasia pribadi).',
    })]);
    // The withheld summary's words find nothing.
    await expect(titles('q=kanker')).resolves.toEqual([]);
    const page = await http().get('/cari?q=rekam+medis');
    expect(page.text).toContain('Data rekam medis pasien RSUD');
    expect(page.text).not.toContain('kanker');
  });

  it('should refuse bad parameters with 400 and an Indonesian message per parameter', async () => {
    const cases: [string, Record<string, string>][] = [
      ['category=rahasia', { category: 'category: berkala, serta_merta, setiap_saat, dikecualikan atau jawaban.' }],
      ['year=25', { year: 'year: tahun empat angka antara 2000 dan 2100, mis. 2025.' }],
      ['year=dua', { year: 'year: tahun empat angka antara 2000 dan 2100, mis. 2025.' }],
      ['body=surabaya', { body: 'body: kode badan publik seperti 35.78.' }],
      [`q=${'a'.repeat(201)}`, { q: 'q paling banyak 200 karakter.' }],
      ['q=a&q=b', { q: 'Isian ini dikirim lebih dari sekali atau tidak berupa teks.' }],
      ['limit=0', { limit: 'limit: bilangan bulat 1 sampai 100.' }],
    ];
    for (const [query, errors] of cases) {
      const res = await http().get(`/api/v1/dip?${query}`);
      expect([query, res.status, res.body.errors]).toEqual([query, 400, errors]);
    }
    const unknown = await http().get('/api/v1/dip?kategori=berkala');
    expect(unknown.status).toBe(400);
  });

  it('should describe the search in the OpenAPI document, beside the DIP endpoints', async () => {
    const res = await http().get('/api/docs/openapi.json');
    const search = res.body.paths['/api/v1/dip'].get;
    const params = Object.fromEntries((search.parameters as { name: string; in: string; schema: Record<string, unknown> }[]).map((p) => [p.name, p]));
    expect(Object.keys(params).sort()).toEqual(['body', 'category', 'limit', 'q', 'year']);
    expect(params.category.schema.enum).toEqual(['berkala', 'serta_merta', 'setiap_saat', 'dikecualikan', 'jawaban']);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/v1/dip', '/api/v1/dip/{code}', '/api/v1/dip/{code}/{id}']));
  });

  it('should keep a body\'s own list at /api/v1/dip/<code>', async () => {
    const res = await http().get('/api/v1/dip/3573');
    expect(res.status).toBe(200);
    expect(res.body.body.code).toBe('35.73');
    expect(res.body.items.map((i: { title: string }) => i.title)).toEqual(['Laporan Keuangan Kabupaten Malang 2025']);
  });

  it('should answer any text with 200 or 400, never a 500, on the API, the page and the suggestions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 220, unit: 'binary' }), fc.constantFrom('&', '|', '!', ':*', '"', "'", '(', ')', '<->', 'a:*', '\\', '-', 'or', '"" or -')), async (text) => {
        const api = await http().get('/api/v1/dip').query({ q: text });
        expect([200, 400]).toContain(api.status);
        if (api.status === 200) expect(Array.isArray(api.body.items)).toBe(true);
        const page = await http().get('/cari').query({ q: text });
        expect([200, 400]).toContain(page.status);
        const saran = await http().get('/cari/saran').query({ teks: text, badan: '35.78' });
        expect([200, 400]).toContain(saran.status);
      }),
      { numRuns: 60 },
    );
  });

  it('should suggest up to five items of the chosen body that can be read, matching the last word while it is typed', async () => {
    const found = async (teks: string, badan = '35.78') => {
      const res = await http().get('/cari/saran').query({ teks, badan });
      expect(res.status).toBe(200);
      return res.body.items as { title: string; url: string }[];
    };
    await expect(found('Saya mohon rencana kerja perangkat dae')).resolves.toEqual([
      { title: 'Dokumen Penganggaran Perangkat Daerah 2024', url: `/dip/3578/${ids.penganggaran}`, category: 'Informasi berkala', body: 'Pemerintah Kota Surabaya' },
    ]);
    // "penganggar…" and "dianggarkan" share the stem: both are offered, the closer match first.
    await expect(found('penganggaran jalan')).resolves.toEqual([
      expect.objectContaining({ title: 'Daftar Kegiatan yang Dianggarkan' }),
      expect.objectContaining({ title: 'Dokumen Penganggaran Perangkat Daerah 2024' }),
    ]);
    await expect(found('laporan pelanggaran lalu lin')).resolves.toEqual([expect.objectContaining({ title: 'Tata Cara Melaporkan Pelanggaran Lalu Lintas' })]);
    // Another body's items, dikecualikan items and asking words alone suggest nothing.
    await expect(found('neraca keuangan kabupaten malang')).resolves.toEqual([]);
    await expect(found('rekam medis pasien')).resolves.toEqual([]);
    await expect(found('saya mohon informasi tentang')).resolves.toEqual([]);
    await expect(found('laporan keuangan', '35.73')).resolves.toHaveLength(1);
  });

  it('should show the search page with its filters, results that link their pages, and an Indonesian message on bad filters', async () => {
    const page = await http().get('/cari?q=anggaran&badan=35.78');
    expect(page.status).toBe(200);
    expect(page.text).toContain(`href="/dip/3578/${ids.penganggaran}"`);
    expect(page.text).toContain('2 informasi ditemukan');
    const bad = await http().get('/cari?q=anggaran&tahun=dua&kategori=rahasia');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Tahun: empat angka antara 2000 dan 2100, mis. 2025.');
    expect(bad.text).toContain('Pilih kategori dari daftar.');
    expect(bad.text).toContain('value="anggaran"');
    const home = await http().get('/');
    expect(home.text).toContain('href="/cari"');
    const dip = await http().get('/dip');
    expect(dip.text).toContain('href="/cari"');
  });

  it('should offer the request form a link to the search and the suggestions script, within the page\'s own scripts', async () => {
    const unit = await utamaUnitOf(t.app, '35.78');
    const form = await http().get(`/permohonan/baru?unit=${unit.id}`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('href="/cari?badan=35.78"');
    expect(form.text).toContain('<script src="/static/js/request-suggestions.js" defer></script>');
    expect(form.headers['content-security-policy']).toContain("script-src 'self'");
    const script = await http().get('/static/js/request-suggestions.js');
    expect(script.status).toBe(200);
  });

  it('should publish a Project Open Data v1.1 catalogue with a DIP dataset per body and the published answers', async () => {
    const res = await http().get('/data.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const catalogue = res.body as Record<string, unknown> & { dataset: Record<string, unknown>[] };
    for (const field of POD_REQUIRED.catalog) expect([field, catalogue[field]]).toEqual([field, expect.anything()]);
    expect(catalogue.conformsTo).toBe('https://project-open-data.cio.gov/v1.1/schema');
    expect(catalogue['@type']).toBe('dcat:Catalog');
    for (const d of catalogue.dataset) {
      for (const field of POD_REQUIRED.dataset) expect([d.identifier, field, d[field] !== undefined && d[field] !== '']).toEqual([d.identifier, field, true]);
      expect(d['@type']).toBe('dcat:Dataset');
      expect(['public', 'restricted public', 'non-public']).toContain(d.accessLevel);
      expect(Array.isArray(d.keyword) && (d.keyword as string[]).length).toBeGreaterThan(0);
      expect(d.modified).toMatch(ISO_8601_MODIFIED);
      expect(d.publisher).toEqual(expect.objectContaining({ '@type': 'org:Organization', name: expect.any(String) }));
      expect(d.contactPoint).toEqual({ '@type': 'vcard:Contact', fn: expect.any(String), hasEmail: expect.stringMatching(/^mailto:[^@\s]+@[^@\s]+$/) });
      for (const dist of d.distribution as Record<string, unknown>[]) {
        expect(dist['@type']).toBe('dcat:Distribution');
        expect(dist.downloadURL ?? dist.accessURL).toMatch(/^https?:\/\//);
        if (dist.downloadURL !== undefined) expect(dist.mediaType).toMatch(MEDIA_TYPE);
        if (dist.describedByType !== undefined) expect(dist.describedByType).toMatch(MEDIA_TYPE);
      }
    }
    const ids = catalogue.dataset.map((d) => d.identifier as string);
    expect(new Set(ids).size).toBe(ids.length);
    const surabaya = catalogue.dataset.find((d) => (d.identifier as string).endsWith('/dip/3578'))!;
    const urls = (surabaya.distribution as { downloadURL?: string; accessURL?: string }[]).map((d) => d.downloadURL ?? d.accessURL);
    expect(urls).toEqual(expect.arrayContaining([expect.stringMatching(/\/api\/v1\/dip\/35\.78$/), expect.stringMatching(/\/dip\/3578\/daftar\.pdf$/), expect.stringMatching(/\/dip\/3578\/daftar\.xlsx$/)]));
    const answers = catalogue.dataset.find((d) => (d.identifier as string).endsWith('/jawaban'))!;
    expect((answers.distribution as { downloadURL?: string }[]).map((d) => d.downloadURL)).toContain(`${(answers.identifier as string).replace(/\/jawaban$/, '')}/api/v1/published-answers`);
    // Each distribution the portal serves itself answers.
    for (const url of urls) {
      const path = new URL(url!).pathname + new URL(url!).search;
      const got = await http().get(path);
      expect([path, got.status]).toEqual([path, 200]);
    }
    // No body without public items has a dataset; no personal data, the body's own address or the portal's.
    expect(ids.filter((i) => i.includes('/dip/'))).toHaveLength(2);
  });
});
