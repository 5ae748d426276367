/**
 * Once per Jest run: a directory shared by the test files of the run, where the first file that
 * starts an app builds the template database (see test/support/test-template.ts) and the others
 * copy it. Workers inherit these variables.
 */
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

module.exports = async function globalSetup() {
  if (process.env.PORTAL_TEST_RUN_DIR) return;
  process.env.PORTAL_TEST_RUN_DIR = mkdtempSync(join(tmpdir(), 'portal-kip-run-'));
  process.env.PORTAL_TEST_TEMPLATE_DB = `portal_template_${process.pid}_${Date.now().toString(36)}`;
};
