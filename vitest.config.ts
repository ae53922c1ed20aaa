import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The store's behaviour must not depend on the engine: these suites run again against PostgreSQL.
const STORE_SUITES = [
  'lib/db/**/*.test.ts',
  'lib/queue/**/*.test.ts',
  'lib/audit/**/*.test.ts',
  'lib/rules/*.integration.test.ts',
  'lib/coverage/*.integration.test.ts',
  'lib/accounts/*.integration.test.ts',
  'lib/auth/*.integration.test.ts',
  'lib/alerts/*.integration.test.ts',
];

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      // `server-only` throws outside a React Server Components bundle; tests run server code directly.
      'server-only': fileURLToPath(new URL('./test/server-only-stub.ts', import.meta.url)),
    },
  },
  test: {
    exclude: ['node_modules', 'e2e', '.next'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['{lib,emulator,components,scripts,bench,test}/**/*.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: STORE_SUITES,
          globalSetup: ['test/postgres-global-setup.ts'],
          setupFiles: ['test/postgres-file-setup.ts'],
        },
      },
    ],
  },
});
