// Flat ESLint config. The import boundaries below are the architecture:
//   schema/ is pure (no app/, no sw/); sw/ never imports app/;
//   only app/data/ touches Dexie, IndexedDB or crypto.subtle;
//   app/features/<name>/ never imports another feature; no import cycles;
//   the UI (features, shell, ui) reaches data only through operations
//   (app/data/operations.ts), read hooks and the small data APIs, never the
//   storage internals (store, records-io, db, the unit of work, ops/).
import { readdirSync, existsSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';

const featuresDir = 'app/features';
const features = existsSync(featuresDir)
  ? readdirSync(featuresDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
  : [];

// What only app/data/ itself may import: the UI goes through operations and hooks.
const dataInternals = [
  './app/data/store.ts',
  './app/data/records-io.ts',
  './app/data/db.ts',
  './app/data/unit-of-work.ts',
  './app/data/ops',
];
const uiDirs = ['./app/features', './app/shell', './app/ui'];

const storageMessage = 'Only app/data/ may touch storage or WebCrypto. Use an operation or hook from app/data/.';

const subtleSelectors = ["MemberExpression[property.name='subtle']", "MemberExpression[property.value='subtle']"].map(
  (selector) => ({ selector, message: storageMessage }),
);

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'dev-dist/**',
      '.profiles/**',
      'bench/results.json',
      'bench/results-unlock.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.browser } },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './schema',
              from: ['./app', './sw'],
              message: 'schema/ is pure: it imports nothing from app/ or sw/.',
            },
            { target: './sw', from: './app', message: 'The service worker never imports app code.' },
            {
              target: uiDirs,
              from: dataInternals,
              message:
                'The UI does not reach into storage: call runOperation (app/data/operations.ts), a read hook or app/data/drafts.ts.',
            },
            ...features.map((name) => ({
              target: `./app/features/${name}`,
              from: './app/features',
              except: [`./${name}`],
              message: 'Features do not import each other; move shared code to app/ui or schema/.',
            })),
          ],
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'dexie', message: storageMessage },
            { name: 'dexie-react-hooks', message: storageMessage },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'indexedDB', message: storageMessage },
        { name: 'IDBKeyRange', message: storageMessage },
      ],
      'no-restricted-syntax': ['error', ...subtleSelectors],
    },
  },
  {
    files: ['app/data/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': 'off',
      'no-restricted-globals': 'off',
      'no-restricted-syntax': 'off',
    },
  },
  {
    files: ['sw/**/*.ts'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    // Node-side tooling and tests: they may read raw IndexedDB to prove it holds no plaintext.
    files: ['scripts/**', 'e2e/**', '*.config.{js,ts}', 'vitest.setup.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    // Playwright fixtures call `use()`, which is not React's hook.
    rules: { 'no-restricted-globals': 'off', 'no-restricted-syntax': 'off', 'react-hooks/rules-of-hooks': 'off' },
  },
  // The bench (npm run bench): its build output is not source.
  { ignores: ['bench/.out/**'] },
  {
    // Bench-only code measures storage and WebCrypto directly (the raw IndexedDB
    // baseline, the pure-JS KDF check); the app never imports it.
    files: ['bench/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser, ...globals.serviceworker } },
    rules: { 'no-restricted-globals': 'off', 'no-restricted-syntax': 'off' },
  },
);
