import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { DescribeExportTasksCommand } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, describe, expect, it } from 'vitest';
import { startWithClients } from '@/emulator/test-clients';
import { sampleJobs } from '@/lib/queue/test-support';

// Four Logport processes start at the same moment against an empty PostgreSQL database: the migrations run
// exactly once (the others wait on the advisory lock, then find nothing to do) and exactly one of them runs the
// account's worker (the lease), so every job is exported once. Runs in the `postgres` project.
const url = process.env.LOGPORT_DATABASE_URL;
const env = await startWithClients({ seed: true, pendingMs: 100, runningMs: 200, cancelMs: 50 });
const children: ChildProcess[] = [];
const { migrations } = await import('./migrations');

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await env.emulator.close();
});

function start(): { child: ChildProcess; output: () => string } {
  let out = '';
  const child = spawn(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', path.resolve('scripts/queue-worker.ts')],
    {
      env: {
        ...process.env,
        LOGPORT_DATABASE_URL: url,
        AWS_ENDPOINT_URL: env.emulator.url,
        AWS_REGION: 'us-east-2',
        AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'secret',
        LOGPORT_REGIONS: 'us-east-2',
        LOGPORT_QUEUE_POLL_MS: '50',
        NODE_NO_WARNINGS: '1',
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
  children.push(child);
  return { child, output: () => out };
}

describe.skipIf(!url)('replicas starting together on one PostgreSQL', () => {
  it('migrate once and run one worker, so every job is exported once', async () => {
    const procs = Array.from({ length: 4 }, start);
    const deadline = Date.now() + 60_000;
    while (procs.some((p) => !p.output().includes('queue workers running'))) {
      if (procs.some((p) => p.child.exitCode !== null))
        throw new Error(`a process stopped: ${procs.map((p) => p.output()).join('\n---\n')}`);
      if (Date.now() > deadline) throw new Error('the processes did not start');
      await new Promise((r) => setTimeout(r, 50));
    }
    const all = procs.map((p) => p.output()).join('\n');
    for (let v = 1; v <= migrations.length; v++) {
      expect(all.match(new RegExp(`\\[db\\] migration ${v} \\(`, 'g')) ?? [], `migration ${v}`).toHaveLength(
        1,
      );
    }

    // Jobs queued now are exported by whichever process holds the account's lease, each exactly once.
    const { enqueueJobs } = await import('@/lib/queue/enqueue');
    const { getDb } = await import('./index');
    const start0 = Date.now() - 2 * 86_400_000;
    const planned = sampleJobs(5, { groups: ['/aws/lambda/orders-api'] }).map((j, i) => ({
      ...j,
      from: start0 + i * 3_600_000,
      to: start0 + (i + 1) * 3_600_000,
    }));
    await enqueueJobs({ name: 'ada', role: 'operator' }, planned);
    const db = await getDb();
    const holders = new Set<string>();
    for (;;) {
      const lease = await db
        .selectFrom('queue_lease')
        .select('owner')
        .where('name', '=', 'worker:default')
        .execute();
      expect(lease.length).toBeLessThanOrEqual(1);
      for (const l of lease) holders.add(l.owner);
      const states = (await db.selectFrom('queue_jobs').select('state').execute()).map((r) => r.state);
      if (states.every((s) => s === 'completed')) break;
      if (Date.now() > deadline + 60_000) throw new Error(`jobs did not finish: ${states.join(',')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(holders.size).toBe(1);
    const tasks = (await env.logs.send(new DescribeExportTasksCommand({ limit: 50 }))).exportTasks ?? [];
    for (const job of planned) expect(tasks.filter((t) => t.taskName === job.taskName)).toHaveLength(1);
  }, 180_000);
});
