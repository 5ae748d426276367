/**
 * Demo data at scale, for benchmarks: `npm run demo -- --requests 1000000 --database-url postgres://…`.
 * Adds simulated requests (a year up to now, every body of the province) to the database, in
 * batches committed one by one, numbering on from the registration counters; creates the demo
 * PPID Pelaksana and accounts when missing. Memory stays flat however many requests are asked.
 * Without --database-url it uses DATABASE_URL, else the embedded database in DATA_DIR (stop the
 * portal first: the embedded database takes one process).
 */
import { DataSource } from 'typeorm';
import { ConfigError, DEFAULT_DEMO_DATA_REQUESTS, loadConfig } from 'src/config/app-config';
import { formatDemoLogins } from 'src/demo/demo-accounts';
import { DEFAULT_DEMO_SEED, DemoDataLoader, DemoProgress } from 'src/demo/demo-loader';
import { rebuildScorecardRollups } from 'src/modules/scorecards';
import { openToolContext } from 'src/tool-context';

interface Options {
  /** Unset: DEMO_DATA_REQUESTS, read with the other settings. */
  requests: number | undefined;
  seed: number;
  batch: number;
  parallel: number | undefined;
  now: Date;
  databaseUrl?: string;
}

const USAGE = `Usage: npm run demo -- [--requests N] [--database-url URL] [--seed N] [--batch N] [--now ISO-INSTANT]
  --requests      requests to add in all (default: DEMO_DATA_REQUESTS, else ${DEFAULT_DEMO_DATA_REQUESTS})
  --database-url  PostgreSQL to write to (default: DATABASE_URL, else the embedded database in DATA_DIR)
  --seed          simulation seed (default ${DEFAULT_DEMO_SEED}); the same seed and --now give the same data
  --batch         requests per INSERT statement (default 1000)
  --parallel      batches written at once, each in its own transaction (default 3 on PostgreSQL, 1 embedded)
  --now           end of the simulated year (default: now)`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function wholeNumber(name: string, value: string | undefined, min: number): number {
  if (value === undefined || !/^\d+$/.test(value.replace(/_/g, ''))) fail(`--${name} needs a whole number`);
  const n = Number(value.replace(/_/g, ''));
  if (n < min) fail(`--${name} must be at least ${min}`);
  return n;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { requests: undefined, seed: DEFAULT_DEMO_SEED, batch: 1000, parallel: undefined, now: new Date() };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--requests':
        options.requests = wholeNumber('requests', value(), 0);
        break;
      case '--seed':
        options.seed = wholeNumber('seed', value(), 0);
        break;
      case '--batch':
        options.batch = wholeNumber('batch', value(), 1);
        break;
      case '--parallel':
        options.parallel = wholeNumber('parallel', value(), 1);
        break;
      case '--database-url':
        options.databaseUrl = value() ?? fail('--database-url needs a value');
        break;
      case '--now': {
        const now = new Date(value() ?? '');
        if (Number.isNaN(now.getTime())) fail('--now needs an ISO instant, e.g. 2026-11-27T10:00:00+07:00');
        options.now = now;
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
  return options;
}

function number(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  let config;
  try {
    config = loadConfig({ ...process.env, ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}), DEMO_DATA: 'false' });
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message);
    throw e;
  }
  const where = config.embedded ? `embedded database in ${config.dataDir}` : 'PostgreSQL';
  process.stdout.write(`Connecting to the ${where}, applying migrations and reference data…\n`);
  const app = await openToolContext(config);
  try {
    const loader = DemoDataLoader.fromApp(app);
    const requests = options.requests ?? config.demoDataRequests;
    // The embedded database has one connection: batches there go one after the other.
    const parallel = config.embedded ? 1 : Math.min(options.parallel ?? 3, 8);
    process.stdout.write(
      `Simulating ${number(requests)} requests (seed ${options.seed}, year up to ${options.now.toISOString()}), ` +
        `${number(options.batch)} per batch, ${parallel} at a time\n`,
    );
    let lastPrint = 0;
    const onProgress = (p: DemoProgress): void => {
      const t = Date.now();
      if (t - lastPrint < 2000 && p.requests < p.total) return;
      lastPrint = t;
      const pct = p.total > 0 ? ` (${((100 * p.requests) / p.total).toFixed(0)}%)` : '';
      process.stdout.write(
        `  ${number(p.requests)} / ${number(p.total)} requests${pct}, ${number(p.events)} events, ` +
          `${number(p.requests / p.seconds)} requests/s, ${number((p.requests + p.events) / p.seconds)} rows/s\n`,
      );
    };
    const result = await loader.append({ seed: options.seed, requests, now: options.now, batchSize: options.batch, parallel, onProgress });
    // After a bulk load the planner's statistics are those of the empty tables (it would expect a
    // handful of rows where there are thousands) until autovacuum gets to them: refresh them now.
    process.stdout.write('Analysing the tables…\n');
    await app.get(DataSource).query('ANALYZE requests, request_events, objections, disputes, registration_counters');
    const rows = result.requests + result.events;
    process.stdout.write(
      `Done: ${number(result.requests)} requests and ${number(result.events)} events in ${result.seconds.toFixed(1)} s ` +
        `(${number(result.requests / result.seconds)} requests/s, ${number(rows / result.seconds)} rows/s); ` +
        `${result.createdAccounts} demo accounts created.\n`,
    );
    process.stdout.write('Rebuilding the scorecards\' rollups…\n');
    const rebuildStart = Date.now();
    const rollups = await rebuildScorecardRollups(app);
    process.stdout.write(`Rollups rebuilt: ${number(rollups.keys)} unit-days in ${((Date.now() - rebuildStart) / 1000).toFixed(1)} s.\n`);
    if (result.createdAccounts > 0) {
      process.stdout.write(
        formatDemoLogins({
          appUrl: config.appUrl,
          requests: result.requests,
          events: result.events,
          bodies: result.plans.length,
          seconds: result.seconds,
          password: result.password,
          accounts: result.accounts,
          plans: result.plans,
          sample: result.sample,
        }),
      );
    }
  } finally {
    await app.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
