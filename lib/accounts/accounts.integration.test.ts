import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  DescribeExportTasksCommand,
  DescribeLogGroupsCommand,
  type ExportTask,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, describe, expect, it } from 'vitest';
import { startWithClients } from '@/emulator/test-clients';
import { makeTempDataDir, sampleJobs } from '@/lib/queue/test-support';

// Several accounts from one Logport, against the emulator: the default account (ambient keys) and prod, reached
// by STS AssumeRole, each with its own queue worker and lease, in parallel; a third account whose role does
// not exist fails alone.
const env = await startWithClients({ seed: true, pendingMs: 150, runningMs: 300, cancelMs: 50 });
const dir = mkdtempSync(path.join(tmpdir(), 'logport-accounts-'));
const accountsFile = path.join(dir, 'accounts.yaml');
writeFileSync(
  accountsFile,
  [
    'accounts:',
    '  - name: prod',
    '    roleArn: arn:aws:iam::111111111111:role/LogportExporter',
    '    regions: [us-east-2]',
    '  - name: broken',
    '    roleArn: arn:aws:iam::333333333333:role/NoSuchRole',
    '    regions: [us-east-2]',
  ].join('\n'),
);
Object.assign(process.env, {
  AWS_ENDPOINT_URL: env.emulator.url,
  AWS_REGION: 'us-east-2',
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'secret',
  LOGPORT_REGIONS: 'us-east-2',
  LOGPORT_ACCOUNTS: accountsFile,
});
makeTempDataDir();
const { enqueueJobs } = await import('@/lib/queue/enqueue');
const { QueueWorker } = await import('@/lib/queue/worker');
const { jobsOfBatch } = await import('@/lib/queue/store');
const { logsClient } = await import('@/lib/aws/clients');
const { getIdentity } = await import('@/lib/aws/identity');
const { accountsOverview } = await import('./overview');

const alice = { name: 'alice', role: 'operator' as const };
const HOUR = 3_600_000;
const prod = { account: 'prod', region: 'us-east-2' };
const home = { account: 'default', region: 'us-east-2' };

afterAll(async () => {
  await env.emulator.close();
});

async function tasksOf(scope: typeof prod): Promise<ExportTask[]> {
  return (await logsClient(scope).send(new DescribeExportTasksCommand({ limit: 50 }))).exportTasks ?? [];
}

function jobsIn(account: string, group: string, bucket: string) {
  const start = Date.now() - 3 * 24 * HOUR;
  return sampleJobs(4, { groups: [group], destination: bucket }).map((j, i) => ({
    ...j,
    account,
    from: start + i * HOUR,
    to: start + (i + 1) * HOUR,
  }));
}

describe('accounts', () => {
  it('two accounts run 4-job queues at once, each never with two active exports, each task in its own account', async () => {
    const homeJobs = jobsIn('default', '/aws/lambda/orders-api', 'logport-exports');
    // prod writes into the central archive bucket of the default account, whose policy lets prod in.
    const prodJobs = jobsIn('prod', '/aws/lambda/orders-api', 'central-archive-use2');
    const a = await enqueueJobs(alice, homeJobs);
    const b = await enqueueJobs(alice, prodJobs);
    const workers = [
      new QueueWorker({ account: 'default', pollMs: 30 }),
      new QueueWorker({ account: 'prod', pollMs: 30 }),
    ];
    let maxHome = 0;
    let maxProd = 0;
    let overlap = false;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const [h, p] = await Promise.all([tasksOf(home), tasksOf(prod)]);
        const activeHome = h.filter((t) => ['PENDING', 'RUNNING'].includes(t.status?.code ?? '')).length;
        const activeProd = p.filter((t) => ['PENDING', 'RUNNING'].includes(t.status?.code ?? '')).length;
        maxHome = Math.max(maxHome, activeHome);
        maxProd = Math.max(maxProd, activeProd);
        overlap ||= activeHome > 0 && activeProd > 0;
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const results = await Promise.all(workers.map((w) => w.runUntilIdle(60_000)));
    sampling = false;
    await sampler;
    await Promise.all(workers.map((w) => w.stop()));
    expect(results).toEqual(['idle', 'idle']);
    expect((await jobsOfBatch(a.batchId)).map((j) => j.state)).toEqual(Array(4).fill('completed'));
    expect((await jobsOfBatch(b.batchId)).map((j) => j.state)).toEqual(Array(4).fill('completed'));
    expect(maxHome).toBe(1);
    expect(maxProd).toBe(1);
    // In parallel: the two accounts had exports running at the same moment.
    expect(overlap).toBe(true);
    // Each job's task is in its own account (and only there).
    const homeNames = new Set((await tasksOf(home)).map((t) => t.taskName));
    const prodNames = new Set((await tasksOf(prod)).map((t) => t.taskName));
    for (const j of homeJobs) expect(homeNames.has(j.taskName) && !prodNames.has(j.taskName)).toBe(true);
    for (const j of prodJobs) expect(prodNames.has(j.taskName) && !homeNames.has(j.taskName)).toBe(true);
  });

  it('a role that cannot be assumed stops only its account, in plain words', async () => {
    const broken = jobsIn('broken', '/aws/lambda/orders-api', 'logport-exports').slice(0, 1);
    const ok = jobsIn('default', '/ecs/checkout-service', 'logport-exports').slice(0, 1);
    const b = await enqueueJobs(alice, broken);
    const a = await enqueueJobs(alice, ok);
    const brokenWorker = new QueueWorker({ account: 'broken', pollMs: 30 });
    const homeWorker = new QueueWorker({ account: 'default', pollMs: 30 });
    expect(await brokenWorker.tick()).toBe('waiting');
    expect(await homeWorker.runUntilIdle(30_000)).toBe('idle');
    await Promise.all([brokenWorker.stop(), homeWorker.stop()]);
    expect((await jobsOfBatch(a.batchId))[0]?.state).toBe('completed');
    expect((await jobsOfBatch(b.batchId))[0]).toMatchObject({
      state: 'queued',
      errorCode: 'assumeRoleDenied',
    });

    const words = (code: string) => `words for ${code}`;
    const overview = await accountsOverview(undefined, words);
    const region = (name: string) => overview.find((x) => x.name === name)?.regions[0];
    expect(region('broken')).toMatchObject({
      reachable: false,
      errorCode: 'assumeRoleDenied',
      error: 'words for assumeRoleDenied',
      queued: 1,
    });
    expect(region('prod')).toMatchObject({ reachable: true, errorCode: null });
    expect(region('default')).toMatchObject({ reachable: true });
    expect(overview.find((x) => x.name === 'prod')?.id).toBe('111111111111');
  });

  it('replaces short-lived role credentials before they expire, without a failed request', async () => {
    // Credentials that live 302 s: the SDK refreshes 300 s ahead, so every few requests a new AssumeRole.
    await env.admin('config', { assumeRoleMaxSeconds: 302 });
    await env.admin('stats/reset', {});
    const fresh = { account: 'prod', region: 'us-west-2' };
    // Regions not listed for prod in the file still get a client; only the credentials matter here.
    for (let i = 0; i < 12; i++) {
      const out = await logsClient(fresh).send(new DescribeLogGroupsCommand({ limit: 1 }));
      expect(out.logGroups?.length).toBe(1);
      await new Promise((r) => setTimeout(r, 400));
    }
    const stats = (await env.admin('stats')) as Record<string, number>;
    expect(stats['sts:AssumeRole']).toBeGreaterThanOrEqual(2);
    expect(stats['auth:ExpiredToken'] ?? 0).toBe(0);
    expect((await getIdentity(fresh)).arn).toMatch(/assumed-role\/LogportExporter\//);
    await env.admin('config', { assumeRoleMaxSeconds: null });
  });
});
