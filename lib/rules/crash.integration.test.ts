import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DescribeExportTasksCommand,
  type ExportTask,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { CreateBucketCommand, PutBucketPolicyCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { recommendedPolicy } from '@/emulator/seed';
import { startWithClients } from '@/emulator/test-clients';
import { makeTempDataDir } from '@/lib/queue/test-support';

// A rule's backfill run by a real worker process (scripts/queue-worker.ts: the queue and the scheduler under
// one lease, as in the server) that is killed with SIGKILL mid-run and started again: every window is exported
// exactly once (counted by name in the emulator).
const env = await startWithClients({ seed: true, pendingMs: 400, runningMs: 900, cancelMs: 100 });
const dataDir = makeTempDataDir();
Object.assign(process.env, {
  AWS_ENDPOINT_URL: env.emulator.url,
  AWS_REGION: 'us-east-2',
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'secret',
  LOGPORT_REGIONS: 'us-east-2',
});
const { saveRule } = await import('./service');
const { getDb } = await import('@/lib/db');

const DAY = 86_400_000;
const BUCKET = 'rules-crash-archive';
const GROUPS = ['/crash/a', '/crash/b', '/crash/c'];
const today = Math.floor(Date.now() / DAY) * DAY;
const firstDay = today - 3 * DAY;
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
        LOGPORT_SCHEDULER_TICK_MS: '200',
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

const db = await getDb();
const ruleJobStates = async () =>
  (await db.selectFrom('queue_jobs').select('state').where('rule_id', 'is not', null).execute()).map(
    (r) => r.state as string,
  );

async function waitFor(
  what: string,
  check: (states: string[]) => boolean,
  timeoutMs = 60_000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check(await ruleJobStates())) {
    if (Date.now() > end)
      throw new Error(`timed out waiting for ${what}; states: ${(await ruleJobStates()).join(',')}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function tasksTo(bucket: string): Promise<ExportTask[]> {
  const out: ExportTask[] = [];
  let nextToken: string | undefined;
  do {
    const page = await env.logs.send(new DescribeExportTasksCommand({ limit: 50, nextToken }));
    out.push(...(page.exportTasks ?? []).filter((t) => t.destination === bucket));
    nextToken = page.nextToken;
  } while (nextToken);
  return out;
}

afterAll(async () => {
  for (const c of children) await kill(c);
  await env.emulator.close();
});

describe('a rule survives SIGKILL of its worker', () => {
  it('exports 3 groups x 3 days exactly once although the worker is killed twice mid-run', async () => {
    await env.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    await env.s3.send(
      new PutBucketPolicyCommand({
        Bucket: BUCKET,
        Policy: recommendedPolicy(BUCKET, 'us-east-2', '123456789012'),
      }),
    );
    for (const name of GROUPS) {
      await env.logs.send(new CreateLogGroupCommand({ logGroupName: name }));
      await env.logs.send(new CreateLogStreamCommand({ logGroupName: name, logStreamName: 's' }));
      for (let d = 0; d < 3; d++)
        await env.logs.send(
          new PutLogEventsCommand({
            logGroupName: name,
            logStreamName: 's',
            logEvents: [{ timestamp: firstDay + d * DAY + 60_000, message: `${name} ${d}` }],
          }),
        );
    }
    const saved = await saveRule(
      { name: 'ada', role: 'admin' },
      {
        name: 'crash-daily',
        region: 'us-east-2',
        logGroups: { prefix: '/crash/' },
        bucket: BUCKET,
        prefixTemplate: 'crash/{logGroup}/{yyyy}{mm}{dd}',
        every: 'day',
        timeZone: 'UTC',
        settleMinutes: 0,
        backfillFrom: new Date(firstDay).toISOString().slice(0, 10),
      },
    );
    expect(saved.ok).toBe(true);

    const first = startWorker();
    await waitFor('a running rule export', (s) => s.includes('running'));
    await kill(first);
    const second = startWorker();
    await waitFor(
      'a later running export',
      (s) => s.filter((x) => x === 'completed').length >= 2 && s.includes('running'),
    );
    await kill(second);
    const third = startWorker();
    await waitFor(
      'all 9 windows completed',
      (s) => s.length === 9 && s.every((x) => x === 'completed'),
      120_000,
    );
    await kill(third);

    const tasks = await tasksTo(BUCKET);
    expect(tasks).toHaveLength(9);
    const names = tasks.map((t) => t.taskName);
    expect(new Set(names).size).toBe(9);
    const windows = new Set(tasks.map((t) => `${t.logGroupName}@${t.from}`));
    expect(windows.size).toBe(9);
  }, 240_000);
});
