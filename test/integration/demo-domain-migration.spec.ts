import { DataSource } from 'typeorm';
import { DemoReservedDomain1764301200000 } from '../../migrations/1764301200000-demo-reserved-domain';
import { startTestApp, TestApp } from 'test/support/test-app';

describe('migration of demo accounts to a reserved domain', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('should move accounts at the old demo domain to example.org and leave every other address alone', async () => {
    const db = t.app.get(DataSource);
    await db.query(
      `INSERT INTO users (email, name, role) VALUES ('biro@demo.portal-kip.id', 'Biro Lama', 'bureau'), ('biro@jatimprov.go.id', 'Biro Asli', 'bureau')`,
    );
    const runner = db.createQueryRunner();
    try {
      await new DemoReservedDomain1764301200000().up(runner);
    } finally {
      await runner.release();
    }
    const rows = (await db.query(`SELECT email FROM users WHERE name IN ('Biro Lama', 'Biro Asli') ORDER BY name`)) as { email: string }[];
    expect(rows.map((r) => r.email)).toEqual(['biro@jatimprov.go.id', 'biro@demo.example.org']);
  });
});
