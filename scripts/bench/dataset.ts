/**
 * The scale data set of the benchmarks: PPID Pelaksana in every body, requests over three years
 * (2024 up to the clock) with their events, keberatan on some answered ones, and one "hot" unit
 * holding a large backlog of open requests (the queue case). Rows are generated here and written
 * with INSERT … SELECT FROM unnest(…) in large batches; events and keberatan are derived from the
 * requests in SQL. Personal fields are sealed per row under the row's registration number, the same
 * context the portal uses, so every loaded request opens in the app.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FieldCipher, sealContext } from 'src/common/crypto/field-cipher';
import { hashPassword } from 'src/modules/auth';
import { CalendarService, ServiceHours, WorkingDayCalendar, computeDueDate } from 'src/modules/calendar';
import { TrackingCodes, formatRegistrationNumber } from 'src/modules/requests';
import { Random } from 'src/demo/simulation/random';

export interface DatasetOptions {
  requests: number;
  /** Open requests of the hot unit (capped at a fifth of the requests). */
  hotOpen: number;
  pelaksanaPerBody: number;
  now: Date;
  seed: number;
  onProgress?: (message: string) => void;
}

export interface Dataset {
  requests: number;
  events: number;
  objections: number;
  units: number;
  bodies: number;
  hotUnitId: number;
  hotBodyId: number;
  /** Open requests of the hot unit. */
  hotOpenActual: number;
  /** A request of the hot unit with its tracking code, for the receipt case. */
  sample: { registrationNumber: string; trackingCode: string; id: string };
  officer: { email: string; password: string };
  admin: { email: string; password: string };
  seconds: number;
}

interface UnitRow {
  id: number;
  body_id: number;
  code: string;
  region_code: string;
}

const FIRST_NAMES = ['Siti', 'Budi', 'Dewi', 'Agus', 'Sri', 'Eko', 'Rina', 'Joko', 'Wahyu', 'Indah', 'Ahmad', 'Nur', 'Dian', 'Hadi', 'Ratna', 'Bambang', 'Yuni', 'Fajar', 'Lestari', 'Rudi'];
const LAST_NAMES = ['Rahayu', 'Santoso', 'Wijaya', 'Hidayat', 'Kurniawan', 'Setiawan', 'Lestari', 'Pratama', 'Susanto', 'Handayani', 'Saputra', 'Nugroho', 'Wulandari', 'Purnomo', 'Maharani'];
const INFORMATION = [
  'Salinan DPA tahun anggaran berjalan',
  'Data penerima bantuan sosial per kecamatan',
  'Laporan realisasi anggaran semester I',
  'Daftar proyek pengadaan barang dan jasa',
  'Rencana tata ruang wilayah dan peta zonasi',
  'Data kualitas air sungai tiga tahun terakhir',
];
const CHANNELS = ['online', 'online', 'online', 'walk_in', 'letter', 'email'];
const DECISIONS = ['granted', 'granted', 'granted', 'partially_granted', 'refused', 'not_held'];
export const BENCH_PASSWORD = 'Bench-Portal-KIP-2026!';
export const TRACKING_CODE = 'BENCH7K2Q9M4X';
const BATCH = 5000;

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

/** A valid NIK: province 35, a regency, a district, a birth date (women +40), a serial. */
function nikOf(i: number, regionCode: string): string {
  const regency = regionCode.replace(/\./g, '').padEnd(4, '0').slice(0, 4);
  const day = 1 + (i % 28) + (i % 2 === 0 ? 40 : 0);
  const month = 1 + (i % 12);
  const year = 60 + (i % 40);
  return `${regency}01${String(day).padStart(2, '0')}${String(month).padStart(2, '0')}${String(year).padStart(2, '0')}${String(1 + (i % 9999)).padStart(4, '0')}`;
}

export class DatasetLoader {
  private readonly db: DataSource;
  private readonly cipher: FieldCipher;
  private readonly codes: TrackingCodes;
  private readonly calendars: CalendarService;

  constructor(app: INestApplicationContext) {
    this.db = app.get(DataSource);
    this.cipher = app.get(FieldCipher);
    this.codes = new TrackingCodes(this.cipher);
    this.calendars = app.get(CalendarService);
  }

  async load(options: DatasetOptions): Promise<Dataset> {
    const started = Date.now();
    const log = options.onProgress ?? (() => undefined);
    const rng = new Random(options.seed);
    const random = (): number => rng.next();
    const units = await this.ensureUnits(options.pelaksanaPerBody);
    const bodies = new Set(units.map((u) => u.body_id)).size;
    // The hot unit: the first PPID Pelaksana of the first kota.
    const hot = units.find((u) => u.code === 'P01' && u.region_code.slice(3, 4) === '7') ?? units[0];
    const accounts = await this.ensureAccounts(hot.id);
    const calendar = await this.calendars.calendarFor(hot.body_id);
    const hours = this.calendars.serviceHoursOf(null);
    const start = Date.UTC(2024, 0, 1, 1);
    const end = options.now.getTime();
    const hotOpen = Math.min(options.hotOpen, Math.floor(options.requests / 5));
    const counters = new Map<string, number>();
    const day = 86_400_000;

    let written = 0;
    const columns = newColumns();
    const flush = async (): Promise<void> => {
      if (columns.registration_number.length === 0) return;
      await this.db.query(INSERT_REQUESTS_SQL, COLUMN_NAMES.map((c) => columns[c]));
      written += columns.registration_number.length;
      for (const c of COLUMN_NAMES) columns[c] = [];
      log(`  ${written.toLocaleString('en-US')} / ${options.requests.toLocaleString('en-US')} requests`);
    };

    for (let i = 0; i < options.requests; i += 1) {
      const isHot = i < hotOpen;
      const unit = isHot ? hot : units[Math.floor(random() * units.length)];
      // Hot backlog: received over the last 60 days and still open; others spread over three years.
      const receivedMs = isHot ? end - Math.floor(random() * 60 * day) : start + Math.floor(random() * (end - start));
      const received = new Date(receivedMs);
      const due = dueOf(calendar, received, hours);
      const ageDays = (end - receivedMs) / day;
      const open = isHot || ageDays < 12 || (ageDays < 40 && random() < 0.05);
      const year = Number(due.effectiveReceiptDate.slice(0, 4));
      const key = `${unit.id}:${year}`;
      const seq = (counters.get(key) ?? 0) + 1;
      counters.set(key, seq);
      const number = formatRegistrationNumber(unit.region_code, unit.code, year, seq);
      const nik = nikOf(i, unit.region_code);
      const name = `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
      const status = open ? (random() < 0.5 ? 'received' : 'in_process') : 'closed';
      const answeredMs = open ? null : receivedMs + Math.floor((2 + random() * 16) * day);
      columns.registration_number.push(number);
      columns.registration_year.push(year);
      columns.registration_seq.push(seq);
      columns.unit_id.push(unit.id);
      columns.body_id.push(unit.body_id);
      columns.channel.push(pick(random, CHANNELS));
      columns.status.push(status);
      columns.decision.push(open ? null : pick(random, DECISIONS));
      columns.requester_name.push(name);
      columns.requester_nik.push(this.cipher.encrypt(nik, sealContext('requests', 'requester_nik', number)));
      columns.requester_nik_last4.push(nik.slice(-4));
      columns.requester_address.push(this.cipher.encrypt(`Jl. Merdeka No. ${1 + (i % 200)}`, sealContext('requests', 'requester_address', number)));
      columns.requester_email.push(`pemohon${i % 50_000}@contoh.id`);
      columns.information.push(pick(random, INFORMATION));
      columns.received_at.push(received.toISOString());
      columns.effective_receipt_date.push(due.effectiveReceiptDate);
      columns.due_date.push(due.dueDate);
      columns.tracking_code.push(this.codes.seal(TRACKING_CODE, number));
      columns.answered_at.push(answeredMs === null ? null : new Date(answeredMs).toISOString());
      columns.closed_at.push(answeredMs === null ? null : new Date(answeredMs + 3 * day).toISOString());
      if (columns.registration_number.length >= BATCH) await flush();
    }
    await flush();

    log('  counters, events, keberatan…');
    await this.db.query(
      `INSERT INTO registration_counters (unit_id, year, last_number)
       SELECT receiving_unit_id, registration_year, max(registration_seq) FROM requests GROUP BY 1, 2
       ON CONFLICT (unit_id, year) DO UPDATE SET last_number = GREATEST(registration_counters.last_number, EXCLUDED.last_number)`,
    );
    await this.db.query(
      `INSERT INTO request_events (request_id, type, actor_kind, actor_name, occurred_at, to_status, new_due_date, data)
       SELECT id, 'registered', 'requester', requester_name, received_at, 'received', due_date,
              jsonb_build_object('channel', channel, 'receivedAt', received_at, 'effectiveReceiptDate', effective_receipt_date, 'provisional', false)
         FROM requests`,
    );
    await this.db.query(
      `INSERT INTO request_events (request_id, type, actor_kind, actor_name, occurred_at, from_status, to_status, data)
       SELECT id, 'notice_issued', 'officer', 'Petugas PPID', answered_at, 'in_process', 'answered', jsonb_build_object('decision', decision)
         FROM requests WHERE answered_at IS NOT NULL`,
    );
    await this.db.query(
      `INSERT INTO request_events (request_id, type, actor_kind, actor_name, occurred_at, from_status, to_status)
       SELECT id, 'closed', 'officer', 'Petugas PPID', closed_at, 'answered', 'closed' FROM requests WHERE closed_at IS NOT NULL`,
    );
    // Keberatan on about one in fifty refused or partially granted requests… and on one in a hundred of the rest.
    await this.db.query(
      `WITH picked AS (
         SELECT r.id, r.body_id, extract(year FROM r.closed_at)::int AS year, r.closed_at + interval '5 days' AS received_at,
                row_number() OVER (PARTITION BY r.body_id, extract(year FROM r.closed_at) ORDER BY r.id) AS seq
           FROM requests r
          WHERE r.closed_at IS NOT NULL AND r.closed_at < now() - interval '60 days'
            AND (r.id % 100 = 7 OR (r.decision IN ('refused', 'partially_granted') AND r.id % 50 = 3)))
       INSERT INTO objections (number, body_id, year, seq, request_id, grounds, grounds_arose, reasons, received_at,
                               effective_receipt_date, due_date, due_provisional, status, decided_at, decision_reasons)
       SELECT replace(b.region_code, '.', '') || '-KEB-' || p.year || '-' || lpad(p.seq::text, 5, '0'), p.body_id, p.year, p.seq, p.id,
              ARRAY['a'], '{}'::jsonb, 'Permohonan ditolak tanpa alasan yang cukup', p.received_at,
              p.received_at::date, (p.received_at + interval '42 days')::date, false, 'upheld', p.received_at + interval '20 days', 'Keputusan PPID dikuatkan'
         FROM picked p JOIN public_bodies b ON b.id = p.body_id`,
    );
    await this.db.query(
      `INSERT INTO objection_counters (body_id, year, kind, last_number)
       SELECT body_id, year, 'objection', max(seq) FROM objections GROUP BY 1, 2
       ON CONFLICT (body_id, year, kind) DO UPDATE SET last_number = GREATEST(objection_counters.last_number, EXCLUDED.last_number)`,
    );
    const [sample] = (await this.db.query(
      `SELECT id::text, registration_number FROM requests WHERE unit_id = $1 AND closed_at IS NULL ORDER BY id LIMIT 1`,
      [hot.id],
    )) as { id: string; registration_number: string }[];
    const [counts] = (await this.db.query(
      `SELECT (SELECT count(*) FROM requests)::int AS requests, (SELECT count(*) FROM request_events)::int AS events,
              (SELECT count(*) FROM objections)::int AS objections`,
    )) as { requests: number; events: number; objections: number }[];
    return {
      ...counts,
      units: units.length,
      bodies,
      hotUnitId: hot.id,
      hotBodyId: hot.body_id,
      hotOpenActual: (
        (await this.db.query('SELECT count(*)::int AS n FROM requests WHERE unit_id = $1 AND closed_at IS NULL', [hot.id])) as { n: number }[]
      )[0].n,
      sample: { id: sample.id, registrationNumber: sample.registration_number, trackingCode: TRACKING_CODE },
      ...accounts,
      seconds: (Date.now() - started) / 1000,
    };
  }

  /** `pelaksanaPerBody` PPID Pelaksana under each body's PPID Utama, in its zone and hours. */
  private async ensureUnits(pelaksanaPerBody: number): Promise<UnitRow[]> {
    await this.db.query(
      `INSERT INTO ppid_units (body_id, parent_id, level, code, name, time_zone, opens_at, closes_at)
       SELECT u.body_id, u.id, 'pelaksana', 'P' || lpad(n::text, 2, '0'), 'PPID Pelaksana Perangkat Daerah ' || n, u.time_zone, u.opens_at, u.closes_at
         FROM ppid_units u CROSS JOIN generate_series(1, $1::int) n
        WHERE u.level = 'utama'
       ON CONFLICT (body_id, code) DO NOTHING`,
      [pelaksanaPerBody],
    );
    return (await this.db.query(
      `SELECT u.id, u.body_id, u.code, b.region_code FROM ppid_units u JOIN public_bodies b ON b.id = u.body_id ORDER BY u.id`,
    )) as UnitRow[];
  }

  /** An officer of the hot unit and an admin, both with BENCH_PASSWORD. */
  private async ensureAccounts(hotUnitId: number): Promise<Pick<Dataset, 'officer' | 'admin'>> {
    const hash = await hashPassword(BENCH_PASSWORD);
    const officer = { email: 'petugas.bench@contoh.id', password: BENCH_PASSWORD };
    const admin = { email: 'admin.bench@contoh.id', password: BENCH_PASSWORD };
    await this.db.query(
      `INSERT INTO users (email, name, role, unit_id, password_hash, password_changed_at)
       VALUES ($1, 'Petugas Bench', 'officer', $3, $4, now()), ($2, 'Admin Bench', 'admin', NULL, $4, now())
       ON CONFLICT (email) DO NOTHING`,
      [officer.email, admin.email, hotUnitId, hash],
    );
    return { officer, admin };
  }
}

function dueOf(calendar: WorkingDayCalendar, received: Date, hours: ServiceHours): { effectiveReceiptDate: string; dueDate: string } {
  const due = computeDueDate(calendar, received, 10, hours);
  return { effectiveReceiptDate: due.effectiveReceiptDate, dueDate: due.dueDate };
}

const COLUMN_TYPES = {
  registration_number: 'text',
  registration_year: 'int',
  registration_seq: 'int',
  unit_id: 'int',
  body_id: 'int',
  channel: 'text',
  status: 'text',
  decision: 'text',
  requester_name: 'text',
  requester_nik: 'bytea',
  requester_nik_last4: 'text',
  requester_address: 'bytea',
  requester_email: 'text',
  information: 'text',
  received_at: 'timestamptz',
  effective_receipt_date: 'date',
  due_date: 'date',
  tracking_code: 'bytea',
  answered_at: 'timestamptz',
  closed_at: 'timestamptz',
} as const;
type ColumnName = keyof typeof COLUMN_TYPES;
const COLUMN_NAMES = Object.keys(COLUMN_TYPES) as ColumnName[];

function newColumns(): Record<ColumnName, unknown[]> {
  return Object.fromEntries(COLUMN_NAMES.map((c) => [c, []])) as unknown as Record<ColumnName, unknown[]>;
}

const INSERT_REQUESTS_SQL = `
  INSERT INTO requests (${COLUMN_NAMES.join(', ')}, receiving_unit_id, requester_type, purpose, obtain_method, copy_delivery, due_provisional, version)
  SELECT r.*, r.unit_id, 'individual', 'Bahan penelitian', 'copy_soft', 'email', false, 1
    FROM unnest(${COLUMN_NAMES.map((c, i) => `$${i + 1}::${COLUMN_TYPES[c]}[]`).join(', ')}) AS r(${COLUMN_NAMES.join(', ')})`;
