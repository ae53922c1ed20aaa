import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import type { BrowserContext, Page } from '@playwright/test';
import { upsertUser } from '../lib/auth/users-admin';
import { startFlags } from '../scripts/start-flags';
import type { Figure } from './lib/figures';
import { median, round } from './lib/figures';
import { freePort, type Stack } from './lib/stack';

/**
 * /accounts with 20 accounts x 2 Regions (issue 16): the overview's Largest Contentful Paint, and what its polling
 * costs AWS with 1 and with 10 pages open. The emulator acts as any 12-digit account: 19 member accounts get a role
 * (IAM CreateRole, trusting the emulator's default account) and a little history in both Regions; with `default`
 * that makes 20. A second Logport server runs with that accounts file (the shared bench server has none).
 */

const ROOT = path.resolve(__dirname, '..');
const MEMBERS = 19;
const REGIONS = ['us-east-2', 'us-west-2'];
const RUNS = 5;
const PASSWORD = 'bench-password-123';
// Two minutes: one page polls every 30 s plus the time an answer takes, so a minute may hold one look or two.
const WINDOW_MS = Number(process.env.BENCH_ACCOUNTS_WINDOW_MS || 120_000);
const POLLED = ['sts:GetCallerIdentity', 'sts:AssumeRole', 'logs:DescribeExportTasks'];

const memberId = (i: number) => `3000000000${String(i + 1).padStart(2, '0')}`;

async function createMembers(stack: Stack): Promise<string> {
  const { accountId } = (await stack.admin('health')) as { accountId: string };
  const trust = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: 'sts:AssumeRole' },
    ],
  });
  const lines = ['accounts:'];
  for (let i = 0; i < MEMBERS; i++) {
    const id = memberId(i);
    // A 12-digit access key id acts as that account (emulator/README.md): its own IAM creates its role.
    const iam = new IAMClient({
      region: 'us-east-1',
      endpoint: stack.emulator.url,
      credentials: { accessKeyId: id, secretAccessKey: 'bench' },
    });
    try {
      await iam.send(new CreateRoleCommand({ RoleName: 'LogportExporter', AssumeRolePolicyDocument: trust }));
    } catch (err) {
      if ((err as Error).name !== 'EntityAlreadyExistsException') throw err;
    }
    iam.destroy();
    for (const region of REGIONS)
      await stack.admin('export-tasks/bulk', { region, count: 20, accountId: id, spanDays: 7 });
    lines.push(
      `  - name: member-${String(i + 1).padStart(2, '0')}`,
      `    roleArn: arn:aws:iam::${id}:role/LogportExporter`,
      `    regions: [${REGIONS.join(', ')}]`,
    );
  }
  const dir = path.join(ROOT, 'bench', '.tmp', 'accounts');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'accounts.yaml');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

type Server = { url: string; child: ChildProcess; storageState: string };

/** A production server like the shared one, with the accounts file and both Regions for `default`. */
async function startServer(stack: Stack, accountsFile: string): Promise<Server> {
  const dataDir = path.join(ROOT, 'bench', '.tmp', 'accounts', 'data');
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const usersFile = path.join(dataDir, 'users.txt');
  await upsertUser(usersFile, 'bench', { role: 'viewer', password: PASSWORD }, 'upsert');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [...startFlags(), require.resolve('next/dist/bin/next'), 'start', '-H', '127.0.0.1', '-p', String(port)],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || '.next',
        NEXTAUTH_SECRET: 'bench-secret-not-for-production-0123456789',
        NEXTAUTH_URL: url,
        AWS_ENDPOINT_URL: stack.emulator.url,
        AWS_ACCESS_KEY_ID: 'AKIABENCH00000000000',
        AWS_SECRET_ACCESS_KEY: 'bench-secret-access-key-not-real-0000000',
        AWS_REGION: REGIONS[0],
        LOGPORT_REGIONS: REGIONS.join(','),
        LOGPORT_ACCOUNTS: accountsFile,
        LOGPORT_DATA_DIR: dataDir,
        LOGPORT_USERS_FILE: usersFile,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 120) throw new Error('the accounts bench server did not answer within 60 s');
    await new Promise((r) => setTimeout(r, 500));
  }
  const context = await stack.browser.newContext({ baseURL: url });
  const page = await context.newPage();
  await page.goto('/signin');
  await page.getByLabel('User name').fill('bench');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL('**/exports');
  const storageState = path.join(ROOT, 'bench', '.tmp', 'accounts', 'state.json');
  await context.storageState({ path: storageState });
  await context.close();
  return { url, child, storageState };
}

const SCOPES = (MEMBERS + 1) * REGIONS.length;

async function openOverview(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/accounts');
  await page
    .getByTestId('account-region')
    .nth(SCOPES - 1)
    .waitFor();
  return page;
}

async function lcpOnce(stack: Stack, server: Server): Promise<{ lcp: number; ttfb: number }> {
  const context = await stack.browser.newContext({ baseURL: server.url, storageState: server.storageState });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __lcp: number };
    w.__lcp = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__lcp = e.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await page.goto('/accounts', { waitUntil: 'load' });
  const shown = await page.getByTestId('account-region').count();
  if (shown !== SCOPES) throw new Error(`/accounts showed ${shown} Regions, expected ${SCOPES}`);
  await page.waitForLoadState('networkidle');
  const m = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return { lcp: (window as unknown as { __lcp: number }).__lcp, ttfb: nav?.responseStart ?? 0 };
  });
  await context.close();
  return m;
}

async function stats(stack: Stack): Promise<Record<string, number>> {
  return (await stack.admin('stats')) as Record<string, number>;
}

/** AWS calls the emulator counts in the window with `count` overview pages open (all visible). */
async function pollCost(stack: Stack, server: Server, count: number) {
  const context = await stack.browser.newContext({ baseURL: server.url, storageState: server.storageState });
  const pages: Page[] = [];
  for (let i = 0; i < count; i++) pages.push(await openOverview(context));
  const visible = await Promise.all(pages.map((p) => p.evaluate(() => document.visibilityState)));
  if (visible.some((v) => v !== 'visible')) throw new Error(`pages not visible: ${visible.join(',')}`);
  await new Promise((r) => setTimeout(r, 3_000));
  const t0 = Date.now();
  const polls: number[] = [];
  for (const p of pages)
    p.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/accounts') polls.push(Date.now() - t0);
    });
  const before = await stats(stack);
  await new Promise((r) => setTimeout(r, WINDOW_MS));
  const after = await stats(stack);
  await context.close();
  const by = Object.fromEntries(POLLED.map((op) => [op, (after[op] ?? 0) - (before[op] ?? 0)]));
  const total = POLLED.reduce((sum, op) => sum + (by[op] ?? 0), 0);
  return { total, by, polls: polls.length };
}

export async function run(stack: Stack): Promise<Figure[]> {
  const server = await startServer(stack, await createMembers(stack));
  try {
    // The first load assumes 19 roles and asks every Region; it is shown apart and not counted.
    const cold = await lcpOnce(stack, server);
    const runs: Array<{ lcp: number; ttfb: number }> = [];
    for (let i = 0; i < RUNS; i++) runs.push(await lcpOnce(stack, server));
    const lcps = runs.map((r) => r.lcp);
    const lcp = median(lcps);
    // The API route keeps its own clients and answers (a route handler is a module instance apart from the page's):
    // it is asked twice first, so neither window pays its first role assumptions. Both windows then start with the
    // shared answers expired (the identity lasts 15 s, the newest task 30 s).
    const warm = await stack.browser.newContext({ baseURL: server.url, storageState: server.storageState });
    const warmPage = await openOverview(warm);
    for (let i = 0; i < 2; i++) {
      const status = await warmPage.evaluate(async () => (await fetch('/api/accounts')).status);
      if (status !== 200) throw new Error(`GET /api/accounts answered ${status}`);
    }
    await warm.close();
    await new Promise((r) => setTimeout(r, 31_000));
    const one = await pollCost(stack, server, 1);
    await new Promise((r) => setTimeout(r, 31_000));
    const ten = await pollCost(stack, server, 10);
    const ratio = one.total === 0 ? Number.POSITIVE_INFINITY : ten.total / one.total;
    const perMinute = (n: number) => round((n * 60_000) / WINDOW_MS);
    const detail = (c: { by: Record<string, number>; polls: number }) =>
      `${POLLED.map((op) => `${op} ${perMinute(c.by[op] ?? 0)}`).join(', ')}; ${c.polls} overview polls in ${WINDOW_MS / 1000} s`;
    return [
      {
        name: `/accounts LCP, ${MEMBERS + 1} accounts x ${REGIONS.length} Regions`,
        value: round(lcp),
        unit: 'ms',
        target: '< 1500',
        pass: lcp < 1500,
        detail: `runs ${runs.map((r) => `${Math.round(r.lcp)} (first byte ${Math.round(r.ttfb)})`).join(' / ')}; first load (roles assumed, nothing cached) ${Math.round(cold.lcp)} (first byte ${Math.round(cold.ttfb)}) ms`,
      },
      {
        name: 'AWS calls / min, 1 /accounts page open',
        value: perMinute(one.total),
        unit: 'calls',
        target: 'info',
        pass: true,
        detail: detail(one),
      },
      {
        name: 'AWS calls / min, 10 /accounts pages open',
        value: perMinute(ten.total),
        unit: 'calls',
        target: 'info',
        pass: true,
        detail: detail(ten),
      },
      {
        name: 'AWS calls ratio 10 / 1 /accounts pages',
        value: round(ratio, 2),
        unit: 'x',
        target: '<= 1.5',
        pass: ratio <= 1.5,
      },
    ];
  } finally {
    server.child.kill('SIGTERM');
  }
}
