/**
 * Key rotation: `npm run rotate-keys`. Run it after restarting every instance with
 * ENCRYPTION_KEY=<new> and ENCRYPTION_KEY_PREVIOUS=<old>; it re-encrypts every encrypted value
 * under the new key in batches. Safe to run again and while the portal serves; when it reports
 * nothing failed, ENCRYPTION_KEY_PREVIOUS can be removed. Uses DATABASE_URL (or --database-url),
 * else the embedded database in DATA_DIR (stop the portal first: it takes one process).
 */
import { ConfigError, loadConfig } from 'src/config/app-config';
import { rotateKeys } from 'src/modules/secrets';
import { openToolContext } from 'src/tool-context';

const USAGE = `Usage: npm run rotate-keys -- [--database-url URL]
  --database-url  PostgreSQL to rotate (default: DATABASE_URL, else the embedded database in DATA_DIR)
  Needs ENCRYPTION_KEY (the new key) and, while values under the old key remain, ENCRYPTION_KEY_PREVIOUS.`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { databaseUrl?: string } {
  const options: { databaseUrl?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--database-url') options.databaseUrl = argv[++i] ?? fail('--database-url needs a value');
    else if (argv[i] === '--help' || argv[i] === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else fail(`unknown option ${argv[i]}`);
  }
  return options;
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
  const app = await openToolContext(config);
  try {
    let lastPrint = 0;
    const report = await rotateKeys(app, config, (what, done) => {
      if (Date.now() - lastPrint < 2000) return;
      lastPrint = Date.now();
      process.stdout.write(`  ${what}: ${done.rows} re-encrypted, ${done.failed} failed so far\n`);
    });
    const failed = report.legacy.failed + report.requests.failed + report.files.failed + report.objections.failed + report.consultations.failed;
    process.stdout.write(
      `Done: ${report.legacy.rows} legacy requests moved, ${report.requests.rows} requests, ${report.files.rows} files and ${report.objections.rows} kuasa addresses and ${report.consultations.rows} consultations re-encrypted; ` +
        `${failed} could not be decrypted with the configured keys.\n`,
    );
    if (failed > 0) {
      process.stdout.write('Keep ENCRYPTION_KEY_PREVIOUS (or set the key those values were sealed with) and run again.\n');
      process.exitCode = 1;
    }
  } finally {
    await app.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
