/**
 * Unit specs live beside the code (src/**\/*.spec.ts); integration, HTTP and browser specs in test/.
 * NestJS 12 ships as ES modules; the app (CommonJS) loads them through Node's require(esm), which
 * Jest's module runtime lacks on Node 20, so Jest compiles those packages to CommonJS with Babel.
 */
const esmPackages = ['@nestjs', 'file-type', 'strtok3', 'token-types', 'peek-readable', '@tokenizer', 'uint8array-extras', 'load-esm', '@electric-sql'];

module.exports = {
  rootDir: '.',
  moduleFileExtensions: ['js', 'mjs', 'cjs', 'json', 'ts'],
  testRegex: '(src|test)/.*\\.spec\\.ts$',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    '^.+\\.[mc]?js$': [
      'babel-jest',
      {
        babelrc: false,
        configFile: false,
        plugins: [require.resolve('./test/support/babel-drop-create-require.js'), 'babel-plugin-transform-import-meta', '@babel/plugin-transform-dynamic-import', '@babel/plugin-transform-modules-commonjs'],
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: { '^src/(.*)$': '<rootDir>/src/$1', '^test/(.*)$': '<rootDir>/test/$1' },
  testEnvironment: 'node',
  testTimeout: 60000,
};
