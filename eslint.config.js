import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/**
 * The layers Rabt's production code may import (README, "Layers"). domain/ is the shared
 * core at the bottom; each layer imports only itself and domain/; cli/ (and the benches,
 * the evaluation and the test harness) wire the layers together.
 */
export const LAYERS = ['simulator', 'ingestion', 'transform', 'ml', 'semantic', 'dashboards'];
const WIRING = ['cli', 'bench', 'evaluation', 'testing', 'scripts', 'bin'];

/** Tests and the code that only tests run: they may reach across layers to set a scene up. */
export const TEST_FILES = [
  '**/*.test.ts',
  '**/*.test.tsx',
  '**/*.int.test.ts',
  '**/e2e/**',
  '**/fixtures/**',
  '**/testing/**',
  '**/test-support/**',
  '**/test-fixtures.ts',
  '**/*-test-helpers.ts',
  '**/warehouse-fixture.ts',
  '**/malformed-corpus.ts',
];

const layerZones = [
  { target: './domain', from: [...LAYERS, ...WIRING].map((l) => `./${l}`), message: 'domain/ imports no layer.' },
  ...LAYERS.map((layer) => ({
    target: `./${layer}`,
    from: [...LAYERS.filter((l) => l !== layer), ...WIRING].map((l) => `./${l}`),
    message: `${layer}/ imports only itself and domain/; wire layers together in cli/.`,
  })),
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'data/',
      '.venv/',
      '**/dist/',
      'transform/target/',
      'transform/dbt_packages/',
      'artifacts/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        window: 'readonly',
        document: 'readonly',
        fetch: 'readonly',
        localStorage: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    ignores: TEST_FILES,
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      // A function a reader can hold in their head.
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
);
