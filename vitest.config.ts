import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'bench/test/**/*.test.ts', 'apps/*/test/**/*.test.ts', 'apps/*/test/**/*.test.tsx'],
    // The run's PostgreSQL, and one migrated PGlite image every in-memory test database starts from.
    globalSetup: ['./tooling/testing/src/global-setup.ts', './apps/server/test/support/pglite-image.setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two files at a time, whatever the core count: CI's two cores finish the suite in about two thirds of
    // the time one file at a time takes (vitest's default there), and a fixed number keeps the load on
    // the timing-sensitive tests the same on every machine.
    maxWorkers: 2,
  },
});
