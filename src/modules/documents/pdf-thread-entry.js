'use strict';
/**
 * The module every PDF worker thread loads (PdfThreads): it exports the handler named in
 * workerData.handler. From the build that is compiled JavaScript and is simply required. From the
 * TypeScript sources (Jest, the ts-node scripts) it is a .ts file: a worker thread does not inherit
 * the main thread's compile hooks, so this thread's require() is first taught to compile .ts with
 * SWC (a development dependency) as Jest does: legacy decorators, CommonJS, `src/…` imports.
 */
const { readFileSync } = require('node:fs');
const { resolve } = require('node:path');
const { workerData } = require('node:worker_threads');

const handler = workerData && workerData.handler;
if (typeof handler !== 'string') throw new Error('pdf-thread-entry: workerData.handler is missing');

if (handler.endsWith('.ts') && !require.extensions['.ts']) {
  const swc = require('@swc/core');
  const root = resolve(__dirname, '../../..');
  const options = {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: true },
      target: 'es2023',
      keepClassNames: true,
      baseUrl: root,
      paths: { 'src/*': ['src/*'], 'test/*': ['test/*'] },
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
    swcrc: false,
  };
  require.extensions['.ts'] = (module, filename) => {
    const { code } = swc.transformSync(readFileSync(filename, 'utf8'), { ...options, filename });
    module._compile(code, filename);
  };
}

module.exports = require(handler);
