import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { DescribeExportTasksCommand, type ExportTask } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, describe, expect, it } from 'vitest';
import { startWithClients } from '@/emulator/test-clients';
import { makeTempDataDir, sampleJobs } from './test-support';

// A real worker process (scripts/queue-worker.ts) killed with SIGKILL mid-submission and mid-run, then
// restarted on the same data folder: every job completes and AWS holds exactly one task per job.
// Phases long enough that a worker on a loaded CI machine is still following a task when it is killed.
const env = await startWithClients({ seed: true, pendingMs: 1_500, runningMs: 3_000 });
const dataDir = makeTempDataDir();
Object.assign(process.env, {
  AWS_ENDPOINT_URL: env.emulator.url,
  AWS_REGION: 'us-east-2',
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'secret',
});
const { enqueueJobs } = await import('./enqueue');
const { getDb } = await import('@/lib/db');
const { listActivity } = await import('@/lib/audit');

const LEASE_MS = 1_500;
const children: ChildProcess[] = [];

function startWorker(): ChildProcess {
  const child = spawn(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', path.resolve('scripts/queue-worker.ts')],
    {
      env: {
        ...process.env,
        LOGPORT_DATA_DIR: dataDir,
        LOGPORT_QUEUE_POLL_MS: '100',
        LOGPORT_QUEUE_LEASE_MS: String(LEASE_MS),
        LOGPORT_REGIONS: 'us-east-2,us-west-2',
        NODE_NO_WARNINGS: '1',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  children.push(child);
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

// Read the queue the way an operator's page would: straight from the shared database file.
const db = await getDb();
const states = async () =>
  (await db.selectFrom('queue_jobs').select('state').orderBy('position').execute()).map(
    (r) => r.state as string,
  );

async function waitFor(
  what: string,
  check: (states: string[]) => boolean,
  timeoutMs = 40_000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check(await states())) {
    if (Date.now() > end)
      throw new Error(`timed out waiting for ${what}; states: ${(await states()).join(',')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function allTasks(): Promise<ExportTask[]> {
  const out = await env.logs.send(new DescribeExportTasksCommand({ limit: 50 }));
  return out.exportTasks ?? [];
}

afterAll(async () => {
  for (const c of children) await kill(c);
  await env.emulator.close();
});

describe('queue worker crash recovery (SIGKILL)', () => {
  it('completes every job exactly once after being killed while submitting and while running', async () => {
    const HOUR = 3_600_000;
    const start = Date.now() - 3 * 24 * HOUR;
    const planned = sampleJobs(4, { groups: ['/aws/lambda/orders-api', '/ecs/checkout-service'] }).map(
      (j, i) => ({
        ...j,
        from: start + i * HOUR,
        to: start + (i + 1) * HOUR,
      }),
    );
    await enqueueJobs({ name: 'alice', role: 'operator' }, planned);

    // 1. CreateExportTask is slow: the kill lands after the intent is recorded, while the call is in flight.
    await env.admin('faults', { latencyMs: 1_200, operations: ['CreateExportTask'] });
    await env.admin('stats/reset', {});
    const first = startWorker();
    await waitFor('a job in submitting', (s) => s.includes('submitting'));
    // Kill only once the emulator has the request (it counts it before the injected latency): in flight.
    for (let i = 0; i < 500; i++) {
      const stats = (await env.admin('stats')) as Record<string, number>;
      if ((stats['logs:CreateExportTask'] ?? 0) >= 1) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await kill(first);
    expect((await states())[0]).toBe('submitting');
    // The emulator finishes the request the dead worker sent: AWS now holds a task the queue never heard of.
    let orphans: ExportTask[] = [];
    for (let i = 0; i < 500 && orphans.length === 0; i++) {
      orphans = (await allTasks()).filter((t) => t.taskName === planned[0]!.taskName);
      if (orphans.length === 0) await new Promise((r) => setTimeout(r, 50));
    }
    await env.admin('faults', {});
    expect(orphans).toHaveLength(1);

    // 2. Restart; kill again while a job runs in AWS.
    const second = startWorker();
    await waitFor('a running job after adoption', (s) => s.includes('running'), 40_000);
    const runningIndex = (await states()).indexOf('running');
    await kill(second);
    expect((await states())[runningIndex]).toBe('running');

    // 3. Restart once more and let it drain the queue.
    const third = startWorker();
    await waitFor('every job completed', (s) => s.every((x) => x === 'completed'), 90_000);
    await kill(third);

    const tasks = await allTasks();
    for (const job of planned) {
      expect(
        tasks.filter((t) => t.taskName === job.taskName),
        job.taskName,
      ).toHaveLength(1);
    }
    const launches = await listActivity({ action: 'export.launch', limit: 200 });
    expect(launches.filter((e) => e.detail?.adopted === true)).toHaveLength(1);
  }, 180_000);
});
