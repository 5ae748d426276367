import { DataSource } from 'typeorm';
import { AccessDenied } from 'src/common/auth/access-errors';
import { NotFound } from 'src/common/errors/domain-error';
import { AnnualReportsService } from 'src/modules/annual-reports';
import { createPelaksanaUnit, createUser, TestUser, utamaUnitOf } from 'test/support/auth-helpers';
import { startTestApp, TestApp } from 'test/support/test-app';

const NARRATIVE = {
  policy: 'Layanan informasi diatur dengan Peraturan Wali Kota tentang PPID.',
  resources: 'Tiga petugas PPID Utama.',
  obstacles: 'Dokumen lama belum didigitalkan.',
  recommendations: 'Digitalisasi arsip.',
};

/** The demo's simulated publishing (AnnualReportsService.publishSimulated) checks its actor as `publish` does. */
describe('simulated publishing of an annual report', () => {
  let t: TestApp;
  let db: DataSource;
  let reports: AnnualReportsService;
  let bodyId: number;
  let officer: TestUser;
  let pelaksanaOfficer: TestUser;
  let supervisor: TestUser;
  let stranger: TestUser;
  const at = new Date('2025-03-20T02:00:00Z');
  const rows = (): Promise<unknown[]> => db.query('SELECT * FROM annual_reports WHERE body_id = $1 ORDER BY year', [bodyId]) as Promise<unknown[]>;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    reports = t.app.get(AnnualReportsService);
    const utama = await utamaUnitOf(t.app, '35.78');
    bodyId = utama.bodyId;
    const pelaksana = await createPelaksanaUnit(t.app, '35.78');
    officer = await createUser(t.app, { role: 'officer', unitId: utama.id });
    pelaksanaOfficer = await createUser(t.app, { role: 'officer', unitId: pelaksana.id });
    supervisor = await createUser(t.app, { role: 'supervisor', bodyId });
    stranger = await createUser(t.app, { role: 'officer', unitId: (await utamaUnitOf(t.app, '35.73')).id });
  });

  afterAll(async () => {
    await t?.close();
  });

  it("should answer another body's officer 404 and the body's other staff 403, changing nothing", async () => {
    const before = await rows();
    await expect(reports.publishSimulated(stranger.actor, bodyId, 2024, NARRATIVE, at)).rejects.toThrow(NotFound);
    await expect(reports.publishSimulated(pelaksanaOfficer.actor, bodyId, 2024, NARRATIVE, at)).rejects.toThrow(AccessDenied);
    await expect(reports.publishSimulated(supervisor.actor, bodyId, 2024, NARRATIVE, at)).rejects.toThrow(AccessDenied);
    expect(await rows()).toEqual(before);
  });

  it("should publish as the body's PPID Utama officer, once, recording the officer", async () => {
    expect(await reports.publishSimulated(officer.actor, bodyId, 2024, NARRATIVE, at)).toBe(true);
    expect(await reports.publishSimulated(officer.actor, bodyId, 2024, NARRATIVE, new Date())).toBe(false);
    const [report] = (await db.query('SELECT published_at AS "publishedAt", published_by AS "publishedBy", policy FROM annual_reports WHERE body_id = $1 AND year = 2024', [
      bodyId,
    ])) as { publishedAt: Date; publishedBy: number; policy: string }[];
    expect(report).toEqual({ publishedAt: at, publishedBy: officer.id, policy: NARRATIVE.policy });
  });
});
