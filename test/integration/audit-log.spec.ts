import { DataSource } from 'typeorm';
import { DatabaseService } from 'src/database/database.service';
import { AuditService } from 'src/modules/audit';
import { startTestApp, TestApp } from 'test/support/test-app';

describe('audit_log', () => {
  let t: TestApp;
  const rows = () => t.app.get(DataSource).query(`SELECT id::text, action, details FROM audit_log ORDER BY id`) as Promise<{ id: string; action: string; details: object }[]>;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(AuditService).record({ actor: 'system', action: 'holiday.created', target: { type: 'holiday', id: 1 }, details: { date: '2030-01-01' } });
  });

  afterAll(async () => {
    await t.close();
  });

  it('should refuse UPDATE, DELETE and TRUNCATE and keep the rows as written', async () => {
    const db = t.app.get(DatabaseService);
    const before = await rows();
    expect(before).toEqual([{ id: expect.any(String), action: 'holiday.created', details: { date: '2030-01-01' } }]);
    const attempts = [
      `UPDATE audit_log SET action = 'holiday.deleted'`,
      `UPDATE audit_log SET details = '{}' WHERE id = ${before[0].id}`,
      `DELETE FROM audit_log WHERE id = ${before[0].id}`,
      'DELETE FROM audit_log',
      'TRUNCATE audit_log',
    ];
    for (const sql of attempts) {
      await expect(db.transaction((m) => m.query(sql))).rejects.toThrow(/append-only/);
    }
    await expect(rows()).resolves.toEqual(before);
  });

  it('should still take new rows after refusing a change', async () => {
    await t.app.get(AuditService).record({ actor: 'system', action: 'calendar.year_confirmed', target: { type: 'calendar_year', id: 2030 }, details: { year: 2030 } });
    await expect(rows()).resolves.toHaveLength(2);
  });

  it('should refuse details that could carry personal data before they reach the table', async () => {
    const audit = t.app.get(AuditService);
    const actor = { userId: 1, role: 'admin' as const };
    await expect(audit.record({ actor, action: 'user.created', details: { nik: '3578015503900001' } })).rejects.toThrow(/not a code/);
    await expect(audit.record({ actor, action: 'user.created', details: { email: 'pemohon@contoh.id' } })).rejects.toThrow(/not a code/);
    await expect(audit.record({ actor, action: 'user.created', details: { name: 'Dyah Ayu Pitaloka' } })).rejects.toThrow(/not a code/);
    await expect(rows()).resolves.toHaveLength(2);
  });
});
