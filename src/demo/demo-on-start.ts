import { INestApplicationContext, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from 'src/config/app-config';
import { rebuildScorecardRollups } from 'src/modules/scorecards';
import type { DemoLoadOutcome } from './demo-loader';
import { DemoRepository } from './demo.repository';

/**
 * DEMO_DATA on start (called by main.ts once the app is initialised, before it listens): a new
 * database (no requests, no accounts but admins) gets a simulated year of requests and the demo
 * accounts, once; the logins are printed to stdout as a plain block, outside the JSON log, and
 * never again. An ordinary restart costs one query: the simulation is loaded only for a new database.
 */
export async function loadDemoDataOnStart(app: INestApplicationContext, config: AppConfig, now = new Date()): Promise<DemoLoadOutcome> {
  const logger = new Logger('DemoData');
  const dataSource = app.get(DataSource);
  const seen = await new DemoRepository(dataSource).inspect(dataSource);
  if (seen.loaded) return { loaded: false, reason: 'already_loaded' };
  if (seen.hasRequests || seen.hasUsers) {
    logger.log('demo data not loaded: the database already holds requests or accounts');
    return { loaded: false, reason: 'not_empty' };
  }
  const [{ DemoDataLoader, DEFAULT_DEMO_SEED }, { formatDemoLogins }] = await Promise.all([import('./demo-loader'), import('./demo-accounts')]);
  const outcome = await DemoDataLoader.fromApp(app).loadIntoEmptyDatabase({ seed: DEFAULT_DEMO_SEED, requests: config.demoDataRequests, now });
  if (!outcome.loaded) {
    if (outcome.reason === 'not_empty') logger.log('demo data not loaded: the database already holds requests or accounts');
    return outcome;
  }
  // The scorecards' rollups from the loaded year at once, rather than mark by mark.
  await rebuildScorecardRollups(app);
  const r = outcome.result;
  logger.log({ msg: 'demo data loaded', requests: r.requests, events: r.events, accounts: r.createdAccounts, seconds: r.seconds });
  process.stdout.write(
    formatDemoLogins({
      appUrl: config.appUrl,
      requests: r.requests,
      events: r.events,
      bodies: r.plans.length,
      seconds: r.seconds,
      password: r.password,
      accounts: r.accounts,
      plans: r.plans,
      sample: r.sample,
    }),
  );
  return outcome;
}
