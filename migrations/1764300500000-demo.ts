import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Demo data loads: one row per load (on start with DEMO_DATA, or by `npm run demo`). A row means
 * the database holds demo data, so the start never loads it twice.
 */
export class Demo1764300500000 implements MigrationInterface {
  name = 'Demo1764300500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE demo_data_loads (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        source text NOT NULL CHECK (source IN ('startup', 'cli')),
        seed bigint NOT NULL,
        requests integer NOT NULL CHECK (requests >= 0),
        simulated_until timestamptz NOT NULL,
        loaded_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE demo_data_loads');
  }
}
