import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The run directory that test/support/global-setup.js makes once per Jest run (removed by
 * global-teardown.js), shared by the workers; unset when the helpers run outside Jest.
 */
export const runDir = process.env.PORTAL_TEST_RUN_DIR || undefined;

/** The name of the run's template database on PostgreSQL. */
export const templateDatabase = process.env.PORTAL_TEST_TEMPLATE_DB || undefined;

/** A lock left by a worker that died while building is taken over after this long. */
const LOCK_STALE_MS = 180_000;

/**
 * Runs `build` once per Jest run, whichever worker comes first; the others wait for it. `name`
 * tells the templates apart (embedded, postgres). A failed build is retried by the next caller.
 */
export async function buildOnce(name: string, build: () => Promise<void>): Promise<void> {
  if (!runDir) throw new Error('no run directory: start the tests with jest (test/support/global-setup.js)');
  const ready = join(runDir, `${name}.ready`);
  if (existsSync(ready)) return;
  const lock = join(runDir, `${name}.lock`);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  try {
    if (!existsSync(ready)) {
      await build();
      writeFileSync(ready, '');
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
