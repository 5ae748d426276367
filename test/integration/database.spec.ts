import { DataSource } from 'typeorm';
import { DatabaseService } from 'src/database/database.service';
import { startTestApp, TestApp } from 'test/support/test-app';

describe('database', () => {
  let t: TestApp;

  beforeAll(async () => {
    // The one file that migrates and seeds an empty database; the others start from the run's template.
    t = await startTestApp({}, { fresh: true });
  });

  afterAll(async () => {
    await t.close();
  });

  it('should keep every increment when many read-modify-write transactions run at once', async () => {
    const db = t.app.get(DatabaseService);
    await db.dataSource.query('CREATE TABLE concurrency_probe (id int PRIMARY KEY, n int NOT NULL)');
    await db.dataSource.query('INSERT INTO concurrency_probe VALUES (1, 0)');
    const increments = 60;
    await Promise.all(
      Array.from({ length: increments }, () =>
        db.transaction(async (m) => {
          const [row] = (await m.query('SELECT n FROM concurrency_probe WHERE id = 1 FOR UPDATE')) as { n: number }[];
          await new Promise((r) => setImmediate(r));
          await m.query('UPDATE concurrency_probe SET n = $1 WHERE id = 1', [row.n + 1]);
        }),
      ),
    );
    const [final] = (await db.dataSource.query('SELECT n FROM concurrency_probe WHERE id = 1')) as { n: number }[];
    expect(final.n).toBe(increments);
  });

  it('should roll back every write of a transaction when it fails', async () => {
    const db = t.app.get(DatabaseService);
    await db.dataSource.query('CREATE TABLE rollback_probe (id int PRIMARY KEY)');
    await expect(
      db.transaction(async (m) => {
        await m.query('INSERT INTO rollback_probe VALUES (1)');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await expect(db.dataSource.query('SELECT count(*)::int AS n FROM rollback_probe')).resolves.toEqual([{ n: 0 }]);
  });

  it('should apply every migration once and record it', async () => {
    const source = t.app.get(DataSource);
    await expect(source.showMigrations()).resolves.toBe(false);
  });

  it('should load the 38 kabupaten/kota of Jawa Timur and one PPID Utama per body', async () => {
    const source = t.app.get(DataSource);
    const [counts] = (await source.query(`
      SELECT
        (SELECT count(*)::int FROM regions WHERE kind = 'kabupaten') AS kabupaten,
        (SELECT count(*)::int FROM regions WHERE kind = 'kota') AS kota,
        (SELECT count(*)::int FROM public_bodies) AS bodies,
        (SELECT count(*)::int FROM ppid_units WHERE level = 'utama') AS utama`)) as Record<string, number>[];
    expect(counts).toEqual({ kabupaten: 29, kota: 9, bodies: 39, utama: 39 });
  });
});
