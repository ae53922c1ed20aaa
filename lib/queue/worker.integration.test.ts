import { CreateBucketCommand, DeleteBucketPolicyCommand, PutBucketPolicyCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { recommendedPolicy } from '@/emulator/seed';
import { startWithClients } from '@/emulator/test-clients';
import { makeTempDataDir, sampleJobs } from './test-support';

// The real worker and SDK against the emulator on a random port, driven tick by tick (no timers).
const env = await startWithClients({ seed: true, pendingMs: 80, runningMs: 150, cancelMs: 50 });
Object.assign(process.env, {
  AWS_ENDPOINT_URL: env.emulator.url,
  AWS_REGION: 'us-east-2',
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'secret',
  LOGPORT_REGIONS: 'us-east-2,us-west-2',
});
makeTempDataDir();
const { enqueueJobs } = await import('./enqueue');
const { QueueWorker } = await import('./worker');
const { getDb } = await import('@/lib/db');
const { listActivity } = await import('@/lib/audit');
const { jobsOfBatch, writeSettings, readSettings } = await import('./store');

const alice = { name: 'alice', role: 'operator' as const };
const REGIONS = async () => ['us-east-2', 'us-west-2'];
const HOUR = 3_600_000;
const GROUPS = ['/aws/lambda/orders-api', '/aws/lambda/image-resizer', '/ecs/checkout-service'];

type Summary = {
  activeTask: { taskId: string } | null;
  regions: Record<string, { tasks: Record<string, number> }>;
};

/** Recent one-hour ranges keep the export small; names are unique per call. */
function jobs(count: number, extra: Parameters<typeof sampleJobs>[1] = {}) {
  const start = Date.now() - 3 * 24 * HOUR;
  return sampleJobs(count, { groups: GROUPS, ...extra }).map((j, i) => ({
    ...j,
    from: start + i * HOUR,
    to: start + (i + 1) * HOUR,
  }));
}

async function activeCount(): Promise<number> {
  const state = (await env.admin('state')) as unknown as Summary;
  return Object.values(state.regions).reduce(
    (n, r) => n + (r.tasks.PENDING ?? 0) + (r.tasks.RUNNING ?? 0),
    0,
  );
}

async function awsTasksNamed(names: string[]) {
  const out = await env.logs.send(
    new (await import('@aws-sdk/client-cloudwatch-logs')).DescribeExportTasksCommand({ limit: 50 }),
  );
  return (out.exportTasks ?? []).filter((t) => t.taskName && names.includes(t.taskName));
}

/** A fresh worker runs the queue dry while the emulator injects these faults (stats counted from zero). */
async function drainUnder(faults: Record<string, unknown>, timeoutMs: number): Promise<string> {
  const worker = new QueueWorker({ pollMs: 40, regions: REGIONS });
  await env.admin('stats/reset', {});
  await env.admin('faults', faults);
  try {
    return await worker.runUntilIdle(timeoutMs);
  } finally {
    await env.admin('faults', {});
    await worker.stop();
  }
}

function batchJobs(batchId: string) {
  return jobsOfBatch(batchId);
}

afterAll(async () => {
  await env.emulator.close();
});

beforeEach(async () => {
  const db = await getDb();
  await db
    .updateTable('queue_jobs')
    .set({ state: 'cancelled' })
    .where('state', 'in', ['queued', 'submitting'])
    .execute();
  await writeSettings({ paused: false, onFailure: 'continue' }, 'test');
  await writeSettings({ paused: false }, 'test', 'default');
  await db.deleteFrom('queue_lease').execute();
});

describe('queue worker against the emulator', () => {
  it('runs 12 jobs over 3 log groups to completion, in order, never two active exports', async () => {
    const planned = jobs(12);
    const { batchId } = await enqueueJobs(alice, planned);
    const worker = new QueueWorker({ pollMs: 40, regions: REGIONS });
    let maxActive = 0;
    let samples = 0;
    // Sample the emulator in the background as well as after each tick.
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        maxActive = Math.max(maxActive, await activeCount());
        samples++;
        await new Promise((r) => setTimeout(r, 15));
      }
    })();
    const result = await worker.runUntilIdle(60_000, async () => {
      maxActive = Math.max(maxActive, await activeCount());
    });
    sampling = false;
    await sampler;
    await worker.stop();

    expect(result).toBe('idle');
    expect(samples).toBeGreaterThan(20);
    expect(maxActive).toBe(1);
    const done = await batchJobs(batchId);
    expect(done.map((j) => j.state)).toEqual(Array(12).fill('completed'));
    expect(done.map((j) => j.awsStatus)).toEqual(Array(12).fill('COMPLETED'));
    // In order: each job was submitted after the one before it had finished.
    for (let i = 1; i < done.length; i++) {
      expect(done[i]!.submittedAt!).toBeGreaterThanOrEqual(done[i - 1]!.finishedAt!);
    }
    // Exactly one AWS task per job, and AWS created them in queue order.
    const tasks = await awsTasksNamed(planned.map((j) => j.taskName));
    expect(tasks).toHaveLength(12);
    const createdOrder = [...tasks]
      .sort((a, b) => (a.executionInfo?.creationTime ?? 0) - (b.executionInfo?.creationTime ?? 0))
      .map((t) => t.taskName);
    expect(createdOrder).toEqual(planned.map((j) => j.taskName));
  });

  it('completes every job exactly once while AWS throttles 30%, fails 5% and loses 5% of its answers', async () => {
    const planned = jobs(8);
    const { batchId } = await enqueueJobs(alice, planned);
    const result = await drainUnder({ throttleRate: 0.3, errorRate: 0.05, lostResponseRate: 0.05 }, 120_000);
    expect(result).toBe('idle');
    expect((await batchJobs(batchId)).map((j) => j.state)).toEqual(Array(8).fill('completed'));
    const tasks = await awsTasksNamed(planned.map((j) => j.taskName));
    for (const job of planned) {
      expect(
        tasks.filter((t) => t.taskName === job.taskName),
        job.taskName,
      ).toHaveLength(1);
    }
    // The faults really hit (5% each of ~200 calls: together, practically always at least one).
    const stats = (await env.admin('stats')) as Record<string, number>;
    expect(stats['faults:throttle']).toBeGreaterThan(0);
    expect((stats['faults:error'] ?? 0) + (stats['faults:lost'] ?? 0)).toBeGreaterThan(0);
  }, 150_000);

  it('adopts the task whose CreateExportTask answer was lost instead of submitting it again', async () => {
    const planned = jobs(2);
    const { batchId } = await enqueueJobs(alice, planned);
    const result = await drainUnder({ lostResponseRate: 1, operations: ['logs:CreateExportTask'] }, 60_000);
    expect(result).toBe('idle');
    expect((await batchJobs(batchId)).map((j) => j.state)).toEqual(['completed', 'completed']);
    // Every create "failed", yet each job was sent once and found by its name.
    const stats = (await env.admin('stats')) as Record<string, number>;
    expect(stats['logs:CreateExportTask']).toBe(2);
    const tasks = await awsTasksNamed(planned.map((j) => j.taskName));
    expect(tasks.map((t) => t.taskName).sort()).toEqual(planned.map((j) => j.taskName).sort());
    const launches = await listActivity({ action: 'export.launch', limit: 200 });
    const adopted = (await await batchJobs(batchId)).map(
      (j) => launches.filter((e) => e.detail?.adopted === true && e.detail?.jobId === j.id).length,
    );
    expect(adopted).toEqual([1, 1]);
  });

  it('waits while an export started outside Logport is active, then continues', async () => {
    const { CreateExportTaskCommand } = await import('@aws-sdk/client-cloudwatch-logs');
    await env.admin('config', { pendingMs: 300, runningMs: 600 });
    const outside = await env.logs.send(
      new CreateExportTaskCommand({
        taskName: `outside-${Date.now()}`,
        logGroupName: 'my-log-group',
        from: Date.now() - 2 * HOUR,
        to: Date.now() - HOUR,
        destination: 'logport-exports',
      }),
    );
    await env.admin('config', { pendingMs: 80, runningMs: 150 });
    const { batchId } = await enqueueJobs(alice, jobs(2));
    const worker = new QueueWorker({ pollMs: 50, regions: REGIONS });

    expect(await worker.tick()).toBe('waiting');
    expect((await batchJobs(batchId))[0]).toMatchObject({
      state: 'queued',
      waitReason: 'accountBusy',
      attempts: 0,
    });
    expect(await worker.runUntilIdle(30_000)).toBe('idle');
    await worker.stop();

    const done = await batchJobs(batchId);
    expect(done.map((j) => j.state)).toEqual(['completed', 'completed']);
    const { DescribeExportTasksCommand } = await import('@aws-sdk/client-cloudwatch-logs');
    const other = (await env.logs.send(new DescribeExportTasksCommand({ taskId: outside.taskId })))
      .exportTasks?.[0];
    expect(other?.status?.code).toBe('COMPLETED');
    expect(done[0]!.submittedAt!).toBeGreaterThanOrEqual(other!.executionInfo!.completionTime!);
  });

  it('treats LimitExceededException from an export in a Region it does not watch as "wait", not a failure', async () => {
    const { CreateExportTaskCommand } = await import('@aws-sdk/client-cloudwatch-logs');
    await env.admin('config', { pendingMs: 200, runningMs: 300 });
    const west = env.clients('us-west-2').logs;
    const { DescribeLogGroupsCommand } = await import('@aws-sdk/client-cloudwatch-logs');
    const group = (await west.send(new DescribeLogGroupsCommand({ limit: 1 }))).logGroups?.[0]?.logGroupName;
    await west.send(
      new CreateExportTaskCommand({
        logGroupName: group!,
        from: Date.now() - 2 * HOUR,
        to: Date.now() - HOUR,
        destination: 'logport-exports-west',
      }),
    );
    await env.admin('config', { pendingMs: 80, runningMs: 150 });
    const { batchId } = await enqueueJobs(alice, jobs(1));
    // This worker only checks us-east-2, so only CreateExportTask can tell it the account is busy.
    const worker = new QueueWorker({ pollMs: 50, regions: async () => ['us-east-2'] });
    expect(await worker.tick()).toBe('waiting');
    expect((await batchJobs(batchId))[0]).toMatchObject({
      state: 'queued',
      waitReason: 'accountBusy',
      attempts: 1,
    });
    expect(await worker.runUntilIdle(30_000)).toBe('idle');
    await worker.stop();
    expect((await batchJobs(batchId))[0]?.state).toBe('completed');
    expect(await awsTasksNamed([(await batchJobs(batchId))[0]!.taskName])).toHaveLength(1);
  });

  it('records a job that fails when its bucket policy is removed midway, and the rest continue', async () => {
    const bucket = `queue-policy-${Date.now()}`;
    await env.s3.send(
      new CreateBucketCommand({
        Bucket: bucket,
        CreateBucketConfiguration: { LocationConstraint: 'us-east-2' },
      }),
    );
    await env.s3.send(
      new PutBucketPolicyCommand({
        Bucket: bucket,
        Policy: recommendedPolicy(bucket, 'us-east-2', '123456789012'),
      }),
    );
    const planned = jobs(5).map((j, i) => (i === 1 || i === 2 ? { ...j, destination: bucket } : j));
    const { batchId } = await enqueueJobs(alice, planned);
    const worker = new QueueWorker({ pollMs: 30, regions: REGIONS });
    let removed = false;
    await worker.runUntilIdle(30_000, async (result) => {
      // Job 2 was just submitted to the bucket: take the policy away while it runs.
      if (!removed && result === 'submitted' && (await batchJobs(batchId))[1]?.state === 'running') {
        await env.s3.send(new DeleteBucketPolicyCommand({ Bucket: bucket }));
        removed = true;
      }
    });
    await worker.stop();
    expect(removed).toBe(true);
    const done = await batchJobs(batchId);
    expect(done.map((j) => j.state)).toEqual(['completed', 'failed', 'failed', 'completed', 'completed']);
    // Job 2 failed in AWS (its task ran without access); job 3 was refused by CreateExportTask.
    expect(done[1]).toMatchObject({ awsStatus: 'FAILED' });
    expect(done[1]?.awsMessage).toMatch(/permission|GetBucketAcl/i);
    expect(done[2]).toMatchObject({ errorCode: 'bucketPolicyDenied', taskId: null });
    expect(done[2]?.awsMessage).toMatch(/granted permission/i);
    const refused = await listActivity({ action: 'export.launch', outcome: 'error' });
    expect(refused[0]).toMatchObject({ actor: 'alice', target: planned[2]!.taskName });
  });

  it('pauses after a failure when set to, and goes on after resume', async () => {
    await writeSettings({ onFailure: 'pause' }, 'test');
    const planned = jobs(2).map((j, i) => (i === 0 ? { ...j, destination: 'my-exported-logs' } : j));
    const { batchId } = await enqueueJobs(alice, planned);
    const worker = new QueueWorker({ pollMs: 30, regions: REGIONS });
    expect(await worker.runUntilIdle(30_000)).toBe('paused');
    // The failing job's account pauses, not the whole queue.
    expect(await readSettings('default')).toMatchObject({
      paused: true,
      pausedAccount: true,
      updatedBy: 'queue',
    });
    expect(await readSettings()).toMatchObject({ paused: false });
    expect((await batchJobs(batchId)).map((j) => j.state)).toEqual(['failed', 'queued']);
    await writeSettings({ paused: false }, 'alice', 'default');
    expect(await worker.runUntilIdle(30_000)).toBe('idle');
    await worker.stop();
    expect((await batchJobs(batchId)).map((j) => j.state)).toEqual(['failed', 'completed']);
  });

  it('lets only the lease holder submit; another worker takes over once the lease expires', async () => {
    await env.admin('stats/reset', {});
    const { batchId } = await enqueueJobs(alice, jobs(2));
    const first = new QueueWorker({ pollMs: 30, leaseMs: 1_500, regions: REGIONS });
    const second = new QueueWorker({ pollMs: 30, leaseMs: 1_500, regions: REGIONS });
    expect(await first.tick()).toBe('submitted');
    for (let i = 0; i < 5; i++) expect(await second.tick()).toBe('standby');
    const stats = (await env.admin('stats')) as Record<string, number>;
    expect(stats['logs:CreateExportTask']).toBe(1);
    // The first worker dies without releasing: after the lease expires the second one carries on.
    await new Promise((r) => setTimeout(r, 1_600));
    expect(await second.runUntilIdle(30_000)).toBe('idle');
    expect(await first.tick()).toBe('standby');
    await second.stop();
    expect((await batchJobs(batchId)).map((j) => j.state)).toEqual(['completed', 'completed']);
    expect(((await env.admin('stats')) as Record<string, number>)['logs:CreateExportTask']).toBe(2);
  });
});
