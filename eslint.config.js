// Type-aware lint that blocks: no floating promises, no `any`, no `.only`,
// no Node built-ins in browser or service-worker code.
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'stream',
  'util',
  'zlib',
  'buffer',
  'events',
  'worker_threads',
  'process',
].flatMap((m) => [m, `node:${m}`]);

// Full zod is ~14 KB brotli more than zod/mini in every page and the service worker.
const noClassicZod = { name: 'zod', message: "Browser code uses 'zod/mini' (size budget)." };

const noOnly = {
  selector:
    "CallExpression[callee.type='MemberExpression'][callee.property.name='only'][callee.object.name=/^(test|it|describe|suite)$/]",
  message: '.only would skip the other tests.',
};
const noOnlyChained = {
  selector:
    "MemberExpression[property.name='only'][object.type='MemberExpression'][object.property.name=/^(describe|serial|parallel)$/]",
  message: '.only would skip the other tests.',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'dist-server',
      'data',
      'test-results',
      'playwright-report',
      'scripts',
      'eslint.config.js',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', noOnly, noOnlyChained],
    },
  },
  {
    files: ['src/**', 'service-worker/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: 'No Node built-ins in browser code.' })),
            noClassicZod,
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...[...nodeBuiltins, 'dexie', 'solid-js', 'i18next'].map((name) => ({
              name,
              message: 'src/core has no DOM, Dexie or Node imports.',
            })),
            noClassicZod,
          ],
        },
      ],
    },
  },
);
