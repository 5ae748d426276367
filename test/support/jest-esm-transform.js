/**
 * Jest transform for the ES-module packages in node_modules: @swc/jest compiles them to CommonJS
 * (import.meta.url and import() included). A module that builds its own `require` with
 * `const require = createRequire(import.meta.url)` keeps using Jest's `require` instead, so what it
 * loads comes from the same module registry as everything else: that declaration is dropped first.
 */
const { createHash } = require('node:crypto');
const { createTransformer: createSwcTransformer } = require('@swc/jest');

const OWN_REQUIRE = /\b(?:const|let|var)\s+require\s*=\s*(?:[\w$]+\.)?createRequire\s*\([^()]*(?:\([^()]*\)[^()]*)*\)\s*;?/g;
const VERSION = 'drop-create-require-1';

function dropOwnRequire(src) {
  return src.includes('createRequire') ? src.replace(OWN_REQUIRE, '') : src;
}

module.exports = {
  createTransformer(options) {
    const swc = createSwcTransformer(options);
    return {
      canInstrument: swc.canInstrument,
      process: (src, filename, jestOptions) => swc.process(dropOwnRequire(src), filename, jestOptions),
      getCacheKey: (src, filename, ...rest) =>
        createHash('sha1').update(swc.getCacheKey(src, filename, ...rest)).update(VERSION).digest('hex'),
    };
  },
};
