import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-artifacts/**', 'public/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // Demo data is loaded by main.ts and `npm run demo` only; the code that serves requests never imports it.
    files: ['src/modules/**/*.ts', 'src/common/**/*.ts', 'src/config/**/*.ts', 'src/database/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['src/demo', 'src/demo/*', '**/demo', '**/demo/*'],
              message: 'src/demo is loaded only when demo data is asked for (main.ts, scripts/demo-data.ts); do not import it here.',
            },
          ],
        },
      ],
    },
  },
);
