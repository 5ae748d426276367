/**
 * The benchmark suite (`npm run bench`), not part of `npm test`. On the PostgreSQL server of
 * DATABASE_URL it creates a scratch database, loads the scale data set (scripts/bench/dataset.ts),
 * analyses it, starts the portal (scripts/bench/server.ts) and measures each case; the table is
 * printed and written to docs/BENCHMARKS.md. The scratch database is dropped afterwards unless
 * --keep is given. Without DATABASE_URL only the cases that need no PostgreSQL server run.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from 'src/config/app-config';
import { rebuildScorecardRollups } from 'src/modules/scorecards';
import { openToolContext } from 'src/tool-context';
import { Dataset, DatasetLoader } from './bench/dataset';
import { runDueDateBenchmarks } from './bench/due-dates';
import { load, LoadResult } from './bench/load';

const CASES = ['due-dates', 'queue', 'intake', 'scorecards', 'pdf', 'two-instances', 'embedded'] as const;
type CaseName = (typeof CASES)[number];

interface Options {
  requests: number;
  hotOpen: number;
  cases: Set<CaseName>;
  keep: boolean;
  embedded: boolean;
  duration: number;
  out: string | null;
  label: string;
  /** A scratch database kept by an earlier run (--keep): its data set is used as it is. */
  reuse: string | null;
  /** An existing, empty database to load into instead of a new scratch one (kept afterwards). */
  into: string | null;
}

const USAGE = `Usage: npm run bench -- [--requests N] [--cases a,b] [--duration S] [--keep] [--embedded] [--out FILE|-]
  --requests  requests in the data set (default 1000000)
  --hot-open  open requests of the queue case's unit (default 20000)
  --cases     some of ${CASES.join(', ')} (default: all but embedded; embedded also with --embedded)
  --duration  seconds of each load run (default 15)
  --keep      keep the scratch database (its name is printed)
  --embedded  also measure intake on the embedded database
  --out       the report file (default docs/BENCHMARKS.md; - prints only)
  --label     a heading for this run in the report (default: the date)
  --reuse     a scratch database kept by an earlier run: migrate it and measure again without loading; kept
  --into      an existing, empty database (createdb NAME) to load into instead of a new scratch one; kept`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    requests: 1_000_000,
    hotOpen: 20_000,
    cases: new Set(CASES.filter((c) => c !== 'embedded')),
    keep: false,
    embedded: false,
    duration: 15,
    out: join(__dirname, '..', 'docs', 'BENCHMARKS.md'),
    label: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    reuse: null,
    into: null,
  };
  let casesGiven = false;
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = (): string => inline ?? argv[++i] ?? fail(`${flag} needs a value`);
    const whole = (min: number): number => {
      const v = value().replace(/_/g, '');
      if (!/^\d+$/.test(v) || Number(v) < min) fail(`${flag} needs a whole number of at least ${min}`);
      return Number(v);
    };
    switch (flag) {
      case '--requests':
        o.requests = whole(1000);
        break;
      case '--hot-open':
        o.hotOpen = whole(0);
        break;
      case '--duration':
        o.duration = whole(1);
        break;
      case '--cases': {
        const names = value().split(',').map((s) => s.trim());
        for (const n of names) if (!(CASES as readonly string[]).includes(n)) fail(`unknown case ${n}`);
        o.cases = new Set(names as CaseName[]);
        casesGiven = true;
        break;
      }
      case '--keep':
        o.keep = true;
        break;
      case '--embedded':
        o.embedded = true;
        break;
      case '--out': {
        const v = value();
        o.out = v === '-' ? null : v;
        break;
      }
      case '--label':
        o.label = value();
        break;
      case '--reuse': {
        const v = value();
        if (!/^[a-z_][a-z0-9_]*$/.test(v)) fail('--reuse needs the name of a kept scratch database');
        o.reuse = v;
        o.keep = true;
        break;
      }
      case '--into': {
        const v = value();
        if (!/^[a-z_][a-z0-9_]*$/.test(v)) fail('--into needs the name of an existing database');
        o.into = v;
        o.keep = true;
        break;
      }
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        process.exit(0);
        break;
      default:
        fail(`unknown option ${argv[i]}`);
    }
  }
  if (o.embedded && !casesGiven) o.cases.add('embedded');
  return o;
}

const n0 = (n: number): string => Math.round(n).toLocaleString('en-US');
const ms = (n: number): string => (n === Infinity ? '> 120000' : Number.isFinite(n) ? n.toFixed(n < 10 ? 1 : 0) : '–');
const log = (line: string): void => void process.stdout.write(`${line}\n`);

/** The report, in Markdown: sections of tables and notes. */
class Report {
  readonly lines: string[] = [];

  table(header: string[], rows: string[][]): void {
    this.lines.push(`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`), '');
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    log([header, ...rows].map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ')).join('\n'));
  }

  heading(text: string): void {
    this.lines.push(`### ${text}`, '');
    log(`\n== ${text}`);
  }

  note(text: string): void {
    this.lines.push(text, '');
    log(text);
  }
}

function loadRow(name: string, r: LoadResult, connections: number): string[] {
  const failed = r.failures === 0 ? '0' : `${r.failures} (${Object.entries(r.statuses).filter(([s]) => !s.startsWith('2')).map(([s, c]) => `${c}×${s}`).join(', ') || 'errors'})`;
  return [name, String(connections), n0(r.perSecond), ms(r.p50), ms(r.p95), ms(r.p99), ms(r.max), failed];
}
const LOAD_HEADER = ['case', 'conn.', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'failed'];

// ---------------------------------------------------------------------------------------------
// Scratch database and server processes

function scratchUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(base: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: scratchUrl(base, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

interface Server {
  port: number;
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

async function startServer(env: Record<string, string>, port: number): Promise<Server> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(__dirname, 'bench', 'server.ts')], {
    cwd: join(__dirname, '..'),
    env: { ...process.env, ...env, PORT: String(port), TS_NODE_TRANSPILE_ONLY: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (d: Buffer) => (errors = (errors + d.toString()).slice(-4000)));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes(`ready ${port}`)) resolve();
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${errors}`)));
  });
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function json<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function bearer(server: Server, email: string, password: string): Promise<string> {
  const { accessToken } = await json<{ accessToken: string }>(`${server.url}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return accessToken;
}

const HTTPS = { 'x-forwarded-proto': 'https' };

/** Signs in through the form; returns the Cookie header of the session. */
async function sessionCookie(server: Server, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response): void => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  };
  const cookie = (): string => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  // The portal runs as in production, behind a TLS proxy: secure cookies need the forwarded scheme.
  const page = await fetch(`${server.url}/masuk`, { headers: HTTPS });
  keep(page);
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  if (!token) throw new Error('no CSRF token on /masuk');
  const res = await fetch(`${server.url}/masuk`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...HTTPS, 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({ _csrf: token, email, password }).toString(),
  });
  keep(res);
  if (res.status !== 303) throw new Error(`sign-in answered ${res.status}`);
  return cookie();
}

// ---------------------------------------------------------------------------------------------
// Derived data

/**
 * Everything derived from the requests that a real load would have kept up to date, besides the
 * scorecard rollups (built right after the load): the planner's statistics and the visibility map
 * (VACUUM ANALYZE).
 */
async function refreshDerivedData(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('VACUUM (ANALYZE)');
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Cases

/**
 * Each simulated requester comes from an address of its own (the app trusts the proxy's
 * X-Forwarded-For, as behind the load balancer): with one client address every request would wait
 * on the same per-address rate-limit row, which real traffic does not.
 */
function requester(req: import('autocannon').Request, unitId: number, i: number): import('autocannon').Request {
  return { ...req, body: intakeBody(unitId, i), headers: { ...req.headers, 'content-type': 'application/json', 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` } };
}

function intakeBody(unitId: number, i: number): string {
  return JSON.stringify({
    unitId,
    requester: {
      type: 'individual',
      name: 'Dyah Ayu Pitaloka',
      nik: '3578015503900001',
      address: 'Jl. Pemuda No. 17, Surabaya',
      phone: '081234567890',
      email: `pemohon.bench${i % 1000}@contoh.id`,
      occupation: 'Peneliti',
    },
    information: 'Salinan DPA Dinas Kesehatan tahun anggaran 2026',
    purpose: 'Penelitian',
    obtainMethod: 'copy_soft',
    copyDelivery: 'email',
  });
}

async function queueCase(report: Report, server: Server, ds: Dataset, databaseUrl: string, duration: number, title = 'Officer queue'): Promise<void> {
  const token = await bearer(server, ds.officer.email, ds.officer.password);
  const cookie = await sessionCookie(server, ds.officer.email, ds.officer.password);
  const auth = { authorization: `Bearer ${token}` };
  const numberPart = ds.sample.registrationNumber.slice(-8);
  const api = `${server.url}/api/v1/queue?unitId=${ds.hotUnitId}`;
  const runs: [string, string, Record<string, string>][] = [
    ['API, first page', api, auth],
    ['API, search by name', `${api}&q=Siti`, auth],
    ['API, search by number', `${api}&q=${encodeURIComponent(numberPart)}`, auth],
    ['API, state terlambat', `${api}&state=terlambat`, auth],
    ['HTML page', `${server.url}/petugas?unit=${ds.hotUnitId}`, { ...HTTPS, cookie }],
    ['HTML, search by name', `${server.url}/petugas?unit=${ds.hotUnitId}&q=Siti`, { ...HTTPS, cookie }],
  ];
  report.heading(`${title}: unit with ${n0(ds.hotOpenActual)} open requests, 10 connections, ${duration} s each`);
  const rows: string[][] = [];
  for (const [name, url, headers] of runs) {
    const probe = await fetch(url, { headers });
    if (probe.status !== 200) throw new Error(`${name}: ${probe.status}`);
    await load({ url, connections: 10, duration: 2, headers }); // warm-up
    rows.push(loadRow(name, await load({ url, connections: 10, duration, headers }), 10));
  }
  report.table(LOAD_HEADER, rows);
  await fetch(api, { headers: auth });
  const plain = await json<Record<string, { sql: string; params: unknown[] }>>(`${server.url}/api/bench/queries`);
  await fetch(`${api}&q=Siti`, { headers: auth });
  const named = await json<Record<string, { sql: string; params: unknown[] }>>(`${server.url}/api/bench/queries`);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const [label, q] of [
      ['first page', plain.page],
      ['state counts', plain.counts],
      ['search by name, page', named.page],
      ['search by name, counts', named.counts],
    ] as const) {
      if (!q) continue;
      const { rows: plan } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${q.sql}`, q.params);
      report.note(`EXPLAIN ANALYZE, ${label}:\n\n\`\`\`\n${plan.map((p) => p['QUERY PLAN']).join('\n')}\n\`\`\``);
    }
  } finally {
    await client.end();
  }
}

async function intakeCase(report: Report, server: Server, ds: Dataset, duration: number, title = 'Intake'): Promise<void> {
  const units = await json<{ units: { id: number }[] }[]>(`${server.url}/api/v1/bodies`);
  const unitIds = units.flatMap((b) => b.units.map((u) => u.id));
  const headers = { 'content-type': 'application/json' };
  let i = 0;
  const spread = (req: import('autocannon').Request): import('autocannon').Request => requester(req, unitIds[i % unitIds.length], i++);
  const one = (req: import('autocannon').Request): import('autocannon').Request => requester(req, ds.hotUnitId, i++);
  const rows: string[][] = [];
  const ratios: string[] = [];
  for (const [label, setup] of [
    ['one unit', one],
    ['spread over units', spread],
  ] as const) {
    const intake = await load({ url: `${server.url}/api/v1/requests`, method: 'POST', connections: 50, duration, headers, setupRequest: setup });
    const base = await load({ url: `${server.url}/api/bench/baseline`, method: 'POST', connections: 50, duration, headers, setupRequest: setup });
    rows.push(loadRow(`POST /api/v1/requests, ${label}`, intake, 50), loadRow(`baseline INSERT, ${label}`, base, 50));
    ratios.push(`${label}: ${(intake.perSecond / base.perSecond).toFixed(2)}`);
  }
  report.heading(`${title}: 50 connections, ${duration} s each`);
  report.table(LOAD_HEADER, rows);
  const memory = await json<{ rss: number; maxRss: number }>(`${server.url}/api/bench/memory`);
  report.note(`Intake throughput ÷ baseline throughput (goal ≥ 0.5): ${ratios.join('; ')}. Peak memory of the server process so far: ${n0(memory.maxRss / 1048576)} MiB (RSS now ${n0(memory.rss / 1048576)} MiB).`);
}

async function scorecardCase(report: Report, server: Server, databaseUrl: string, year: number): Promise<void> {
  const url = `${server.url}/api/v1/scorecards?year=${year}`;
  // A call that takes over two minutes is recorded as such (Infinity) and not repeated.
  const timed = async (): Promise<number> => {
    const t = performance.now();
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(120_000) });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`scorecards: ${res.status}`);
    } catch (e) {
      if (e instanceof Error && e.name === 'TimeoutError') return Infinity;
      throw e;
    }
    return performance.now() - t;
  };
  const cold = await timed();
  // Ten warm calls, fewer when one call takes seconds (the goal is far off then anyway).
  const warm: number[] = [];
  for (let k = 0; k < (cold === Infinity ? 0 : cold > 5000 ? 3 : 10); k += 1) warm.push(await timed());
  warm.sort((a, b) => a - b);
  const warmMedian = warm.length > 0 ? warm[Math.floor(warm.length / 2)] : Infinity;
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const plain: number[] = [];
  try {
    for (let k = 0; k < 5; k += 1) {
      const t = performance.now();
      await client.query(
        `SELECT body_id, count(*) AS n, count(*) FILTER (WHERE answered_at IS NOT NULL AND answered_at::date <= due_date) AS on_time,
                count(*) FILTER (WHERE decision = 'refused') AS refused
           FROM requests WHERE received_at >= make_date($1, 1, 1) AND received_at < make_date($1 + 1, 1, 1) GROUP BY body_id`,
        [year],
      );
      plain.push(performance.now() - t);
    }
  } finally {
    await client.end();
  }
  plain.sort((a, b) => a - b);
  report.heading(`Scorecard ranking, year ${year}`);
  report.table(
    ['what', 'ms'],
    [
      ['GET /api/v1/scorecards, cold (first call)', ms(cold)],
      [`GET /api/v1/scorecards, warm (median of ${warm.length})`, ms(warmMedian)],
      ['plain GROUP BY over the year, slowest of 5', ms(plain[plain.length - 1])],
      ['plain GROUP BY over the year, median of 5', ms(plain[2])],
    ],
  );
  report.note(`Warm ranking ÷ plain GROUP BY: ${(warmMedian / plain[2]).toFixed(2)} (goal: below 1); warm absolute goal < 300 ms.`);
}

/**
 * Written notices (Pasal 22(7)) of the queue unit's oldest received requests, each POST answering
 * a different one: the letter PDF renders in the request, in a PDF thread, while the unit's letter
 * counter is held. Answers as many requests as the run gets through (they leave the received state).
 */
async function letterLoad(server: Server, token: string, databaseUrl: string, hotUnitId: number, connections: number, duration: number): Promise<LoadResult> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  let ids: string[];
  try {
    ids = (
      await client.query<{ id: string }>(
        `SELECT id::text AS id FROM requests WHERE unit_id = $1 AND status = 'received' AND closed_at IS NULL ORDER BY id LIMIT 5000`,
        [hotUnitId],
      )
    ).rows.map((r) => r.id);
  } finally {
    await client.end();
  }
  let next = 0;
  const body = JSON.stringify({ decision: 'granted', informationHeld: true, material: 'Salinan DPA 2026', format: 'softcopy', delivery: 'email' });
  return load({
    url: `${server.url}/api/v1/requests/0/notice`,
    method: 'POST',
    connections,
    duration,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    setupRequest: (req) => ({ ...req, path: `/api/v1/requests/${ids[next++ % ids.length]}/notice`, body }),
  });
}

async function pdfCase(report: Report, server: Server, ds: Dataset, databaseUrl: string, duration: number): Promise<void> {
  const token = await bearer(server, ds.officer.email, ds.officer.password);
  const queue = { url: `${server.url}/api/v1/queue?unitId=${ds.hotUnitId}`, connections: 10, duration, headers: { authorization: `Bearer ${token}` } };
  // A request made now through the API, the way a requester gets to the receipt.
  const created = await json<{ registrationNumber: string; trackingCode: string }>(`${server.url}/api/v1/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: intakeBody(ds.hotUnitId, 0),
  });
  const receipt = {
    url: `${server.url}/api/v1/requests/${created.registrationNumber}/receipt.pdf`,
    headers: { 'x-tracking-code': created.trackingCode },
    duration,
  };
  const probe = await fetch(receipt.url, { headers: receipt.headers });
  if (probe.status !== 200) throw new Error(`receipt: ${probe.status} ${await probe.text()}`);
  const alone = await load({ ...receipt, connections: 4 });
  const queueAlone = await load(queue);
  const [queueWithPdf, pdfBeside] = await Promise.all([load(queue), load({ ...receipt, connections: 2 })]);
  // A backlog of receipt mails (intake spread over units), then the queue while the mail jobs render and send them.
  const units = await json<{ units: { id: number }[] }[]>(`${server.url}/api/v1/bodies`);
  const unitIds = units.flatMap((b) => b.units.map((u) => u.id));
  let i = 1_000_000;
  const sentCount = async (): Promise<number> => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM outbound_mails WHERE sent_at IS NOT NULL')).rows[0].n);
    } finally {
      await client.end();
    }
  };
  const backlog = await load({
    url: `${server.url}/api/v1/requests`,
    method: 'POST',
    connections: 20,
    duration: Math.max(3, Math.round(duration / 3)),
    headers: { 'content-type': 'application/json' },
    setupRequest: (req) => requester(req, unitIds[i % unitIds.length], i++),
  });
  const sentBefore = await sentCount();
  const queueWithMail = await load(queue);
  const mailsSent = (await sentCount()) - sentBefore;
  const lettersAlone = await letterLoad(server, token, databaseUrl, ds.hotUnitId, 4, duration);
  const [queueWithLetters, lettersBeside] = await Promise.all([load(queue), letterLoad(server, token, databaseUrl, ds.hotUnitId, 2, duration)]);
  report.heading('Receipt and letter PDFs');
  report.table(LOAD_HEADER, [
    loadRow('receipt.pdf alone', alone, 4),
    loadRow('queue API alone', queueAlone, 10),
    loadRow('queue API while receipts render', queueWithPdf, 10),
    loadRow('receipt.pdf beside the queue', pdfBeside, 2),
    loadRow(`queue API while ${n0(mailsSent)} receipt mails render and send`, queueWithMail, 10),
    loadRow('written notice with its letter PDF, alone', lettersAlone, 4),
    loadRow('queue API while letters render', queueWithLetters, 10),
    loadRow('written notice beside the queue', lettersBeside, 2),
  ]);
  report.note(`The mail backlog: ${n0(backlog.requests)} requests made just before (20 connections), ${n0(mailsSent)} of their receipt mails rendered and sent during the queue run.`);
}

async function twoInstancesCase(report: Report, servers: [Server, Server], ds: Dataset, duration: number): Promise<void> {
  const token = await bearer(servers[0], ds.officer.email, ds.officer.password);
  const headers = { authorization: `Bearer ${token}` };
  const path = `/api/v1/queue?unitId=${ds.hotUnitId}`;
  const one = await load({ url: `${servers[0].url}${path}`, connections: 20, duration, headers });
  const both = await Promise.all(servers.map((s) => load({ url: `${s.url}${path}`, connections: 10, duration, headers })));
  const units = await json<{ units: { id: number }[] }[]>(`${servers[0].url}/api/v1/bodies`);
  const unitIds = units.flatMap((b) => b.units.map((u) => u.id));
  let i = 0;
  const spread = (req: import('autocannon').Request): import('autocannon').Request => requester(req, unitIds[i % unitIds.length], i++);
  const jsonHeaders = { 'content-type': 'application/json' };
  const intakeOne = await load({ url: `${servers[0].url}/api/v1/requests`, method: 'POST', connections: 50, duration, headers: jsonHeaders, setupRequest: spread });
  const intakeBoth = await Promise.all(
    servers.map((s) => load({ url: `${s.url}/api/v1/requests`, method: 'POST', connections: 25, duration, headers: jsonHeaders, setupRequest: spread })),
  );
  report.heading('One app process against two (two ports, the load split evenly between them)');
  report.table(LOAD_HEADER, [
    loadRow('queue API, one process', one, 20),
    loadRow('queue API, two processes (each)', both[0], 10),
    loadRow('queue API, two processes (each)', both[1], 10),
    loadRow('intake spread, one process', intakeOne, 50),
    loadRow('intake spread, two processes (each)', intakeBoth[0], 25),
    loadRow('intake spread, two processes (each)', intakeBoth[1], 25),
  ]);
  report.note(
    `Queue: ${n0(one.perSecond)} req/s with one process, ${n0(both[0].perSecond + both[1].perSecond)} with two. ` +
      `Intake: ${n0(intakeOne.perSecond)} req/s with one, ${n0(intakeBoth[0].perSecond + intakeBoth[1].perSecond)} with two.`,
  );
}

function dueDateCase(report: Report): void {
  const { describe, results } = runDueDateBenchmarks();
  report.heading('Due-date computations (in process)');
  report.note(describe);
  report.table(
    ['operation', 'calls', 'seconds', 'calls/s'],
    results.map((r) => [r.name, n0(r.calls), r.seconds.toFixed(3), n0(r.calls / r.seconds)]),
  );
}

// ---------------------------------------------------------------------------------------------

function machine(pgVersion: string): string {
  const cpu = cpus();
  return [
    `- CPU: ${cpu.length} × ${cpu[0]?.model ?? 'unknown'} (shared with other work while measured)`,
    `- Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${(freemem() / 2 ** 30).toFixed(1)} GiB free at the start`,
    `- Node ${process.version}; ${pgVersion}`,
    '- Load generator (autocannon) on the same machine as the app and PostgreSQL',
  ].join('\n');
}

function writeReport(file: string, label: string, header: string, report: Report): void {
  const marker = '<!-- bench runs -->';
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    text = `# Benchmarks\n\n\`npm run bench\` writes its runs below this line, newest first.\n\n${marker}\n`;
  }
  if (!text.includes(marker)) text += `\n${marker}\n`;
  const run = `\n## Run ${label}\n\n${header}\n\n${report.lines.join('\n')}\n`;
  writeFileSync(file, text.replace(marker, `${marker}\n${run}`));
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const report = new Report();
  const baseUrl = process.env.DATABASE_URL;
  const needsDb = [...o.cases].some((c) => c !== 'due-dates' && c !== 'embedded');
  if (needsDb && !baseUrl) fail('DATABASE_URL is needed for the cases on PostgreSQL (or choose --cases due-dates,embedded)');
  let pgVersion = 'no PostgreSQL server';
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-kip-bench-'));
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    TRUST_PROXY: 'true',
    DEMO_DATA: 'false',
    DATA_DIR: dataDir,
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    SESSION_SECRET: randomBytes(32).toString('base64'),
    INTAKE_LIMIT_PER_IP_HOUR: '1000000',
    INTAKE_LIMIT_PER_EMAIL_DAY: '1000000',
  };
  const servers: Server[] = [];
  let scratch: string | null = null;
  // The keys of a kept scratch database (its rows are sealed under them), for --reuse: a file only this user reads.
  const keysFile = (name: string): string => join(tmpdir(), `${name}.keys.json`);
  if (o.reuse) {
    try {
      Object.assign(env, JSON.parse(readFileSync(keysFile(o.reuse), 'utf8')) as Record<string, string>);
    } catch {
      log(`No keys of ${o.reuse} in ${keysFile(o.reuse)}: new ones are used, the loaded rows' personal fields will not open.`);
    }
  }
  try {
    if (o.cases.has('due-dates')) dueDateCase(report);
    if (needsDb && baseUrl) {
      scratch = o.reuse ?? o.into ?? `portal_kip_bench_${Date.now()}`;
      const databaseUrl = scratchUrl(baseUrl, scratch);
      if (!o.reuse && !o.into) await adminQuery(baseUrl, `CREATE DATABASE ${scratch}`);
      if (o.keep) writeFileSync(keysFile(scratch), JSON.stringify({ ENCRYPTION_KEY: env.ENCRYPTION_KEY, SESSION_SECRET: env.SESSION_SECRET }), { mode: 0o600 });
      log(`Scratch database ${scratch}; migrating${o.reuse ? '' : ` and loading ${n0(o.requests)} requests`}…`);
      const config = loadConfig({ ...process.env, ...env, DATABASE_URL: databaseUrl });
      const tool = await openToolContext(config);
      let ds: Dataset;
      try {
        if (o.reuse) {
          ds = ((await tool.get(DataSource).query('SELECT data FROM bench_dataset')) as { data: Dataset }[])[0].data;
          // A migration may have emptied the rollups (their state gone): built again here, as after a load.
          if (((await tool.get(DataSource).query('SELECT 1 FROM scorecard_rollup_state')) as unknown[]).length === 0) {
            log('Building the scorecard rollups…');
            const rebuild = performance.now();
            const rollups = await rebuildScorecardRollups(tool);
            log(`  rollups built in ${((performance.now() - rebuild) / 1000).toFixed(0)} s: ${JSON.stringify(rollups)}`);
          }
        } else {
          ds = await new DatasetLoader(tool).load({
            requests: o.requests,
            hotOpen: o.hotOpen,
            pelaksanaPerBody: 12,
            now: new Date(),
            seed: 20080430,
            onProgress: (m) => (m.includes('000 /') && !/[05]0,000 \//.test(m) ? undefined : log(m)),
          });
          // The scorecards read rollups, built here as after any bulk load (the planner needs the statistics first).
          await tool.get(DataSource).query('ANALYZE');
          if (o.cases.has('scorecards')) {
            log('Building the scorecard rollups…');
            const rebuild = performance.now();
            const rollups = await rebuildScorecardRollups(tool);
            log(`  rollups built in ${((performance.now() - rebuild) / 1000).toFixed(0)} s: ${JSON.stringify(rollups)}`);
          } else {
            // Not measured in this run: no rollups, and no marks left for the app's refresh job to work through during the cases.
            await tool.get(DataSource).query('DELETE FROM scorecard_rollup_marks');
            log('Scorecard rollups not built (the scorecards case is not in this run).');
          }
          await tool.get(DataSource).query('CREATE TABLE bench_dataset (data jsonb NOT NULL)');
          await tool.get(DataSource).query('INSERT INTO bench_dataset (data) VALUES ($1)', [JSON.stringify(ds)]);
        }
      } finally {
        await tool.close();
      }
      const analyse = performance.now();
      await refreshDerivedData(databaseUrl);
      const analysed = (performance.now() - analyse) / 1000;
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      pgVersion = (await client.query<{ version: string }>('SELECT version()')).rows[0].version.replace(/ on .*$/, '');
      const [{ size }] = (await client.query<{ size: string }>('SELECT pg_size_pretty(pg_database_size(current_database())) AS size')).rows;
      await client.query('DROP TABLE IF EXISTS bench_baseline');
      await client.query('CREATE TABLE bench_baseline (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())');
      await client.end();
      report.heading('Data set');
      report.table(
        ['requests', 'events', 'keberatan', 'bodies', 'units', 'open in the queue unit', 'load s', 'VACUUM ANALYZE s', 'database size'],
        [[n0(ds.requests), n0(ds.events), n0(ds.objections), n0(ds.bodies), n0(ds.units), n0(ds.hotOpenActual), ds.seconds.toFixed(0), analysed.toFixed(0), size]],
      );
      const appEnv = { ...env, DATABASE_URL: databaseUrl };
      servers.push(await startServer(appEnv, 3701));
      const [server] = servers;
      if (o.cases.has('queue')) await queueCase(report, server, ds, databaseUrl, o.duration);
      if (o.cases.has('pdf')) await pdfCase(report, server, ds, databaseUrl, o.duration);
      if (o.cases.has('intake')) await intakeCase(report, server, ds, o.duration);
      if (o.cases.has('two-instances')) {
        servers.push(await startServer(appEnv, 3702));
        await twoInstancesCase(report, [servers[0], servers[1]], ds, o.duration);
      }
      if (o.cases.has('scorecards')) await scorecardCase(report, server, databaseUrl, new Date().getUTCFullYear() - 1);
    }
    if (o.cases.has('embedded')) {
      const embeddedDir = mkdtempSync(join(tmpdir(), 'portal-kip-bench-embedded-'));
      const embeddedEnv: Record<string, string> = { ...env, DATA_DIR: embeddedDir };
      delete embeddedEnv.ENCRYPTION_KEY;
      delete embeddedEnv.SESSION_SECRET;
      const previous = process.env.DATABASE_URL;
      delete process.env.DATABASE_URL;
      try {
        const server = await startServer({ ...embeddedEnv, NODE_ENV: 'development' }, 3703);
        servers.push(server);
        const units = await json<{ units: { id: number }[] }[]>(`${server.url}/api/v1/bodies`);
        const unitIds = units.flatMap((b) => b.units.map((u) => u.id));
        let i = 0;
        const spread = (req: import('autocannon').Request): import('autocannon').Request => requester(req, unitIds[i % unitIds.length], i++);
        const r = await load({ url: `${server.url}/api/v1/requests`, method: 'POST', connections: 50, duration: o.duration, headers: { 'content-type': 'application/json' }, setupRequest: spread });
        const memory = await json<{ maxRss: number }>(`${server.url}/api/bench/memory`);
        report.heading('Intake on the embedded database (PGlite, empty but for reference data)');
        report.table(LOAD_HEADER, [loadRow('POST /api/v1/requests, spread over units', r, 50)]);
        report.note(`Peak memory of the server process (PGlite runs inside it): ${n0(memory.maxRss / 1048576)} MiB.`);
      } finally {
        if (previous !== undefined) process.env.DATABASE_URL = previous;
        // The embedded database is written by the server until it has stopped.
        const server = servers.pop();
        if (server) await server.stop();
        rmSync(embeddedDir, { recursive: true, force: true, maxRetries: 5 });
      }
    }
  } finally {
    for (const s of servers) await s.stop();
    if (scratch && baseUrl) {
      if (o.keep) log(`Kept the scratch database ${scratch}.`);
      else {
        await adminQuery(baseUrl, `DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
        rmSync(keysFile(scratch), { force: true });
      }
    }
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 });
    // What was measured is kept even when a later case failed.
    if (o.out && report.lines.length > 0) {
      writeReport(o.out, o.label, machine(pgVersion), report);
      log(`\nWritten to ${o.out}.`);
    }
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
