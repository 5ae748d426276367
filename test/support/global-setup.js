/**
 * Once per Jest run: a directory shared by the test files of the run, where the first file that
 * starts an app builds the template database (see test/support/test-template.ts) and the others
 * copy it. Workers inherit these variables.
 *
 * The run directory lies in memory (/dev/shm) where there is one, or under TEST_TMPDIR when set:
 * every test file copies a database directory and removes it again, and Chromium, uploads and
 * mail files write there too. TMPDIR points inside it, so whatever a test leaves behind goes with it.
 */
const { accessSync, constants, mkdirSync, mkdtempSync, statSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

function writableDirectory(path) {
  try {
    if (!statSync(path).isDirectory()) return false;
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function baseDirectory() {
  if (process.env.TEST_TMPDIR) return process.env.TEST_TMPDIR;
  return writableDirectory('/dev/shm') ? '/dev/shm' : tmpdir();
}

module.exports = async function globalSetup() {
  if (process.env.PORTAL_TEST_RUN_DIR) return;
  const runDir = mkdtempSync(join(baseDirectory(), 'portal-kip-run-'));
  const scratch = join(runDir, 'tmp');
  mkdirSync(scratch);
  process.env.PORTAL_TEST_RUN_DIR = runDir;
  process.env.TMPDIR = scratch;
  process.env.PORTAL_TEST_TEMPLATE_DB = `portal_template_${process.pid}_${Date.now().toString(36)}`;
};
