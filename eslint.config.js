// Lint: typescript-eslint's recommended set over the whole tree, plus the architecture's
// boundaries (tools/lint/boundaries.mjs: which folder may import which) and a pure sync core
// (no network, storage or clock of its own: they are injected so it runs deterministically in tests).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import architecture from './tools/lint/boundaries.mjs';

const CLOCK_AND_IO = [
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Inject a clock.' },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Inject a clock.' },
];

export default tseslint.config(
  { ignores: ['dist/', 'dist-server/', 'node_modules/', 'data/', 'test-results/', 'bench-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { architecture },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      'architecture/boundaries': 'error',
    },
  },
  {
    // Views read the device database through hooks and write through store modules (types are fine).
    files: ['src/app/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/storage/database'],
              importNames: ['db'],
              allowTypeImports: true,
              message: 'Views read through a hook (queries.ts) and write through a store module.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/sync/engine.ts', 'src/app/sync/scheduler.ts', 'src/app/sync/backoff.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['fetch', 'XMLHttpRequest', 'indexedDB', 'localStorage', 'navigator', 'performance'].map((name) => ({
          name,
          message: 'The sync core takes its transport and storage as arguments.',
        })),
        ...['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'].map((name) => ({
          name,
          message: 'The sync core takes its timers as arguments.',
        })),
      ],
      'no-restricted-syntax': ['error', ...CLOCK_AND_IO],
    },
  },
);
