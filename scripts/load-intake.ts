/**
 * Load measurement of the intake (`POST /api/v1/requests`) against a baseline, in one run:
 *
 *   npm run build
 *   npx ts-node -T -r tsconfig-paths/register scripts/load-intake.ts [--duration=10] [--connections=50]
 *     [--database-url=postgres://postgres@127.0.0.1:5432/postgres] [--with-mail-worker] [--portal=<dir with dist/>]
 *
 * Starts the built portal (dist/src/main.js) on a scratch database and, beside it, a baseline
 * (express + a pg pool of 10, one INSERT … RETURNING of the JSON body into a scratch table); then,
 * for each mode (all requests to one PPID Utama, and spread over every PPID Utama), loads the
 * baseline and the portal one after the other with autocannon and prints requests per second,
 * median latency and the ratio. The per-address and per-e-mail limits are raised for the run; every
 * request is valid and unique. Without --with-mail-worker the receipt mails are enqueued as always
 * but no worker sends them (no PDF rendering in the measured process). Not part of the tests.
 */
import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';

const arg = (name: string, fallback: string): string =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const DURATION = Number(arg('duration', '10'));
const CONNECTIONS = Number(arg('connections', '50'));
const SERVER_URL = arg('database-url', 'postgres://postgres@127.0.0.1:5432/postgres');
const PORTAL_DIR = resolve(arg('portal', join(__dirname, '..')));
const WITH_MAIL_WORKER = process.argv.includes('--with-mail-worker');
const PORTAL_PORT = 3931;
const BASELINE_PORT = 3932;
const SCRATCH = { portal: 'kip_load_portal', baseline: 'kip_load_baseline' };

/** Declares the mail queue without working it: loaded into the portal with --import. */
const NO_MAIL_WORKER = `data:text/javascript,${encodeURIComponent(`
import { createRequire } from 'node:module';
const require = createRequire(${JSON.stringify(`${PORTAL_DIR}/`)});
const { JobQueue } = require('./dist/src/modules/jobs/job-queue.service.js');
const work = JobQueue.prototype.work;
JobQueue.prototype.work = function (queue, handler, options = {}) {
  if (queue !== 'mail.send') return work.call(this, queue, handler, options);
  const { concurrency, ...queueOptions } = options;
  return this.declareQueue(queue, queueOptions);
};`)}`;

const BASELINE = `
const express = require('express');
const { Pool } = require('pg');
const pool = new Pool({ connectionString: process.env.BASELINE_URL, max: 10 });
const app = express();
app.use(express.json({ limit: '100kb' }));
app.post('/api/v1/requests', async (req, res) => {
  try {
    const { rows } = await pool.query('INSERT INTO baseline_requests (body) VALUES ($1) RETURNING id, created_at', [req.body]);
    res.status(201).json(rows[0]);
  } catch (e) {
    res.status(500).json({ error: 'insert failed' });
  }
});
pool.query('CREATE TABLE IF NOT EXISTS baseline_requests (id bigserial PRIMARY KEY, body jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())')
  .then(() => app.listen(Number(process.env.PORT)));
`;

function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function recreate(name: string): Promise<void> {
  const client = new Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name}`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

function start(args: string[], env: Record<string, string>, log: string): ChildProcess {
  const out = openSync(log, 'w');
  return spawn(process.execPath, args, { cwd: PORTAL_DIR, env: { ...process.env, ...env }, stdio: ['ignore', out, out] });
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer`);
}

let sequence = 0;

/** A valid submission, unique by NIK serial and e-mail. */
function body(unitId: number): string {
  const i = ++sequence;
  return JSON.stringify({
    unitId,
    requester: {
      type: 'individual',
      name: 'Dyah Ayu Pitaloka',
      nik: `357801150390${String((i % 9999) + 1).padStart(4, '0')}`,
      address: 'Jl. Pahlawan No. 1, Surabaya',
      phone: '081234567890',
      email: `pemohon${i}@contoh.id`,
      occupation: 'Wiraswasta',
    },
    information: 'Salinan laporan realisasi anggaran tahun 2025 beserta lampirannya.',
    purpose: 'Bahan penelitian skripsi',
    obtainMethod: 'copy_soft',
    copyDelivery: 'email',
  });
}

interface Measured {
  perSecond: number;
  p50: number;
  p99: number;
  failed: number;
}

async function load(port: number, units: number[], seconds: number, connections: number): Promise<Measured> {
  let k = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/api/v1/requests`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: body(units[k++ % units.length]) }),
      },
    ],
  });
  return { perSecond: result['2xx'] / seconds, p50: result.latency.p50, p99: result.latency.p99, failed: result.non2xx + result.errors };
}

async function main(): Promise<void> {
  await recreate(SCRATCH.baseline);
  await recreate(SCRATCH.portal);
  const logs = tmpdir();
  const baseline = start(['-e', BASELINE], { PORT: String(BASELINE_PORT), BASELINE_URL: databaseUrl(SCRATCH.baseline) }, join(logs, 'load-baseline.log'));
  const portal = start(
    [...(WITH_MAIL_WORKER ? [] : ['--import', NO_MAIL_WORKER]), 'dist/src/main.js'],
    {
      PORT: String(PORTAL_PORT),
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl(SCRATCH.portal),
      ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
      SESSION_SECRET: 'load-measurement-only-session-secret-0123456789',
      DATA_DIR: join(logs, 'load-intake-data'),
      DEMO_DATA: 'false',
      INTAKE_LIMIT_PER_IP_HOUR: '1000000',
      INTAKE_LIMIT_PER_EMAIL_DAY: '1000000',
    },
    join(logs, 'load-portal.log'),
  );
  try {
    await waitFor(`http://127.0.0.1:${BASELINE_PORT}/`);
    await waitFor(`http://127.0.0.1:${PORTAL_PORT}/health`);
    const bodies = (await (await fetch(`http://127.0.0.1:${PORTAL_PORT}/api/v1/bodies`)).json()) as { units: { id: number; level: string }[] }[];
    const utama = bodies.flatMap((b) => b.units.filter((u) => u.level === 'utama').map((u) => u.id));
    // Warm both up (JIT, pools, caches) before anything is counted.
    await load(PORTAL_PORT, utama, 3, 10);
    await load(BASELINE_PORT, [0], 2, 10);
    const rows: string[] = [];
    for (const [mode, units] of [
      ['one PPID Utama', utama.slice(0, 1)],
      [`${utama.length} PPID Utama`, utama],
    ] as const) {
      const base = await load(BASELINE_PORT, [0], DURATION, CONNECTIONS);
      const port = await load(PORTAL_PORT, [...units], DURATION, CONNECTIONS);
      rows.push(
        `| ${mode} | ${port.perSecond.toFixed(1)} | ${port.p50} | ${port.p99} | ${base.perSecond.toFixed(1)} | ${base.p50} | ${(port.perSecond / base.perSecond).toFixed(3)} | ${port.failed} |`,
      );
    }
    process.stdout.write(
      [
        `POST /api/v1/requests, ${CONNECTIONS} connections, ${DURATION} s each, mail worker ${WITH_MAIL_WORKER ? 'on' : 'off'}`,
        '| to | portal req/s | p50 ms | p99 ms | baseline req/s | baseline p50 ms | ratio | portal non-2xx |',
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
        ...rows,
        '',
      ].join('\n'),
    );
  } finally {
    await stop(portal);
    await stop(baseline);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
