import request from 'supertest';
import { DataSource } from 'typeorm';
import { createPelaksanaUnit, createUser, loginAgent, SignedInAgent, utamaUnitOf } from 'test/support/auth-helpers';
import { startTestApp, TestApp } from 'test/support/test-app';

interface AuditRow {
  action: string;
  target_type: string;
  target_id: string;
  details: Record<string, unknown>;
}

const BODY_FORM = {
  address: 'Jalan Jimerto Nomor 25–27, Surabaya 60272',
  phone: '(031) 5312144',
  email: 'ppid@surabaya.example.org',
  website: 'ppid.surabaya.example.org',
  hours_mon: '08.00–15.00',
  hours_tue: '08.00–15.00',
  hours_wed: '08.00–15.00',
  hours_thu: '08.00–15.00',
  hours_fri: '08.00–11.00',
  hours_sat: '',
  hours_sun: 'tutup',
};

const UNIT_FORM = {
  signerName: 'Drs. Bambang Sutejo, M.Si.',
  signerPosition: 'Kepala Dinas Komunikasi dan Informatika selaku PPID Utama',
  signerNip: '19700412 199503 1 002',
  address: '',
  phone: '',
  email: '',
};

describe('admin edits the details of bodies and units', () => {
  let t: TestApp;
  let surabaya: { id: number; bodyId: number };
  let admin: SignedInAgent;
  const db = () => t.app.get(DataSource);

  async function auditAfter(id: string): Promise<AuditRow[]> {
    return (await db().query('SELECT action, target_type, target_id, details FROM audit_log WHERE id > $1 ORDER BY id', [id])) as AuditRow[];
  }

  async function lastAuditId(): Promise<string> {
    const [row] = (await db().query('SELECT coalesce(max(id), 0)::text AS id FROM audit_log')) as { id: string }[];
    return row.id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    surabaya = await utamaUnitOf(t.app, '35.78');
    const user = await createUser(t.app, { role: 'admin' });
    admin = await loginAgent(t.app, user.email);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('should show the body form with a link from the unit list and save every detail with an audit entry', async () => {
    const list = await admin.agent.get('/admin/unit');
    expect(list.status).toBe(200);
    expect(list.text).toContain(`href="/admin/badan/${surabaya.bodyId}"`);
    expect(list.text).toContain(`href="/admin/unit/${surabaya.id}"`);
    const form = await admin.agent.get(`/admin/badan/${surabaya.bodyId}`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('Pemerintah Kota Surabaya');
    expect(form.text).toContain('Rincian belum lengkap');

    const before = await lastAuditId();
    const saved = await admin.postForm(`/admin/badan/${surabaya.bodyId}`, BODY_FORM);
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe(`/admin/unit?disimpan=badan-${surabaya.bodyId}#badan-${surabaya.bodyId}`);
    const [row] = (await db().query('SELECT address, phone, email, website, service_hours FROM public_bodies WHERE id = $1', [surabaya.bodyId])) as {
      address: string;
      phone: string;
      email: string;
      website: string;
      service_hours: Record<string, unknown>;
    }[];
    expect(row).toEqual({
      address: BODY_FORM.address,
      phone: BODY_FORM.phone,
      email: BODY_FORM.email,
      website: 'https://ppid.surabaya.example.org',
      service_hours: {
        mon: { opens: '08:00', closes: '15:00' },
        tue: { opens: '08:00', closes: '15:00' },
        wed: { opens: '08:00', closes: '15:00' },
        thu: { opens: '08:00', closes: '15:00' },
        fri: { opens: '08:00', closes: '11:00' },
        sat: null,
        sun: null,
      },
    });
    await expect(auditAfter(before)).resolves.toEqual([
      {
        action: 'body.details_updated',
        target_type: 'body',
        target_id: String(surabaya.bodyId),
        details: { fields: ['address', 'phone', 'email', 'website', 'serviceHours'] },
      },
    ]);
    const after = await admin.agent.get(saved.headers.location as string);
    expect(after.text).toContain('Rincian Pemerintah Kota Surabaya telah disimpan.');
    const again = await admin.agent.get(`/admin/badan/${surabaya.bodyId}`);
    expect(again.text).toContain('value="08.00–11.00"');
    expect(again.text).not.toContain('Rincian belum lengkap');

    const unchanged = await lastAuditId();
    expect((await admin.postForm(`/admin/badan/${surabaya.bodyId}`, BODY_FORM)).status).toBe(303);
    await expect(auditAfter(unchanged)).resolves.toEqual([]);
  });

  it('should save the atasan PPID every letter names for objections, and clear it again', async () => {
    const atasan = { atasanName: 'Drs. Ikhsan, M.Si.', atasanPosition: 'Sekretaris Daerah Kota Surabaya', atasanAddress: 'Jalan Taman Surya Nomor 1, Surabaya 60272' };
    const before = await lastAuditId();
    expect((await admin.postForm(`/admin/badan/${surabaya.bodyId}`, { ...BODY_FORM, ...atasan })).status).toBe(303);
    const select = 'SELECT atasan_name AS "atasanName", atasan_position AS "atasanPosition", atasan_address AS "atasanAddress" FROM public_bodies WHERE id = $1';
    await expect(db().query(select, [surabaya.bodyId])).resolves.toEqual([atasan]);
    await expect(auditAfter(before)).resolves.toEqual([
      expect.objectContaining({ action: 'body.details_updated', details: { fields: ['atasanName', 'atasanPosition', 'atasanAddress'] } }),
    ]);
    const form = await admin.agent.get(`/admin/badan/${surabaya.bodyId}`);
    expect(form.text).toContain('value="Drs. Ikhsan, M.Si."');
    expect((await admin.postForm(`/admin/badan/${surabaya.bodyId}`, { ...BODY_FORM, atasanName: '', atasanPosition: '', atasanAddress: '' })).status).toBe(303);
    await expect(db().query(select, [surabaya.bodyId])).resolves.toEqual([{ atasanName: null, atasanPosition: null, atasanAddress: null }]);
  });

  it('should re-render the body form with "wajib diisi" beside empty fields and keep what was typed', async () => {
    const before = await lastAuditId();
    const res = await admin.postForm(`/admin/badan/${surabaya.bodyId}`, { ...BODY_FORM, address: '  ', phone: '', hours_tue: '15.00–08.00', website: 'situs web <b>' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Alamat kantor wajib diisi.');
    expect(res.text).toContain('Nomor telepon wajib diisi.');
    expect(res.text).toContain('Jam tutup harus setelah jam buka.');
    expect(res.text).toContain('id="e-hours_tue"');
    expect(res.text).toContain('value="15.00–08.00"');
    expect(res.text).toContain('value="situs web &lt;b&gt;"');
    expect(res.text).toContain('value="ppid@surabaya.example.org"');
    await expect(auditAfter(before)).resolves.toEqual([]);
  });

  it('should save a unit signer with a valid NIP, refuse a wrong one, and audit only the field names', async () => {
    const unit = await createPelaksanaUnit(t.app, '35.78');
    const bad = await admin.postForm(`/admin/unit/${unit.id}`, { ...UNIT_FORM, signerName: '', signerNip: '1970041219950310' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Nama penanda tangan wajib diisi.');
    expect(bad.text).toContain('NIP terdiri atas 18 angka (sekarang 16).');
    expect(bad.text).toContain('value="1970041219950310"');
    expect(bad.text).toContain(`value="${UNIT_FORM.signerPosition}"`);

    const before = await lastAuditId();
    const ok = await admin.postForm(`/admin/unit/${unit.id}`, { ...UNIT_FORM, phone: '(031) 5320000' });
    expect(ok.status).toBe(303);
    const [row] = (await db().query('SELECT signer_name, signer_position, signer_nip, phone, address, email FROM ppid_units WHERE id = $1', [unit.id])) as unknown[];
    expect(row).toEqual({
      signer_name: UNIT_FORM.signerName,
      signer_position: UNIT_FORM.signerPosition,
      signer_nip: '197004121995031002',
      phone: '(031) 5320000',
      address: null,
      email: null,
    });
    const audit = await auditAfter(before);
    expect(audit).toEqual([
      { action: 'unit.details_updated', target_type: 'unit', target_id: String(unit.id), details: { bodyId: unit.bodyId, fields: ['phone', 'signerName', 'signerPosition', 'signerNip'] } },
    ]);
    expect(JSON.stringify(audit)).not.toContain('Bambang');
  });

  it('should answer 404 for an unknown or malformed id and 403 for an officer', async () => {
    for (const path of ['/admin/badan/999999', '/admin/badan/abc', '/admin/unit/99999999999', '/admin/unit/0']) {
      expect((await admin.agent.get(path)).status).toBe(404);
    }
    expect((await admin.postForm('/admin/unit/999999', UNIT_FORM)).status).toBe(404);
    const officer = await createUser(t.app, { role: 'officer', unitId: surabaya.id });
    const signedIn = await loginAgent(t.app, officer.email);
    expect((await signedIn.agent.get(`/admin/badan/${surabaya.bodyId}`)).status).toBe(403);
    expect((await signedIn.postForm(`/admin/unit/${surabaya.id}`, UNIT_FORM)).status).toBe(403);
    const anonymous = await request(t.app.getHttpServer()).get(`/admin/unit/${surabaya.id}`);
    expect(anonymous.status).toBe(303);
  });
});
