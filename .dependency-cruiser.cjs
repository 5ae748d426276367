/**
 * The code's borders, checked by `npm run lint` (README.md "Architecture"):
 *   config ← database ← common ← modules ← app (src/app*.ts, src/main.ts)
 * A module is used by others only through its index.ts; modules import each other without cycles;
 * src/demo is loaded only when demo data is asked for and sees the modules as outsiders do.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Files import each other in one direction only (entities may name each other in relations).',
      from: { path: '^src/', pathNot: '\\.entity\\.ts$' },
      to: { circular: true },
    },
    {
      name: 'module-internals',
      severity: 'error',
      comment: 'Another module is used only through its public surface, src/modules/<name>/index.ts.',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'outsiders-use-the-public-surface',
      severity: 'error',
      comment: 'The app, the demo data and the scripts use a module only through its index.ts.',
      from: { path: '^(src/[^/]+\\.ts$|src/demo/|scripts/)' },
      to: { path: '^src/modules/[^/]+/', pathNot: '^src/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'common-is-shared',
      severity: 'error',
      comment: 'src/common serves every module and imports none of them (nor the demo data).',
      from: { path: '^src/common/' },
      to: { path: '^src/(modules|demo)/' },
    },
    {
      name: 'database-owns-no-tables',
      severity: 'error',
      comment: 'src/database holds the connection and the migrations runner; each module owns its entities.',
      from: { path: '^src/database/' },
      to: { path: '^src/(modules|demo|common)/' },
    },
    {
      name: 'config-stands-alone',
      severity: 'error',
      comment: 'Settings are read and validated before anything else exists.',
      from: { path: '^src/config/' },
      to: { path: '^src/(?!config/)' },
    },
    {
      name: 'demo-stays-out',
      severity: 'error',
      comment: 'Only main.ts and scripts/demo-data.ts load src/demo.',
      from: { path: '^src/(?!demo/|main\\.ts$)' },
      to: { path: '^src/demo/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.spec\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
