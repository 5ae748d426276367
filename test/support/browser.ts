import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';

/** Where screenshots go; test-artifacts/ is git-ignored. */
export const SCREENSHOT_DIR = join(__dirname, '..', '..', 'test-artifacts', 'browser');

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Debian's Chromium (never a downloaded one): CHROMIUM_PATH first, then the usual binaries. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv !== undefined && fromEnv !== '') return existsSync(fromEnv) ? fromEnv : undefined;
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p));
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found (set CHROMIUM_PATH or apt-get install -y chromium)');
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/**
 * describe() for browser specs. Without Chromium the block is reported as skipped, unless
 * REQUIRE_BROWSER=1, where a missing browser fails the run instead of passing quietly.
 */
export function describeBrowser(name: string, fn: () => void): void {
  if (findChromium()) {
    describe(name, fn);
    return;
  }
  if (process.env.REQUIRE_BROWSER === '1') {
    throw new Error(`REQUIRE_BROWSER=1 but Chromium was not found (CHROMIUM_PATH, ${CHROMIUM_CANDIDATES.join(', ')})`);
  }
  // Jest does not list the tests of a wholly skipped file, so say why once on stderr as well.
  process.stderr.write(`${name}: browser tests skipped: Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH)\n`);
  describe.skip(`${name} (browser tests skipped: Chromium not found)`, fn);
}

export interface A11yViolation {
  id: string;
  impact: string;
  help: string;
  helpUrl: string;
  targets: string[];
}

interface AxeRunResult {
  violations: {
    id: string;
    impact?: string | null;
    help: string;
    helpUrl: string;
    nodes: { target: unknown[]; failureSummary?: string }[];
  }[];
}

interface AxeWindow {
  document: unknown;
  axe: { run(context: unknown, options: { runOnly: string[]; resultTypes: string[] }): Promise<AxeRunResult> };
}

let axeScript: string | undefined;

/**
 * axe-core's source, evaluated through the DevTools protocol rather than page.addScriptTag(): the
 * portal's CSP (script-src 'self') rightly blocks an inline <script>, and bypassing CSP for the
 * whole context would hide CSP breakage in the pages under test.
 */
function axeSource(): string {
  axeScript ??= `${readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')}\n;undefined;`;
  return axeScript;
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * Runs axe-core on the page and returns the serious and critical violations. `label` names the
 * page in the result so a failing assertion says where the problem is.
 */
export async function checkA11y(page: Page, label: string): Promise<A11yViolation[]> {
  const injected = await page.evaluate(() => typeof (globalThis as unknown as Partial<AxeWindow>).axe !== 'undefined');
  if (!injected) await page.evaluate(axeSource());
  const result = await page.evaluate(
    (tags) => {
      const w = globalThis as unknown as AxeWindow;
      return w.axe.run(w.document, { runOnly: tags, resultTypes: ['violations'] }).then((r) =>
        r.violations.map((v) => ({
          id: v.id,
          impact: v.impact ?? 'unknown',
          help: v.help,
          helpUrl: v.helpUrl,
          nodes: v.nodes.map((n) => ({ target: JSON.stringify(n.target), summary: n.failureSummary ?? '' })),
        })),
      );
    },
    AXE_TAGS,
  );
  return result
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: `${label}: ${v.id}`,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      targets: v.nodes.map((n) => `${n.target} — ${n.summary.replace(/\s+/g, ' ')}`),
    }));
}

/** Saves a full-page PNG under test-artifacts/browser/ and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Clicks something that loads a new document and waits until that document has loaded. */
export async function navigateBy(page: Page, click: () => Promise<void>): Promise<void> {
  const committed = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame() });
  await click();
  await committed;
  await page.waitForLoadState('load');
}

/** Whether every inspected page is also saved as a screenshot (SCREENSHOTS=1); PNG encoding is slow. */
const SCREENSHOTS = process.env.SCREENSHOTS === '1';

/**
 * An axe check of the page as it is now; returns the serious or critical violations. Saves a
 * screenshot when asked to (SCREENSHOTS=1) and whenever axe found something, so a failure can be seen.
 */
export async function inspectPage(page: Page, name: string): Promise<A11yViolation[]> {
  const violations = await checkA11y(page, name);
  if (SCREENSHOTS || violations.length > 0) await screenshot(page, name);
  return violations;
}

/**
 * How long a page waits for an element or an action (and for a navigation). Generous, so that a
 * machine busy with other work slows the browser specs down instead of failing them; a missing
 * element still fails the test.
 */
export const ACTION_TIMEOUT_MS = 15_000;
export const NAVIGATION_TIMEOUT_MS = 30_000;
