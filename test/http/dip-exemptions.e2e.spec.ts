import request from 'supertest';
import { DataSource } from 'typeorm';
import { fromDayNumber, instantOfLocalTime, localDateTimeOf, toDayNumber } from 'src/common/time/local-time';
import { DipExemptionsService } from 'src/modules/dip';
import { bearerToken, createPelaksanaUnit, createUser, loginAgent, TestUser, utamaUnitOf } from 'test/support/auth-helpers';
import { requestPayload } from 'test/support/request-factory';
import { startTestApp, TestApp } from 'test/support/test-app';

interface Filed {
  id: string;
  number: string;
  code: string;
}

interface HistoryRow {
  action: string;
  changes: Record<string, unknown>;
}

const ZONE = 'Asia/Jakarta';

function today(): string {
  return localDateTimeOf(new Date(), ZONE).date;
}

function daysAfter(date: string, n: number): string {
  return fromDayNumber(toDayNumber(date) + n);
}

/** A refusal on ground a (an end date, Pasal 20) whose consequence test names the requester, as an officer might carelessly type it. */
function refusal(extra: Record<string, unknown> = {}, test: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    decision: 'refused',
    informationHeld: true,
    reason: 'Informasi berkaitan dengan penyidikan yang sedang berjalan.',
    exemptionGround: 'a',
    consequenceTest: {
      date: today(),
      participants: ['PPID Utama', 'Kepala Satpol PP'],
      information: 'Berita acara pemeriksaan penertiban reklame yang dilaporkan Dyah Ayu Pitaloka (081234567890)',
      consequence: 'Membukanya menghambat penyidikan pelanggaran peraturan daerah.',
      publicInterest: 'Penyidikan yang tuntas lebih melindungi kepentingan publik.',
      legalBasis: 'Pasal 17 huruf a angka 1 UU 14/2008',
      exemptionUntil: daysAfter(today(), 40),
      ...test,
    },
    ...extra,
  };
}

describe('the register of exempted information grows from decisions', () => {
  let t: TestApp;
  let surabaya: { id: number; bodyId: number };
  let officer: TestUser;
  let atasan: TestUser;
  let stranger: TestUser;
  let officerToken: string;
  let atasanToken: string;
  let strangerToken: string;
  const http = () => request(t.app.getHttpServer());
  const auth = (tok: string) => ({ Authorization: `Bearer ${tok}` });
  const db = () => t.app.get(DataSource);

  async function fileRequest(): Promise<Filed> {
    const res = await http().post('/api/v1/requests').send(requestPayload(surabaya.id));
    expect(res.status).toBe(201);
    const [row] = (await db().query('SELECT id FROM requests WHERE registration_number = $1', [res.body.registrationNumber])) as { id: string }[];
    return { id: String(row.id), number: res.body.registrationNumber, code: res.body.trackingCode };
  }

  async function refused(body: Record<string, unknown> = refusal()): Promise<Filed> {
    const r = await fileRequest();
    const res = await http().post(`/api/v1/requests/${r.id}/notice`).set(auth(officerToken)).send(body);
    expect([res.status, res.body.errors]).toEqual([201, undefined]);
    return r;
  }

  async function itemsOf(r: Filed): Promise<{ id: number; category: string; title: string; summary: string; exemption_ground: string | null; exemption_until: string | null }[]> {
    return (await db().query(
      `SELECT i.id, i.category, i.title, i.summary, i.exemption_ground, to_char(i.exemption_until, 'YYYY-MM-DD') AS exemption_until
         FROM dip_items i WHERE i.id IN (SELECT item_id FROM dip_exemption_sources WHERE request_id = $1) ORDER BY i.id`,
      [r.id],
    )) as { id: number; category: string; title: string; summary: string; exemption_ground: string | null; exemption_until: string | null }[];
  }

  async function history(itemId: number): Promise<HistoryRow[]> {
    return (await db().query('SELECT action, changes FROM dip_item_history WHERE item_id = $1 ORDER BY id', [itemId])) as HistoryRow[];
  }

  async function objected(r: Filed): Promise<string> {
    const res = await http().post(`/api/v1/requests/${r.number}/objections`).set('X-Tracking-Code', r.code).send({ grounds: ['a'], reasons: 'Penertiban reklame bukan rahasia penyidikan dan wajib dibuka.' });
    expect(res.status).toBe(201);
    const [row] = (await db().query('SELECT id FROM objections WHERE number = $1', [res.body.objectionNumber])) as { id: string }[];
    return String(row.id);
  }

  beforeAll(async () => {
    t = await startTestApp({ INTAKE_LIMIT_PER_IP_HOUR: '10000' });
    surabaya = await utamaUnitOf(t.app, '35.78');
    const malang = await utamaUnitOf(t.app, '35.73');
    officer = await createUser(t.app, { role: 'officer', unitId: surabaya.id, name: 'Rina Petugas' });
    atasan = await createUser(t.app, { role: 'supervisor', bodyId: surabaya.bodyId, name: 'Bambang Sekda' });
    stranger = await createUser(t.app, { role: 'officer', unitId: malang.id });
    officerToken = await bearerToken(t.app, officer.email);
    atasanToken = await bearerToken(t.app, atasan.email);
    strangerToken = await bearerToken(t.app, stranger.email);
  }, 120_000);

  afterAll(async () => {
    await t.close();
  });

  it('should add a dikecualikan item with its ground, end date and source when a refusal is recorded, without the requester\'s personal data', async () => {
    const r = await refused();
    const [item] = await itemsOf(r);
    expect(item).toMatchObject({ category: 'dikecualikan', exemption_ground: 'a', exemption_until: daysAfter(today(), 40) });
    const [source] = (await db().query(
      `SELECT s.registration_number, s.decision, to_char(s.decided_on, 'YYYY-MM-DD') AS decided_on, s.created_item, s.consequence_test_id = c.id AS same_test
         FROM dip_exemption_sources s JOIN consequence_tests c ON c.request_id = s.request_id WHERE s.item_id = $1`,
      [item.id],
    )) as Record<string, unknown>[];
    expect(source).toEqual({ registration_number: r.number, decision: 'refused', decided_on: today(), created_item: true, same_test: true });
    const shown = `${item.title} ${item.summary}`;
    for (const personal of ['Dyah', 'Pitaloka', '081234567890', '3578015503900001']) expect(shown).not.toContain(personal);
    expect(item.title).toContain('Berita acara pemeriksaan penertiban reklame');
    expect((await history(item.id)).map((h) => h.action)).toEqual(['created']);

    // The public page and the API name the decision and the ground, never the requester.
    const page = await http().get(`/dip/3578/${item.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(r.number);
    expect(page.text).toContain('Pasal 17 huruf a');
    expect(page.text).not.toContain('Pitaloka');
    const api = await http().get(`/api/v1/dip/3578/${item.id}`);
    expect(api.body).toMatchObject({ category: 'dikecualikan', summary: null, sources: [{ registrationNumber: r.number, decision: 'refused', decidedOn: today(), ground: 'a' }], opened: null });
  });

  it('should link a second refusal to the item the officer picks, and refuse one of another ground or body with 400 and nothing written', async () => {
    const first = await refused();
    const [item] = await itemsOf(first);
    const second = await refused(refusal({ exemptionItemId: item.id }, { exemptionUntil: daysAfter(today(), 90) }));
    await expect(itemsOf(second)).resolves.toEqual([expect.objectContaining({ id: item.id, exemption_until: daysAfter(today(), 90) })]);
    const sources = (await db().query('SELECT created_item FROM dip_exemption_sources WHERE item_id = $1 ORDER BY id', [item.id])) as { created_item: boolean }[];
    expect(sources.map((s) => s.created_item)).toEqual([true, false]);
    const linked = (await history(item.id)).at(-1)!;
    expect(linked).toMatchObject({
      action: 'exemption_linked',
      changes: { registrationNumber: second.number, exemptionGround: 'a', exemptionUntil: { from: daysAfter(today(), 40), to: daysAfter(today(), 90) } },
    });

    const r = await fileRequest();
    const otherGround = await http()
      .post(`/api/v1/requests/${r.id}/notice`)
      .set(auth(officerToken))
      .send(refusal({ exemptionGround: 'h', exemptionItemId: item.id }, { exemptionUntil: undefined }));
    expect(otherGround.status).toBe(400);
    expect(otherGround.body.errors.exemptionItemId).toMatch(/huruf a; pilih yang beralasan sama \(huruf h\)/);
    const unknown = await http().post(`/api/v1/requests/${r.id}/notice`).set(auth(officerToken)).send(refusal({ exemptionItemId: 999999 }));
    expect([unknown.status, Object.keys(unknown.body.errors)]).toEqual([400, ['exemptionItemId']]);
    const notANumber = await http().post(`/api/v1/requests/${r.id}/notice`).set(auth(officerToken)).send(refusal({ exemptionItemId: 'satu' }));
    expect([notANumber.status, notANumber.body.errors]).toEqual([400, { exemptionItemId: 'Pilih informasi yang dikecualikan dari daftar.' }]);
    await expect(db().query('SELECT status FROM requests WHERE id = $1', [r.id])).resolves.toEqual([{ status: 'received' }]);
    await expect(db().query('SELECT count(*)::int AS n FROM consequence_tests WHERE request_id = $1', [r.id])).resolves.toEqual([{ n: 0 }]);

    // Another body's exempted item cannot be picked either.
    const malangOfficer = await createUser(t.app, { role: 'officer', unitId: (await utamaUnitOf(t.app, '35.73')).id });
    const malangToken = await bearerToken(t.app, malangOfficer.email);
    const mr = await http().post('/api/v1/requests').send(requestPayload((await utamaUnitOf(t.app, '35.73')).id));
    const [mrow] = (await db().query('SELECT id FROM requests WHERE registration_number = $1', [mr.body.registrationNumber])) as { id: string }[];
    const foreign = await http().post(`/api/v1/requests/${mrow.id}/notice`).set(auth(malangToken)).send(refusal({ exemptionItemId: item.id }));
    expect([foreign.status, Object.keys(foreign.body.errors)]).toEqual([400, ['exemptionItemId']]);
    await expect(db().query('SELECT count(*)::int AS n FROM dip_exemption_sources WHERE item_id = $1', [item.id])).resolves.toEqual([{ n: 2 }]);
  });

  it('should open every linked item when the atasan overturns the refusal in full, with the decision on the history and the public page', async () => {
    const r = await refused();
    const [item] = await itemsOf(r);
    const objectionId = await objected(r);
    const res = await http().post(`/api/v1/objections/${objectionId}/decision`).set(auth(atasanToken)).send({ decision: 'overturn', instruction: 'Berikan berita acara pemeriksaan kepada pemohon.' });
    expect(res.status).toBe(201);
    await expect(itemsOf(r)).resolves.toEqual([expect.objectContaining({ id: item.id, category: 'setiap_saat', exemption_ground: null, exemption_until: null })]);
    const [number] = (await db().query('SELECT number FROM objections WHERE id = $1', [objectionId])) as { number: string }[];
    const opened = (await history(item.id)).at(-1)!;
    expect(opened).toMatchObject({
      action: 'opened',
      changes: { reason: 'objection', source: { kind: 'objection', number: number.number, on: today(), registrationNumber: r.number }, category: { from: 'dikecualikan', to: 'setiap_saat' } },
    });
    const page = await http().get(`/dip/3578/${item.id}`);
    expect(page.text).toContain('dibuka untuk publik');
    expect(page.text).toContain(`keberatan ${number.number}`);
    const api = await http().get(`/api/v1/dip/3578/${item.id}`);
    expect(api.body).toMatchObject({ category: 'setiap_saat', opened: { reason: 'objection', source: { number: number.number } }, sources: [{ registrationNumber: r.number }] });
  });

  it('should open only the items the atasan chooses in a partial overturn, and refuse an item not linked to the request with 400', async () => {
    const r = await refused();
    const [first] = await itemsOf(r);
    const instruction = 'Berikan sebagian berita acara yang tidak menyangkut penyidikan.';
    // A partial overturn choosing nothing opens nothing; the request reopens for a new answer.
    const firstObjection = await objected(r);
    expect((await http().post(`/api/v1/objections/${firstObjection}/decision`).set(auth(atasanToken)).send({ decision: 'overturn_partially', instruction })).status).toBe(201);
    await expect(itemsOf(r)).resolves.toEqual([expect.objectContaining({ id: first.id, category: 'dikecualikan' })]);
    // That objection was filed before the new answer (here all on one day: it is dated back one day).
    await db().query('UPDATE objections SET effective_receipt_date = $2::date WHERE id = $1', [firstObjection, daysAfter(today(), -1)]);
    // The new answer withholds another part, with its own consequence test: a second item of the same request.
    const again = await http()
      .post(`/api/v1/requests/${r.id}/notice`)
      .set(auth(officerToken))
      .send(refusal({}, { information: 'Nama saksi dalam berita acara pemeriksaan penertiban reklame', exemptionUntil: daysAfter(today(), 60) }));
    expect([again.status, again.body.errors]).toEqual([201, undefined]);
    const items = await itemsOf(r);
    expect(items).toHaveLength(2);
    const second = items.find((i) => i.id !== first.id)!;

    const objectionId = await objected(r);
    const decide = (body: Record<string, unknown>) => http().post(`/api/v1/objections/${objectionId}/decision`).set(auth(atasanToken)).send(body);
    const base = { decision: 'overturn_partially', instruction };
    const other = await itemsOf(await refused());
    const unknown = await decide({ ...base, openItemIds: [other[0].id] });
    expect([unknown.status, unknown.body.errors]).toEqual([400, { openItemIds: 'Pilih informasi yang dikecualikan dari daftar permohonan ini.' }]);
    const malformed = await decide({ ...base, openItemIds: ['x'] });
    expect([malformed.status, malformed.body.errors]).toEqual([400, { openItemIds: 'Pilih informasi yang dikecualikan dari daftar permohonan ini.' }]);
    await expect(db().query('SELECT status FROM objections WHERE id = $1', [objectionId])).resolves.toEqual([{ status: 'pending' }]);

    // The API and the atasan's page list both to choose from.
    const shown = await http().get(`/api/v1/objections/${objectionId}`).set(auth(atasanToken));
    expect((shown.body.exemptItems as { id: number; exempt: boolean }[]).map((i) => [i.id, i.exempt])).toEqual([[first.id, true], [second.id, true]].sort((a, b) => Number(a[0]) - Number(b[0])));
    const agent = await loginAgent(t.app, atasan.email);
    const page = await agent.agent.get(`/petugas/keberatan/${objectionId}`);
    expect(page.text).toContain(`name="openItem-${first.id}"`);
    expect(page.text).toContain(`name="openItem-${second.id}"`);
    const decided = await agent.postForm(`/petugas/keberatan/${objectionId}/putus`, { ...base, [`openItem-${second.id}`]: 'ya' });
    expect(decided.status).toBe(303);
    const categories = (await db().query('SELECT id, category FROM dip_items WHERE id = ANY($1::int[]) ORDER BY id', [[first.id, second.id]])) as { id: number; category: string }[];
    expect(Object.fromEntries(categories.map((c) => [c.id, c.category]))).toEqual({ [first.id]: 'dikecualikan', [second.id]: 'setiap_saat' });
    expect((await history(first.id)).map((h) => h.action)).toEqual(['created']);
    expect((await history(second.id)).map((h) => h.action)).toEqual(['created', 'opened']);
  });

  it('should open the linked items when the Komisi Informasi decides for the requester, and none when it decides for the body', async () => {
    const r = await refused();
    const [item] = await itemsOf(r);
    const objectionId = await objected(r);
    expect((await http().post(`/api/v1/objections/${objectionId}/decision`).set(auth(atasanToken)).send({ decision: 'uphold', reasons: 'Informasi dikecualikan berdasarkan uji konsekuensi.' })).status).toBe(201);
    await expect(itemsOf(r)).resolves.toEqual([expect.objectContaining({ category: 'dikecualikan' })]);
    const rec = await http().post(`/api/v1/objections/${objectionId}/dispute`).set(auth(officerToken)).send({ filedOn: today(), caseNumber: '021/KIP-JATIM/XII/2026' });
    expect(rec.status).toBe(201);
    const disputeId = rec.body.dispute.id as string;
    const stage = (body: Record<string, unknown>) => http().post(`/api/v1/disputes/${disputeId}/stage`).set(auth(officerToken)).send(body);
    expect((await stage({ stage: 'ajudikasi', on: today() })).status).toBe(201);
    await expect(itemsOf(r)).resolves.toEqual([expect.objectContaining({ category: 'dikecualikan' })]);
    expect((await stage({ stage: 'putusan', on: today(), outcome: 'opened' })).status).toBe(201);
    await expect(itemsOf(r)).resolves.toEqual([expect.objectContaining({ category: 'setiap_saat' })]);
    expect((await history(item.id)).at(-1)).toMatchObject({ action: 'opened', changes: { reason: 'commission', source: { kind: 'commission', number: '021/KIP-JATIM/XII/2026', on: today() } } });

    const kept = await refused();
    const keptObjection = await objected(kept);
    await http().post(`/api/v1/objections/${keptObjection}/decision`).set(auth(atasanToken)).send({ decision: 'uphold', reasons: 'Informasi dikecualikan berdasarkan uji konsekuensi.' });
    const rec2 = await http().post(`/api/v1/objections/${keptObjection}/dispute`).set(auth(officerToken)).send({ filedOn: today(), caseNumber: '022/KIP-JATIM/XII/2026' });
    expect((await http().post(`/api/v1/disputes/${rec2.body.dispute.id}/stage`).set(auth(officerToken)).send({ stage: 'putusan', on: today(), outcome: 'rejected' })).status).toBe(201);
    await expect(itemsOf(kept)).resolves.toEqual([expect.objectContaining({ category: 'dikecualikan' })]);
  });

  it('should open an item on the day after its end date in the unit\'s time zone, not on the end date itself, once', async () => {
    const r = await refused(refusal({}, { exemptionUntil: daysAfter(today(), 3) }));
    const [item] = await itemsOf(r);
    const until = daysAfter(today(), 3);
    // Move the end date to the last day of a month, as a decision would have set it.
    const monthEnd = daysAfter(`${until.slice(0, 8)}01`, 40).slice(0, 8) + '01';
    const lastOfMonth = daysAfter(monthEnd, -1);
    await db().query('UPDATE dip_items SET exemption_until = $2 WHERE id = $1', [item.id, lastOfMonth]);
    const exemptions = t.app.get(DipExemptionsService);

    const lastMinute = new Date(instantOfLocalTime(lastOfMonth, 23 * 60 + 59, ZONE).getTime() + 59_000);
    const onEndDate = await exemptions.openExpired(lastMinute);
    expect(onEndDate.opened).not.toContain(item.id);
    await expect(itemsOf(r)).resolves.toEqual([expect.objectContaining({ category: 'dikecualikan' })]);

    const nextDay = instantOfLocalTime(daysAfter(lastOfMonth, 1), 5, ZONE);
    expect(daysAfter(lastOfMonth, 1).slice(8)).toBe('01');
    const run = await exemptions.openExpired(nextDay);
    expect(run).toMatchObject({ failed: 0 });
    expect(run.opened).toContain(item.id);
    await expect(itemsOf(r)).resolves.toEqual([expect.objectContaining({ category: 'setiap_saat', exemption_until: null })]);
    const again = await exemptions.openExpired(nextDay);
    expect(again.opened).not.toContain(item.id);
    const opened = (await history(item.id)).filter((h) => h.action === 'opened');
    expect(opened).toEqual([expect.objectContaining({ changes: expect.objectContaining({ reason: 'expired', source: { kind: 'expired', on: daysAfter(lastOfMonth, 1) }, exemptionUntil: { from: lastOfMonth, to: null } }) })]);
  });

  it('should let an officer of the unit reclassify by hand with a reason, and keep everyone else out', async () => {
    const r = await refused();
    const [item] = await itemsOf(r);
    const path = `/api/v1/dip/items/${item.id}/reclassification`;
    expect((await http().post(path).set(auth(strangerToken)).send({ reason: 'Penyidikan sudah selesai dan berkekuatan hukum tetap.' })).status).toBe(404);
    expect((await http().post(path).set(auth(atasanToken)).send({ reason: 'Penyidikan sudah selesai dan berkekuatan hukum tetap.' })).status).toBe(403);
    const pelaksana = await createPelaksanaUnit(t.app, '35.78', { name: 'PPID Pelaksana Dinas Perhubungan Uji' });
    const pelaksanaOfficer = await createUser(t.app, { role: 'officer', unitId: pelaksana.id });
    expect((await http().post(path).set(auth(await bearerToken(t.app, pelaksanaOfficer.email))).send({ reason: 'Penyidikan sudah selesai dan berkekuatan hukum tetap.' })).status).toBe(404);
    const short = await http().post(path).set(auth(officerToken)).send({ reason: 'selesai' });
    expect([short.status, Object.keys(short.body.errors)]).toEqual([400, ['reason']]);
    expect((await http().post(path).set(auth(officerToken)).send({})).status).toBe(400);
    await expect(itemsOf(r)).resolves.toEqual([expect.objectContaining({ category: 'dikecualikan' })]);
    expect((await history(item.id)).map((h) => h.action)).toEqual(['created']);

    const agent = await loginAgent(t.app, officer.email);
    const list = await agent.agent.get('/petugas/dip?kategori=dikecualikan');
    expect(list.text).toContain(`Dari permohonan ${r.number}`);
    const desk = await agent.agent.get(`/petugas/dip/${item.id}`);
    expect(desk.text).toContain(r.number);
    expect(desk.text).toContain('Buka untuk publik');
    const reopened = await agent.postForm(`/petugas/dip/${item.id}/buka`, { reason: 'Penyidikan sudah selesai dan berkekuatan hukum tetap.' });
    expect(reopened.status).toBe(303);
    await expect(itemsOf(r)).resolves.toEqual([expect.objectContaining({ category: 'setiap_saat' })]);
    expect((await history(item.id)).at(-1)).toMatchObject({ action: 'opened', changes: { reason: 'manual', note: 'Penyidikan sudah selesai dan berkekuatan hukum tetap.' } });
    const after = await agent.agent.get(`/petugas/dip/${item.id}`);
    expect(after.text).toContain('Diklasifikasi ulang oleh PPID');
    // Opened already: not exempted any more.
    const twice = await http().post(path).set(auth(officerToken)).send({ reason: 'Penyidikan sudah selesai dan berkekuatan hukum tetap.' });
    expect([twice.status, Object.keys(twice.body.errors)]).toEqual([400, ['reason']]);
  });

  it('should register a PPID Pelaksana\'s refusal only once its PPID Utama approves it, under the Pelaksana\'s unit', async () => {
    const pelaksana = await createPelaksanaUnit(t.app, '35.78', { name: 'PPID Pelaksana Satpol PP Uji' });
    const pelaksanaOfficer = await createUser(t.app, { role: 'officer', unitId: pelaksana.id });
    const res = await http().post('/api/v1/requests').send(requestPayload(pelaksana.id));
    const [row] = (await db().query('SELECT id FROM requests WHERE registration_number = $1', [res.body.registrationNumber])) as { id: string }[];
    const r = { id: String(row.id), number: res.body.registrationNumber as string, code: res.body.trackingCode as string };
    const submitted = await http().post(`/api/v1/requests/${r.id}/notice`).set(auth(await bearerToken(t.app, pelaksanaOfficer.email))).send(refusal());
    expect(submitted.status).toBe(201);
    await expect(itemsOf(r)).resolves.toEqual([]);
    expect((await http().post(`/api/v1/requests/${r.id}/refusal/approval`).set(auth(officerToken)).send({})).status).toBe(201);
    const [item] = await itemsOf(r);
    expect(item).toMatchObject({ category: 'dikecualikan', exemption_ground: 'a' });
    await expect(db().query('SELECT unit_id FROM dip_items WHERE id = $1', [item.id])).resolves.toEqual([{ unit_id: pelaksana.id }]);
  });

  it('should offer the body\'s exempted items on the refusal form', async () => {
    const r = await refused();
    const [item] = await itemsOf(r);
    const fresh = await fileRequest();
    const agent = await loginAgent(t.app, officer.email);
    const page = await agent.agent.get(`/petugas/permohonan/${fresh.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('name="exemptionItemId"');
    expect(page.text).toContain(`<option value="${item.id}"`);
  });
});
