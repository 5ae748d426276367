/** Removes the run's directory (with the embedded template) and the template database on PostgreSQL. */
const { rmSync } = require('node:fs');
const { Client } = require('pg');

module.exports = async function globalTeardown() {
  const dir = process.env.PORTAL_TEST_RUN_DIR;
  const template = process.env.PORTAL_TEST_TEMPLATE_DB;
  if (process.env.TEST_DATABASE_URL && template) {
    const client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
};
