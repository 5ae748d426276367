import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearerToken, createUser, loginAgent, SignedInAgent, utamaUnitOf } from 'test/support/auth-helpers';
import { requestPayload } from 'test/support/request-factory';
import { startTestApp, TestApp } from 'test/support/test-app';

/** Names of the body cards on the home page, in page order. */
function bodyNames(html: string): string[] {
  return [...html.matchAll(/<span class="body-name">([^<]+)<\/span>/g)].map((m) => m[1]);
}

describe('public and officer pages', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await startTestApp({ INTAKE_LIMIT_PER_IP_HOUR: '1000' });
  });

  afterAll(async () => {
    await t.close();
  });

  describe('home page', () => {
    it('should list the province first, then the kota and the kabupaten each by name, and name the province once', async () => {
      const res = await http().get('/');
      expect(res.status).toBe(200);
      expect(res.text).toContain('badan publik di Provinsi Jawa Timur melayani');
      expect(res.text).not.toContain('Provinsi Pemerintah');
      const names = bodyNames(res.text);
      expect(names).toHaveLength(39);
      expect(names[0]).toBe('Pemerintah Provinsi Jawa Timur');
      const kota = names.filter((n) => n.startsWith('Pemerintah Kota '));
      const kabupaten = names.filter((n) => n.startsWith('Pemerintah Kabupaten '));
      const byName = (list: string[]) => [...list].sort((a, b) => a.localeCompare(b, 'id'));
      expect(kota).toEqual(byName(kota));
      expect(kabupaten).toEqual(byName(kabupaten));
      expect(kabupaten[0]).toBe('Pemerintah Kabupaten Bangkalan');
      expect(names.slice(1, 10)).toEqual(kota);
    });

    it('should list only the bodies whose name has every word searched, and keep the words in the field', async () => {
      const res = await http().get('/').query({ cari: 'kota malang' });
      expect(res.status).toBe(200);
      expect(bodyNames(res.text)).toEqual(['Pemerintah Kota Malang']);
      expect(res.text).toContain('value="kota malang"');
      expect(res.text).toContain('1 badan publik cocok dengan “kota malang”');
    });

    it('should find a body by its code and say so plainly when nothing matches', async () => {
      await expect(http().get('/').query({ cari: '3578' }).then((r) => bodyNames(r.text))).resolves.toEqual(['Pemerintah Kota Surabaya']);
      const none = await http().get('/').query({ cari: 'Atlantis' });
      expect(none.status).toBe(200);
      expect(bodyNames(none.text)).toEqual([]);
      expect(none.text).toContain('Tidak ada badan publik yang cocok dengan “Atlantis”');
    });

    it('should refuse a repeated search parameter with the page and a message', async () => {
      const res = await http().get('/?cari=a&cari=b');
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.text).toContain('cari');
    });

    it('should link the SVG favicon from every page and serve it', async () => {
      const page = await http().get('/');
      expect(page.text).toContain('<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">');
      const icon = await http().get('/static/favicon.svg');
      expect(icon.status).toBe(200);
      expect(icon.headers['content-type']).toContain('image/svg+xml');
    });
  });

  describe('body page', () => {
    it.each(['35.01', '3501'])('should show Kabupaten Pacitan at /badan/%s', async (code: string) => {
      const res = await http().get(`/badan/${code}`);
      expect(res.status).toBe(200);
      expect(res.text).toContain('<h1>Pemerintah Kabupaten Pacitan</h1>');
    });

    const badCodes = ['99.99', '9999', 'abc', '35.1', '35%2F01', 'x'.repeat(5000)];
    it.each(badCodes.map((c) => [c.length > 20 ? `${c.slice(0, 5)}… (${c.length} characters)` : c, c]))(
      'should answer the not-found page for /badan/%s',
      async (_label: string, code: string) => {
        const res = await http().get(`/badan/${code}`);
        expect(res.status).toBe(404);
        expect(res.headers['content-type']).toContain('text/html');
        expect(res.text).toContain('tidak ditemukan');
      },
    );

    it('should refuse a control character in the code with the page and a message', async () => {
      const res = await http().get('/badan/%00');
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('text/html');
    });

    it('should answer a page, not a server error, for a malformed address', async () => {
      const res = await http().get('/badan/%E0%A4%A');
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('text/html');
    });
  });

  describe('tracking code wording', () => {
    it('should call it "kode lacak" on the tracking page', async () => {
      const res = await http().get('/lacak');
      expect(res.text).toContain('<label for="f-kode">Kode lacak</label>');
      expect(res.text.toLowerCase()).not.toContain('kode pelacakan');
    });
  });

  describe('officer queue', () => {
    let officer: SignedInAgent;
    let answeredNumber = '';

    beforeAll(async () => {
      const surabaya = await utamaUnitOf(t.app, '35.78');
      const user = await createUser(t.app, { role: 'officer', unitId: surabaya.id });
      const token = await bearerToken(t.app, user.email);
      for (const name of ['Bambang Sutrisno', 'Siti Rahmawati']) {
        const res = await http().post('/api/v1/requests').send(requestPayload(surabaya.id, { requester: { name } }));
        expect(res.status).toBe(201);
      }
      const late = await http()
        .post('/api/v1/offline-requests')
        .set('Authorization', `Bearer ${token}`)
        .send({ ...requestPayload(surabaya.id, { requester: { name: 'Hendra Gunawan' } }), channel: 'letter', receivedAt: new Date(Date.now() - 30 * 86_400_000).toISOString() });
      expect(late.status).toBe(201);
      // One answered request: still open (documents to hand over), so listed, but without a deadline state.
      const answered = await http().post('/api/v1/requests').send(requestPayload(surabaya.id, { requester: { name: 'Maria Ulfa' } }));
      answeredNumber = answered.body.registrationNumber as string;
      const [row] = (await t.app.get(DataSource).query('SELECT id FROM requests WHERE registration_number = $1', [answeredNumber])) as { id: string }[];
      const notice = await http()
        .post(`/api/v1/requests/${row.id}/notice`)
        .set('Authorization', `Bearer ${token}`)
        .send({ decision: 'granted', informationHeld: true, material: 'Salinan DPA 2025', format: 'softcopy', delivery: 'email', fee: 0, timeNeeded: '2 hari kerja' });
      expect(notice.status).toBe(201);
      officer = await loginAgent(t.app, user.email);
    });

    it('should count under "semua" exactly the rows it lists, answered requests included', async () => {
      const res = await officer.agent.get('/petugas');
      expect(res.status).toBe(200);
      const rows = res.text.match(/<tr>\s*<td data-label="Nomor"/g) ?? [];
      expect(rows).toHaveLength(4);
      expect(res.text).toContain(answeredNumber);
      expect(res.text).toMatch(/<strong>4<\/strong> semua/);
      expect(res.text).toMatch(/<strong>1<\/strong> sudah dijawab/);
      expect(res.text).toMatch(/<strong>1<\/strong> terlambat/);
    });

    it('should give the overdue request its working days late beside "Terlambat"', async () => {
      const res = await officer.agent.get('/petugas').query({ state: 'terlambat' });
      const match = /<span class="state state-terlambat">Terlambat<\/span> <span class="overdue">(\d+) hari kerja<\/span>/.exec(res.text);
      expect(match).not.toBeNull();
      // Received 30 calendar days ago, due 10 working days later: about two weeks of working days late.
      expect(Number(match![1])).toBeGreaterThanOrEqual(5);
      expect(Number(match![1])).toBeLessThanOrEqual(15);
    });

    it('should keep the search in the state links, so each count lists what it counts', async () => {
      const res = await officer.agent.get('/petugas').query({ q: 'Hendra' });
      const html = res.text.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');
      expect(html).toContain('href="/petugas?q=Hendra&state=terlambat"');
      expect(html).toMatch(/href="\/petugas\?q=Hendra" aria-current="page"><strong>1<\/strong> semua/);
    });
  });
});
