import { defineConfig } from '@playwright/test';
import { E2E } from './e2e/support/env';

/**
 * End-to-end tests: Debian's Chromium against a production build (`next build` runs before this, see
 * `npm run test:e2e`) and the seeded emulator, both started here. One worker: the tests share one emulator
 * account, where AWS allows a single active export at a time. `scripts/e2e.mjs` runs two such stacks side by
 * side (E2E_APP_PORT and E2E_EMULATOR_PORT apart, each with its own data folder, reports and results).
 */
export default defineConfig({
  testDir: './e2e',
  outputDir: `test-results/${E2E.appPort}`,
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI
    ? [['list'], ['html', { open: 'never', outputFolder: `playwright-report/${E2E.appPort}` }]]
    : [['list']],
  use: {
    baseURL: E2E.appUrl,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    locale: 'en-US',
    timezoneId: 'UTC',
    launchOptions: {
      executablePath: E2E.chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/ },
    { name: 'chromium', testIgnore: /auth\.setup\.ts/, dependencies: ['setup'] },
  ],
  webServer: [
    {
      command: `npx tsx emulator/main.ts --seed --port ${E2E.emulatorPort}`,
      url: `${E2E.emulatorUrl}/_emulator/health`,
      env: E2E.emulatorEnv,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
    },
    {
      command: `npx tsx scripts/e2e-prepare.ts && npx next start -H 127.0.0.1 -p ${E2E.appPort}`,
      url: `${E2E.appUrl}/api/health`,
      env: E2E.appEnv,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
    },
  ],
});
