import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { type Cluster, createDatabase, postgresAvailable, startCluster } from '../test/postgres-cluster';
import { emulator } from './support/emulator-admin';
import { E2E } from './support/env';

/**
 * Two production servers (`next start`) on one PostgreSQL, as a team runs Logport behind a load balancer. A rule
 * backfills ten windows; the replica holding the account's worker lease is killed with SIGKILL mid-run; the
 * other takes over within the lease time, every window is exported exactly once (counted by name in the
 * emulator), and the surviving replica shows the whole history.
 */
const LEASE_MS = 4_000;
const DAY = 86_400_000;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

type Replica = { port: number; url: string; child: ChildProcess; output: () => string };

async function startReplica(databaseUrl: string): Promise<Replica> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let out = '';
  const child = spawn(
    process.execPath,
    [require.resolve('next/dist/bin/next'), 'start', '-H', '127.0.0.1', '-p', String(port)],
    {
      env: {
        ...process.env,
        ...E2E.appEnv,
        NEXTAUTH_URL: url,
        LOGPORT_DATABASE_URL: databaseUrl,
        LOGPORT_QUEUE_LEASE_MS: String(LEASE_MS),
        LOGPORT_QUEUE_POLL_MS: '200',
        LOGPORT_SCHEDULER_TICK_MS: '500',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (d) => {
    out += String(d);
  });
  child.stderr?.on('data', (d) => {
    out += String(d);
  });
  for (let i = 0; ; i++) {
    const ok = await fetch(`${url}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (child.exitCode !== null || i > 600) throw new Error(`replica did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { port, url, child, output: () => out };
}

test.describe('several replicas on one PostgreSQL', () => {
  test.skip(!postgresAvailable(), 'PostgreSQL is not installed');
  test.setTimeout(300_000);
  let cluster: Cluster;
  const replicas: Replica[] = [];

  test.afterAll(async () => {
    for (const r of replicas) if (r.child.exitCode === null) r.child.kill('SIGKILL');
    await cluster?.stop();
  });

  test('the lease holder dies mid-backfill; the other replica finishes every window exactly once', async ({
    browser,
  }) => {
    cluster = await startCluster();
    const databaseUrl = await createDatabase(cluster.url(), 'failover');
    replicas.push(await startReplica(databaseUrl), await startReplica(databaseUrl));
    const [a, b] = replicas as [Replica, Replica];
    await emulator.setConfig({ pendingMs: 1_500, runningMs: 2_500 });

    // An admin signs in on replica A (the session lives in PostgreSQL, so B knows it too) and saves a rule.
    const context = await browser.newContext({ baseURL: a.url });
    const page = await context.newPage();
    await page.goto('/signin?callbackUrl=%2Frules');
    await page.getByLabel('User name').fill('admin');
    await page.getByLabel('Password').fill(E2E.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL(/\/rules/);
    const today = Math.floor(Date.now() / DAY) * DAY;
    const name = `failover-${Date.now().toString(36)}`;
    const saved = await page.request.post(`${a.url}/api/rules`, {
      headers: { Origin: a.url },
      data: {
        name,
        region: E2E.region,
        // Groups no other spec archives: the e2e server shares this emulator account, and its rules' coverage
        // would count these exports as archived by someone else.
        logGroups: { names: ['/ecs/inventory-worker', '/aws/eks/platform-cluster/cluster'] },
        bucket: 'logport-exports',
        prefixTemplate: 'failover/{logGroup}/{yyyy}{mm}{dd}',
        every: 'day',
        timeZone: 'UTC',
        settleMinutes: 0,
        backfillFrom: new Date(today - 5 * DAY).toISOString().slice(0, 10),
      },
    });
    expect(saved.status(), await saved.text()).toBe(201);
    const ruleId = ((await saved.json()) as { rule: { id: string } }).rule.id;

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const holder = async () =>
      (await db.query<{ owner: string }>("SELECT owner FROM queue_lease WHERE name = 'worker:default'"))
        .rows[0]?.owner ?? null;
    const states = async () =>
      (
        await db.query<{ state: string }>('SELECT state FROM queue_jobs WHERE rule_id = $1', [ruleId])
      ).rows.map((r) => r.state);
    try {
      // Mid-run: ten windows enqueued, two done, one in AWS.
      await expect
        .poll(async () => (await states()).filter((s) => s === 'completed').length, { timeout: 120_000 })
        .toBeGreaterThanOrEqual(2);
      await expect.poll(states, { timeout: 30_000 }).toContain('running');
      const first = await holder();
      const pid = Number(first?.split(':')[1]);
      const dying = replicas.find((r) => r.child.pid === pid);
      expect(dying, `lease holder ${first} is one of the replicas`).toBeDefined();
      const survivor = dying === a ? b : a;
      const killedAt = Date.now();
      dying?.child.kill('SIGKILL');

      // The survivor takes the lease within the lease time (plus a poll), and carries on.
      await expect.poll(holder, { timeout: LEASE_MS + 10_000 }).not.toBe(first);
      expect(Date.now() - killedAt).toBeLessThan(LEASE_MS + 10_000);
      expect(Number((await holder())?.split(':')[1])).toBe(survivor.child.pid);
      // Every window the rule queued is done (ten, less any day the seeded history had already archived).
      await expect
        .poll(
          async () => {
            const all = await states();
            return all.length >= 8 && all.every((s) => s === 'completed');
          },
          { timeout: 180_000 },
        )
        .toBe(true);

      // Exactly one AWS task per window, counted by name.
      const names = (
        await db.query<{ task_name: string }>('SELECT task_name FROM queue_jobs WHERE rule_id = $1', [ruleId])
      ).rows.map((r) => r.task_name);
      const listed = await page.request.get(`${survivor.url}/api/export-tasks?region=${E2E.region}&limit=50`);
      const seen = ((await listed.json()) as { tasks: { taskName: string | null }[] }).tasks.map(
        (t) => t.taskName,
      );
      for (const n of names)
        expect(
          seen.filter((s) => s === n),
          n,
        ).toHaveLength(1);

      // The surviving replica shows it all: the rule's coverage is complete.
      const survivorPage = await context.newPage();
      const coverage = await survivorPage.request.get(
        `${survivor.url}/api/coverage/overview?region=${E2E.region}&rule=${ruleId}&from=${today - 5 * DAY}&to=${today - 1}`,
      );
      expect(((await coverage.json()) as { totals: { percent: number } }).totals.percent).toBe(100);
      await survivorPage.goto(`${survivor.url}/queue`);
      await expect(survivorPage.getByText(name).first()).toBeVisible();
    } finally {
      await db.end();
      await context.close();
      await emulator.restoreConfig();
    }
  });
});
