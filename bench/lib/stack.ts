import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { type Browser, chromium } from '@playwright/test';
import { type RunningEmulator, startEmulator } from '../../emulator/server';
import { upsertUser } from '../../lib/auth/users-admin';
import { startFlags } from '../../scripts/start-flags';

/**
 * What every benchmark runs against: the emulator on loopback and Logport's production build
 * (`next start`, built by `npm run bench` before this), with a signed-in session cookie per role.
 */
export interface Stack {
  emulator: RunningEmulator;
  appUrl: string;
  server: ChildProcess;
  browser: Browser;
  cookie: string;
  storageState: string;
  admin(path: string, body?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

const root = path.resolve(__dirname, '..', '..');
const PASSWORD = 'bench-password-123';
// The same Node flags `npm start` uses (package.json), so the bench measures the server as shipped.
// BENCH_CPU_PROF=<folder>: the server also writes a V8 CPU profile there when it stops (open it in Chrome's
// DevTools, Performance tab), to see where a figure's time goes.
const START_FLAGS = [
  ...startFlags(),
  ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
];

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function startStack(options: { pendingMs?: number; runningMs?: number } = {}): Promise<Stack> {
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  if (!existsSync(path.join(root, distDir, 'BUILD_ID')))
    throw new Error('No production build: run `npx next build` first.');
  const emulator = await startEmulator({
    port: 0,
    seed: true,
    pendingMs: options.pendingMs ?? 2_000,
    runningMs: options.runningMs ?? 150_000,
  });
  const dataDir = path.join(root, 'bench', '.tmp', 'data');
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const usersFile = path.join(dataDir, 'users.txt');
  await upsertUser(usersFile, 'bench', { role: 'operator', password: PASSWORD }, 'upsert');

  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const server = spawn(
    process.execPath,
    [...START_FLAGS, require.resolve('next/dist/bin/next'), 'start', '-H', '127.0.0.1', '-p', String(port)],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_DIST_DIR: distDir,
        NEXTAUTH_SECRET: 'bench-secret-not-for-production-0123456789',
        NEXTAUTH_URL: appUrl,
        AWS_ENDPOINT_URL: emulator.url,
        AWS_ACCESS_KEY_ID: 'AKIABENCH00000000000',
        AWS_SECRET_ACCESS_KEY: 'bench-secret-access-key-not-real-0000000',
        AWS_REGION: 'us-east-2',
        LOGPORT_REGIONS: 'us-east-2',
        LOGPORT_DATA_DIR: dataDir,
        LOGPORT_USERS_FILE: usersFile,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${appUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 120) throw new Error('next start did not answer within 60 s');
    await new Promise((r) => setTimeout(r, 500));
  }

  const browser = await chromium.launch({
    executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext({ baseURL: appUrl });
  const page = await context.newPage();
  await page.goto('/signin');
  await page.getByLabel('User name').fill('bench');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL('**/exports');
  const storageState = path.join(root, 'bench', '.tmp', 'state.json');
  await context.storageState({ path: storageState });
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  await context.close();

  return {
    emulator,
    appUrl,
    server,
    browser,
    cookie,
    storageState,
    async admin(adminPath, body) {
      const res = await fetch(`${emulator.url}/_emulator/${adminPath}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return res.json();
    },
    async stop() {
      await browser.close();
      server.kill('SIGTERM');
      await emulator.close();
    },
  };
}

/** The emulator's count of one operation (e.g. `logs:DescribeExportTasks`). */
export async function operationCount(stack: Stack, operation: string): Promise<number> {
  const stats = (await stack.admin('stats')) as Record<string, number>;
  return stats[operation] ?? 0;
}
