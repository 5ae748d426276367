import { MigrationInterface, QueryRunner } from 'typeorm';

/** Regions, badan publik with their PPID units, and the working-day calendar. */
export class ReferenceData1764300000000 implements MigrationInterface {
  name = 'ReferenceData1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE regions (
        code text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('provinsi', 'kabupaten', 'kota')),
        parent_code text REFERENCES regions (code)
      )`);
    await q.query(`
      CREATE TABLE public_bodies (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        region_code text NOT NULL UNIQUE REFERENCES regions (code),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE ppid_units (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        body_id integer NOT NULL REFERENCES public_bodies (id),
        parent_id integer REFERENCES ppid_units (id),
        level text NOT NULL CHECK (level IN ('utama', 'pelaksana')),
        code text NOT NULL CHECK (code ~ '^[A-Z0-9]{1,8}$'),
        name text NOT NULL,
        email text,
        time_zone text NOT NULL DEFAULT 'Asia/Jakarta',
        opens_at time NOT NULL DEFAULT '08:00',
        closes_at time NOT NULL DEFAULT '16:00',
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (body_id, code),
        CHECK ((level = 'utama') = (parent_id IS NULL)),
        CHECK (opens_at < closes_at)
      )`);
    await q.query(`CREATE UNIQUE INDEX ppid_units_one_utama ON ppid_units (body_id) WHERE level = 'utama'`);
    await q.query(`
      CREATE TABLE holidays (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        date date NOT NULL,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('libur_nasional', 'cuti_bersama', 'closure')),
        body_id integer REFERENCES public_bodies (id),
        source text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'closure') = (body_id IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX holidays_national_date ON holidays (date) WHERE body_id IS NULL`);
    await q.query(`CREATE UNIQUE INDEX holidays_closure_date ON holidays (body_id, date) WHERE body_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE calendar_years (
        year integer PRIMARY KEY,
        confirmed boolean NOT NULL DEFAULT false,
        source text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE calendar_years, holidays, ppid_units, public_bodies, regions');
  }
}
