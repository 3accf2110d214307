import { defineConfig } from 'vitest/config';

// Tests own their clock: UTC unless a test sets Asia/Kuwait itself.
process.env.TZ = 'UTC';

const ignored = ['**/node_modules/**', 'data/**', '.venv/**', '**/dist/**', 'transform/target/**'];

export default defineConfig({
  test: {
    globals: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['**/*.test.ts', '**/*.test.tsx'],
          exclude: [...ignored, '**/*.int.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['**/*.int.test.ts'],
          exclude: ignored,
          globalSetup: ['testing/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
