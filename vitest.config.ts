import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    allowOnly: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // The machine has 2 cores; each server test file also starts its own PGlite.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts', 'server/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          // Migrates and seeds one PGlite database per run; each test file starts from its snapshot.
          globalSetup: ['tests/server/setup/global-setup.ts'],
        },
      },
    ],
  },
});
