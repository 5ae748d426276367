import { ConfigError } from 'src/config/app-config';

export const DEMO_SETTINGS = Symbol('DEMO_SETTINGS');

/** Requests simulated on start: about 30 per kab/kota and year, loaded in seconds on the embedded database. */
export const DEFAULT_DEMO_REQUESTS = 1200;
/** The date UU 14/2008 was enacted; any seed works, this one is the default. */
export const DEFAULT_DEMO_SEED = 20080430;
const MAX_DEMO_REQUESTS = 5_000_000;

export interface DemoSettings {
  /** DEMO_DATA_REQUESTS: how many requests the start-up load simulates in all. */
  requests: number;
  seed: number;
}

/** The demo settings from the environment; an invalid value stops the start naming the setting. */
export function demoSettingsFrom(env: Record<string, string | undefined> = process.env): DemoSettings {
  const raw = env.DEMO_DATA_REQUESTS?.trim();
  let requests = DEFAULT_DEMO_REQUESTS;
  if (raw !== undefined && raw !== '') {
    if (!/^\d+$/.test(raw)) throw new ConfigError('DEMO_DATA_REQUESTS', `expected a whole number, got "${raw}"`);
    requests = Number(raw);
    if (requests > MAX_DEMO_REQUESTS) throw new ConfigError('DEMO_DATA_REQUESTS', `expected 0..${MAX_DEMO_REQUESTS}, got ${requests}`);
  }
  return { requests, seed: DEFAULT_DEMO_SEED };
}
