import request from 'supertest';
import { DataSource } from 'typeorm';
import { formatLocalDate } from 'src/common/views/view-helpers';
import { localDateTimeOf } from 'src/common/time/local-time';
import { DueDateRecomputeWorker } from 'src/modules/requests/workflow/due-date-recompute';
import { bearerToken, createUser, loginAgent, SignedInAgent, TestUser, utamaUnitOf } from 'test/support/auth-helpers';
import { requestPayload } from 'test/support/request-factory';
import { startTestApp, TestApp } from 'test/support/test-app';
import { pause, waitFor } from 'test/support/wait-for';

interface Filed {
  id: string;
  number: string;
  code: string;
  dueDate: string;
  receivedAt: string;
}

interface Stored {
  due: string;
  provisional: boolean;
  version: number;
}

interface RecomputedEvent {
  old: string;
  new: string;
  actor_kind: string;
  public: boolean;
  data: { reason?: string };
}

/** The weekday after `date` (YYYY-MM-DD) that is `weekday` (0 = Sunday … 6 = Saturday). */
function nextWeekday(date: string, weekday: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  do d.setUTCDate(d.getUTCDate() + 1);
  while (d.getUTCDay() !== weekday);
  return d.toISOString().slice(0, 10);
}

describe('calendar administration', () => {
  let t: TestApp;
  let surabaya: { id: number; bodyId: number };
  let malang: { id: number; bodyId: number };
  let admin: TestUser;
  let officer: TestUser;
  let adminPages: SignedInAgent;
  let adminToken: string;
  const http = () => request(t.app.getHttpServer());
  const db = () => t.app.get(DataSource);

  async function fileRequest(unitId: number): Promise<Filed> {
    const res = await http().post('/api/v1/requests').send(requestPayload(unitId));
    expect(res.status).toBe(201);
    const [row] = (await db().query('SELECT id FROM requests WHERE registration_number = $1', [res.body.registrationNumber])) as { id: string }[];
    return { id: String(row.id), number: res.body.registrationNumber, code: res.body.trackingCode, dueDate: res.body.dueDate, receivedAt: res.body.receivedAt };
  }

  async function stored(id: string): Promise<Stored> {
    const [row] = (await db().query(
      `SELECT to_char(due_date, 'YYYY-MM-DD') AS due, due_provisional AS provisional, version FROM requests WHERE id = $1`,
      [id],
    )) as Stored[];
    return row;
  }

  function recomputedEvents(id: string): Promise<RecomputedEvent[]> {
    return db().query(
      `SELECT to_char(old_due_date, 'YYYY-MM-DD') AS old, to_char(new_due_date, 'YYYY-MM-DD') AS new, actor_kind, public, data
       FROM request_events WHERE request_id = $1 AND type = 'due_date_recomputed' ORDER BY id`,
      [id],
    ) as Promise<RecomputedEvent[]>;
  }

  /** The calendar API's due date for a receipt: what the portal computes with today's calendar. */
  async function dueDateFor(receivedAt: string, workingDays: number, unitId: number): Promise<string> {
    const res = await http().get('/api/v1/calendar/due-date').query({ receivedAt, workingDays, unitId });
    expect(res.status).toBe(200);
    return res.body.dueDate as string;
  }

  async function holidayId(date: string, bodyId: number | null): Promise<number> {
    const rows = (await db().query('SELECT id FROM holidays WHERE date = $1 AND body_id IS NOT DISTINCT FROM $2', [date, bodyId])) as { id: number }[];
    expect(rows).toHaveLength(1);
    return rows[0].id;
  }

  async function counts(): Promise<{ holidays: number; years: number; jobs: number }> {
    const [row] = (await db().query(
      `SELECT (SELECT count(*) FROM holidays)::int AS holidays,
              (SELECT count(*) FROM calendar_years WHERE confirmed)::int AS years,
              (SELECT count(*) FROM pgboss.job WHERE name = 'calendar.recompute')::int AS jobs`,
    )) as { holidays: number; years: number; jobs: number }[];
    return row;
  }

  beforeAll(async () => {
    t = await startTestApp({ INTAKE_LIMIT_PER_IP_HOUR: '10000' });
    surabaya = await utamaUnitOf(t.app, '35.78');
    malang = await utamaUnitOf(t.app, '35.73');
    admin = await createUser(t.app, { role: 'admin', name: 'Sari Admin' });
    officer = await createUser(t.app, { role: 'officer', unitId: surabaya.id });
    adminPages = await loginAgent(t.app, admin.email);
    adminToken = await bearerToken(t.app, admin.email);
  });

  afterAll(async () => {
    await t.close();
  });

  it('should move an open request one working day when a national holiday falls on its due date, log it publicly, and move it back on removal', async () => {
    const r = await fileRequest(surabaya.id);
    const oneDayLater = await dueDateFor(r.receivedAt, 11, surabaya.id);
    expect(oneDayLater > r.dueDate).toBe(true);

    const added = await adminPages.postForm('/admin/kalender/libur', {
      date: r.dueDate,
      name: 'Libur Uji Nasional',
      kind: 'libur_nasional',
      source: 'Keputusan Presiden Uji Nomor 1 Tahun 2026',
    });
    expect(added.status).toBe(303);
    expect(added.headers.location).toBe(`/admin/kalender?tahun=${r.dueDate.slice(0, 4)}&pesan=ditambah#libur-nasional`);

    await waitFor(async () => (await stored(r.id)).due === oneDayLater);
    await expect(stored(r.id)).resolves.toMatchObject({ due: oneDayLater, version: 2 });
    const [event] = await recomputedEvents(r.id);
    expect(event).toMatchObject({ old: r.dueDate, new: oneDayLater, actor_kind: 'system', public: true, data: { reason: 'calendar_changed' } });

    const tracked = await http().get(`/api/v1/requests/${r.number}`).set('X-Tracking-Code', r.code);
    expect(tracked.status).toBe(200);
    expect(tracked.body.receipt.dueDate).toBe(oneDayLater);
    expect(tracked.body.timeline).toContainEqual(
      expect.objectContaining({
        label: 'Batas waktu dihitung ulang karena perubahan kalender',
        dueChange: `Batas waktu berubah dari ${formatLocalDate(r.dueDate)} menjadi ${formatLocalDate(oneDayLater)}`,
      }),
    );

    const page = await adminPages.agent.get(`/admin/kalender?tahun=${r.dueDate.slice(0, 4)}&pesan=ditambah`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Libur Uji Nasional');
    expect(page.text).toContain('Keputusan Presiden Uji Nomor 1 Tahun 2026');
    expect(page.text).toContain('Hari libur ditambahkan.');

    // A second run of the job finds nothing to change.
    await expect(t.app.get(DueDateRecomputeWorker).recompute(null, new Date())).resolves.toMatchObject({ changed: 0 });
    await expect(recomputedEvents(r.id)).resolves.toHaveLength(1);

    const removed = await adminPages.postForm(`/admin/kalender/hari/${await holidayId(r.dueDate, null)}/hapus`);
    expect(removed.status).toBe(303);
    await waitFor(async () => (await stored(r.id)).due === r.dueDate);
    const events = await recomputedEvents(r.id);
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({ old: oneDayLater, new: r.dueDate, actor_kind: 'system', public: true });
    await expect(stored(r.id)).resolves.toMatchObject({ version: 3 });
  });

  it('should recompute after an edit: moving the holiday to a weekend gives the original due date back', async () => {
    const r = await fileRequest(surabaya.id);
    const oneDayLater = await dueDateFor(r.receivedAt, 11, surabaya.id);
    const res = await http()
      .post('/api/v1/admin/calendar/holidays')
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ date: r.dueDate, name: 'Cuti Bersama Uji', kind: 'cuti_bersama', source: 'SKB Uji 2/2026' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ date: r.dueDate, kind: 'cuti_bersama', bodyId: null, source: 'SKB Uji 2/2026' });
    await waitFor(async () => (await stored(r.id)).due === oneDayLater);

    const form = await adminPages.agent.get(`/admin/kalender/hari/${res.body.id}`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('Cuti Bersama Uji');
    const saturday = nextWeekday(oneDayLater, 6);
    const edited = await adminPages.postForm(`/admin/kalender/hari/${res.body.id}`, {
      date: saturday,
      name: 'Cuti Bersama Uji (dipindah)',
      kind: 'cuti_bersama',
      source: 'SKB Uji 3/2026',
    });
    expect(edited.status).toBe(303);
    await waitFor(async () => (await stored(r.id)).due === r.dueDate);
    await expect(recomputedEvents(r.id)).resolves.toHaveLength(2);

    const listed = await http().get('/api/v1/admin/calendar/holidays').query({ year: saturday.slice(0, 4) }).set('Authorization', `Bearer ${adminToken}`);
    expect(listed.status).toBe(200);
    expect(listed.body.holidays).toContainEqual({ id: res.body.id, date: saturday, name: 'Cuti Bersama Uji (dipindah)', kind: 'cuti_bersama', bodyId: null, source: 'SKB Uji 3/2026' });
    const deleted = await http().delete(`/api/v1/admin/calendar/holidays/${res.body.id}`).set('Authorization', `Bearer ${adminToken}`);
    expect(deleted.status).toBe(204);
    await expect(db().query('SELECT 1 FROM holidays WHERE id = $1', [res.body.id])).resolves.toEqual([]);

    const confirmed = await http().put('/api/v1/admin/calendar/years/2099').set('Authorization', `Bearer ${adminToken}`).send({ source: 'SKB Uji 2098' });
    expect(confirmed.status).toBe(204);
    const year = await http().get('/api/v1/admin/calendar/holidays?year=2099').set('Authorization', `Bearer ${adminToken}`);
    expect(year.body).toEqual({ year: 2099, confirmed: true, source: 'SKB Uji 2098', holidays: [] });
  });

  it("should move only the closed body's requests when a body closes", async () => {
    const inSurabaya = await fileRequest(surabaya.id);
    const inMalang = await fileRequest(malang.id);
    const oneDayLater = await dueDateFor(inSurabaya.receivedAt, 11, surabaya.id);
    const malangBefore = await stored(inMalang.id);

    const added = await adminPages.postForm('/admin/kalender/penutupan', {
      bodyId: String(surabaya.bodyId),
      date: inSurabaya.dueDate,
      name: 'Penutupan layanan karena banjir',
      source: 'Surat Edaran Wali Kota Surabaya Nomor 100/2026',
    });
    expect(added.status).toBe(303);
    expect(added.headers.location).toContain('#penutupan');

    await waitFor(async () => (await stored(inSurabaya.id)).due === oneDayLater);
    await expect(recomputedEvents(inSurabaya.id)).resolves.toHaveLength(1);
    await pause(1500);
    await expect(stored(inMalang.id)).resolves.toEqual(malangBefore);
    await expect(recomputedEvents(inMalang.id)).resolves.toEqual([]);

    const [body] = (await db().query('SELECT name FROM public_bodies WHERE id = $1', [surabaya.bodyId])) as { name: string }[];
    const page = await adminPages.agent.get(`/admin/kalender?tahun=${inSurabaya.dueDate.slice(0, 4)}`);
    expect(page.text).toContain('Penutupan layanan karena banjir');
    expect(page.text).toContain(body.name);

    const removed = await adminPages.postForm(`/admin/kalender/hari/${await holidayId(inSurabaya.dueDate, surabaya.bodyId)}/hapus`);
    expect(removed.status).toBe(303);
    await waitFor(async () => (await stored(inSurabaya.id)).due === inSurabaya.dueDate);
  });

  it('should answer invalid input with 400 and the message beside the field, and save nothing', async () => {
    const [taken] = (await db().query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, name FROM holidays WHERE body_id IS NULL ORDER BY date DESC LIMIT 1`,
    )) as { date: string; name: string }[];
    const before = await counts();

    const badDate = await adminPages.postForm('/admin/kalender/libur', { date: '2026-02-30', name: 'Libur', kind: 'libur_nasional', source: 'SKB Uji' });
    expect(badDate.status).toBe(400);
    expect(badDate.text).toContain('id="e-nationalDate"');
    expect(badDate.text).toContain('Tanggal tidak valid');

    const noSource = await adminPages.postForm('/admin/kalender/libur', { date: '2026-08-18', name: 'Libur', kind: 'libur_nasional', source: '  ' });
    expect(noSource.status).toBe(400);
    expect(noSource.text).toContain('id="e-nationalSource"');
    expect(noSource.text).toContain('Dasar hukum wajib diisi');
    expect(noSource.text).toContain('value="2026-08-18"');

    const duplicate = await adminPages.postForm('/admin/kalender/libur', { date: taken.date, name: 'Lagi', kind: 'libur_nasional', source: 'SKB Uji' });
    expect(duplicate.status).toBe(400);
    expect(duplicate.text).toContain(`Sudah ada hari libur nasional atau cuti bersama pada ${formatLocalDate(taken.date)} (${taken.name})`);

    const noBody = await adminPages.postForm('/admin/kalender/penutupan', { bodyId: '', date: '2026-08-18', name: 'Tutup', source: 'SE Uji' });
    expect(noBody.status).toBe(400);
    expect(noBody.text).toContain('id="e-closureBodyId"');
    const noBodyBadDate = await adminPages.postForm('/admin/kalender/penutupan', { bodyId: '', date: '2026-13-01', name: 'Tutup', source: 'SE Uji' });
    expect(noBodyBadDate.status).toBe(400);
    expect(noBodyBadDate.text).toContain('id="e-closureBodyId"');
    expect(noBodyBadDate.text).toContain('id="e-closureDate"');

    const noYearSource = await adminPages.postForm('/admin/kalender/tahun', { year: '2030', source: '' });
    expect(noYearSource.status).toBe(400);
    expect(noYearSource.text).toContain('id="e-yearSource"');

    const api = (body: object) => http().post('/api/v1/admin/calendar/holidays').set('Authorization', `Bearer ${adminToken}`).send(body);
    const apiNoSource = await api({ date: '2026-08-18', name: 'Libur', kind: 'libur_nasional' });
    expect(apiNoSource.status).toBe(400);
    expect(apiNoSource.body.errors.source).toContain('Dasar hukum wajib diisi');
    const apiDuplicate = await api({ date: taken.date, name: 'Lagi', kind: 'cuti_bersama', source: 'SKB Uji' });
    expect(apiDuplicate.status).toBe(400);
    expect(apiDuplicate.body.errors.date).toContain('Sudah ada hari libur nasional');
    const apiClosureWithoutBody = await api({ date: '2026-08-18', name: 'Tutup', kind: 'closure', source: 'SE Uji' });
    expect(apiClosureWithoutBody.status).toBe(400);
    expect(apiClosureWithoutBody.body.errors.bodyId).toBeDefined();

    await expect(counts()).resolves.toEqual(before);
  });

  it('should refuse officers with 403 and send anonymous visitors to /masuk', async () => {
    const officerPages = await loginAgent(t.app, officer.email);
    const page = await officerPages.agent.get('/admin/kalender');
    expect(page.status).toBe(403);
    const before = await counts();
    const post = await officerPages.postForm('/admin/kalender/libur', { date: '2026-08-18', name: 'Libur', kind: 'libur_nasional', source: 'SKB Uji' });
    expect(post.status).toBe(403);
    await expect(counts()).resolves.toEqual(before);

    const anonymous = await http().get('/admin/kalender?tahun=2026');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.location).toBe(`/masuk?next=${encodeURIComponent('/admin/kalender?tahun=2026')}`);

    await expect(http().get('/api/v1/admin/calendar/holidays?year=2026').then((r) => r.status)).resolves.toBe(401);
    const officerToken = await bearerToken(t.app, officer.email);
    const asOfficer = await http().get('/api/v1/admin/calendar/holidays?year=2026').set('Authorization', `Bearer ${officerToken}`);
    expect(asOfficer.status).toBe(403);
  });

  it("should warn admins on every page while next year's list is unconfirmed, and stop once it is confirmed", async () => {
    const nextYear = Number(localDateTimeOf(new Date(), 'Asia/Jakarta').date.slice(0, 4)) + 1;
    const warning = `Daftar libur nasional tahun ${nextYear} belum ditetapkan. Batas waktu yang jatuh pada tahun itu bersifat sementara.`;

    const adminHome = await adminPages.agent.get('/admin');
    expect(adminHome.status).toBe(200);
    expect(adminHome.text).toContain(warning);
    expect(adminHome.text).toContain(`href="/admin/kalender?tahun=${nextYear}"`);
    expect(adminHome.text).toContain('Kalender hari kerja');
    const publicPage = await adminPages.agent.get('/kalender');
    expect(publicPage.text).toContain(warning);

    const officerPages = await loginAgent(t.app, officer.email);
    const officerQueue = await officerPages.agent.get('/petugas');
    expect(officerQueue.status).toBe(200);
    expect(officerQueue.text).not.toContain(warning);
    const anonymous = await http().get('/kalender');
    expect(anonymous.text).not.toContain(warning);

    const confirmed = await adminPages.postForm('/admin/kalender/tahun', { year: String(nextYear), source: `SKB Uji Nomor 9 Tahun ${nextYear - 1}` });
    expect(confirmed.status).toBe(303);
    const after = await adminPages.agent.get('/admin');
    expect(after.text).not.toContain(warning);
    const yearPage = await adminPages.agent.get(`/admin/kalender?tahun=${nextYear}`);
    expect(yearPage.text).toContain('Sudah ditetapkan.');
    expect(yearPage.text).toContain(`SKB Uji Nomor 9 Tahun ${nextYear - 1}`);
  });
});
