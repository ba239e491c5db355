// Type-aware lint that blocks: no floating promises, no `any`, no `.only`,
// no Node built-ins in browser or service-worker code, and no import against
// the app's one-way directions (docs/architecture.md, "Who may import whom").
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

/** The five rooms of the app, one folder each under src/routes/. */
const ROOMS = ['citizen', 'staff', 'officer', 'kiosk', 'public'];

/**
 * no-restricted-imports (static imports and re-exports) and no-restricted-syntax
 * (dynamic import()) for browser code: the Node built-ins and full zod always;
 * plus `packages`, and relative imports of the src/ `folders` named (or any
 * matching `outward`), refused with `because`.
 */
function boundary({ packages = [], folders = [], outward, because } = {}) {
  const regex = outward ?? (folders.length > 0 ? `^(\\.\\./)+(${folders.join('|')})(/|$)` : undefined);
  const paths = [
    ...nodeBuiltins.map((name) => ({ name, message: 'No Node built-ins in browser code.' })),
    ...packages.map((name) => ({ name, message: because })),
    noClassicZod,
  ];
  // esquery reads a regex up to its first unescaped slash.
  const selector = regex && `ImportExpression[source.value=/${regex.replaceAll('/', '\\/')}/]`;
  return {
    rules: {
      'no-restricted-imports': ['error', { paths, patterns: regex ? [{ regex, message: because }] : [] }],
      'no-restricted-syntax': [
        'error',
        noOnly,
        noOnlyChained,
        ...(selector ? [{ selector, message: because }] : []),
      ],
    },
  };
}

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
  // The directions. Each folder below gets one block (a later block replaces
  // an earlier one's options for the same rule, so each repeats the browser
  // bans). Relative imports are matched as written, at any depth of `../`:
  // a longer climb than the file needs names a folder that does not exist,
  // so matching it too costs nothing. Dynamic import() is checked as well.
  { files: ['src/**', 'service-worker/**'], ...boundary() },
  {
    files: ['src/core/**'],
    ...boundary({
      packages: ['dexie', 'solid-js', 'i18next'],
      because: 'src/core has no DOM, Dexie or Node imports, and imports nothing outside src/core.',
      outward: '^\\.\\./',
    }),
  },
  {
    files: ['src/db/**'],
    ...boundary({
      folders: ['sync', 'ui', 'forms', 'routes'],
      because: 'src/db only stores: the page (or the worker) that wrote asks src/sync for a flush.',
    }),
  },
  {
    files: ['src/sync/**'],
    ...boundary({
      folders: ['ui', 'forms', 'routes'],
      because: 'src/sync moves data; pages and the app shell show it.',
    }),
  },
  {
    files: ['src/ui/**'],
    ...boundary({
      folders: ['db', 'sync', 'forms', 'routes'],
      because: 'Building blocks receive data, paths and callbacks; the shell or a page wires them.',
    }),
  },
  {
    files: ['src/forms/**'],
    ...boundary({
      folders: ['sync', 'routes'],
      because: 'The form engine is handed its paths and navigate by the page that hosts it (contract.ts).',
    }),
  },
  ...ROOMS.map((room) => ({
    files: [`src/routes/${room}/**`],
    ...boundary({
      // Another room's pages, or the sync/db code of its own (src/sync/<room>/, src/db/<room>/).
      outward: `^(\\.\\./)+((sync|db)/)?(${ROOMS.filter((r) => r !== room).join('|')})(/|$)`,
      because:
        'No room imports another room: what rooms share lives beside them in src/routes/ or in the folders below.',
    }),
  })),
);
