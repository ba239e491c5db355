import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts', 'server/**/*.test.ts'],
    environment: 'node',
    allowOnly: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
