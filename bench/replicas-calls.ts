import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from '@playwright/test';
import { startEmulator } from '../emulator/server';
import { upsertUser } from '../lib/auth/users-admin';
import { startFlags } from '../scripts/start-flags';
import { type Cluster, createDatabase, postgresAvailable, startCluster } from '../test/postgres-cluster';
import { type Figure, round } from './lib/figures';
import { CHROMIUM_ARGS, freePort } from './lib/stack';

/**
 * The 20-dashboard poll cost with two replicas (issue 17). The shared answers cache is per replica, so AWS
 * calls should scale with replicas, not with viewers: 20 /exports pages on one replica against 10 + 10 on two
 * replicas of one PostgreSQL, an export task RUNNING in the emulator throughout, counting the emulator's
 * DescribeExportTasks calls over the window. Target: two replicas cost at most 2.2x one (2x, plus room for
 * polls that land on either side of the window's edges). With the polls paced out (nothing changes while the
 * task runs), one replica made about 8 calls a minute here, so the window is two minutes by default: one call
 * more or less at an edge then moves the ratio by about 0.1, not 0.25.
 * Both replicas run in both windows (the idle one's background work counts in each), so only where the
 * dashboards are differs. `npx tsx bench/replicas-calls.ts` runs it alone (after `npx next build`);
 * BENCH_REPLICAS_WINDOW_MS shortens the window (default two minutes; figures are per minute).
 */
const WINDOW_MS = Number(process.env.BENCH_REPLICAS_WINDOW_MS || 120_000);
const DASHBOARDS = 20;
const TARGET = 2.2;
const PASSWORD = 'bench-password-123';
const root = path.resolve(__dirname, '..');

type Replica = { url: string; child: ChildProcess };

async function startReplica(env: Record<string, string>, dataDir: string): Promise<Replica> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  mkdirSync(dataDir, { recursive: true });
  const child = spawn(
    process.execPath,
    [...startFlags(), require.resolve('next/dist/bin/next'), 'start', '-H', '127.0.0.1', '-p', String(port)],
    {
      cwd: root,
      // Each replica has its own disk (as on two machines); the users file and the database are shared.
      env: { ...process.env, ...env, NEXTAUTH_URL: url, LOGPORT_DATA_DIR: dataDir },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  for (let i = 0; ; i++) {
    const ok = await fetch(`${url}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (child.exitCode !== null) throw new Error(`replica exited with ${child.exitCode}`);
    if (i > 240) throw new Error('next start did not answer within 120 s');
    await new Promise((r) => setTimeout(r, 500));
  }
  return { url, child };
}

export async function run(): Promise<Figure[]> {
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  if (!existsSync(path.join(root, distDir, 'BUILD_ID')))
    throw new Error('No production build: run `npx next build` first.');
  if (!postgresAvailable())
    return [
      {
        name: `DescribeExportTasks ratio, ${DASHBOARDS} dashboards on 2 / 1 replicas`,
        value: Number.NaN,
        unit: 'x',
        target: `<= ${TARGET}`,
        pass: false,
        detail: 'PostgreSQL is not installed (Debian: apt-get install -y postgresql)',
      },
    ];

  const emulator = await startEmulator({ port: 0, seed: true, pendingMs: 2_000, runningMs: 3_600_000 });
  const tmp = mkdtempSync(path.join(tmpdir(), 'logport-bench-replicas-'));
  const usersFile = path.join(tmp, 'users.txt');
  await upsertUser(usersFile, 'bench', { role: 'operator', password: PASSWORD }, 'upsert');
  let cluster: Cluster | undefined;
  const replicas: Replica[] = [];
  const contexts: BrowserContext[] = [];
  const browser = await chromium.launch({
    executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const admin = async (what: string, body?: unknown) =>
    (await fetch(`${emulator.url}/_emulator/${what}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then((r) => r.json())) as Record<string, number>;
  const describeCalls = async () => (await admin('stats'))['logs:DescribeExportTasks'] ?? 0;

  try {
    cluster = await startCluster();
    const databaseUrl = await createDatabase(cluster.url(), 'bench_replicas');
    const env = {
      NODE_ENV: 'production',
      NEXT_DIST_DIR: distDir,
      NEXTAUTH_SECRET: 'bench-secret-not-for-production-0123456789',
      AWS_ENDPOINT_URL: emulator.url,
      AWS_ACCESS_KEY_ID: 'AKIABENCH00000000000',
      AWS_SECRET_ACCESS_KEY: 'bench-secret-access-key-not-real-0000000',
      AWS_REGION: 'us-east-2',
      LOGPORT_REGIONS: 'us-east-2',
      LOGPORT_USERS_FILE: usersFile,
      LOGPORT_DATABASE_URL: databaseUrl,
    };
    // One after the other: the second finds the schema migrated (the start-up lock is tested elsewhere).
    replicas.push(await startReplica(env, path.join(tmp, 'a')));
    replicas.push(await startReplica(env, path.join(tmp, 'b')));
    const [a, b] = replicas as [Replica, Replica];

    // Sign in once on A: the session lives in PostgreSQL, and the cookie (host 127.0.0.1) goes to both ports.
    const signIn = await browser.newContext({ baseURL: a.url });
    const page = await signIn.newPage();
    await page.goto('/signin');
    await page.getByLabel('User name').fill('bench');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL('**/exports');
    const storageState = await signIn.storageState();
    await signIn.close();

    /** DescribeExportTasks calls during the window with `split[i]` dashboards open on replica i. */
    const callsWith = async (split: number[], label: string): Promise<number> => {
      await admin('reset', {});
      await admin('seed', {});
      const { CloudWatchLogsClient, CreateExportTaskCommand } = await import(
        '@aws-sdk/client-cloudwatch-logs'
      );
      const logs = new CloudWatchLogsClient({
        region: 'us-east-2',
        endpoint: emulator.url,
        credentials: { accessKeyId: 'AKIABENCH', secretAccessKey: 'bench' },
      });
      const now = Date.now();
      // RUNNING for the whole window (runningMs is an hour): the dashboards poll at their busy pace.
      await logs.send(
        new CreateExportTaskCommand({
          logGroupName: 'my-log-group',
          from: now - 86_400_000,
          to: now,
          destination: 'logport-exports',
          destinationPrefix: `bench-replicas-${label}`,
        }),
      );
      const opened: BrowserContext[] = [];
      for (const [i, count] of split.entries()) {
        const replica = replicas[i];
        if (!replica || count === 0) continue;
        const context = await browser.newContext({ baseURL: replica.url, storageState });
        contexts.push(context);
        opened.push(context);
        for (let n = 0; n < count; n++) await (await context.newPage()).goto('/exports');
      }
      await new Promise((r) => setTimeout(r, 3_000));
      const before = await describeCalls();
      await new Promise((r) => setTimeout(r, WINDOW_MS));
      const after = await describeCalls();
      for (const context of opened) await context.close();
      return after - before;
    };

    const one = await callsWith([DASHBOARDS, 0], 'one');
    const two = await callsWith([DASHBOARDS / 2, DASHBOARDS / 2], 'two');
    const perMinute = (n: number) => (n * 60_000) / WINDOW_MS;
    const ratio = one === 0 ? Number.POSITIVE_INFINITY : two / one;
    return [
      {
        name: `DescribeExportTasks / min, ${DASHBOARDS} dashboards on 1 replica, task running`,
        value: round(perMinute(one)),
        unit: 'calls',
        target: 'info',
        pass: true,
        detail: `${a.url}; the second replica (${b.url}) up with no dashboards`,
      },
      {
        name: `DescribeExportTasks / min, ${DASHBOARDS} dashboards on 2 replicas (${DASHBOARDS / 2} + ${DASHBOARDS / 2}), task running`,
        value: round(perMinute(two)),
        unit: 'calls',
        target: 'info',
        pass: true,
        detail: `both replicas on one PostgreSQL; ${two} calls in the window, against ${one} on one replica`,
      },
      {
        name: `AWS calls ratio, ${DASHBOARDS} dashboards on 2 / 1 replicas`,
        value: round(ratio, 2),
        unit: 'x',
        target: `<= ${TARGET}`,
        pass: ratio <= TARGET,
        detail: `window ${round(WINDOW_MS / 1_000)} s`,
      },
    ];
  } finally {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser.close();
    for (const r of replicas) if (r.child.exitCode === null) r.child.kill('SIGTERM');
    await Promise.all(
      replicas.map((r) =>
        r.child.exitCode === null
          ? Promise.race([
              new Promise((done) => r.child.once('exit', done)),
              new Promise((done) => setTimeout(done, 10_000)),
            ])
          : Promise.resolve(),
      ),
    );
    await cluster?.stop();
    await emulator.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void run().then((figures) => {
    for (const f of figures)
      console.log(
        `${f.pass ? 'PASS' : 'FAIL'}  ${f.name}: ${f.value} ${f.unit} (target ${f.target}) — ${f.detail ?? ''}`,
      );
  });
}
