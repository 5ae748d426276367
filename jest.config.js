/**
 * Unit specs live beside the code (src/**\/*.spec.ts); integration, HTTP and browser specs in test/.
 * NestJS 12 ships as ES modules; the app (CommonJS) loads them through Node's require(esm), which
 * Jest's module runtime lacks on Node 20, so Jest compiles those packages to CommonJS, and the
 * TypeScript sources, with SWC (test/support/jest-esm-transform.js). Only files a test loads are
 * compiled, once: Jest keeps them in its cache.
 */
const fs = require('node:fs');
const path = require('node:path');

/** Top-level packages published as ES modules ("type": "module"), plus PGlite (its CommonJS build uses import()). */
function esmPackages() {
  const root = path.join(__dirname, 'node_modules');
  const names = ['@electric-sql'];
  for (const entry of fs.readdirSync(root)) {
    const dirs = entry.startsWith('@') ? fs.readdirSync(path.join(root, entry)).map((d) => `${entry}/${d}`) : [entry];
    for (const name of dirs) {
      try {
        if (JSON.parse(fs.readFileSync(path.join(root, name, 'package.json'), 'utf8')).type === 'module') names.push(name);
      } catch {
        // not a package
      }
    }
  }
  return names.map((n) => n.replace(/[.+]/g, '\\$&'));
}

const base = {
  rootDir: '.',
  moduleFileExtensions: ['js', 'mjs', 'cjs', 'json', 'ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        // As tsc compiles tsconfig.json: legacy decorators with their type metadata (NestJS
        // injection, class-validator, class-transformer, TypeORM), class fields with define semantics.
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: true },
          target: 'es2023',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
      },
    ],
    '^.+\\.[mc]?js$': [
      '<rootDir>/test/support/jest-esm-transform.js',
      { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2023' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages().join('|')})/)`],
  moduleNameMapper: { '^src/(.*)$': '<rootDir>/src/$1', '^test/(.*)$': '<rootDir>/test/$1' },
  // Node's environment without jest-circus's per-file AsyncLocalStorage leak (see the file).
  testEnvironment: '<rootDir>/test/support/node-environment.js',
  // Inside the project, so a CI cache of node_modules keeps the compiled packages too.
  cacheDirectory: '<rootDir>/node_modules/.cache/jest',
  // One id for every project: Jest keys its transform cache by it, and the projects share one
  // transform, so a package compiled for one project is not compiled again for the next.
  id: 'portal-kip',
};

/**
 * Projects: `npm test` runs unit, integration, http and browser; `npm run test:resilience` runs
 * the fuzz, fault and abuse suites; `npx jest --selectProjects http` runs one of them.
 */
module.exports = {
  testTimeout: 60000,
  cacheDirectory: '<rootDir>/node_modules/.cache/jest',
  // The run's template database (test/support/test-app.ts): a shared directory and a name, then removed.
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  projects: [
    { ...base, displayName: 'unit', testRegex: 'src/.*\\.spec\\.ts$' },
    {
      ...base,
      displayName: 'integration',
      testRegex: 'test/integration/.*\\.spec\\.ts$',
      // Processes sharing one database (PROCESS_ROLE web and worker) need PostgreSQL (TEST_DATABASE_URL).
      testPathIgnorePatterns: process.env.TEST_DATABASE_URL ? ['/node_modules/'] : ['/node_modules/', '\\.postgres\\.spec\\.ts$'],
    },
    { ...base, displayName: 'http', testRegex: 'test/http/.*\\.spec\\.ts$' },
    { ...base, displayName: 'browser', testRegex: 'test/browser/.*\\.spec\\.ts$' },
    {
      ...base,
      displayName: 'resilience',
      testRegex: 'test/resilience/.*\\.spec\\.ts$',
      // Two instances on one server and a server restart need PostgreSQL (TEST_DATABASE_URL).
      testPathIgnorePatterns: process.env.TEST_DATABASE_URL ? ['/node_modules/'] : ['/node_modules/', '\\.postgres\\.spec\\.ts$'],
    },
  ],
};
